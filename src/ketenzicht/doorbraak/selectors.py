"""Reads for the doorbraakaanpak: norm sets and the monthly monitor with the children behind a
number (the measures it counts: ``trajecten``). The monitor's figures contain no child; the
drill-down goes through ``zichtbare_kinderen`` and is audited. Lists of children: ``lijsten``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain import normen
from ketenzicht.domain.doorbraak import (
    Maand,
    Rij,
    Traject,
    rijen,
    uitkomsten,
    uitkomsten_per_maand,
    venster,
)
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.doorbraak.models import Mijlpaalregistratie, NormMijlpaal, Normset
from ketenzicht.doorbraak.trajecten import geregistreerd, trajecten
from ketenzicht.kinderen.historie import gestart_voor
from ketenzicht.kinderen.models import Maatregel, MaatregelCorrectie, Toewijzing, Woonplaats
from ketenzicht.kinderen.selectors import zichtbare_kinderen
from ketenzicht.kinderen.services import Gebruiker
from ketenzicht.monitor.bewaren import GERAAKT, Bewaarplaats, Feiten, vast
from ketenzicht.monitor.selectors import EERSTE_PEILDATUM
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van


def normsets() -> list[normen.Normset]:
    sets = [n.als_domein() for n in Normset.objects.prefetch_related("mijlpalen")]
    return sets or [normen.DOORBRAAK_2020]


def _maatregelen_voor(
    van: date, tot: date, gi_naam: str | None, bekend_op: datetime | None
) -> list[Traject]:
    qs = geregistreerd(gestart_voor(Maatregel.objects.all(), na=van, tot=tot, bekend_op=bekend_op))
    if gi_naam is not None:
        qs = qs.filter(gi__naam=gi_naam)
    if bekend_op is not None:
        qs = qs.filter(geregistreerd_op__lte=bekend_op)
    return trajecten(qs, bekend_op, van, tot)


@dataclass(frozen=True, slots=True)
class Maandcijfers:
    maand: Maand
    rijen: list[Rij]


def doorbraak(
    *,
    maanden: Sequence[Maand],
    gi_naam: str | None = None,
    bekend_op: datetime | None = None,
) -> list[Maandcijfers]:
    """The doorbraak monitor for each month; one read of the measures covers them all. A month
    not yet begun is refused (``LookupError``): no deadline has fallen in it; so is one before
    the Jeugdwet."""
    for maand in maanden:
        if reden := buiten_bereik(maand):
            raise LookupError(f"Maand {maand} {reden}: er is geen termijn in gevallen.")
    sets = normsets()
    kalender = NederlandseKalender()
    van = min(m.eerste for m in maanden) - timedelta(days=venster(sets))
    gezien = _maatregelen_voor(van, max(m.laatste for m in maanden), gi_naam, bekend_op)
    per_maand = uitkomsten_per_maand(gezien, sets, maanden, kalender)
    uit = []
    for maand in maanden:
        geldig = normen.normset_voor(sets, maand.eerste)
        doelen = {m.code: m.doel for m in geldig.mijlpalen} if geldig else {}
        eigen = [u for u in per_maand[maand] if gi_naam is None or u.gi == gi_naam]
        uit.append(Maandcijfers(maand, rijen(eigen, doelen)))
    return uit


def _vast() -> tuple[object, ...]:
    """The monitor's ``vast`` and every value of the norm sets (a few rows: any edit counts)."""
    return (
        *vast(),
        tuple(Normset.objects.order_by("pk").values_list()),
        tuple(NormMijlpaal.objects.order_by("pk").values_list()),
    )


# What the doorbraak figures of a month depend on: of the monitor's facts those about measures
# (their starts, ends and corrections, the assignments that meet the jeugdbeschermer
# milestone, where the child lived), not the staff's; and the milestones registered. A month's
# figures count the deadlines falling in it, each met or not by the day its milestone was; a
# milestone registered (or corrected by a later registration) changes only deadlines on or
# after its measure's start. Kept per month under the month's last day, so a registration of
# today leaves the months before alone.
FEITEN = Feiten(
    (
        *(
            feit
            for feit in GERAAKT
            if feit[0] in (Maatregel, MaatregelCorrectie, Toewijzing, Woonplaats)
        ),
        (Mijlpaalregistratie, (("geregistreerd_op", ("datum", "maatregel__start")),)),
    ),
    _vast,
)


def doorbraak_reeks(maanden: Sequence[Maand]) -> list[Maandcijfers]:
    """``doorbraak`` of the country for each month, kept until a fact registered since touches
    the month (``monitor.bewaren``). The months not kept are computed together, in the request:
    one read of the measures covers them (the country's twelve in about 1.3 s), so the page
    needs no progress shown, as the monitor's peildata (each ~2.5 s) do."""
    return Bewaarplaats(FEITEN).haal_samen(
        [(_sleutel(m), m.laatste) for m in maanden],
        lambda open_: doorbraak(maanden=[maanden[i] for i in open_]),
    )


def _sleutel(maand: Maand) -> tuple[object, ...]:
    return ("doorbraak", str(maand))


def buiten_bereik(maand: Maand) -> str | None:
    """Why there is no doorbraak monitor of ``maand``, or None: from the Jeugdwet up to the
    month under way."""
    vandaag = timezone.localdate()
    if maand.eerste < EERSTE_PEILDATUM:
        return f"ligt voor de Jeugdwet ({EERSTE_PEILDATUM:%Y-%m})"
    if maand.eerste > vandaag:
        return "is nog niet begonnen"
    return None


def laatste_maanden(tot: Maand, aantal: int = 12) -> list[Maand]:
    """``tot`` and the months before it, ``aantal`` in all, none before the Jeugdwet."""
    maanden = [tot]
    while len(maanden) < aantal and maanden[-1].vorige().eerste >= EERSTE_PEILDATUM:
        maanden.append(maanden[-1].vorige())
    return maanden[::-1]


@dataclass(frozen=True, slots=True)
class AchterHetCijfer:
    kind_pid: UUID
    naam: str
    gi: str
    gemeente: str
    start: date
    vervaldatum: date
    op_tijd: bool


@dataclass(frozen=True, slots=True)
class Drilldown:
    """The children behind a number; ``elders``: how many more count in it (a gemeente's
    number: they lived there when their measure started) but live in another gemeente now,
    so the user may no longer see who they are."""

    rijen: list[AchterHetCijfer]
    elders: int = 0


def achter_het_cijfer(
    *, gebruiker: Gebruiker, maand: Maand, mijlpaal: str, kanaal: str
) -> Drilldown:
    """The children behind the user's own number for one milestone and month: a GI user sees
    its own measures, a gemeente user the measures it counts (``trajecten``: of children who
    lived there when the measure started) of children who still live there. Late ones first.
    Audited."""
    if gebruiker is None:
        return Drilldown([])
    sets = normsets()
    lid = lidmaatschap_van(gebruiker)
    qs = geregistreerd(
        Maatregel.objects.filter(
            start__gte=maand.eerste - timedelta(days=venster(sets)), start__lte=maand.laatste
        )
    )
    gi = gi_van(gebruiker)
    gemeente = None
    if lid is not None and lid.organisatie.type == Organisatie.Type.GEMEENTE:
        gemeente = lid.organisatie
    if gi is not None:
        qs = qs.filter(gi=gi)
    elif gemeente is not None:
        ooit = Woonplaats.objects.filter(gemeente=gemeente).values("kind_id")
        qs = qs.filter(Q(kind__gemeente=gemeente) | Q(kind_id__in=ooit))
    else:
        qs = qs.filter(kind__in=zichtbare_kinderen(gebruiker))
    gevonden = [
        u
        for u in uitkomsten(trajecten(qs, None), sets, maand, NederlandseKalender())
        if u.mijlpaal == mijlpaal
        and (gi is None or u.gi == gi.naam)
        and (gemeente is None or u.traject.gemeente == gemeente.naam)
    ]
    zichtbaar = zichtbare_kinderen(gebruiker).in_bulk([u.traject.kind_id for u in gevonden])
    uit = sorted(
        (
            AchterHetCijfer(
                zichtbaar[u.traject.kind_id].pid,
                str(zichtbaar[u.traject.kind_id]),
                u.gi,
                u.traject.gemeente,
                u.traject.start,
                u.vervaldatum,
                u.op_tijd,
            )
            for u in gevonden
            if u.traject.kind_id in zichtbaar
        ),
        key=lambda a: (a.op_tijd, a.vervaldatum, a.naam),
    )
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[a.kind_pid for a in uit],
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel=f"doorbraakmonitor {maand}: {mijlpaal}",
    )
    return Drilldown(uit, elders=len(gevonden) - len(uit))
