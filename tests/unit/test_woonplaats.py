"""Where a child lived on a day, as known at a moment (``domain.woonplaats``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.woonplaats import Woonplaats, controleer_verhuizing, gemeente_op

dagen = st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31))
GEBOREN = date(2015, 1, 1)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def verhuizingen(draw: st.DrawFn) -> list[Woonplaats[str]]:
    """Moves registered in order, each some time after it happened: a child's history."""
    n = draw(st.integers(min_value=1, max_value=5))
    van = sorted(draw(st.lists(dagen, min_size=n, max_size=n, unique=True)))
    vertraging = draw(st.lists(st.integers(0, 400), min_size=n, max_size=n))
    uit, moment = [], T0
    for i, (dag, dagen_later) in enumerate(zip(van, vertraging, strict=True)):
        moment = max(moment, datetime.combine(dag, datetime.min.time(), UTC)) + timedelta(
            days=dagen_later, seconds=1
        )
        uit.append(Woonplaats(dag, moment, f"gemeente {i}"))
    return uit


@given(verhuizingen(), dagen)
def test_as_known_now_the_child_lives_where_it_last_moved_to_by_then(
    woonplaatsen: list[Woonplaats[str]], dag: date
) -> None:
    tot_dan = [w for w in woonplaatsen if w.van <= dag]
    verwacht = (tot_dan[-1] if tot_dan else woonplaatsen[0]).gemeente
    assert gemeente_op(woonplaatsen, dag) == verwacht
    assert gemeente_op(reversed(woonplaatsen), dag) == verwacht  # order read does not matter


@given(verhuizingen(), dagen, st.integers(0, 3000))
def test_a_move_registered_later_had_not_happened_as_known_then(
    woonplaatsen: list[Woonplaats[str]], dag: date, uren: int
) -> None:
    bekend_op = T0 + timedelta(hours=uren)
    bekend = [w for w in woonplaatsen if w.geregistreerd_op <= bekend_op]
    assert gemeente_op(woonplaatsen, dag, bekend_op) == gemeente_op(bekend, dag)
    if not bekend:
        assert gemeente_op(woonplaatsen, dag, bekend_op) is None


def test_two_facts_for_one_day_the_later_registered_counts() -> None:
    dag = date(2026, 5, 1)
    woonplaatsen = [
        Woonplaats(dag, T0 + timedelta(days=2), "Tweede"),
        Woonplaats(dag, T0 + timedelta(days=1), "Eerste"),
    ]
    assert gemeente_op(woonplaatsen, dag) == "Tweede"
    assert gemeente_op(woonplaatsen, dag, T0 + timedelta(days=1)) == "Eerste"


@given(per=dagen, laatste=st.none() | dagen, zelfde=st.booleans())
def test_a_move_accepted_lies_in_order_and_not_ahead(
    per: date, laatste: date | None, zelfde: bool
) -> None:
    vandaag = date(2026, 11, 20)
    fout = controleer_verhuizing(
        per=per, vandaag=vandaag, geboren=GEBOREN, laatste=laatste, zelfde_gemeente=zelfde
    )
    if fout is None:
        assert GEBOREN <= per <= vandaag and not zelfde
        assert laatste is None or per > laatste
