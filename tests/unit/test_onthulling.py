"""Small-cell protection: no hidden count can be recovered from the shown ones, checked
independently of the implementation with linear programs (the tightest bounds a reader of the
table can derive for each hidden cell, given the relations and that counts are ≥ 0)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from ketenzicht.domain.onthulling import LANDELIJK, TELLINGEN, beveilig, relaties

DREMPEL = 5


@st.composite
def tabellen(draw: st.DrawFn) -> dict[tuple[str, str], int]:
    gis = [f"GI {i}" for i in range(draw(st.integers(1, 6)))]
    klein = st.integers(0, 8)
    groot = st.integers(0, 3000)
    waarden: dict[tuple[str, str], int] = {}
    for g in gis:
        start = draw(klein | groot)
        intern = draw(klein | groot)
        waarden[(g, "clienten")] = draw(klein | groot)
        waarden[(g, "wachtlijst_start")] = start
        waarden[(g, "wachtlijst_intern")] = intern
        waarden[(g, "totaal_wachtend")] = start + intern
    for k in TELLINGEN:
        waarden[(LANDELIJK, k)] = sum(waarden[(g, k)] for g in gis)
    return waarden


def grenzen(waarden: dict, verborgen: frozenset) -> dict:  # type: ignore[type-arg]
    """For each hidden cell, the (min, max) consistent with what is shown."""
    rijen = sorted({r for r, _ in waarden})
    onbekend = sorted(verborgen)
    index = {c: i for i, c in enumerate(onbekend)}
    a_eq, b_eq = [], []
    for rel in relaties(rijen):
        rij = np.zeros(len(onbekend))
        rest = 0.0
        for cel, coef in rel.items():
            if cel in index:
                rij[index[cel]] += coef
            else:
                rest -= coef * waarden[cel]
        if rij.any():
            a_eq.append(rij)
            b_eq.append(rest)
    uit = {}
    for cel, i in index.items():
        doel = np.zeros(len(onbekend))
        doel[i] = 1
        laag = linprog(doel, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None))
        hoog = linprog(-doel, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None))
        uit[cel] = (laag.fun, -hoog.fun if hoog.status == 0 else float("inf"))
    return uit


@settings(deadline=None, max_examples=400)
@given(tabellen())
def test_geen_verborgen_aantal_is_terug_te_rekenen(waarden) -> None:  # type: ignore[no-untyped-def]
    b = beveilig(waarden, DREMPEL)
    for cel, v in waarden.items():
        if 0 < v < DREMPEL:
            assert cel in b.verborgen
            assert b.toon(*cel, DREMPEL) == "<5"
        if v == 0:
            assert cel not in b.verborgen
    for cel, (laag, hoog) in grenzen(waarden, b.verborgen).items():
        assert hoog - laag > 0.5, f"{cel} is terug te rekenen: tussen {laag} en {hoog}"


def test_een_enkele_kleine_cel_krijgt_een_complementaire_onderdrukking() -> None:
    waarden = {
        ("A", "clienten"): 3,
        ("B", "clienten"): 120,
        ("C", "clienten"): 800,
        (LANDELIJK, "clienten"): 923,
    }
    b = beveilig(waarden, DREMPEL)
    assert b.verborgen == {("A", "clienten"), ("B", "clienten")}
    assert b.toon("B", "clienten", DREMPEL) == "x"
    assert b.toon("C", "clienten", DREMPEL) == "800"
