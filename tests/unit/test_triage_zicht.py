"""Keeping sight of a waiting child: a triage at most four weeks old (domain.triage)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.triage import (
    ZICHT_TERMIJN,
    TriageOngeldig,
    controleer_triage,
    uit_zicht,
    zicht_tot,
)

VANDAAG = date(2026, 11, 20)


def test_in_sight_for_four_weeks_after_a_triage_and_never_without_one() -> None:
    assert not uit_zicht(VANDAAG - ZICHT_TERMIJN, VANDAAG)
    assert uit_zicht(VANDAAG - ZICHT_TERMIJN - timedelta(days=1), VANDAAG)
    assert uit_zicht(None, VANDAAG)
    assert zicht_tot(date(2026, 11, 1)) == date(2026, 11, 29)


@given(st.dates(date(2024, 1, 1), date(2027, 1, 1)), st.integers(0, 200))
def test_a_newer_triage_never_takes_a_child_out_of_sight(laatste: date, later: int) -> None:
    peildatum = laatste + timedelta(days=later)
    if not uit_zicht(laatste, peildatum):
        for nieuwer in (laatste + timedelta(days=d) for d in range(later + 1)):
            assert not uit_zicht(nieuwer, peildatum)


@pytest.mark.parametrize(
    ("datum", "toelichting", "woord"),
    [
        (VANDAAG + timedelta(days=1), "", "in de toekomst"),
        (VANDAAG, "x" * 1001, "ten hoogste 1000"),
        (VANDAAG, "moeder, BSN 999 000 019", "Noem geen BSN"),
    ],
)
def test_a_triage_that_cannot_be_is_refused(datum: date, toelichting: str, woord: str) -> None:
    with pytest.raises(TriageOngeldig, match=woord):
        controleer_triage(datum, VANDAAG, toelichting)


def test_the_toelichting_is_kept_with_its_whitespace_folded() -> None:
    assert controleer_triage(VANDAAG, VANDAAG, " huisbezoek,\n  moeder  thuis ") == (
        "huisbezoek, moeder thuis"
    )
