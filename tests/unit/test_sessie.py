from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.sessie import resterend

STIL, MAX = timedelta(minutes=30), timedelta(hours=12)


def test_stil_na_een_half_uur_zonder_verzoek() -> None:
    assert resterend(laatst_actief=0, ingelogd_op=0, nu=600, stil=STIL, hoogstens=MAX) == (
        1200,
        "stil",
    )


def test_de_dag_als_die_eerder_afloopt() -> None:
    nu = 11 * 3600 + 40 * 60
    assert resterend(laatst_actief=nu, ingelogd_op=0, nu=nu, stil=STIL, hoogstens=MAX) == (
        1200,
        "dag",
    )


@given(
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=1e5),
)
def test_de_nabijste_van_beide_einden(
    ingelogd: float, stil_sinds: float, verstreken: float
) -> None:
    """The time left is never more than either end allows, and equals one of them."""
    laatst = ingelogd + stil_sinds
    nu = laatst + verstreken
    over, reden = resterend(
        laatst_actief=laatst, ingelogd_op=ingelogd, nu=nu, stil=STIL, hoogstens=MAX
    )
    tot_stil = STIL.total_seconds() - (nu - laatst)
    tot_dag = MAX.total_seconds() - (nu - ingelogd)
    assert over == min(tot_stil, tot_dag)
    assert reden == ("stil" if tot_stil <= tot_dag else "dag")
