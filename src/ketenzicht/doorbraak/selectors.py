"""Reads for the doorbraakaanpak: norm sets, the milestones met per measure, and the monthly
monitor with the children behind a number. The monitor's figures contain no child; the
drill-down goes through ``zichtbare_kinderen`` and is audited. Lists of children: ``lijsten``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from django.db.models import F, Min, Q, QuerySet
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain import normen
from ketenzicht.domain.doorbraak import (
    Maand,
    Rij,
    Traject,
    doorgezet,
    rijen,
    uitkomsten,
    uitkomsten_per_maand,
    venster,
)
from ketenzicht.domain.gebieden import ONBEKEND
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.overdracht import keten
from ketenzicht.domain.registratie import bekend_einde
from ketenzicht.doorbraak.models import Mijlpaalregistratie, NormMijlpaal, Normset
from ketenzicht.kinderen.historie import VASTLEGGING, gestart_voor, plaatsen_op, zoals_bekend
from ketenzicht.kinderen.models import Maatregel, Toewijzing
from ketenzicht.kinderen.selectors import zichtbare_kinderen
from ketenzicht.kinderen.services import Gebruiker
from ketenzicht.monitor.selectors import EERSTE_PEILDATUM
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van


def normsets() -> list[normen.Normset]:
    sets = [n.als_domein() for n in Normset.objects.prefetch_related("mijlpalen")]
    return sets or [normen.DOORBRAAK_2020]


def gehaald(
    maatregelen: Iterable[int] | QuerySet[Maatregel, Any], bekend_op: datetime | None = None
) -> dict[int, dict[str, date]]:
    """Per measure the date each milestone was met, as known at ``bekend_op``: registrations
    (the newest per milestone wins) and the first vaste jeugdbeschermer. ``maatregelen`` is a
    queryset (used as a subquery, for large sets) or ids."""
    filter_ = maatregelen if isinstance(maatregelen, QuerySet) else list(maatregelen)
    uit: dict[int, dict[str, date]] = defaultdict(dict)
    reg = Mijlpaalregistratie.objects.filter(maatregel__in=filter_)
    tw = Toewijzing.objects.filter(maatregel__in=filter_)
    if bekend_op is not None:
        reg = reg.filter(geregistreerd_op__lte=bekend_op)
        tw = tw.filter(geregistreerd_op__lte=bekend_op)
    for mid, code, datum in reg.order_by("geregistreerd_op", "pk").values_list(
        "maatregel_id", "mijlpaal", "datum"
    ):
        uit[mid][code] = datum
    for mid, eerste in (
        tw.values("maatregel_id")
        .annotate(eerste=Min("start"))
        .values_list("maatregel_id", "eerste")
    ):
        uit[mid][normen.JEUGDBESCHERMER] = eerste
    return uit


def ketens(bekend_op: datetime | None = None) -> dict[int, list[int]]:
    """The chains of measures handed over between GIs, as known at ``bekend_op``
    (``domain.overdracht.keten``: last part → its parts, first to last)."""
    overgenomen = Maatregel.objects.filter(overgenomen_van__isnull=False)  # few: read them all
    if bekend_op is not None:
        overgenomen = overgenomen.filter(geregistreerd_op__lte=bekend_op)
    return keten(dict(overgenomen.values_list("pk", "overgenomen_van_id")))


def _trajecten(
    qs: QuerySet[Maatregel],
    bekend_op: datetime | None,
    van: date | None = None,
    tot: date | None = None,
) -> list[Traject]:
    """The measures of ``qs`` as known at ``bekend_op``, a measure handed over between GIs as
    one (``domain.doorbraak.doorgezet``, its other parts read too); with ``van``/``tot`` only
    those started in that range as known then (``qs`` holds the ones corrected since,
    ``gestart_voor``). A measure counts in the gemeente, and its jeugdregio, where the child
    lived when it started: the gemeente that answered for the child then (a later move does not
    move its figures)."""
    kolommen = ("id", "kind_id", "gi__naam", *VASTLEGGING)
    rijen_ = list(qs.values_list(*kolommen))
    behaald = gehaald(qs.values("pk"), bekend_op)
    alle_ketens = ketens(bekend_op)
    deel_van = {d: laatste for laatste, delen in alle_ketens.items() for d in delen}
    gelezen = {r[0] for r in rijen_}
    ontbreekt = {d for mid in gelezen if mid in deel_van for d in alle_ketens[deel_van[mid]]}
    ontbreekt -= gelezen
    if ontbreekt:
        rijen_ += Maatregel.objects.filter(pk__in=ontbreekt).values_list(*kolommen)
        behaald.update(gehaald(ontbreekt, bekend_op))
    bekend = zoals_bekend({r[0]: r[3:] for r in rijen_}, bekend_op)  # type: ignore[misc]
    gestart = {mid: (kind_id, bekend[mid][2]) for mid, kind_id, *_ in rijen_}
    woonde = plaatsen_op(gestart.values(), bekend_op)
    delen = []
    for mid, kind_id, gi, *_ in rijen_:
        _, _, start, einde, einde_reg = bekend[mid]
        gemeente, regio = woonde.get((kind_id, start), (ONBEKEND, None))
        delen.append(
            Traject(
                mid,
                kind_id,
                gi,
                gemeente,
                regio or "(geen regio)",
                start,
                bekend_einde(einde, einde_reg, bekend_op),
                behaald[mid],
            )
        )
    return [
        t
        for t in doorgezet(delen, alle_ketens)
        if (van is None or t.start >= van) and (tot is None or t.start <= tot)
    ]


def _geregistreerd(qs: QuerySet[Maatregel]) -> QuerySet[Maatregel]:
    """Only measures started while their GI registered everything (``domain.registratie
    .volledig_op`` of the start, in SQL): of one that started before, the milestones reached
    before then were never registered here, and would count as late."""
    return qs.filter(
        Q(gi__registratie_vanaf__isnull=True) | Q(gi__registratie_vanaf__lte=F("start"))
    )


def _maatregelen_voor(
    van: date, tot: date, gi_naam: str | None, bekend_op: datetime | None
) -> list[Traject]:
    qs = _geregistreerd(gestart_voor(Maatregel.objects.all(), na=van, tot=tot, bekend_op=bekend_op))
    if gi_naam is not None:
        qs = qs.filter(gi__naam=gi_naam)
    if bekend_op is not None:
        qs = qs.filter(geregistreerd_op__lte=bekend_op)
    return _trajecten(qs, bekend_op, van, tot)


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
    trajecten = _maatregelen_voor(van, max(m.laatste for m in maanden), gi_naam, bekend_op)
    per_maand = uitkomsten_per_maand(trajecten, sets, maanden, kalender)
    uit = []
    for maand in maanden:
        geldig = normen.normset_voor(sets, maand.eerste)
        doelen = {m.code: m.doel for m in geldig.mijlpalen} if geldig else {}
        eigen = [u for u in per_maand[maand] if gi_naam is None or u.gi == gi_naam]
        uit.append(Maandcijfers(maand, rijen(eigen, doelen)))
    return uit


def doorbraak_reeks(maanden: Sequence[Maand]) -> list[Maandcijfers]:
    """``doorbraak`` of the country for the page, cached until a fact that feeds it changes:
    a measure, an assignment, a milestone registered, a norm set added."""
    from django.core.cache import cache
    from django.db.models import Count, Max

    from ketenzicht.monitor.selectors import versie

    stand = (
        versie(),
        *Mijlpaalregistratie.objects.aggregate(n=Count("pk"), t=Max("geregistreerd_op")).values(),
        # the norm sets are a few rows: every value of them, so that any edit counts
        tuple(Normset.objects.order_by("pk").values_list()),
        tuple(NormMijlpaal.objects.order_by("pk").values_list()),
    )
    sleutel = f"doorbraak:{','.join(str(m) for m in maanden)}:{hash(stand)}"
    uit: list[Maandcijfers] | None = cache.get(sleutel)
    if uit is None:
        uit = doorbraak(maanden=maanden)
        cache.set(sleutel, uit, 24 * 3600)
    return uit


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
    its own measures, a gemeente user the measures it counts (``_trajecten``: of children who
    lived there when the measure started) of children who still live there. Late ones first.
    Audited."""
    if gebruiker is None:
        return Drilldown([])
    sets = normsets()
    lid = lidmaatschap_van(gebruiker)
    qs = _geregistreerd(
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
        qs = qs.filter(Q(kind__gemeente=gemeente) | Q(kind__woonplaatsen__gemeente=gemeente))
    else:
        qs = qs.filter(kind__in=zichtbare_kinderen(gebruiker))
    gevonden = [
        u
        for u in uitkomsten(_trajecten(qs.distinct(), None), sets, maand, NederlandseKalender())
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
