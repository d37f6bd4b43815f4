"""The monitor's waitlists by where the children live (``domain.gebieden``)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.gebieden import ONBEKEND, per_gebied, samen
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.monitor import indicatoren_gi
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.wachtlijst import MaatregelStand

K = NederlandseKalender()
PEIL = date(2026, 12, 1)


def stand(nr: int, start: date, *toewijzingen: Periode, kind: int | None = None) -> MaatregelStand:
    return MaatregelStand(
        nr, nr if kind is None else kind, "GI", MaatregelCode.OTS, Periode(start), toewijzingen
    )


def test_wachtenden_tellen_in_de_gemeente_van_het_kind() -> None:
    standen = [
        stand(1, PEIL - timedelta(days=30)),  # start list, 30 days
        stand(2, PEIL - timedelta(days=90), Periode(PEIL - timedelta(days=80), PEIL)),  # intern
        stand(3, PEIL - timedelta(days=90), Periode(PEIL - timedelta(days=85))),  # has one
        stand(4, PEIL - timedelta(days=2)),  # within the 5 working days: not waiting
        stand(5, PEIL - timedelta(days=10)),  # no gemeente known
    ]
    cijfers = per_gebied(standen, {1: "Assen", 2: "Assen", 3: "Emmen", 4: "Emmen"}, PEIL, K)

    assert list(cijfers) == ["Assen", "Emmen", ONBEKEND]
    assen = cijfers["Assen"]
    assert (assen.clienten, assen.wachtlijst_start.aantal, assen.wachtlijst_intern.aantal) == (
        2,
        1,
        1,
    )
    assert assen.wachtlijst_start.gemiddelde_dagen == 30
    assert assen.totaal_wachtend == 2 and assen.aandeel_wachtend_pct == 100.0
    emmen = cijfers["Emmen"]
    assert emmen.clienten == 2 and emmen.totaal_wachtend == 0 and emmen.aandeel_wachtend_pct == 0
    assert cijfers[ONBEKEND].wachtlijst_start.aantal == 1


def test_een_kind_met_twee_maatregelen_telt_twee_keer_als_client() -> None:
    standen = [
        stand(1, PEIL - timedelta(days=40), kind=7),
        stand(2, PEIL - timedelta(days=20), kind=7),
    ]
    cijfers = per_gebied(standen, {7: "Assen"}, PEIL, K)["Assen"]
    assert cijfers.clienten == 2 and cijfers.wachtlijst_start.aantal == 2


standen_strategie = st.lists(
    st.tuples(
        st.integers(0, 400),  # days since the measure began
        st.none() | st.tuples(st.integers(0, 400), st.none() | st.integers(0, 400)),
        st.integers(0, 6),  # the child
    ),
    max_size=30,
)


@given(standen_strategie, st.dictionaries(st.integers(0, 6), st.sampled_from(["A", "B", "C"])))
def test_de_gebieden_samen_zijn_de_hele_lijst(
    rijen: list[tuple[int, tuple[int, int | None] | None, int]], gebied_van: dict[int, str]
) -> None:
    standen = []
    for nr, (dagen, toewijzing, kind) in enumerate(rijen):
        start = PEIL - timedelta(days=dagen)
        perioden = ()
        if toewijzing is not None:
            van = start + timedelta(days=toewijzing[0])
            tot = None if toewijzing[1] is None else van + timedelta(days=toewijzing[1])
            perioden = (Periode(van, tot),)
        standen.append(stand(nr, start, *perioden, kind=kind))
    heel = indicatoren_gi(standen, [], PEIL, K)

    totaal = samen(per_gebied(standen, gebied_van, PEIL, K).values())

    assert totaal.clienten == heel.clienten
    assert totaal.wachtlijst_start == heel.wachtlijst_start
    assert totaal.wachtlijst_intern == heel.wachtlijst_intern
