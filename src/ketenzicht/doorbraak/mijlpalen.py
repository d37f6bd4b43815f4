"""The status of each doorbraak milestone of a measure on a day, for lists and the child's
page: the deadlines from the measure's start — for a measure taken over from another GI, from
the first part's start, with the milestones any part met (``domain.overdracht``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ketenzicht.domain import normen
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.overdracht import eerst_gehaald
from ketenzicht.doorbraak.models import Normset
from ketenzicht.doorbraak.selectors import normsets
from ketenzicht.doorbraak.trajecten import gehaald, ketens
from ketenzicht.kinderen.models import Maatregel, Toewijzing


@dataclass(frozen=True, slots=True)
class KindMetMijlpalen:
    kind_pid: UUID
    naam: str
    gemeente: str
    gi: str
    maatregel_id: int
    maatregel: str
    start: date
    standen: tuple[normen.MijlpaalStand, ...]
    jeugdbeschermer: str | None = None
    jeugdbeschermer_id: int | None = None

    @property
    def te_laat(self) -> tuple[normen.MijlpaalStand, ...]:
        return tuple(s for s in self.standen if s.status is normen.Status.TE_LAAT)


def met_mijlpalen(
    maatregelen: Iterable[Maatregel], peildatum: date, bijna_dagen: int
) -> list[KindMetMijlpalen]:
    """Each measure with the status of its milestones on ``peildatum``; a measure taken over
    from another GI counts its deadlines from the first start and its milestones met by any
    part (``domain.overdracht``)."""
    lijst = list(maatregelen)
    sets = normsets()
    kalender = NederlandseKalender()
    alle_ketens = ketens()
    eerder = {m.pk: alle_ketens[m.pk][:-1] for m in lijst if m.pk in alle_ketens}
    delen = {d for v in eerder.values() for d in v}
    behaald = gehaald([*(m.pk for m in lijst), *delen])
    eerste_start = dict(Maatregel.objects.filter(pk__in=delen).values_list("pk", "start"))
    huidige = {
        maatregel_id: (naam, mid)
        for maatregel_id, naam, mid in Toewijzing.objects.filter(
            maatregel__in=lijst, einde__isnull=True
        ).values_list("maatregel_id", "medewerker__naam", "medewerker_id")
    }
    uit = []
    for m in lijst:
        voor = eerder.get(m.pk, [])
        start = eerste_start[voor[0]] if voor else m.start
        normset = normen.normset_voor(sets, start)
        stand = (
            normen.standen(
                normset,
                start,
                eerst_gehaald(behaald.get(d, {}) for d in [*voor, m.pk]),
                peildatum,
                kalender,
                bijna_dagen,
            )
            if normset is not None
            else []
        )
        uit.append(
            KindMetMijlpalen(
                m.kind.pid,
                str(m.kind),
                m.kind.gemeente.naam,
                m.gi.naam,
                m.pk,
                m.maatregelcode.kort,
                start,
                tuple(stand),
                *huidige.get(m.pk, (None, None)),
            )
        )
    return uit


def mijlpalen_van(maatregel: Maatregel, peildatum: date) -> list[normen.MijlpaalStand]:
    """The status of each milestone of one measure (the caller has audited the child's read)."""
    [uit] = met_mijlpalen([maatregel], peildatum, bijna_dagen(peildatum))
    return list(uit.standen)


def bijna_dagen(peildatum: date | None = None) -> int:
    """Days before a deadline that a milestone shows as 'bijna': from the norm set in force."""
    normset = (
        Normset.objects.filter(geldig_van__lte=peildatum or date.max)
        .order_by("-geldig_van")
        .first()
    )
    return normset.bijna_dagen if normset is not None else 2
