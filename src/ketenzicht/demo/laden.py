"""Write a generated demo history into the configured database, with progress, in one go.

The demo is loaded into an empty database (or replaces an earlier demo with ``vervang``), in a
single transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
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
from ketenzicht.demo import doorbraak, generator, stamdata
from ketenzicht.domain.bsn import Bsn, testnummers
from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.doorbraak.models import Afspraak, Escalatie, EscalatieOvergang, Mijlpaalregistratie
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Gezin, Kind, Maatregel, Toewijzing, Triage
from ketenzicht.kinderen.services import TRIAGECRITERIA
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Lidmaatschap,
    Medewerker,
    Organisatie,
    Werklastnorm,
)

SCHALEN = {"klein": 600, "landelijk": 32_500}
KLEIN_GIS = 3
DEMO_WACHTWOORD = "ketenzicht-demo"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
Voortgang = Callable[[str, int, int], None]


class DemoFout(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoLogin:
    gebruikersnaam: str
    organisatie: str
    rol: str


def _moment(d: date) -> datetime:
    """Registration moment of a demo fact: the evening of the day it happened."""
    return datetime.combine(d, time(17, 0), tzinfo=AMSTERDAM)


def opdracht(schaal: str, seed: int, tot: date) -> generator.Opdracht:
    if schaal not in SCHALEN:
        raise DemoFout(f"Onbekende schaal {schaal!r}; kies uit {', '.join(SCHALEN)}.")
    gis = stamdata.GIS[:KLEIN_GIS] if schaal == "klein" else stamdata.GIS
    totaal_gewicht = sum(w for _, w, _ in gis)
    return generator.Opdracht(
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
    Maatregel,
    Kind,
    Gezin,
    BeschikbaarheidsPeriode,
    Medewerker,
    Werklastnorm,
    Lidmaatschap,
    Organisatie,
)
"""What ``--vervang`` empties. The audit log is never emptied: it only ever grows."""


def _bulk(model: type[models.Model], rijen: Iterable[Any], stap: str, voortgang: Voortgang) -> None:
    rijen = list(rijen)
    blok = 5_000
    for i in range(0, len(rijen), blok):
        model.objects.bulk_create(rijen[i : i + blok])  # type: ignore[attr-defined]
        voortgang(stap, min(i + blok, len(rijen)), len(rijen))


def _organisaties(gis: Iterable[str]) -> tuple[dict[str, Organisatie], dict[str, Organisatie]]:
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
    gi = {n: Organisatie.objects.create(naam=n, type=Organisatie.Type.GI) for n in gis}
    return gi, gemeenten


def demo_logins() -> list[DemoLogin]:
    """The logins of the loaded demo (all with ``DEMO_WACHTWOORD``)."""
    leden = Lidmaatschap.objects.select_related("gebruiker", "organisatie").order_by("pk")
    return [
        DemoLogin(lid.gebruiker.username, lid.organisatie.naam, lid.get_rol_display())
        for lid in leden
    ]


def _logins(gi: dict[str, Organisatie], gemeente: Organisatie) -> list[DemoLogin]:
    User = get_user_model()
    wachtwoord = make_password(DEMO_WACHTWOORD)  # hash once: hashing is slow on purpose
    logins = []
    accounts = [
        (f"planner{i}", org, Lidmaatschap.Rol.PLANNER) for i, org in enumerate(gi.values(), start=1)
    ]
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


def _bsn_sleutels(aantal: int) -> list[tuple[str, str]]:
    """(zoeksleutel, versleuteld) for the first ``aantal`` test BSNs."""
    nummers = testnummers()
    uit = []
    zoek = hashlib.sha256(b"zoek" + settings.BSN_SLEUTEL.encode()).digest()
    for _ in range(aantal):
        try:
            cijfers = next(nummers)
        except StopIteration:
            raise DemoFout("Het testbereik van BSN's is te klein voor deze schaal.") from None
        bsn = Bsn(cijfers)
        uit.append(
            (
                hmac.new(zoek, cijfers.encode(), hashlib.sha256).hexdigest(),
                bsnopslag.versleutel(bsn),
            )
        )
    return uit


URGENTIE_VERDELING = (
    (Urgentie.LAAG, 0.2),
    (Urgentie.MIDDEN, 0.45),
    (Urgentie.HOOG, 0.28),
    (Urgentie.ACUUT, 0.07),
)
CRITERIA_PER_URGENTIE = {
    Urgentie.LAAG: (),
    Urgentie.MIDDEN: ("ernstige_ontwikkelingsbedreiging",),
    Urgentie.HOOG: ("ernstige_ontwikkelingsbedreiging", "rechtsstatelijkheid"),
    Urgentie.ACUUT: ("acute_onveiligheid", "ernstige_ontwikkelingsbedreiging"),
}


def _triages(uit: generator.Uitkomst, seed: int) -> list[Triage]:
    """A triage at the start of most measures (four in five), as a GI would register it."""
    rng = random.Random(f"{seed}:triage")
    niveaus = [u for u, _ in URGENTIE_VERDELING]
    gewichten = [g for _, g in URGENTIE_VERDELING]
    triages = []
    for m in uit.maatregelen:
        if rng.random() >= 0.8:
            continue
        urgentie = rng.choices(niveaus, gewichten)[0]
        criteria = set(CRITERIA_PER_URGENTIE[urgentie])
        if m.code.soort is Soort.JEUGDRECLASSERING:
            criteria.add("recidiverisico")
        triages.append(
            Triage(
                kind_id=m.kind_id,
                datum=m.start,
                beoordelaar="demo",
                urgentie=int(urgentie),
                geregistreerd_op=_moment(m.start),
                **{c: c in criteria for c in TRIAGECRITERIA},
            )
        )
    return triages


def _afspraken_en_escalaties(
    uit: generator.Uitkomst,
    registraties: list[doorbraak.Registratie],
    seed: int,
    tot: date,
    gemeenten: dict[str, Organisatie],
) -> None:
    afspraken, escalaties = doorbraak.afspraken_en_escalaties(uit, registraties, seed, tot)
    Afspraak.objects.bulk_create(
        Afspraak(
            kind_id=a.kind_id,
            wie=a.wie,
            wat=a.wat,
            uiterlijk=a.uiterlijk,
            gemaakt_op=_moment(a.gemaakt_op),
        )
        for a in afspraken
    )
    teams = {o.regio_id: o for o in Organisatie.objects.filter(type=Organisatie.Type.EXPERTTEAM)}
    for e in escalaties:
        team = teams.get(gemeenten[e.gemeentecode].regio_id)
        if team is None:
            continue
        status = e.stappen[-1][0] if e.stappen else Escalatie.Status.AANGEMELD
        escalatie = Escalatie.objects.create(
            kind_id=e.kind_id,
            maatregel_id=e.maatregel_id,
            expertteam=team,
            status=status,
            reden=e.reden,
            aangemeld_op=e.aangemeld_op,
        )
        van = ""
        for naar, reden, datum in (("aangemeld", e.reden, e.aangemeld_op), *e.stappen):
            EscalatieOvergang.objects.create(
                escalatie=escalatie,
                van=van,
                naar=naar,
                reden=reden,
                datum=datum,
                geregistreerd_op=_moment(datum),
            )
            van = naar


def _pid(seed: int, soort: str, nummer: int) -> uuid.UUID:
    """A deterministic pseudonymous id, so the same seed gives the same URLs."""
    return uuid.UUID(
        bytes=hashlib.sha256(f"{seed}:{soort}:{nummer}".encode()).digest()[:16], version=4
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
    gi, gemeenten = _organisaties(naam for naam, _, _ in taak.gis)
    begin = taak.tot - timedelta(days=365 * taak.jaren)
    for org in gi.values():  # the norm the generator kept to when it assigned
        Werklastnorm.objects.create(
            gi=org,
            geldig_van=begin,
            clienten_per_fte=generator.NORM_CLIENTEN_PER_FTE,
            gewicht_jeugdreclassering=generator.GEWICHT[Soort.JEUGDRECLASSERING],
        )
    logins = _logins(gi, gemeenten[taak.gis[0][2][0]])
    _bulk(
        Medewerker,
        (
            Medewerker(
                id=m.id,
                gi=gi[m.gi],
                naam=m.naam,
                rol=m.rol.value,
                fte=m.fte,
                in_dienst_van=m.in_dienst,
                uit_dienst_per=m.uit_dienst,
                geregistreerd_op=_moment(m.in_dienst),
            )
            for m in uit.medewerkers
        ),
        "medewerkers",
        voortgang,
    )
    _bulk(
        BeschikbaarheidsPeriode,
        (
            BeschikbaarheidsPeriode(
                medewerker_id=p.medewerker_id,
                soort=p.soort.value,
                van=p.van,
                tot=p.tot,
                geregistreerd_op=_moment(p.van),
            )
            for p in uit.perioden
        ),
        "beschikbaarheid",
        voortgang,
    )
    _bulk(
        Gezin,
        (Gezin(id=g.id, pid=_pid(seed, "gezin", g.id), naam=g.naam) for g in uit.gezinnen),
        "gezinnen",
        voortgang,
    )
    voortgang("BSN's versleutelen", 0, len(uit.kinderen))
    sleutels = _bsn_sleutels(len(uit.kinderen))
    eerste_start = {m.kind_id: m.start for m in reversed(uit.maatregelen)}
    _bulk(
        Kind,
        (
            Kind(
                id=k.id,
                pid=_pid(seed, "kind", k.id),
                gezin_id=k.gezin_id,
                bsn_zoeksleutel=z,
                bsn_versleuteld=v,
                voornaam=k.voornaam,
                achternaam=k.achternaam,
                geboortedatum=k.geboortedatum,
                gemeente=gemeenten[k.gemeentecode],
                geregistreerd_op=_moment(eerste_start[k.id]),
            )
            for k, (z, v) in zip(uit.kinderen, sleutels, strict=True)
        ),
        "kinderen",
        voortgang,
    )
    _bulk(
        Maatregel,
        (
            Maatregel(
                id=m.id,
                kind_id=m.kind_id,
                gi=gi[m.gi],
                code=m.code.value,
                beschikking_datum=m.beschikking,
                start=m.start,
                einde=m.einde,
                einde_reden=m.reden.value if m.reden else "",
                geregistreerd_op=_moment(m.start),
                einde_geregistreerd_op=_moment(m.einde) if m.einde else None,
            )
            for m in uit.maatregelen
        ),
        "maatregelen",
        voortgang,
    )
    _bulk(
        Toewijzing,
        (
            Toewijzing(
                maatregel_id=t.maatregel_id,
                medewerker_id=t.medewerker_id,
                start=t.start,
                einde=t.einde,
                einde_reden=t.reden.value if t.reden else "",
                override_reden=generator.BOVEN_NORM_REDEN if t.boven_norm else "",
                geregistreerd_op=_moment(t.start),
                einde_geregistreerd_op=_moment(t.einde) if t.einde else None,
            )
            for t in uit.toewijzingen
        ),
        "toewijzingen",
        voortgang,
    )
    _bulk(Triage, _triages(uit, seed), "triages", voortgang)
    registraties = list(doorbraak.mijlpalen(uit, seed, tot))
    _bulk(
        Mijlpaalregistratie,
        (
            Mijlpaalregistratie(
                maatregel_id=r.maatregel_id,
                mijlpaal=r.mijlpaal,
                datum=r.datum,
                door="demo",
                bron="demo",
                geregistreerd_op=_moment(r.datum),
            )
            for r in registraties
        ),
        "mijlpalen",
        voortgang,
    )
    _afspraken_en_escalaties(uit, registraties, seed, tot, gemeenten)
    voortgang("zorgbemiddeling", 0, 1)
    demo_bemiddeling.laad(seed=seed, tot=tot, gis=gi, gemeenten=gemeenten)
    voortgang("zorgbemiddeling", 1, 1)
    _bulk(
        AuditRegel,
        (
            AuditRegel(
                gebruikersnaam="systeem",
                actie=AuditRegel.Actie.AANMAKEN,
                kanaal=AuditRegel.Kanaal.SYSTEEM,
                objecttype="kind",
                kind_pid=k.pid,
                doel="demodata geladen",
            )
            for k in Kind.objects.only("pid").iterator(chunk_size=5000)
        ),
        "auditlog",
        voortgang,
    )
    _sequenties_bijwerken()
    return logins
