"""The reason to open a record outside one's caseload, and when a child is one's own."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.inzage import (
    MEESTE_TEKENS,
    NA_OVERDRACHT,
    Inzagereden,
    InzageredenOngeldig,
    is_eigen_kind,
    lees_reden,
)

VANDAAG = date(2026, 11, 20)


def test_a_listed_reason_needs_no_toelichting_and_whitespace_is_folded() -> None:
    reden = lees_reden(" waarneming ", "  voor   Tom,\nziek ")
    assert reden.reden is Inzagereden.WAARNEMING and reden.toelichting == "voor Tom, ziek"
    assert str(reden) == "waarneming: voor Tom, ziek"
    assert str(lees_reden("spoed", "")) == "spoed"


@pytest.mark.parametrize(
    ("code", "toelichting", "veld", "woord"),
    [
        ("", "", "reden", "Kies een reden"),
        ("nieuwsgierig", "", "reden", "waarneming"),
        ("anders", "", "toelichting", "minstens 10"),
        ("anders", "even kijk", "toelichting", "minstens 10"),
        ("overleg", "x" * (MEESTE_TEKENS + 1), "toelichting", "ten hoogste 200"),
        ("anders", "moeder belde over 999 000 019", "toelichting", "Noem geen BSN"),
        ("anders", "kind met nummer 999.000.019", "toelichting", "Noem geen BSN"),
        ("overleg", "dossier 12345678", "toelichting", "Noem geen BSN"),
    ],
)
def test_a_reason_that_cannot_be_accepted_names_its_field(
    code: str, toelichting: str, veld: str, woord: str
) -> None:
    with pytest.raises(InzageredenOngeldig) as fout:
        lees_reden(code, toelichting)
    assert fout.value.veld == veld and woord in str(fout.value)
    assert "999" not in str(fout.value)  # the message never repeats a number


def test_a_short_number_or_a_date_in_the_toelichting_is_fine() -> None:
    assert lees_reden("anders", "zitting 03-12-2026, kamer 4").toelichting


def test_own_while_assigned_and_for_a_while_after_the_hand_over() -> None:
    assert is_eigen_kind([(date(2026, 1, 1), None)], VANDAAG)
    assert not is_eigen_kind([(date(2026, 12, 1), None)], VANDAAG)  # registered ahead
    assert is_eigen_kind([(date(2025, 1, 1), VANDAAG - NA_OVERDRACHT + timedelta(1))], VANDAAG)
    assert not is_eigen_kind([(date(2025, 1, 1), VANDAAG - NA_OVERDRACHT)], VANDAAG)
    assert not is_eigen_kind([], VANDAAG)


_perioden = st.lists(
    st.tuples(
        st.dates(date(2024, 1, 1), date(2027, 1, 1)),
        st.none() | st.integers(0, 400),
    ).map(lambda p: (p[0], None if p[1] is None else p[0] + timedelta(days=p[1]))),
    max_size=4,
)


@given(_perioden, st.dates(date(2024, 1, 1), date(2027, 6, 1)))
def test_own_is_any_period_that_holds_today(perioden, vandaag: date) -> None:  # type: ignore[no-untyped-def]
    eigen = is_eigen_kind(perioden, vandaag)
    assert eigen == any(is_eigen_kind([p], vandaag) for p in perioden)
    # a later day can only end a child being one's own once every period has ended
    if eigen and all(einde is None for _, einde in perioden if _ <= vandaag):
        assert is_eigen_kind(perioden, vandaag + timedelta(days=1000))
