"""What the monitor actually showed on the first of each month, to put beside a forecast made
on a past peildatum (``prognose toets``, the page's months since). Registration only: the
figures a GI delivered are not what the model was calibrated on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.monitor.selectors import monitor
from ketenzicht.prognose.registratie import organisaties


@dataclass(frozen=True, slots=True)
class Waargenomen:
    """What the monitor showed on the first of a month (registration only)."""

    peildatum: date
    wachtlijst_start: int
    wachtlijst_intern: int
    clienten: int
    fte_beschikbaar: float
    # clienten / fte_beschikbaar unrounded: the monitor publishes one decimal, but a forecast's
    # band is about a tenth wide, so rounding would decide whether a month falls inside
    workload: float | None


def waargenomen(
    *,
    vanaf: date,
    maanden: int,
    gi_naam: str | None = None,
    voortgang: Callable[[str, int, int], None] | None = None,
) -> list[Waargenomen]:
    """The monitor on the first of each of the ``maanden`` months after ``vanaf``."""
    organisaties(gi_naam)
    uit = []
    for k in range(1, maanden + 1):
        if voortgang:
            voortgang("monitor per maand", k - 1, maanden)
        uit.append(waargenomen_op(plus_maanden(date(vanaf.year, vanaf.month, 1), k), gi_naam))
    return uit


def waargenomen_op(dag: date, gi_naam: str | None = None) -> Waargenomen:
    """The monitor on ``dag``, of the country or of one GI."""
    m = monitor(peildatum=dag, bron="registratie")
    i = m.landelijk if gi_naam is None else m.per_gi[gi_naam]
    return Waargenomen(
        dag,
        i.wachtlijst_start.aantal,
        i.wachtlijst_intern.aantal,
        i.clienten,
        i.fte_beschikbaar,
        round(i.clienten / i.fte_beschikbaar, 3) if i.fte_beschikbaar else None,
    )
