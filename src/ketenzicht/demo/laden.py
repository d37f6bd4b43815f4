"""Write a generated demo history into the configured database, with progress, in one go.

The demo is loaded into an empty database (or replaces an earlier demo with ``vervang``), in a
single transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, models, transaction

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.models import (
    Aanbod,
    Besluit,
    Capaciteit,
    Hulpvraag,
    IjwBericht,
    JeugdhulpToewijzing,
    Zorgperiode,
)
from ketenzicht.demo import bemiddeling as demo_bemiddeling
from ketenzicht.demo import doorbraakregistratie, feiten, generator, opslag, stamdata
from ketenzicht.demo.logins import (
    DemoLogin,
    applicatiebeheerder,
    jeugdbeschermer_login,
    logins,
)
from ketenzicht.demo.opslag import DemoFout, Voortgang
from ketenzicht.demo.verhuizingen import verhuizingen
from ketenzicht.doorbraak.models import Afspraak, Escalatie, EscalatieOvergang, Mijlpaalregistratie
from ketenzicht.kinderen.models import (
    Gezin,
    Kind,
    Maatregel,
    MaatregelCorrectie,
    Toewijzing,
    Triage,
    Woonplaats,
)
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Lidmaatschap,
    Medewerker,
    Organisatie,
    Werklastnorm,
)

SCHALEN = {"klein": 600, "landelijk": 32_500}
KLEIN_GIS = 3


def opdracht(schaal: str, seed: int, tot: date) -> feiten.Opdracht:
    if schaal not in SCHALEN:
        raise DemoFout(f"Onbekende schaal {schaal!r}; kies uit {', '.join(SCHALEN)}.")
    gis = stamdata.GIS[:KLEIN_GIS] if schaal == "klein" else stamdata.GIS
    totaal_gewicht = sum(w for _, w, _ in gis)
    return feiten.Opdracht(
        gis=tuple(
            (naam, round(SCHALEN[schaal] * w / totaal_gewicht), tuple(c for c, _, _ in gem))
            for naam, w, gem in gis
        ),
        seed=seed,
        tot=tot,
    )


DEMO_TABELLEN: Sequence[type[models.Model]] = (
    IjwBericht,
    JeugdhulpToewijzing,
    Zorgperiode,
    Besluit,
    Hulpvraag,
    Capaciteit,
    Aanbod,
    EscalatieOvergang,
    Escalatie,
    Afspraak,
    Mijlpaalregistratie,
    Triage,
    Toewijzing,
    MaatregelCorrectie,
    Maatregel,
    Woonplaats,
    Kind,
    Gezin,
    BeschikbaarheidsPeriode,
    Medewerker,
    Werklastnorm,
    Lidmaatschap,
    Organisatie,
)
"""What ``--vervang`` empties. The audit log is never emptied: it only ever grows."""


def _organisaties(
    gis: Iterable[str], registratie_vanaf: date | None
) -> tuple[dict[str, Organisatie], dict[str, Organisatie]]:
    """The organisations; the GIs register everything from the first day of the history (who
    left before it is not in the demo)."""
    regio: dict[str, Organisatie] = {}
    gemeenten: dict[str, Organisatie] = {}
    for code, naam, regionaam in stamdata.LANDELIJK:
        if regionaam not in regio:
            regio[regionaam] = Organisatie.objects.create(
                naam=f"Jeugdregio {regionaam}", type=Organisatie.Type.JEUGDREGIO
            )
        gemeenten[code] = Organisatie.objects.create(
            naam=f"Gemeente {naam}",
            type=Organisatie.Type.GEMEENTE,
            gemeentecode=code,
            regio=regio[regionaam],
        )
    for regionaam, r in regio.items():
        Organisatie.objects.create(
            naam=f"Regionaal expertteam {regionaam}", type=Organisatie.Type.EXPERTTEAM, regio=r
        )
    Organisatie.objects.create(
        naam="Ministerie van Justitie en Veiligheid", type=Organisatie.Type.MINISTERIE
    )
    gi = {
        n: Organisatie.objects.create(
            naam=n, type=Organisatie.Type.GI, registratie_vanaf=registratie_vanaf
        )
        for n in gis
    }
    return gi, gemeenten


def _leeg() -> bool:
    return not any(m.objects.exists() for m in DEMO_TABELLEN)  # type: ignore[attr-defined]


def _leegmaken() -> None:
    tabellen = [m._meta.db_table for m in DEMO_TABELLEN]
    sql = connection.ops.sql_flush(no_style(), tabellen, reset_sequences=True, allow_cascade=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # TRUNCATE refuses while FK checks are pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for regel in sql:
            cursor.execute(regel)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    get_user_model().objects.filter(is_superuser=False).delete()
    cache.clear()  # figures kept of the data just removed (the cache outlives a process)


def _sequenties_bijwerken() -> None:
    sql = connection.ops.sequence_reset_sql(no_style(), [*DEMO_TABELLEN, AuditRegel])
    with connection.cursor() as cursor:
        for regel in sql:
            cursor.execute(regel)


@transaction.atomic
def laad(
    *, schaal: str, seed: int, tot: date, vervang: bool = False, voortgang: Voortgang
) -> list[DemoLogin]:
    """Generate and store the demo; returns the demo logins (password ``DEMO_WACHTWOORD``)."""
    taak = opdracht(schaal, seed, tot)
    if not _leeg():
        if not vervang:
            raise DemoFout(
                "De database bevat al gegevens; gebruik --vervang om de demo te herladen."
            )
        _leegmaken()
    uit = generator.genereer(taak, voortgang)
    gi, gemeenten = _organisaties((naam for naam, _, _ in taak.gis), uit.begin)
    opslag.werklastnormen(gi, taak.tot - timedelta(days=365 * taak.jaren))
    gemaakt = logins(gi, gemeenten[taak.gis[0][2][0]])
    opslag.personeel(uit, gi, voortgang)
    opslag.kinderen(uit, seed, gemeenten, verhuizingen(uit, taak), voortgang)
    opslag.maatregelen(uit, gi, voortgang)
    gemaakt.append(jeugdbeschermer_login(next(iter(gi.values())), tot))
    gemaakt.append(applicatiebeheerder())
    doorbraakregistratie.opslaan(uit, seed, tot, gemeenten, voortgang)
    voortgang("zorgbemiddeling", 0, 1)
    demo_bemiddeling.laad(seed=seed, tot=tot, gis=gi, gemeenten=gemeenten)
    voortgang("zorgbemiddeling", 1, 1)
    opslag.auditregels(voortgang)
    _sequenties_bijwerken()
    return gemaakt
