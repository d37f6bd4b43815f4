"""A period's end and a corrected registration as they were known at a moment
(``domain.registratie.bekend_einde``, ``bekend_als``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.registratie import bekend_als, bekend_einde, bekend_gecorrigeerd, nog_geldig

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


# A registration corrected over time (``domain.registratie.bekend_als``): value 0 registered
# first, each correction at a later moment replaces the value before it with the next one.
@given(
    st.lists(st.integers(), min_size=1, max_size=6),
    st.lists(momenten, min_size=5, max_size=5, unique=True),
    momenten,
    st.randoms(use_true_random=False),
)
def test_as_known_at_a_moment_a_registration_says_what_it_said_then(
    waarden: list[int], momenten_: list[datetime], vraag: datetime, toeval
) -> None:  # type: ignore[no-untyped-def]
    moment = sorted(momenten_)[: len(waarden) - 1]  # correction i at moment[i]
    correcties = [(m, waarden[i]) for i, m in enumerate(moment)]  # (when, the value replaced)
    toeval.shuffle(correcties)  # the order they are read in does not matter
    nu = waarden[len(moment)]
    gezegd = waarden[sum(1 for m in moment if m <= vraag)]

    assert bekend_als(nu, correcties, vraag) == gezegd
    assert bekend_als(nu, correcties, None) == nu


def test_a_correction_is_known_from_its_own_moment() -> None:
    gecorrigeerd = datetime(2026, 11, 20, 10, tzinfo=UTC)
    correcties = [(gecorrigeerd, "oud")]
    assert bekend_als("nieuw", correcties, gecorrigeerd) == "nieuw"
    assert bekend_als("nieuw", correcties, datetime(2026, 11, 20, 9, 59, tzinfo=UTC)) == "oud"


@given(
    per=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    momenten_=st.lists(momenten, min_size=3, max_size=3, unique=True).map(sorted),
    opnieuw=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    vraag=momenten,
)
def test_a_withdrawn_leaving_date_held_only_between_its_registration_and_its_withdrawal(
    per: date, momenten_: list[datetime], opnieuw: date | None, vraag: datetime
) -> None:
    """Registered at r, withdrawn at w, perhaps a new date registered at n (r < w < n): as
    known at any moment the date is the one registered and not yet withdrawn then."""
    r, w, n = momenten_
    nu = (opnieuw, n if opnieuw is not None else None)
    ingetrokken = [(w, (per, r))]
    verwacht = per if r <= vraag < w else (opnieuw if opnieuw is not None and n <= vraag else None)
    assert bekend_gecorrigeerd(*nu, ingetrokken, vraag) == verwacht
    assert bekend_gecorrigeerd(*nu, ingetrokken, None) == opnieuw


@given(peildatum=st.dates(), geraakt=st.lists(st.dates(), max_size=5))
def test_a_kept_figure_holds_until_a_fact_touches_its_peildatum(
    peildatum: date, geraakt: list[date]
) -> None:
    """Facts registered since, each touching the days from its own on: the figure stays the
    same exactly when all of them lie after the peildatum, whatever else they are."""
    vroegst = min(geraakt, default=None)
    assert nog_geldig(peildatum, vroegst) == all(d > peildatum for d in geraakt)
    assert not nog_geldig(peildatum, peildatum)  # a fact of the peildatum itself counts
