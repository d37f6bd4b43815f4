"""Parameter uncertainty: each replication runs on its own draw of the estimated parameters.

A calibrated parameter is an estimate from a limited history; a GI with 1,000 measures a year
knows its inflow to a few percent, its share handed over the same day to a few points. A band
from the process noise alone is too narrow for such a forecast. So ``Parameters.onzekerheid``
gives a field's standard error (in the field's unit), and every replication draws that field
from a distribution with the estimate as mean and that standard error:

* a share in [0, 1] (``start_direct``, ``intern_warm``, ``verloop_per_jaar``, ...): a beta;
* the trend of the inflow: a normal (above -0.99);
* any other positive quantity (a rate, a mean duration): a gamma.

The draw of replication ``r`` depends only on its seed and the field's name, so a scenario and
its baseline draw the same parameters replication by replication (their difference stays
sharp), and adding or removing one field's uncertainty leaves the others' draws alone.
A drawn ``duur_dagen`` scales every type's durations by the same factor.
"""

from __future__ import annotations

import zlib
from dataclasses import replace

import numpy as np

from ketenzicht.domain.prognose.parameters import AANDELEN, TREND, Scenario


def _rng(seed: int, naam: str) -> np.random.Generator:
    return np.random.default_rng([seed & 0xFFFF_FFFF_FFFF_FFFF, zlib.crc32(naam.encode())])


def trek_waarde(naam: str, waarde: float, se: float, rng: np.random.Generator) -> float:
    """One draw of field ``naam`` with mean ``waarde`` and standard error ``se``."""
    if se <= 0:
        return waarde
    if naam in TREND:
        return max(-0.99, float(rng.normal(waarde, se)))
    if waarde <= 0:
        return waarde  # nothing to scale: a rate of 0 stays 0
    if naam in AANDELEN:
        if waarde >= 1:
            return waarde
        nu = waarde * (1 - waarde) / se**2 - 1  # alpha + beta of the moment-matched beta
        return float(rng.beta(waarde * nu, (1 - waarde) * nu))
    vorm = (waarde / se) ** 2
    return float(rng.gamma(vorm, waarde / vorm))


def getrokken(scenario: Scenario, seed: int) -> Scenario:
    """``scenario`` with its uncertain parameters drawn for the replication with ``seed``
    (itself when it has none)."""
    par = scenario.parameters
    if not par.onzekerheid:
        return scenario
    nieuw: dict[str, object] = {}
    for naam, se in par.onzekerheid.items():
        nieuw[naam] = trek_waarde(naam, float(getattr(par, naam)), se, _rng(seed, naam))
    if par.typen and "duur_dagen" in nieuw:
        factor = float(nieuw["duur_dagen"]) / par.duur_dagen  # type: ignore[arg-type]
        nieuw["typen"] = tuple(t.geschaald(factor) for t in par.typen)
    return replace(scenario, parameters=replace(par, onzekerheid={}, **nieuw))  # type: ignore[arg-type]
