"""The envelope: the band a whole path stays inside four times in five. Planners ask "will the
start list stay below this all year?", and a backtest asks whether the year that followed lies
within the forecast; both need a band for the path, not for one month at a time."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ketenzicht.domain.prognose.montecarlo import banden
from ketenzicht.domain.prognose.omhullende import omhullende
from tests.unit.test_prognose import _paden


def _binnen(paden: np.ndarray, laag: np.ndarray, hoog: np.ndarray) -> float:
    return float(((paden >= laag) & (paden <= hoog)).all(axis=1).mean())


@settings(max_examples=150, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 80), st.integers(1, 15)),
        elements=st.floats(-1e4, 1e4, allow_nan=False).map(lambda x: round(x, 2)),
    ),
    st.sampled_from([0.5, 0.8, 0.95]),
)
def test_de_omhullende_houdt_genoeg_hele_paden_en_niet_meer_dan_nodig(
    paden: np.ndarray, dekking: float
) -> None:
    o = omhullende(paden, dekking)
    laag, hoog = np.array(o.laag), np.array(o.hoog)
    # it holds at least `dekking` of the whole paths, and says how many
    assert _binnen(paden, laag, hoog) >= dekking
    assert o.dekking == pytest.approx(_binnen(paden, laag, hoog), abs=1e-4)
    # it never lies inside the month's own P10–P90 band
    p10, p90 = np.percentile(paden, [10, 90], axis=0)
    assert (laag <= p10 + 1e-9).all() and (hoog >= p90 - 1e-9).all()
    # and is the narrowest of its kind: the largest rank k, found by trying every one, whose
    # band (k-th smallest to k-th largest, never inside P10–P90) still holds enough
    r, s = paden.shape[0], np.sort(paden, axis=0)
    kandidaten = [
        (
            np.floor(np.minimum(s[k], p10) * 1000) / 1000,
            np.ceil(np.maximum(s[r - 1 - k], p90) * 1000) / 1000,
        )
        for k in range((r - 1) // 2 + 1)
    ]
    smalste = [b for b in kandidaten if _binnen(paden, *b) >= dekking][-1]
    assert (laag == smalste[0]).all() and (hoog == smalste[1]).all()


def test_paden_die_samen_bewegen_krijgen_de_p10_p90_band() -> None:
    paden = np.array([[float(r)] * 12 for r in range(101)])
    o = omhullende(paden)
    assert o.laag == (10.0,) * 12 and o.hoog == (90.0,) * 12
    assert o.dekking == pytest.approx(81 / 101, abs=1e-4)
    # four of five replications the same path: the P10–P90 band already holds them
    vier = omhullende(np.array([[5.0, 6.0]] * 4 + [[9.0, 1.0]]))
    assert (vier.laag, vier.hoog, vier.dekking) == ((5.0, 3.0), (7.4, 6.0), 0.8)


def test_een_nieuw_pad_van_hetzelfde_model_blijft_er_vier_van_de_vijf_keer_in() -> None:
    """The envelope is made from the replications; a path the model did not draw — a backtest's
    registration, when the model is right — stays inside in every month about 80% of the time,
    where the P10–P90 band holds a year of independent months one time in fourteen."""
    rng = np.random.default_rng(11)
    for samenhang in (0.0, 0.6):  # independent months, and months that share a slow component

        def trek(n: int, c: float = samenhang) -> np.ndarray:
            return c * rng.normal(size=(n, 1)) + (1 - c**2) ** 0.5 * rng.normal(size=(n, 12))

        o = omhullende(trek(2000))
        nieuw = trek(20_000)
        assert _binnen(nieuw, np.array(o.laag), np.array(o.hoog)) == pytest.approx(0.8, abs=0.02)
        p10, p90 = np.percentile(nieuw, [10, 90], axis=0)
        assert _binnen(nieuw, p10, p90) < 0.35


def test_de_prognose_draagt_een_omhullende_per_indicator() -> None:
    rng = np.random.default_rng(3)
    p = banden("s", _paden((100 + 10 * rng.normal(size=(400, 12))).tolist()))
    o = p.omhullende["wachtlijst_start"]
    assert len(o.laag) == len(o.hoog) == len(p.maanden) == 12
    for m, band in enumerate(p.maanden):
        b = band["wachtlijst_start"]
        assert o.laag[m] <= b.p10 <= b.p90 <= o.hoog[m]
    assert 0.8 <= o.dekking < 0.85
    assert all(o.bevat(m, 100.0) for m in range(12)) and not o.bevat(11, 200.0)


@pytest.mark.parametrize(
    ("paden", "dekking", "melding"),
    [
        (np.zeros((0, 12)), 0.8, "replicaties × maanden"),
        (np.zeros(12), 0.8, "replicaties × maanden"),
        (np.zeros((10, 12)), 1.0, "dekking"),
    ],
)
def test_onzin_in_geeft_een_fout_die_zegt_wat(
    paden: np.ndarray, dekking: float, melding: str
) -> None:
    with pytest.raises(ValueError, match=melding):
        omhullende(paden, dekking)
