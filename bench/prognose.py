"""The forecast engine against SimPy, and the process pool (issue 7).

1. The same chain model written with SimPy — Poisson inflow with season and trend, measures that
   run from their start (a child whose measure ends while waiting leaves the list), caseload
   slots = caseworkers × norm as a priority resource, priority classes — run side by side with
   Ketenzicht's engine on identical parameters and seeds (staff fixed in both: SimPy has no
   turnover or sickness here). Prints children per second for both, their ratio (aim ≥ 5×) and
   the agreement of the mean wait for a caseworker.
2. A 5-year national forecast with 200 replications on the local pool, on 1 worker and on 2:
   the time on 2 (budget 60 s) and the speed-up of 2 workers over 1 (aim ≥ 1.7×).

The engine is compiled (Numba); loading it in this process is timed apart, first.

    uv run python bench/prognose.py [--runs 200] [--snel]
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import sys
import time

import simpy

from ketenzicht.domain.prognose.montecarlo import prognose
from ketenzicht.domain.prognose.motor import opwarmen, simuleer
from ketenzicht.domain.prognose.parameters import MAAND, Parameters, Scenario

VAST = Parameters(
    verloop_per_jaar=0.0, lang_ziek_per_jaar=0.0, horizon_maanden=24, start_direct=1.0,
    intern_warm=1.0, begin_wachtlijst_start=0, begin_wachtlijst_intern=0,
    klassen=(0.3, 0.7), registreer_wachttijden=True,
)  # fmt: skip


def simpy_keten(par: Parameters, seed: int) -> tuple[int, list[float]]:
    """The chain in SimPy; returns (children simulated, waits of the new arrivals assigned)."""
    rng = random.Random(seed)
    env = simpy.Environment()
    slots = simpy.PriorityResource(env, capacity=par.medewerkers * int(par.norm))
    horizon = par.horizon_maanden * MAAND
    cumulatief = [sum(par.klassen[: k + 1]) for k in range(len(par.klassen))]
    wachttijden: list[float] = []
    teller = [0]

    def duur() -> float:
        return rng.expovariate(1.0 / par.duur_dagen)

    def klasse() -> int:
        u = rng.random()
        return next((k for k, g in enumerate(cumulatief) if u < g), len(cumulatief) - 1)

    def kind(rest: float, nieuw: bool) -> simpy.events.ProcessGenerator:
        teller[0] += 1
        einde = env.now + rest
        aangekomen = env.now
        with slots.request(priority=klasse()) as verzoek:
            uitkomst = yield verzoek | env.timeout(rest)
            if verzoek not in uitkomst:
                return  # the measure ended while waiting
            if nieuw:
                wachttijden.append(env.now - aangekomen)
            yield env.timeout(einde - env.now)

    def tempo(t: float) -> float:
        maand = int(t / MAAND) % 12
        return (
            (par.instroom_per_maand / MAAND)
            * par.seizoen[maand]
            * (1 + par.instroom_trend_per_jaar) ** (t / 365.25)
        )

    hoogste = (
        par.instroom_per_maand
        / MAAND
        * max(par.seizoen)
        * max(1.0, (1 + par.instroom_trend_per_jaar) ** (horizon / 365.25))
    )

    def instroom() -> simpy.events.ProcessGenerator:
        while True:
            yield env.timeout(rng.expovariate(hoogste))
            if rng.random() * hoogste <= tempo(env.now):
                env.process(kind(duur(), True))

    for _ in range(par.begin_clienten):
        env.process(kind(duur(), False))
    env.process(instroom())
    env.run(until=horizon)
    return teller[0], wachttijden


def vergelijk_simpy(seeds: range) -> None:
    scenario = Scenario("vast", VAST)
    kz_tijd = sp_tijd = 0.0
    kz_n = sp_n = 0
    kz_w, sp_w = [], []
    for seed in seeds:
        gc.collect()  # the previous SimPy run's garbage is not charged to the next run
        begin = time.perf_counter()
        u = simuleer(scenario, seed)
        kz_tijd += time.perf_counter() - begin
        kz_n += u.kinderen
        kz_w.append(statistics.fmean(w for _, w in u.wachttijden))
        gc.collect()
        begin = time.perf_counter()
        n, w = simpy_keten(VAST, seed)
        sp_tijd += time.perf_counter() - begin
        sp_n += n
        sp_w.append(statistics.fmean(w))
    kz_snel, sp_snel = kz_n / kz_tijd, sp_n / sp_tijd

    def ci(x: list[float]) -> str:
        m = statistics.fmean(x)
        h = 1.96 * statistics.stdev(x) / math.sqrt(len(x))
        return f"{m:6.2f} ± {h:4.2f} d"

    print(f"Ketenmodel, {VAST.horizon_maanden} maanden, {VAST.medewerkers} medewerkers, "
          f"{len(seeds)} seeds (zelfde parameters en seeds)")  # fmt: skip
    print(f"{'motor':<14}{'kinderen/s':>14}{'gem. wachttijd nieuwe kinderen':>34}")
    print(f"{'Ketenzicht':<14}{kz_snel:>14,.0f}{ci(kz_w):>34}")
    print(f"{'SimPy':<14}{sp_snel:>14,.0f}{ci(sp_w):>34}")
    print(f"verhouding Ketenzicht / SimPy: {kz_snel / sp_snel:.1f}× (doel ≥ 5×)")
    print()


def pool(runs: int) -> None:
    """The same national forecast on 1 worker and on 2; every worker process loads the compiled
    engine itself (about a second), and that is in both times."""
    scenario = Scenario("landelijk", Parameters(horizon_maanden=60))
    tijden = {}
    for werkers in (1, 2):
        gc.collect()
        begin = time.perf_counter()
        p = prognose(scenario, runs, werkers=werkers)
        tijden[werkers] = time.perf_counter() - begin
    print(f"Landelijke prognose 5 jaar, {runs} replicaties, {p.kinderen:,} kinderen gesimuleerd:")
    print(f"  1 werker {tijden[1]:6.1f} s · 2 werkers {tijden[2]:6.1f} s · "
          f"versnelling {tijden[1] / tijden[2]:.2f}× (doel ≥ 1.7×)")  # fmt: skip
    print(f"  2 werkers: {tijden[2]:.1f} s tegen een budget van 60 s ({tijden[2] / 60:.2f}×)")


def laden() -> None:
    """Compiling the engine (once per checkout) or loading it (once per process)."""
    begin = time.perf_counter()
    opwarmen()
    print(f"Motor laden in dit proces (eerste keer na een checkout: compileren): "
          f"{time.perf_counter() - begin:.1f} s — buiten de metingen hieronder\n")  # fmt: skip


def main() -> int:
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=200)
    a.add_argument("--snel", action="store_true", help="3 seeds en 40 replicaties")
    args = a.parse_args()
    laden()
    vergelijk_simpy(range(3 if args.snel else 5))
    pool(40 if args.snel else args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
