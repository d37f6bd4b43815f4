"""The monitor jeugdbescherming at a peildatum, from what the GIs registered."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.monitor import Indicatoren, indicatoren_gi, landelijk, verschil
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.registratie import volledig_op
from ketenzicht.domain.wachtlijst import MaatregelStand
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.monitor.bewaren import Bewaarplaats
from ketenzicht.monitor.models import Uitvraagcijfers
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gis, medewerker_standen

BRONNEN = ("alles", "registratie", "uitvraag")
EERSTE_PEILDATUM = date(2015, 1, 1)  # the Jeugdwet, and with it the GIs' current tasks


@dataclass(frozen=True)
class Monitor:
    peildatum: date
    per_gi: dict[str, Indicatoren]
    landelijk: Indicatoren
    bron: dict[str, str] = field(default_factory=dict)  # per GI: "registratie" or "uitvraag"


def monitor(
    *,
    peildatum: date,
    gi_naam: str | None = None,
    bekend_op: datetime | None = None,
    bron: str = "alles",
) -> Monitor:
    """Indicators per GI and nationally. With ``gi_naam`` only that GI is listed (the national
    figure stays national). ``bekend_op`` recomputes the figures as they were known then.

    ``bron``: ``registratie`` computes from what GIs registered in Ketenzicht; ``uitvraag`` uses
    the figures GIs delivered; ``alles`` (default) takes the registration for GIs that register
    here and the delivered figures for the others, and says per GI which it is.

    A peildatum after today is refused (``LookupError``): its figures would be today's, shown
    as if they were that day's."""
    if bron not in BRONNEN:
        raise LookupError(f"Onbekende bron {bron!r}; kies uit {', '.join(BRONNEN)}.")
    controleer_peildatum(peildatum)
    alle = gis()
    if gi_naam is not None and gi_naam not in {g.naam for g in alle}:
        raise LookupError(
            f"Onbekende GI: {gi_naam!r}. Bekend zijn: {', '.join(g.naam for g in alle)}."
        )
    per_gi: dict[str, Indicatoren] = {}
    herkomst: dict[str, str] = {}
    registrerend = registrerende_gis(alle, peildatum, bekend_op)
    if bron in ("alles", "registratie"):
        for naam, i in _uit_registratie(peildatum, alle, bekend_op).items():
            if naam in registrerend:
                per_gi[naam], herkomst[naam] = i, "registratie"
    if bron in ("alles", "uitvraag"):
        for naam, i in _uit_uitvraag(peildatum, bekend_op).items():
            if bron == "uitvraag" or naam not in registrerend:
                per_gi[naam], herkomst[naam] = i, "uitvraag"
    per_gi = dict(sorted(per_gi.items()))
    nationaal = landelijk(list(per_gi.values()))
    if gi_naam is not None:
        per_gi = {gi_naam: per_gi[gi_naam]} if gi_naam in per_gi else {}
    return Monitor(peildatum, per_gi, nationaal, {n: herkomst[n] for n in per_gi})


def controleer_peildatum(peildatum: date) -> None:
    """Raise ``LookupError`` saying why there is no monitor on ``peildatum``, if there is none."""
    if reden := buiten_bereik(peildatum, "%Y-%m-%d"):
        gevolg = (
            "daarvan bestaat geen monitor"
            if peildatum < EERSTE_PEILDATUM
            else "de monitor telt wat er is gebeurd; een vooruitblik geeft 'ketenzicht prognose'"
        )
        raise LookupError(f"Peildatum {peildatum.isoformat()} {reden}: {gevolg}.")


def buiten_bereik(peildatum: date, opmaak: str) -> str | None:
    """Why there is no monitor on ``peildatum`` (dates written with ``opmaak``), or None: a
    monitor exists from the Jeugdwet up to today."""
    vandaag = timezone.localdate()
    if peildatum < EERSTE_PEILDATUM:
        return f"ligt voor de Jeugdwet ({EERSTE_PEILDATUM:{opmaak}})"
    if peildatum > vandaag:
        return f"ligt na vandaag ({vandaag:{opmaak}})"
    return None


def registrerende_gis(
    alle: list[Organisatie], peildatum: date, bekend_op: datetime | None
) -> set[str]:
    """GIs that register in Ketenzicht on ``peildatum``: with at least one measure (known at
    ``bekend_op``), and registering everything by then (``Organisatie.registratie_vanaf``).
    Before that day the registration holds only what was still running when it began: a GI's
    figures of then come from what it delivered (uitvraag), or there are none."""
    qs = Maatregel.objects.all()
    if bekend_op is not None:
        qs = qs.filter(geregistreerd_op__lte=bekend_op)
    ids = set(qs.values_list("gi_id", flat=True).distinct())
    return {g.naam for g in alle if g.pk in ids and volledig_op(g.registratie_vanaf, peildatum)}


def _uit_uitvraag(peildatum: date, bekend_op: datetime | None) -> dict[str, Indicatoren]:
    qs = Uitvraagcijfers.objects.filter(peildatum=peildatum).select_related("gi")
    if bekend_op is not None:
        qs = qs.filter(geregistreerd_op__lte=bekend_op)
    nieuwste: dict[str, Uitvraagcijfers] = {}
    for rij in qs.order_by("geregistreerd_op", "pk"):
        nieuwste[rij.gi.naam] = rij  # the newest delivery wins
    return {naam: rij.als_rij().als_indicatoren() for naam, rij in nieuwste.items()}


def _uit_registratie(
    peildatum: date, alle: list[Organisatie], bekend_op: datetime | None
) -> dict[str, Indicatoren]:
    kalender = NederlandseKalender()
    standen: dict[str, list[MaatregelStand]] = defaultdict(list)
    for stand in maatregel_standen(peildatum=peildatum, bekend_op=bekend_op):
        standen[stand.gi].append(stand)
    staf = medewerker_standen(gi_ids=[g.pk for g in alle], peildatum=peildatum, bekend_op=bekend_op)
    return {
        g.naam: indicatoren_gi(
            standen[g.naam],
            staf.get(g.pk, []),
            peildatum,
            kalender,
            settings.INWERKFACTOR,
            registratie_vanaf=g.registratie_vanaf,
        )
        for g in alle
    }


def peildata(tot: date) -> list[date]:
    """The monitor's peildata up to ``tot``: every 1 April and 1 October since the first
    registered measure (at most the last three years) and every delivered peildatum."""
    eerste = (
        Maatregel.objects.order_by("geregistreerd_op")
        .values_list("geregistreerd_op", flat=True)
        .first()
    )
    begin = max(eerste.date() if eerste else tot, date(tot.year - 3, 1, 1))
    uit = {
        date(jaar, maand, 1)
        for jaar in range(begin.year, tot.year + 1)
        for maand in (4, 10)
        if begin <= date(jaar, maand, 1) <= tot
    }
    uit.update(
        d
        for d in Uitvraagcijfers.objects.values_list("peildatum", flat=True).distinct()
        if d <= tot
    )
    return sorted(uit)


def met_vergelijking(peildatum: date) -> list[date]:
    """``peildatum`` and, when a monitor exists then, six months before it: what the monitor
    page shows and compares the national figures with (``landelijk_verschil``)."""
    vorige = plus_maanden(peildatum, -6)
    return [peildatum] if buiten_bereik(vorige, "%Y-%m-%d") else [peildatum, vorige]


def reeks(
    data: list[date],
    bron: str = "alles",
    gi_naam: str | None = None,
    plaats: Bewaarplaats | None = None,
) -> list[Monitor]:
    """The monitor at each peildatum (``monitor``'s arguments), kept until a fact registered
    since touches that peildatum (``monitor.bewaren``)."""
    plaats = plaats or Bewaarplaats()
    return [
        plaats.haal(
            _sleutel(peildatum, bron, gi_naam),
            peildatum,
            lambda p=peildatum: monitor(peildatum=p, bron=bron, gi_naam=gi_naam),  # type: ignore[misc]
        )
        for peildatum in data
    ]


def te_berekenen(
    data: list[date],
    bron: str = "alles",
    gi_naam: str | None = None,
    plaats: Bewaarplaats | None = None,
) -> list[date]:
    """The peildata of ``data`` that ``reeks`` would compute rather than find kept."""
    plaats = plaats or Bewaarplaats()
    return [p for p in data if not plaats.bewaard(_sleutel(p, bron, gi_naam), p)]


def stap(data: list[date], plaats: Bewaarplaats | None = None) -> list[date] | None:
    """One step of computing ``data`` (a trend page's, which shows progress meanwhile): the
    first peildatum not kept is computed. Returns the peildata still to compute, or ``None``
    when what was computed is not kept (a cache that keeps nothing), so that steps would go
    round: then compute them all at once."""
    plaats = plaats or Bewaarplaats()
    open_ = te_berekenen(data, plaats=plaats)
    if open_:
        reeks(open_[:1], plaats=plaats)
        if te_berekenen(open_[:1]):
            return None
    return open_[1:]


def _sleutel(peildatum: date, bron: str, gi_naam: str | None) -> tuple[object, ...]:
    return ("monitor", peildatum, bron, gi_naam)


def landelijk_verschil(uitkomst: Monitor, vorige: Monitor) -> dict[str, Any] | None:
    """The national change since ``vorige``; ``None`` when other GIs counted then (one began
    registering or delivering): a GI joining the count is not a change in the chain."""
    if set(uitkomst.per_gi) != set(vorige.per_gi) or not uitkomst.per_gi:
        return None
    return verschil(uitkomst.landelijk, vorige.landelijk)
