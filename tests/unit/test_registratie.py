"""A period's end as it was known at a moment (``domain.registratie.bekend_einde``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.registratie import bekend_einde

# hypothesis bounds are naive; every drawn moment gets UTC
momenten = st.datetimes(
    min_value=datetime(2020, 1, 1),  # noqa: DTZ001
    max_value=datetime(2030, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
einden = st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1))


@given(einde=einden, geregistreerd=st.none() | momenten)
def test_as_known_now_every_end_counts(einde: date | None, geregistreerd: datetime | None) -> None:
    assert bekend_einde(einde, geregistreerd, None) == einde


@given(einde=einden, geregistreerd=momenten, vraag=momenten)
def test_an_end_counts_from_the_moment_it_was_registered(
    einde: date | None, geregistreerd: datetime, vraag: datetime
) -> None:
    verwacht = einde if geregistreerd <= vraag else None
    assert bekend_einde(einde, geregistreerd, vraag) == verwacht


@given(einde=einden, vraag=momenten)
def test_an_end_without_a_registration_moment_was_never_known_before(
    einde: date | None, vraag: datetime
) -> None:
    assert bekend_einde(einde, None, vraag) is None


@given(einde=einden, geregistreerd=momenten, eerder=momenten, later=momenten)
def test_once_known_an_end_stays_known(
    einde: date | None, geregistreerd: datetime, eerder: datetime, later: datetime
) -> None:
    eerder, later = sorted((eerder, later))
    if bekend_einde(einde, geregistreerd, eerder) == einde:
        assert bekend_einde(einde, geregistreerd, later) == einde
