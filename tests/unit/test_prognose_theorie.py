"""The simulator against queueing theory (issue 7, item 6). Configured as M/M/c — Poisson
inflow, exponential durations from assignment, fixed staff, FIFO — its mean wait and
P(wait > t) must fall within the 95% confidence interval of 30 seeded replications around
Erlang C for five utilisations 0.5–0.95; with two priority classes each class's mean wait must
match the non-preemptive M/M/c priority formula (Larson & Odoni eq. 4.111)."""

from __future__ import annotations

import statistics

import pytest

from ketenzicht.domain.prognose import theorie
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.parameters import MAAND, Parameters, Scenario

REPLICATIES = 30
MU = 1 / 10.0  # mean service 10 days


def mmc(c: int, rho: float, klassen: tuple[float, ...] = (1.0,), klanten: int = 12_000) -> Scenario:
    labda = rho * c * MU
    dagen = klanten / labda
    return Scenario(
        "M/M/c",
        Parameters(
            instroom_per_maand=labda * MAAND,
            duur_dagen=1 / MU,
            duur_vanaf="toewijzing",
            klassen=klassen,
            medewerkers=c,
            norm=1,
            verloop_per_jaar=0,
            lang_ziek_per_jaar=0,
            kort_verzuim=0,
            start_direct=1,
            intern_warm=1,
            begin_clienten=0,
            begin_wachtlijst_start=0,
            begin_wachtlijst_intern=0,
            horizon_maanden=int(dagen / MAAND) + 1,
            opwarm_dagen=0.1 * dagen,
            registreer_wachttijden=True,
        ),  # fmt: skip
    )


def interval(waarden: list[float]) -> tuple[float, float]:
    m = statistics.fmean(waarden)
    h = 1.96 * statistics.stdev(waarden) / len(waarden) ** 0.5
    return m - h, m + h


def test_erlang_c_bekende_waarde() -> None:
    # c = 2, a = 1: C = 1/3 (textbook), W_q = C / (2μ - λ)
    assert theorie.erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert theorie.wachttijd(2, 1.0, 1.0) == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="Instabiel"):
        theorie.erlang_c(2, 2.0)


@pytest.mark.parametrize(("c", "rho"), [(1, 0.5), (3, 0.7), (5, 0.8), (10, 0.9), (20, 0.95)])
def test_gemiddelde_wachttijd_en_staart_volgen_erlang_c(c: int, rho: float) -> None:
    scenario = mmc(c, rho)
    labda = rho * c * MU
    t = 1 / (c * MU - labda)  # one mean-wait-of-the-waiting further out
    gemiddeld, staart = [], []
    for seed in range(REPLICATIES):
        w = [x for _, x in simuleer(scenario, seed).wachttijden]
        gemiddeld.append(statistics.fmean(w))
        staart.append(sum(x > t for x in w) / len(w))
    laag, hoog = interval(gemiddeld)
    assert laag <= theorie.wachttijd(c, labda, MU) <= hoog
    laag, hoog = interval(staart)
    assert laag <= theorie.kans_wacht_langer(c, labda, MU, t) <= hoog


@pytest.mark.parametrize(("c", "rho", "aandeel"), [(5, 0.8, 0.4), (10, 0.9, 0.5)])
def test_twee_voorrangsklassen_volgen_larson_odoni(c: int, rho: float, aandeel: float) -> None:
    scenario = mmc(c, rho, klassen=(aandeel, 1 - aandeel), klanten=15_000)
    labda = rho * c * MU
    verwacht = theorie.wachttijd_per_klasse(c, [aandeel * labda, (1 - aandeel) * labda], MU)
    per_klasse: list[list[float]] = [[], []]
    for seed in range(REPLICATIES):
        w = simuleer(scenario, 100 + seed).wachttijden
        for k in (0, 1):
            per_klasse[k].append(statistics.fmean(x for kl, x in w if kl == k))
    for k in (0, 1):
        laag, hoog = interval(per_klasse[k])
        assert laag <= verwacht[k] <= hoog, (k, laag, verwacht[k], hoog)
    assert verwacht[0] < verwacht[1]
