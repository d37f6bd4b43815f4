"""Who is waiting for a vaste jeugdbeschermer at a peildatum.

Monitor jeugdbescherming (seed 002, DOMAIN.md "Waiting lists"):

* *wachtlijst bij de start*: the measure is in execution and no jeugdbeschermer was ever
  assigned to it, while the norm of 5 working days after the start of the measure
  (doorbraakaanpak, seed 004) has passed. Days waited count from the start of the measure.
* *interne wachtlijst*: the measure is in execution, it had a vaste jeugdbeschermer, the last
  one stopped (sickness, leaving, hand-over) and no new one has started. Days waited count
  from the day the last one stopped.

A child is on at most one list. The facts are valid-time periods; a fact that starts after the
peildatum does not exist yet for that peildatum, which is what makes a past peildatum give the
same answer next year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ketenzicht.domain.afwezigheid import relatie_eindigt_op
from ketenzicht.domain.kalender import Kalender, werkdagen_na, werkdagen_tussen
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.perioden import Periode

TERMIJN_JEUGDBESCHERMER_WERKDAGEN = 5


class WachtSoort(str, Enum):
    START = "start"
    INTERN = "intern"
    NIEUW = "nieuw"  # no jeugdbeschermer yet, still within the 5 working days (planner only)


@dataclass(frozen=True, slots=True)
class MaatregelStand:
    """A measure with the periods of its vaste jeugdbeschermers, as registered."""

    maatregel_id: int
    kind_id: int
    gi: str
    code: MaatregelCode
    looptijd: Periode
    toewijzingen: tuple[Periode, ...] = ()

    def in_uitvoering(self, peildatum: date) -> bool:
        return self.looptijd.bevat(peildatum)


def termijn_jeugdbeschermer(start: date, kalender: Kalender) -> date:
    """The last day to give a measure begun on ``start`` a vaste jeugdbeschermer: after it the
    child is on the start waitlist."""
    return werkdagen_na(start, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, kalender)


def werkdagen_tot_termijn(start: date, peildatum: date, kalender: Kalender) -> int:
    """Working days left until the jeugdbeschermer norm (negative: that many past it)."""
    termijn = termijn_jeugdbeschermer(start, kalender)
    if peildatum <= termijn:
        return werkdagen_tussen(peildatum, termijn, kalender)
    return -werkdagen_tussen(termijn, peildatum, kalender)


@dataclass(frozen=True, slots=True)
class Wachtende:
    maatregel_id: int
    kind_id: int
    gi: str
    code: MaatregelCode
    soort: WachtSoort
    sinds: date
    dagen_wachtend: int


def wachtende(
    stand: MaatregelStand, peildatum: date, kalender: Kalender, *, binnen_termijn: bool = False
) -> Wachtende | None:
    """The waiting entry of ``stand`` at ``peildatum``, or ``None`` when it is not waiting.

    With ``binnen_termijn`` a measure still within its 5 working days without a jeugdbeschermer
    is returned too, as ``NIEUW``: the planner must assign it, the monitor does not count it.
    """
    if not stand.in_uitvoering(peildatum):
        return None
    begonnen = [t for t in stand.toewijzingen if t.begonnen_op(peildatum)]
    if any(t.bevat(peildatum) for t in begonnen):
        return None
    if begonnen:
        sinds = max(t.tot for t in begonnen if t.tot is not None)
        soort = WachtSoort.INTERN
    else:
        sinds = stand.looptijd.van
        termijn = termijn_jeugdbeschermer(sinds, kalender)
        if peildatum <= termijn and not binnen_termijn:
            return None
        soort = WachtSoort.START if peildatum > termijn else WachtSoort.NIEUW
    return Wachtende(
        maatregel_id=stand.maatregel_id,
        kind_id=stand.kind_id,
        gi=stand.gi,
        code=stand.code,
        soort=soort,
        sinds=sinds,
        dagen_wachtend=(peildatum - sinds).days,
    )


def wachtenden(
    standen: Iterable[MaatregelStand],
    peildatum: date,
    kalender: Kalender,
    *,
    binnen_termijn: bool = False,
) -> list[Wachtende]:
    """Everyone waiting at ``peildatum``, most recently started waiting first."""
    lijst = [
        w
        for s in standen
        if (w := wachtende(s, peildatum, kalender, binnen_termijn=binnen_termijn)) is not None
    ]
    return sorted(lijst, key=lambda w: (w.sinds, w.maatregel_id), reverse=True)


def effectieve_toewijzing(
    toewijzing: Periode, uit_dienst: date | None, ziekte: Iterable[Periode], drempel_dagen: int
) -> Periode:
    """The period a vaste jeugdbeschermer really is one (waiting-list issue, item 1).

    Leaving, or sickness that lasts ``drempel_dagen``, ends the vaste relation even before anyone
    registers its end: from then on the child is on the internal waitlist, dated on the day it
    happened (the leaving date, or the day the sickness reached the threshold).
    """
    einden = [d for d in (toewijzing.tot, uit_dienst) if d is not None]
    for z in ziekte:
        drempel = relatie_eindigt_op(z.van, drempel_dagen)
        if drempel > toewijzing.van and (z.tot is None or z.tot > drempel):
            einden.append(drempel)
    if not einden:
        return toewijzing
    return Periode(toewijzing.van, max(toewijzing.van, min(einden)))
