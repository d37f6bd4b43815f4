"""A forecast on the monitor's calendar: the start list counts a child from the day after its
5 working days (Algemene termijnenwet), so how long that is differs per peildatum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ketenzicht.domain.kalender import Kalender, NederlandseKalender, werkdagen_na
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.parameters import Scenario
from ketenzicht.domain.wachtlijst import TERMIJN_JEUGDBESCHERMER_WERKDAGEN


def peilnormen(vanaf: date, maanden: int, kalender: Kalender | None = None) -> tuple[float, ...]:
    """Per month-end snapshot of a forecast from ``vanaf``: how many days after its start a
    child counts on the start list on that peildatum (the first of the next month). Holidays
    and weekends make it longer or shorter than the mean: on 1 January a child needs about 10
    days, on a Saturday 6."""
    kalender = kalender or NederlandseKalender()
    uit = []
    for m in range(1, maanden + 1):
        peil = plus_maanden(vanaf, m)
        d = peil - timedelta(days=1)
        while werkdagen_na(d, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, kalender) >= peil:
            d -= timedelta(days=1)
        uit.append(float((peil - d).days - 1))
    return tuple(uit)


def op_kalender(scenario: Scenario, vanaf: date, horizon: int | None = None) -> Scenario:
    """``scenario`` starting in the month of ``vanaf`` over ``horizon`` months (default: its
    own), with the start list counted on each peildatum's calendar."""
    maand = date(vanaf.year, vanaf.month, 1)
    horizon = horizon or scenario.parameters.horizon_maanden
    par = replace(
        scenario.parameters, horizon_maanden=horizon, peil_norm_dagen=peilnormen(maand, horizon)
    )
    return replace(scenario, parameters=par, vanaf=maand)
