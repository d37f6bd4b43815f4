"""The waitlist page's order: any column, either way, and a second click turns it round."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.kinderen.wachtlijsten import (
    WACHTLIJST_KOLOMMEN,
    Sortering,
    WachtlijstRegel,
    gesorteerd,
)

PEILDATUM = date(2026, 11, 20)

regels = st.lists(
    st.builds(
        lambda pid, naam, gemeente, maatregel, dagen: WachtlijstRegel(
            kind_pid=pid,
            naam=naam,
            gemeente=gemeente,
            maatregel=maatregel,
            soort=WachtSoort.START,
            sinds=PEILDATUM - timedelta(days=dagen),
            dagen_wachtend=dagen,
        ),
        st.uuids(),
        st.sampled_from(["Anna de Vries", "bram Bakker", "Cas Jansen", "Anna de Vries"]),
        st.sampled_from(["Assen", "Emmen", "'s-Hertogenbosch"]),
        st.sampled_from(["OTS", "VOTS", "voogdij"]),
        st.integers(0, 400),
    ),
    max_size=30,
)
sorteringen = st.builds(Sortering, st.sampled_from(sorted(WACHTLIJST_KOLOMMEN)), st.booleans())


@given(regels, sorteringen)
def test_sorted_is_the_same_rows_in_the_columns_order(lijst, sortering) -> None:  # type: ignore[no-untyped-def]
    uit = gesorteerd(lijst, sortering)
    assert sorted(map(id, uit)) == sorted(map(id, lijst))
    sleutels = [WACHTLIJST_KOLOMMEN[sortering.kolom](r) for r in uit]
    assert sleutels == sorted(sleutels, reverse=sortering.aflopend)  # type: ignore[type-var]


@given(regels, sorteringen)
def test_ties_keep_the_order_the_list_came_in(lijst, sortering) -> None:  # type: ignore[no-untyped-def]
    uit = gesorteerd(lijst, sortering)
    sleutel = WACHTLIJST_KOLOMMEN[sortering.kolom]
    for a, b in zip(uit, uit[1:], strict=False):
        if sleutel(a) == sleutel(b):
            assert lijst.index(a) < lijst.index(b)


@given(sorteringen, st.sampled_from(sorted(WACHTLIJST_KOLOMMEN)))
def test_a_second_click_on_a_heading_turns_the_order_round(huidig, kolom) -> None:  # type: ignore[no-untyped-def]
    eens = huidig.na_klik(kolom)
    assert eens.kolom == kolom
    assert eens.na_klik(kolom) == Sortering(kolom, not eens.aflopend)
    assert Sortering.van_tekst(str(eens)) == eens


def test_a_new_column_starts_with_the_longest_wait_the_newest_or_a_to_z() -> None:
    standaard = Sortering("kind", aflopend=False)
    assert str(standaard.na_klik("dagen")) == "-dagen"
    assert str(standaard.na_klik("sinds")) == "-sinds"
    assert str(Sortering("dagen", aflopend=True).na_klik("gemeente")) == "gemeente"
    assert Sortering.van_tekst("-bsn") is None and Sortering.van_tekst("") is None
