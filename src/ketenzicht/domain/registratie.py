"""When a GI's registration in Ketenzicht is complete.

A GI that starts using Ketenzicht brings its running measures and its staff in service, not the
measures that had ended or the staff who had left. From its first day of registration
(``Organisatie.registratie_vanaf``; none: complete as far back as it goes) everything is
there; a figure over a period that began earlier is unknown, not small.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeVar

T = TypeVar("T")


def volledig_op(registratie_vanaf: date | None, dag: date) -> bool:
    """Whether a GI registering from ``registratie_vanaf`` has registered everything on ``dag``."""
    return registratie_vanaf is None or registratie_vanaf <= dag


def samen_vanaf(registratie_vanaf: Iterable[date | None]) -> date | None:
    """The first day on which all of these GIs register everything (None: all of them always)."""
    return max((d for d in registratie_vanaf if d is not None), default=None)


def bekend_einde(
    einde: date | None, geregistreerd: datetime | None, bekend_op: datetime | None
) -> date | None:
    """The end of a period as it was known at ``bekend_op`` (``None``: as known now).

    An end registered after ``bekend_op`` — a caseworker's leaving date, a sickness that ended,
    a measure or assignment closed late or with hindsight — was not known then: the period still
    ran as far as anyone knew. An end without a registration moment is treated the same way, so
    a past figure never changes by a fact whose moment is unknown."""
    if einde is None or bekend_op is None:
        return einde
    if geregistreerd is not None and geregistreerd <= bekend_op:
        return einde
    return None


def bekend_als(
    huidig: T, correcties: Iterable[tuple[datetime, T]], bekend_op: datetime | None
) -> T:
    """What a corrected registration said as known at ``bekend_op`` (``None``: as known now).

    ``correcties`` are the corrections as (moment registered, the value it replaced). The value
    known at ``bekend_op`` is the one the first correction after it replaced; without one, the
    value now. So a correction never changes what a past figure showed."""
    if bekend_op is None:
        return huidig
    later = [(moment, was) for moment, was in correcties if moment > bekend_op]
    return min(later, key=lambda c: c[0])[1] if later else huidig


def bekend_gecorrigeerd(
    per: date | None,
    geregistreerd: datetime | None,
    ingetrokken: Iterable[tuple[datetime, tuple[date, datetime | None]]],
    bekend_op: datetime | None,
) -> date | None:
    """An end that can be withdrawn — a caseworker's leaving date, a sickness's recovery
    date — as known at ``bekend_op`` (``None``: as known now).

    ``per`` is the date registered now (at ``geregistreerd``; ``None``: none, or withdrawn
    without another); ``ingetrokken`` the dates withdrawn as registered by mistake, as (moment
    withdrawn, (the date, moment it had been registered)). A withdrawn date still held for a
    moment before its withdrawal."""
    was, was_geregistreerd = bekend_als((per, geregistreerd), ingetrokken, bekend_op)
    return bekend_einde(was, was_geregistreerd, bekend_op)


def nog_geldig(peildatum: date, vroegst_geraakt: date | None) -> bool:
    """Whether a figure at ``peildatum`` computed with what was known at a moment K is still
    the figure now, given the earliest day touched by any fact registered after K (``None``:
    none was). A figure at a peildatum depends only on facts dated on or before it, so a fact
    dated after it — an assignment made today, for last October's figure — leaves it as it
    was."""
    return vroegst_geraakt is None or vroegst_geraakt > peildatum
