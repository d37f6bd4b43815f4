from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.wachtlijst import MaatregelStand, WachtSoort, wachtende

K = NederlandseKalender()
START = date(2026, 11, 2)  # a Monday


def stand(*toewijzingen: Periode, einde: date | None = None) -> MaatregelStand:
    return MaatregelStand(1, 1, "GI", MaatregelCode.OTS, Periode(START, einde), tuple(toewijzingen))


def test_binnen_vijf_werkdagen_nog_niet_op_de_startlijst() -> None:
    assert wachtende(stand(), date(2026, 11, 9), K) is None  # 5th working day
    w = wachtende(stand(), date(2026, 11, 10), K)
    assert w is not None and w.soort is WachtSoort.START and w.dagen_wachtend == 8


def test_met_vaste_jeugdbeschermer_wacht_niemand() -> None:
    assert wachtende(stand(Periode(date(2026, 11, 20))), date(2026, 12, 1), K) is None


def test_kwijtgeraakte_jeugdbeschermer_geeft_interne_wachtlijst() -> None:
    s = stand(Periode(START, date(2026, 11, 15)))
    w = wachtende(s, date(2026, 11, 25), K)
    assert w is not None and w.soort is WachtSoort.INTERN and w.sinds == date(2026, 11, 15)
    assert w.dagen_wachtend == 10


def test_geeindigde_maatregel_telt_niet() -> None:
    assert wachtende(stand(einde=date(2026, 11, 20)), date(2026, 11, 25), K) is None


perioden = st.builds(
    lambda a, b: Periode(
        START + timedelta(days=a), None if b is None else START + timedelta(days=a + b)
    ),
    st.integers(0, 200),
    st.none() | st.integers(0, 120),
)


@given(st.lists(perioden, max_size=4), st.integers(0, 300), st.integers(1, 200))
def test_feiten_na_de_peildatum_veranderen_de_uitkomst_niet(
    toewijzingen: list[Periode], dag: int, later: int
) -> None:
    peildatum = START + timedelta(days=dag)
    voor = stand(*[t for t in toewijzingen if t.van <= peildatum])
    nieuw = Periode(peildatum + timedelta(days=later))
    na = stand(*voor.toewijzingen, nieuw)
    assert wachtende(voor, peildatum, K) == wachtende(na, peildatum, K)


@given(st.lists(perioden, max_size=4), st.integers(0, 300))
def test_hooguit_een_lijst_en_nooit_negatief_wachten(toewijzingen: list[Periode], dag: int) -> None:
    peildatum = START + timedelta(days=dag)
    w = wachtende(stand(*toewijzingen), peildatum, K)
    if w is not None:
        assert w.dagen_wachtend >= 0
        assert not any(t.bevat(peildatum) for t in toewijzingen)
