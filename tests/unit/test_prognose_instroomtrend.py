"""A GI's inflow trend, drawn towards the other GIs' (empirical Bayes): two years of a small GI's
inflow show a trend of ±15% a year by chance, and a forecast would extrapolate it."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketenzicht.domain.capaciteit import MedewerkerStand, Rol
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.prognose.kalibratie import Historie, MaatregelVerloop, Werknemer, kalibreer
from ketenzicht.domain.prognose.kalibratie.instroom import _Helling, _naar_het_geheel

PEIL = date(2026, 1, 1)  # the window: January 2024 to December 2025
# a flat Poisson(35) series (numpy seed 110) whose log-linear fit alone says +15% a year, t = 2.5
TOEVAL = [46, 39, 30, 24, 26, 35, 35, 34, 39, 34, 33, 36, 32, 32, 32, 43, 45, 31, 37, 35, 38]
TOEVAL += [44, 48, 50]


def _starts(per_maand: list[int] | np.ndarray) -> list[date]:
    return [
        date(2024 + k // 12, k % 12 + 1, 1 + i % 28)
        for k, n in enumerate(per_maand)
        for i in range(int(n))
    ]


def _historie(per_maand: list[int], gis: dict[str, list[date]] | None = None) -> Historie:
    staf = [
        Werknemer("GI", MedewerkerStand(Rol.JEUGDBESCHERMER, 1.0, Periode(date(2020, 1, 1))))
        for _ in range(10)
    ]
    maatregelen = [MaatregelVerloop(s, None, s) for s in _starts(per_maand)]
    maatregelen.append(MaatregelVerloop(date(2023, 1, 1), date(2025, 6, 1), date(2023, 1, 1)))
    return Historie(
        peildatum=PEIL,
        maatregelen=maatregelen,
        uitval=[],
        medewerkers=staf,
        caseloads=[14.0] * 10,
        plan_dagen=[20],
        hulp_dagen=[60],
        clienten=len(maatregelen),
        wachtlijst_start=0,
        wachtlijst_intern=0,
        starts_gis=gis or {},
    )


def _flat_gis(aantal: int, trend: float = 0.0) -> dict[str, list[date]]:
    rng = np.random.default_rng(1)
    niveau = 60 * (1 + trend) ** (np.arange(24) / 12)
    return {f"GI {i}": _starts(rng.poisson(niveau)) for i in range(aantal)}


def _uitleg(h: Historie) -> str:
    k = kalibreer(h)
    return next(s.uitleg for s in k.schattingen if s.naam == "instroom_per_maand")


def test_een_trend_bij_toeval_wordt_naar_de_andere_gis_getrokken() -> None:
    alleen = kalibreer(_historie(TOEVAL)).parameters
    assert alleen.instroom_trend_per_jaar == pytest.approx(0.154, abs=0.002)

    h = _historie(TOEVAL, {**_flat_gis(12), "eigen": _starts(TOEVAL)})
    p = kalibreer(h).parameters
    assert p.instroom_trend_per_jaar == 0
    assert p.instroom_per_maand == pytest.approx(sum(TOEVAL[-12:]) / 12, abs=0.05)
    # as uncertain as the drawn-in trend, which is surer than the GI's own
    assert (
        0 < p.onzekerheid["instroom_trend_per_jaar"] < alleen.onzekerheid["instroom_trend_per_jaar"]
    )
    assert "eigen +15.4%" in _uitleg(h) and "13 GI's" in _uitleg(h)


def test_een_kleine_gi_leent_de_dalende_instroom_van_het_land() -> None:
    """Every GI's inflow falls 10% a year; the small one's own months are too few to show it."""
    # Poisson around 15 a month falling 10% a year (numpy seed 0): alone −10%, t = −0.9
    klein = [17, 5, 16, 19, 19, 17, 19, 12, 16, 15, 16, 16, 9, 14, 13, 20, 14, 14, 12, 9, 7, 16]
    klein += [17, 10]
    assert kalibreer(_historie(klein)).parameters.instroom_trend_per_jaar == 0

    h = _historie(klein, {**_flat_gis(12, trend=-0.10), "klein": _starts(klein)})
    p = kalibreer(h).parameters
    assert p.instroom_trend_per_jaar == pytest.approx(-0.10, abs=0.03)


def test_een_gi_die_echt_afwijkt_houdt_de_eigen_trend() -> None:
    groei = [round(40 * 1.4 ** (k / 12)) + (2 if k % 2 else -2) for k in range(24)]
    eigen = kalibreer(_historie(groei)).parameters.instroom_trend_per_jaar
    h = _historie(groei, {**_flat_gis(12), "groei": _starts(groei)})
    getrokken = kalibreer(h).parameters.instroom_trend_per_jaar
    assert eigen == pytest.approx(0.40, abs=0.03)
    assert getrokken == pytest.approx(eigen, abs=0.02)


helling = st.builds(
    lambda b, se: _Helling(b, se, math.log(40), 11.5, se**2 * 1150, 24),
    st.floats(-0.05, 0.05),
    st.floats(0.001, 0.03),
)


@settings(max_examples=200, deadline=None)
@given(eigen=helling, anderen=st.lists(helling, min_size=2, max_size=15))
def test_getrokken_trend_ligt_tussen_de_eigen_en_de_gemeenschappelijke(
    eigen: _Helling, anderen: list[_Helling]
) -> None:
    alle = [*anderen, eigen]
    getrokken, tau = _naar_het_geheel(eigen, alle)
    w = np.array([1 / (h.se_b**2 + tau**2) for h in alle])
    gemeen = float(w @ np.array([h.b for h in alle]) / w.sum())
    assert min(eigen.b, gemeen) - 1e-12 <= getrokken.b <= max(eigen.b, gemeen) + 1e-12
    # borrowing from the others never makes the GI's trend less certain than its own
    assert getrokken.se_b <= eigen.se_b * (1 + 1e-9)
    assert tau >= 0
    assert replace(getrokken, b=eigen.b, se_b=eigen.se_b) == eigen
