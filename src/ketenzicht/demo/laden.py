"""Write a generated demo history into the configured database, with progress, in one go.

The demo is loaded into an empty database (or replaces an earlier demo with ``vervang``), in a
single transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel, InzageBuitenCaseload
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
from ketenzicht.demo.opslag import DemoFout, Voortgang
from ketenzicht.demo.verhuizingen import verhuizingen
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.inzage import GELDIGHEID, Inzagereden, auditdoel
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
from ketenzicht.organisaties.selectors import werklastnorm
from ketenzicht.planning.selectors import beschikbare_medewerkers, werkvoorraad

SCHALEN = {"klein": 600, "landelijk": 32_500}
KLEIN_GIS = 3
DEMO_WACHTWOORD = "ketenzicht-demo"


@dataclass(frozen=True)
class DemoLogin:
    gebruikersnaam: str
    organisatie: str
    rol: str


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


def demo_logins() -> list[DemoLogin]:
    """The logins of the loaded demo (all with ``DEMO_WACHTWOORD``)."""
    leden = Lidmaatschap.objects.select_related("gebruiker", "organisatie").order_by("pk")
    logins = [
        DemoLogin(lid.gebruiker.username, lid.organisatie.naam, lid.get_rol_display())
        for lid in leden
    ]
    if get_user_model().objects.filter(username=APPLICATIEBEHEERDER[0]).exists():
        logins.append(DemoLogin(*APPLICATIEBEHEERDER))
    return logins


APPLICATIEBEHEERDER = ("appbeheer", "alle organisaties, /beheer/", "Applicatiebeheerder")


def _applicatiebeheerder() -> DemoLogin:
    """``appbeheer``: the application's administrator, who opens ``/beheer/`` (organisations,
    norms, memberships, login attempts, API keys; never children's records). A superuser, so
    it stays when the demo is loaded again; its password is set only when it is made."""
    naam = APPLICATIEBEHEERDER[0]
    if not get_user_model().objects.filter(username=naam).exists():
        get_user_model().objects.create_superuser(naam, password=DEMO_WACHTWOORD)
    return DemoLogin(*APPLICATIEBEHEERDER)


def _logins(gi: dict[str, Organisatie], gemeente: Organisatie) -> list[DemoLogin]:
    User = get_user_model()
    wachtwoord = make_password(DEMO_WACHTWOORD)  # hash once: hashing is slow on purpose
    logins = []
    accounts = [
        (f"planner{i}", org, Lidmaatschap.Rol.PLANNER) for i, org in enumerate(gi.values(), start=1)
    ]
    accounts.append(("beheer1", next(iter(gi.values())), Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER))
    accounts.append(
        (
            "ministerie",
            Organisatie.objects.get(type=Organisatie.Type.MINISTERIE),
            Lidmaatschap.Rol.BELEID,
        )
    )
    accounts.append(("gemeente1", gemeente, Lidmaatschap.Rol.BELEID))
    accounts.append(
        (
            "ret1",
            Organisatie.objects.get(type=Organisatie.Type.EXPERTTEAM, regio=gemeente.regio),
            Lidmaatschap.Rol.BELEID,
        )
    )
    if gemeente.regio is not None:
        accounts.append(("zbt1", gemeente.regio, Lidmaatschap.Rol.ZORGBEMIDDELAAR))
    for naam, org, rol in accounts:
        user = User.objects.create(username=naam, password=wachtwoord)
        Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=rol)
        logins.append(DemoLogin(naam, org.naam, rol.label))
    return logins


def _jeugdbeschermer_login(gi: Organisatie, tot: date) -> DemoLogin:
    """``jb1``: a jeugdbeschermer of the first GI (planner1's), linked to the caseworker
    available on ``tot`` (in service, not sick) with the largest caseload, for "Mijn
    kinderen"."""
    last = werkvoorraad(gi, werklastnorm(gi.pk, tot)).caseload
    beschikbaar = beschikbare_medewerkers(gi, tot, Rol.JEUGDBESCHERMER)
    medewerker = max(beschikbaar, key=lambda m: (last.get(m.pk, 0.0), -m.pk), default=None)
    rol = Lidmaatschap.Rol.JEUGDBESCHERMER
    user = get_user_model().objects.create(username="jb1", password=make_password(DEMO_WACHTWOORD))
    Lidmaatschap.objects.create(gebruiker=user, organisatie=gi, rol=rol, medewerker=medewerker)
    _inzage_buiten_caseload(user, gi, medewerker, tot)
    return DemoLogin("jb1", gi.naam, rol.label)


_INZAGE_VOORBEELDEN = (
    (2, Inzagereden.WAARNEMING, "collega ziek, moeder belde"),
    (6, Inzagereden.OVERLEG, ""),
    (13, Inzagereden.SPOED, "crisisdienst, politie belde 's avonds"),
    (27, Inzagereden.WAARNEMING, "verlof collega"),
)


def _inzage_buiten_caseload(
    gebruiker: AbstractBaseUser, gi: Organisatie, medewerker: Medewerker | None, tot: date
) -> None:
    """A few records ``jb1`` opened for colleagues' children, with the reason and the reads,
    so that *Inzage buiten caseload* shows what it is for."""
    anderen = (
        Toewijzing.objects.filter(maatregel__gi=gi, einde__isnull=True, start__lte=tot)
        .exclude(medewerker=medewerker)
        .order_by("pk")
        .values_list("maatregel__kind__pid", flat=True)[: len(_INZAGE_VOORBEELDEN)]
    )
    for pid, (dagen, reden, toelichting) in zip(anderen, _INZAGE_VOORBEELDEN, strict=False):
        tijdstip = datetime.combine(
            tot - timedelta(days=dagen), time(10, 30), tzinfo=timezone.get_current_timezone()
        )
        InzageBuitenCaseload.objects.create(
            tijdstip=tijdstip,
            geldig_tot=tijdstip + GELDIGHEID,
            gebruiker_id=gebruiker.pk,
            gebruikersnaam="jb1",
            organisatie=gi.naam,
            kind_pid=pid,
            reden=reden.value,
            toelichting=toelichting,
            kanaal=AuditRegel.Kanaal.WEB,
        )
        AuditRegel.objects.create(
            tijdstip=tijdstip,
            gebruiker_id=gebruiker.pk,
            gebruikersnaam="jb1",
            organisatie=gi.naam,
            actie=AuditRegel.Actie.LEZEN,
            kanaal=AuditRegel.Kanaal.WEB,
            objecttype="kind",
            kind_pid=pid,
            doel=auditdoel("inzage dossier", reden),
        )


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
    logins = _logins(gi, gemeenten[taak.gis[0][2][0]])
    opslag.personeel(uit, gi, voortgang)
    opslag.kinderen(uit, seed, gemeenten, verhuizingen(uit, taak), voortgang)
    opslag.maatregelen(uit, gi, voortgang)
    logins.append(_jeugdbeschermer_login(next(iter(gi.values())), tot))
    logins.append(_applicatiebeheerder())
    doorbraakregistratie.opslaan(uit, seed, tot, gemeenten, voortgang)
    voortgang("zorgbemiddeling", 0, 1)
    demo_bemiddeling.laad(seed=seed, tot=tot, gis=gi, gemeenten=gemeenten)
    voortgang("zorgbemiddeling", 1, 1)
    opslag.auditregels(voortgang)
    _sequenties_bijwerken()
    return logins
