"""Writes for forecasts in the web app: ask for one, and compute its next replications."""

from __future__ import annotations

import time
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from django.db import transaction

from ketenzicht.domain.prognose.kalender import op_kalender
from ketenzicht.domain.prognose.kalibratie import kalibreer
from ketenzicht.domain.prognose.montecarlo import replicatie_seed
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    Scenario,
    scenario_json,
    scenario_uit,
)
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.prognose.models import Prognoserun
from ketenzicht.prognose.selectors import historie

MAX_RUNS = 200


def aanvragen(
    *, scenario: Scenario, runs: int, vanaf: date, door: Any, organisatie: Organisatie | None
) -> Prognoserun:
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs: tussen 1 en {MAX_RUNS}, kreeg {runs}")
    return Prognoserun.objects.create(
        naam=scenario.naam,
        scenario=scenario_json(scenario),
        runs=runs,
        vanaf=vanaf,
        aangemaakt_door=door,
        organisatie=organisatie,
    )


def scenario_van(run: Prognoserun) -> Scenario:
    return op_kalender(scenario_uit(run.scenario), run.vanaf)


def scenario_voor(
    *,
    naam: str,
    gekalibreerd: bool,
    horizon: int,
    maatregelen: tuple[Maatregel, ...],
    maand: date,
    organisatie: Organisatie | None,
) -> Scenario:
    """A scenario from ``maand`` on: the baseline calibrated on the registration (a GI's own,
    for a GI) or the national defaults, with ``maatregelen``. Raises ``TeWeinigHistorie``."""
    if gekalibreerd:
        gi = organisatie.naam if organisatie and organisatie.type == Organisatie.Type.GI else None
        k = kalibreer(historie(peildatum=maand, gi_naam=gi), horizon_maanden=horizon)
        basis = Scenario(naam, k.parameters)
    else:
        basis = Scenario(naam)
    return op_kalender(replace(basis, maatregelen=maatregelen), maand, horizon)


def _cijfers(scenario: Scenario, seed: int) -> dict[str, list[float]]:
    return asdict(simuleer(scenario, seed).maanden)  # type: ignore[arg-type]


def stap(run_id: int, *, seconden: float = 1.5) -> Prognoserun:
    """Compute replications of the run for about ``seconden`` and store them. The row is locked
    meanwhile, so two pages asking at once do not compute or store the same replication."""
    with transaction.atomic():
        run = Prognoserun.objects.select_for_update().get(pk=run_id)
        if run.klaar:
            return run
        scenario = scenario_van(run)
        kaal = replace(scenario, maatregelen=()) if scenario.maatregelen else None
        begin = time.monotonic()
        uitkomsten = list(run.uitkomsten)
        while len(uitkomsten) < run.runs:  # at least one replication a step
            if len(uitkomsten) > run.gedaan and time.monotonic() - begin >= seconden:
                break
            seed = replicatie_seed(run.seed, len(uitkomsten))
            rij: dict[str, Any] = {"s": _cijfers(scenario, seed)}
            if kaal is not None:
                rij["b"] = _cijfers(kaal, seed)
            uitkomsten.append(rij)
        run.uitkomsten = uitkomsten
        run.klaar = len(uitkomsten) >= run.runs
        run.save(update_fields=["uitkomsten", "klaar"])
        return run
