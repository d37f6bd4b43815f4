"""The envelope of a forecast: the band that whole paths stay inside, not single months.

A P10–P90 band holds one month's outcome four times in five. Whether a whole year stays inside
it depends on how the months move together: a waiting list whose children wait about a month is
nearly a fresh count every month, and then all twelve months stay inside only one time in
fourteen (0.8¹²) — for a model that is right. "Will the start list stay below 650 all year?" is
a question about the path, and so is "does the year that followed lie within the forecast?".

The envelope answers it. Per month it takes the k-th smallest and k-th largest of the
replications, with the largest k for which at least ``dekking`` (80%) of the replications stay
inside in every month; it never lies inside the P10–P90 band. It is the pointwise band widened
evenly, in ranks, until it holds four whole paths in five: the global rank envelope of
Myllymäki et al., "Global envelope tests for spatial processes" (J. R. Stat. Soc. B 79, 2017).
Paths that move as one get the P10–P90 band itself; independent months get about P1–P99 over a
year. A path of the same model — a backtest's registration, when the model is right — stays
inside it four times in five.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DEKKING = 0.8  # the share of whole paths the envelope holds, as P10–P90 holds 80% of a month
DECIMALEN = 3  # as the bands are printed; the envelope is rounded outwards


@dataclass(frozen=True, slots=True)
class Omhullende:
    laag: tuple[float, ...]  # per month
    hoog: tuple[float, ...]
    dekking: float  # the share of the replications inside in every month (≥ DEKKING)

    def bevat(self, maand: int, x: float) -> bool:
        """Whether an outcome ``x`` of month ``maand`` (0 = the first) lies inside."""
        return self.laag[maand] <= x <= self.hoog[maand]


def _naar_buiten(laag: np.ndarray, hoog: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    schaal = 10**DECIMALEN
    return np.floor(laag * schaal) / schaal, np.ceil(hoog * schaal) / schaal


def omhullende(paden: np.ndarray, dekking: float = DEKKING) -> Omhullende:
    """The envelope of ``paden`` (replications × months) holding ``dekking`` of them whole."""
    if paden.ndim != 2 or paden.shape[0] == 0:
        raise ValueError(f"paden: replicaties × maanden verwacht, kreeg vorm {paden.shape}")
    if not 0 < dekking < 1:
        raise ValueError(f"dekking: tussen 0 en 1, kreeg {dekking}")
    r = paden.shape[0]
    gesorteerd = np.sort(paden, axis=0)
    p10, p90 = np.percentile(paden, [10, 90], axis=0)

    def band(k: int) -> tuple[np.ndarray, np.ndarray, float]:
        laag, hoog = _naar_buiten(
            np.minimum(gesorteerd[k], p10), np.maximum(gesorteerd[r - 1 - k], p90)
        )
        binnen = ((paden >= laag) & (paden <= hoog)).all(axis=1).mean()
        return laag, hoog, float(binnen)

    # the bands nest as k grows, so the share inside falls with k: the largest k that still
    # holds `dekking` is found by bisection; k = 0 (min to max) holds every path
    goed, fout = 0, (r - 1) // 2 + 1
    while fout - goed > 1:
        midden = (goed + fout) // 2
        if band(midden)[2] >= dekking - 1e-12:
            goed = midden
        else:
            fout = midden
    laag, hoog, binnen = band(goed)
    return Omhullende(
        tuple(float(x) for x in laag),
        tuple(float(x) for x in hoog),
        math.floor(binnen * 10_000) / 10_000,
    )
