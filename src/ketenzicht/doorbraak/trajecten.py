"""The measures as the doorbraak monitor sees them (``domain.doorbraak.Traject``), as known at
a moment: each with the milestones it met, where the child lived when it started, and a measure
handed over between GIs as one chain of parts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db.models import F, Min, Q, QuerySet

from ketenzicht.domain import normen
from ketenzicht.domain.doorbraak import Traject, doorgezet
from ketenzicht.domain.gebieden import ONBEKEND
from ketenzicht.domain.overdracht import keten
from ketenzicht.domain.registratie import bekend_einde
from ketenzicht.doorbraak.models import Mijlpaalregistratie
from ketenzicht.kinderen.historie import VASTLEGGING, plaatsen_op, zoals_bekend
from ketenzicht.kinderen.models import Maatregel, Toewijzing


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


def trajecten(
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


def geregistreerd(qs: QuerySet[Maatregel]) -> QuerySet[Maatregel]:
    """Only measures started while their GI registered everything (``domain.registratie
    .volledig_op`` of the start, in SQL): of one that started before, the milestones reached
    before then were never registered here, and would count as late."""
    return qs.filter(
        Q(gi__registratie_vanaf__isnull=True) | Q(gi__registratie_vanaf__lte=F("start"))
    )
