"""The generated demo as rows: each kind of record written in bulk, with its registration moment
(the evening of the day it happened) and pseudonymous ids that a seed fixes."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models

from ketenzicht.audit.models import AuditRegel
from ketenzicht.demo import feiten, generator
from ketenzicht.demo.verhuizingen import Verhuizing
from ketenzicht.domain.bsn import Bsn, testnummers
from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.zoeken import zoeknaam
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Gezin, Kind, Maatregel, Toewijzing, Woonplaats
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Medewerker,
    Organisatie,
    Werklastnorm,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
Voortgang = Callable[[str, int, int], None]


class DemoFout(RuntimeError):
    pass


def moment(d: date) -> datetime:
    """Registration moment of a demo fact: the evening of the day it happened."""
    return datetime.combine(d, time(17, 0), tzinfo=AMSTERDAM)


OPZEGTERMIJN = timedelta(days=30)


def _opzegging(in_dienst: date, uit_dienst: date | None) -> datetime | None:
    """When a demo caseworker's leaving was registered: on giving a month's notice."""
    if uit_dienst is None:
        return None
    return moment(max(in_dienst, uit_dienst - OPZEGTERMIJN))


def pid(seed: int, soort: str, nummer: int) -> uuid.UUID:
    """A deterministic pseudonymous id, so the same seed gives the same URLs."""
    return uuid.UUID(
        bytes=hashlib.sha256(f"{seed}:{soort}:{nummer}".encode()).digest()[:16], version=4
    )


def bulk(model: type[models.Model], rijen: Iterable[Any], stap: str, voortgang: Voortgang) -> None:
    rijen = list(rijen)
    blok = 5_000
    for i in range(0, len(rijen), blok):
        model.objects.bulk_create(rijen[i : i + blok])  # type: ignore[attr-defined]
        voortgang(stap, min(i + blok, len(rijen)), len(rijen))


def bsn_sleutels(aantal: int) -> list[tuple[str, str]]:
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


def werklastnormen(gi: dict[str, Organisatie], vanaf: date) -> None:
    """The norm each demo GI registers: the one the generator kept to when it assigned."""
    for org in gi.values():
        Werklastnorm.objects.create(
            gi=org,
            geldig_van=vanaf,
            clienten_per_fte=generator.NORM.clienten_per_fte,
            gewicht_jeugdreclassering=generator.NORM.gewichten[Soort.JEUGDRECLASSERING],
            geregistreerd_op=moment(vanaf),
        )


def personeel(uit: feiten.Uitkomst, gi: dict[str, Organisatie], voortgang: Voortgang) -> None:
    """The staff and their absences."""
    bulk(
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
                geregistreerd_op=moment(m.in_dienst),
                uit_dienst_geregistreerd_op=_opzegging(m.in_dienst, m.uit_dienst),
            )
            for m in uit.medewerkers
        ),
        "medewerkers",
        voortgang,
    )
    bulk(
        BeschikbaarheidsPeriode,
        (
            BeschikbaarheidsPeriode(
                medewerker_id=p.medewerker_id,
                soort=p.soort.value,
                van=p.van,
                tot=p.tot,
                geregistreerd_op=moment(p.van),
                tot_geregistreerd_op=moment(p.tot) if p.tot else None,
            )
            for p in uit.perioden
        ),
        "beschikbaarheid",
        voortgang,
    )


def kinderen(
    uit: feiten.Uitkomst,
    seed: int,
    gemeenten: dict[str, Organisatie],
    verhuisd: dict[int, Verhuizing],
    voortgang: Voortgang,
) -> None:
    """Families and children, each child with a test BSN, encrypted and with its search key;
    a child that moved lives in its new gemeente, with both places in its ``Woonplaats``."""
    bulk(
        Gezin,
        (Gezin(id=g.id, pid=pid(seed, "gezin", g.id), naam=g.naam) for g in uit.gezinnen),
        "gezinnen",
        voortgang,
    )
    voortgang("BSN's versleutelen", 0, len(uit.kinderen))
    sleutels = bsn_sleutels(len(uit.kinderen))
    eerste_start = {m.kind_id: m.start for m in reversed(uit.maatregelen)}
    woont_nu = {kind_id: v.naar for kind_id, v in verhuisd.items()}
    bulk(
        Kind,
        (
            Kind(
                id=k.id,
                pid=pid(seed, "kind", k.id),
                gezin_id=k.gezin_id,
                bsn_zoeksleutel=z,
                bsn_versleuteld=v,
                voornaam=k.voornaam,
                achternaam=k.achternaam,
                zoeknaam=zoeknaam(k.voornaam, k.achternaam),
                geboortedatum=k.geboortedatum,
                gemeente=gemeenten[woont_nu.get(k.id, k.gemeentecode)],
                geregistreerd_op=moment(eerste_start[k.id]),
            )
            for k, (z, v) in zip(uit.kinderen, sleutels, strict=True)
        ),
        "kinderen",
        voortgang,
    )
    geboren = {k.id: k.geboortedatum for k in uit.kinderen}
    bulk(
        Woonplaats,
        (
            w
            for v in verhuisd.values()
            for w in (
                Woonplaats(
                    kind_id=v.kind_id,
                    gemeente=gemeenten[v.van],
                    van=geboren[v.kind_id],
                    geregistreerd_op=moment(eerste_start[v.kind_id]),
                ),
                Woonplaats(
                    kind_id=v.kind_id,
                    gemeente=gemeenten[v.naar],
                    van=v.per,
                    geregistreerd_op=moment(v.geregistreerd),
                ),
            )
        ),
        "verhuizingen",
        voortgang,
    )


def maatregelen(uit: feiten.Uitkomst, gi: dict[str, Organisatie], voortgang: Voortgang) -> None:
    """The measures and their vaste jeugdbeschermers (above the norm with the reason)."""
    bulk(
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
                geregistreerd_op=moment(m.start),
                einde_geregistreerd_op=moment(m.einde) if m.einde else None,
            )
            for m in uit.maatregelen
        ),
        "maatregelen",
        voortgang,
    )
    bulk(
        Toewijzing,
        (
            Toewijzing(
                maatregel_id=t.maatregel_id,
                medewerker_id=t.medewerker_id,
                start=t.start,
                einde=t.einde,
                einde_reden=t.reden.value if t.reden else "",
                override_reden=generator.BOVEN_NORM_REDEN if t.boven_norm else "",
                geregistreerd_op=moment(t.start),
                einde_geregistreerd_op=moment(t.einde) if t.einde else None,
            )
            for t in uit.toewijzingen
        ),
        "toewijzingen",
        voortgang,
    )


def auditregels(voortgang: Voortgang) -> None:
    """One audit line per child: the system created it."""
    bulk(
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
