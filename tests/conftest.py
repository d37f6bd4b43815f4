"""Shared fixtures: a frozen clock, the Dutch calendar, and factories with valid test BSNs."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from ketenzicht.domain.bsn import testnummers
from ketenzicht.domain.kalender import NederlandseKalender

# Tests take BSNs from the top of the synthetic test block, far from where the demo starts.
_BSNS: Iterator[str] = testnummers(vanaf=95_000)


def volgend_bsn() -> str:
    return next(_BSNS)


@pytest.fixture
def kalender() -> NederlandseKalender:
    return NederlandseKalender()


@pytest.fixture
def vandaag() -> date:
    """The frozen 'today' of integration tests (see ``bevroren_klok``)."""
    return date(2026, 11, 20)


@pytest.fixture
def bevroren_klok(vandaag: date) -> Iterator[None]:
    import time_machine

    with time_machine.travel(f"{vandaag.isoformat()} 10:00 +01:00", tick=False):
        yield


@pytest.fixture
def teller() -> Callable[[], int]:
    return itertools.count(1).__next__


@pytest.fixture(autouse=True)
def lege_cache() -> Iterator[None]:
    """Pages cache figures until their facts change; each test starts without another's."""
    from django.core.cache import cache

    cache.clear()
    yield
