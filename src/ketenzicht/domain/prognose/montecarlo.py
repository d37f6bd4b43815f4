"""Monte Carlo over the chain simulator: seeded replications, percentile bands per month.

Replication ``r`` of a run with seed ``s`` uses seed ``s * 1_000_003 + r``, so a run is
reproducible and a scenario and its baseline share their random streams replication by
replication (common random numbers: their difference is sharper than either alone).
Replications run in a local process pool (``werkers``; 1 runs them in this process) or, with
``ray_adres``, on a Ray cluster (the optional extra ``ray``: ``uv sync --extra ray``). The
cluster's workers must be able to import ``ketenzicht`` (same environment, or a runtime_env).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

import numpy as np

from ketenzicht.domain.prognose.motor import Maandcijfers, simuleer
from ketenzicht.domain.prognose.omhullende import Omhullende, omhullende
from ketenzicht.domain.prognose.parameters import Scenario

INDICATOREN = (
    "wachtlijst_start",
    "wachtlijst_intern",
    "clienten",
    "fte_beschikbaar",
    "workload",
    "wachtdagen_start",
    "wachtdagen_intern",
    "binnen_norm",
    "binnen_norm_veiligheidsplan",
    "binnen_norm_hulpaanbod",
)
Voortgang = Callable[[str, int, int], None]
# one replication: the months, the children simulated and, for a scenario in parts, each part's
Replicatie = tuple[Maandcijfers, int, dict[str, Maandcijfers]]


@dataclass(frozen=True, slots=True)
class Band:
    p10: float
    p50: float
    p90: float

    @classmethod
    def van(cls, waarden: Sequence[float]) -> Band:
        """P10, P50 and P90 of ``waarden`` (one per replication), rounded as every band is."""
        p = np.percentile(np.asarray(waarden, dtype=float), [10, 50, 90])
        return cls(*(round(float(x), 3) for x in p))

    def kant(self, x: float) -> int:
        """Where an outcome ``x`` fell: -1 below P10, 0 inside the band, 1 above P90."""
        return -1 if x < self.p10 else 1 if x > self.p90 else 0


@dataclass(frozen=True, slots=True)
class Prognose:
    scenario: str
    runs: int
    maanden: tuple[dict[str, Band], ...]  # per month: indicator → band
    kinderen: int  # children simulated over all replications
    # per indicator: the share of the replications inside their P10–P90 band in every month.
    # The months are correlated, so this is not 0.8 ** months: it is the chance the model
    # itself gives that an outcome stays inside all the way, against which a backtest whose
    # every month fell inside is to be judged
    heel_binnen: Mapping[str, float] = field(default_factory=dict)
    # per indicator: the band that 80% of the replications stay inside in every month
    # (domain.prognose.omhullende), for questions about a whole path rather than one month
    omhullende: Mapping[str, Omhullende] = field(default_factory=dict)
    # a scenario in parts: each part's bands per month, by its name
    onderdelen: Mapping[str, tuple[dict[str, Band], ...]] = field(default_factory=dict)


def _een(scenario: Scenario, seed: int) -> Replicatie:
    u = simuleer(scenario, seed)
    return u.maanden, u.kinderen, u.delen


def replicatie_seed(seed: int, r: int) -> int:
    return seed * 1_000_003 + r


class RayFout(RuntimeError):
    """Ray is not installed or its cluster cannot be reached; the message says which."""


def _op_ray(
    scenario: Scenario,
    seeds: list[int],
    adres: str,
    uit: list[Replicatie | None],
    voortgang: Voortgang | None,
) -> None:
    try:
        import ray
        from ray._private import ray_constants
    except ImportError:
        raise RayFout(
            "Ray is niet geïnstalleerd; installeer de extra 'ray' (uv sync --extra ray)"
        ) from None
    # Under `uv run` Ray would start every worker through `uv run` again (its uv hook), which
    # hangs without a network; the workers use this environment as it is. The switch is read
    # at ray.init, so set it here even when ray was imported before.
    ray_constants.RAY_ENABLE_UV_RUN_RUNTIME_ENV = False
    try:
        ray.init(address=adres, logging_level=logging.ERROR, log_to_driver=False)
    except (ConnectionError, ValueError, RuntimeError) as fout:
        raise RayFout(f"geen Ray-cluster bereikbaar op {adres}: {fout}") from None
    try:
        taak = ray.remote(_een)
        index = {taak.remote(scenario, s): r for r, s in enumerate(seeds)}
        open_ = list(index)
        while open_:
            klaar, open_ = ray.wait(open_, num_returns=1)
            for ref in klaar:
                uit[index[ref]] = ray.get(ref)
            if voortgang:
                voortgang(scenario.naam, len(seeds) - len(open_), len(seeds))
    finally:
        ray.shutdown()


def replicaties(
    scenario: Scenario,
    runs: int,
    *,
    seed: int = 1,
    werkers: int | None = None,
    voortgang: Voortgang | None = None,
    ray_adres: str | None = None,
) -> list[Replicatie]:
    seeds = [replicatie_seed(seed, r) for r in range(runs)]
    werkers = werkers or os.cpu_count() or 1
    uit: list[Replicatie | None] = [None] * runs
    if ray_adres:
        _op_ray(scenario, seeds, ray_adres, uit, voortgang)
    elif werkers == 1:
        for r, s in enumerate(seeds):
            uit[r] = _een(scenario, s)
            if voortgang:
                voortgang(scenario.naam, r + 1, runs)
    else:
        with ProcessPoolExecutor(max_workers=werkers) as pool:
            taken = {pool.submit(_een, scenario, s): r for r, s in enumerate(seeds)}
            for klaar, taak in enumerate(as_completed(taken), start=1):
                uit[taken[taak]] = taak.result()
                if voortgang:
                    voortgang(scenario.naam, klaar, runs)
    return [u for u in uit if u is not None]


def banden(scenario: str, uitkomsten: Sequence[Replicatie]) -> Prognose:
    """P10, P50 and P90 per month and indicator over the replications, each indicator's
    envelope and its chance to stay inside P10–P90 all the way; and each part's bands."""
    per_indicator = _per_indicator([u[0] for u in uitkomsten])
    p = {naam: np.percentile(a, [10, 50, 90], axis=0) for naam, a in per_indicator.items()}
    heel_binnen = {}
    for naam, a in per_indicator.items():
        p10, p90 = np.round(p[naam][0], 3), np.round(p[naam][2], 3)  # as the bands are
        heel_binnen[naam] = round(float(((a >= p10) & (a <= p90)).all(axis=1).mean()), 4)
    onderdelen = {
        naam: _maanden(_percentielen([u[2][naam] for u in uitkomsten]))
        for naam in (uitkomsten[0][2] if uitkomsten else {})
    }
    return Prognose(
        scenario,
        len(uitkomsten),
        _maanden(p),
        sum(u[1] for u in uitkomsten),
        heel_binnen,
        {naam: omhullende(a) for naam, a in per_indicator.items()},
        onderdelen,
    )


def _per_indicator(maanden: Sequence[Maandcijfers]) -> dict[str, np.ndarray]:
    """Per indicator, the replications as rows and the months as columns."""
    return {
        naam: np.array([getattr(m, naam) for m in maanden], dtype=float) for naam in INDICATOREN
    }


def _percentielen(maanden: Sequence[Maandcijfers]) -> dict[str, np.ndarray]:
    return {
        naam: np.percentile(a, [10, 50, 90], axis=0) for naam, a in _per_indicator(maanden).items()
    }


def _maanden(p: Mapping[str, np.ndarray]) -> tuple[dict[str, Band], ...]:
    n_maanden = p["clienten"].shape[1]
    return tuple(
        {naam: Band(*(round(float(p[naam][k, m]), 3) for k in range(3))) for naam in INDICATOREN}
        for m in range(n_maanden)
    )


def prognose(
    scenario: Scenario,
    runs: int,
    *,
    seed: int = 1,
    werkers: int | None = None,
    voortgang: Voortgang | None = None,
    ray_adres: str | None = None,
) -> Prognose:
    return banden(
        scenario.naam,
        replicaties(
            scenario, runs, seed=seed, werkers=werkers, voortgang=voortgang, ray_adres=ray_adres
        ),
    )
