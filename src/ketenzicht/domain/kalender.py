"""Dutch working days per the Algemene termijnenwet.

Art. 1 and 3 Algemene termijnenwet: Saturdays, Sundays and the generally recognised holidays
(New Year, Easter and Whit Mondays, Ascension, Christmas, King's Day) do not count, and by
art. 3 lid 3 neither do Good Friday and 5 May, every year. The ``holidays`` package's NL
calendar with its *public* and *optional* categories holds exactly these days.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

import holidays


class Kalender(Protocol):
    def is_werkdag(self, dag: date) -> bool: ...


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> frozenset[date]:
    nl = holidays.country_holidays("NL", years=[jaar], categories=("public", "optional"))
    # Easter Sunday and Whit Sunday are Sundays anyway; keep the set to the law's list.
    return frozenset(nl.keys())


class NederlandseKalender:
    """Working days in the Netherlands: no weekend, no holiday of the Algemene termijnenwet."""

    def is_werkdag(self, dag: date) -> bool:
        return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def werkdagen_na(start: date, aantal: int, kalender: Kalender) -> date:
    """The date ``aantal`` working days after ``start`` (start itself not counted).

    ``werkdagen_na(vrijdag, 1)`` is the next Monday, or the Tuesday when Monday is a holiday.
    """
    if aantal < 0:
        raise ValueError("Het aantal werkdagen kan niet negatief zijn.")
    dag = start
    geteld = 0
    while geteld < aantal:
        dag += timedelta(days=1)
        if kalender.is_werkdag(dag):
            geteld += 1
    return dag


def werkdagen_tussen(van: date, tot: date, kalender: Kalender) -> int:
    """Working days in ``(van, tot]``; 0 when ``tot`` is not after ``van``."""
    return sum(kalender.is_werkdag(van + timedelta(days=i)) for i in range(1, (tot - van).days + 1))
