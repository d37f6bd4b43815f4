"""Queueing theory the simulator is validated against.

M/M/c (Erlang C): with arrival rate λ, service rate μ per server and c servers (a = λ/μ < c),
the probability an arrival waits is C(c, a), the mean wait W_q = C / (cμ − λ) and
P(W_q > t) = C · exp(−(cμ − λ) t).

Two or more non-preemptive priority classes with equal service rates (Larson & Odoni, *Urban
Operations Research*, eq. 4.111): with σ_k = Σ_{i ≤ k} λ_i / (cμ),
W_q,k = (C / (cμ)) / ((1 − σ_{k−1})(1 − σ_k)).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def erlang_c(c: int, a: float) -> float:
    """Probability of waiting in M/M/c with offered load ``a`` = λ/μ (stable: a < c)."""
    if not 0 <= a < c:
        raise ValueError(f"Instabiel: belasting {a} moet kleiner zijn dan c = {c}.")
    # Erlang B by the stable recursion, then C from B.
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    rho = a / c
    return b / (1 - rho + rho * b)


def wachttijd(c: int, labda: float, mu: float) -> float:
    """Mean time in queue W_q of M/M/c."""
    return erlang_c(c, labda / mu) / (c * mu - labda)


def kans_wacht_langer(c: int, labda: float, mu: float, t: float) -> float:
    """P(W_q > t) of M/M/c, FIFO."""
    return erlang_c(c, labda / mu) * math.exp(-(c * mu - labda) * t)


def wachttijd_per_klasse(c: int, labdas: Sequence[float], mu: float) -> list[float]:
    """Mean queue wait per non-preemptive priority class (class 0 first), eq. 4.111."""
    totaal = sum(labdas)
    w0 = erlang_c(c, totaal / mu) / (c * mu)
    uit, sigma = [], 0.0
    for labda in labdas:
        vorige = sigma
        sigma += labda / (c * mu)
        uit.append(w0 / ((1 - vorige) * (1 - sigma)))
    return uit
