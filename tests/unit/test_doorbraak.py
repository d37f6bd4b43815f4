"""The monthly doorbraak monitor in the pure domain."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ketenzicht.domain.doorbraak import Maand, Traject, rijen, uitkomsten
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.normen import DOORBRAAK_2020

K = NederlandseKalender()
SETS = [DOORBRAAK_2020]
DOELEN = {m.code: m.doel for m in DOORBRAAK_2020.mijlpalen}
CODES = list(DOELEN)
GEMEENTEN = {"Zwolle": "IJsselland", "Kampen": "IJsselland", "Assen": "Drenthe"}


@st.composite
def trajecten(draw: st.DrawFn) -> list[Traject]:
    uit = []
    for i in range(draw(st.integers(0, 40))):
        start = draw(st.dates(date(2026, 1, 1), date(2026, 6, 30)))
        gemeente = draw(st.sampled_from(sorted(GEMEENTEN)))
        gehaald = {
            code: start + timedelta(days=draw(st.integers(0, 120)))
            for code in CODES
            if draw(st.booleans())
        }
        einde = draw(st.none() | st.just(start + timedelta(days=draw(st.integers(1, 200)))))
        uit.append(
            Traject(
                i,
                i,
                draw(st.sampled_from(["GI A", "GI B"])),
                gemeente,
                GEMEENTEN[gemeente],
                start,
                einde,
                gehaald,
            )
        )
    return uit


@settings(deadline=None)  # the first call loads the holiday tables
@given(trajecten(), st.sampled_from([Maand(2026, m) for m in range(2, 9)]))
def test_landelijk_is_de_som_van_de_gi_en_van_de_gemeenten(
    lijst: list[Traject], maand: Maand
) -> None:
    uit = rijen(uitkomsten(lijst, SETS, maand, K), DOELEN)
    som: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in uit:
        som[(r.niveau, r.mijlpaal)][0] += r.noemer
        som[(r.niveau, r.mijlpaal)][1] += r.op_tijd
        assert 0 <= r.op_tijd <= r.noemer
        assert r.aandeel == round(r.op_tijd / r.noemer, 3)
    for code in CODES:
        landelijk = som.get(("landelijk", code), [0, 0])
        for niveau in ("gi", "gemeente", "regio"):
            assert som.get((niveau, code), [0, 0]) == landelijk


def test_noemer_is_wie_zijn_termijn_in_de_maand_had() -> None:
    def traject(i: int, start: date, einde: date | None = None, **gehaald: date) -> Traject:
        return Traject(i, i, "GI A", "Zwolle", "IJsselland", start, einde, gehaald)

    lijst = [
        # Taxatie due Fri 6 Feb 2026 (5 working days from Fri 30 Jan): met on time
        traject(1, date(2026, 1, 30), veiligheidstaxatie=date(2026, 2, 6)),
        # due 6 Feb as well, met a day late
        traject(2, date(2026, 1, 30), veiligheidstaxatie=date(2026, 2, 9)),
        # due 6 Feb, never met, measure still running: counts as not in time
        traject(3, date(2026, 1, 30)),
        # due 6 Feb, measure ended 3 Feb: the norm no longer applied, not counted
        traject(4, date(2026, 1, 30), einde=date(2026, 2, 3)),
        # due in January: not in February's figures
        traject(5, date(2026, 1, 2)),
    ]
    [taxatie] = [
        r
        for r in rijen(uitkomsten(lijst, SETS, Maand(2026, 2), K), DOELEN)
        if r.niveau == "landelijk" and r.mijlpaal == "veiligheidstaxatie"
    ]
    assert (taxatie.noemer, taxatie.op_tijd, taxatie.aandeel) == (3, 1, 0.333)
    assert taxatie.als_dict()["doel"] == 1.0


def test_maand_lezen_en_rekenen() -> None:
    assert Maand.lees("2026-01").vorige() == Maand(2025, 12)
    assert Maand(2025, 12).volgende() == Maand(2026, 1)
    assert Maand(2024, 2).laatste == date(2024, 2, 29)
    assert str(Maand(2026, 3)) == "2026-03"
