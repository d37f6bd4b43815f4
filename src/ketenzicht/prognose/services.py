"""Writes for forecasts in the web app: ask for one, and compute its next replications."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from django.db import transaction

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.kalender import op_kalender
from ketenzicht.domain.prognose.montecarlo import replicatie_seed
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    OnbekendOnderdeel,
    OngeldigeParameters,
    Scenario,
)
from ketenzicht.domain.prognose.scenariobestand import scenario_json, scenario_uit
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.prognose.basislijn import kalibratie_op
from ketenzicht.prognose.models import PER_ONDERDEEL, Prognoserun
from ketenzicht.prognose.waargenomen import waargenomen_op

MAX_RUNS = 200
TERUG_MAANDEN = 24  # a forecast may start this many months back (the calibration's window)


def aanvragen(
    *,
    scenario: Scenario,
    runs: int,
    vanaf: date,
    door: Any,
    organisatie: Organisatie | None,
    vandaag: date,
    toelichting: Sequence[tuple[str, object, str]] = (),
) -> Prognoserun:
    """A forecast to compute from ``vanaf``; of its months already gone by ``vandaag`` the page
    will show the monitor beside the bands. ``toelichting``: what the calibration estimated each
    parameter from, kept with the scenario (its ``kalibratie``)."""
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs: tussen 1 en {MAX_RUNS}, kreeg {runs}")
    deze_maand = vandaag.replace(day=1)
    if not plus_maanden(deze_maand, -TERUG_MAANDEN) <= vanaf <= deze_maand:
        raise ValueError(
            f"vanaf: deze maand of tot {TERUG_MAANDEN} maanden terug, kreeg {vanaf:%Y-%m}"
        )
    voorbij = sum(  # month m is the monitor of the 1st after it
        plus_maanden(vanaf, m + 1) <= vandaag for m in range(scenario.parameters.horizon_maanden)
    )
    return Prognoserun.objects.create(
        naam=scenario.naam,
        scenario=scenario_json(scenario, toelichting),
        runs=runs,
        vanaf=vanaf,
        toets_maanden=voorbij,
        aangemaakt_door=door,
        organisatie=organisatie,
    )


def gi_naam(organisatie: Organisatie | None) -> str | None:
    """A GI forecasts itself; every other organisation the country."""
    return organisatie.naam if organisatie and organisatie.type == Organisatie.Type.GI else None


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
) -> tuple[Scenario, tuple[tuple[str, object, str], ...]]:
    """A scenario from ``maand`` on: the baseline calibrated on the registration (a GI's own,
    for a GI) or the national defaults, with ``maatregelen``; and, calibrated, what each
    estimate was made from. Raises ``TeWeinigHistorie``."""
    toelichting: tuple[tuple[str, object, str], ...] = ()
    if gekalibreerd:
        k = kalibratie_op(maand, gi_naam=gi_naam(organisatie), horizon_maanden=horizon)
        basis = k.scenario(naam)
        toelichting = tuple((s.naam, s.waarde, s.uitleg) for s in k.schattingen)
    else:
        basis = Scenario(naam)
    try:
        scenario = replace(basis, maatregelen=maatregelen)
    except OnbekendOnderdeel as fout:
        reden = (
            "die GI registreert hier geen maatregelen en is dus geen deel van het land"
            if basis.onderdelen
            else "alleen de gekalibreerde basislijn van het land kent zijn GI's"
        )
        raise OngeldigeParameters(f"maatregelen alleen voor {fout.naam}: {reden}") from None
    return op_kalender(scenario, maand, horizon), toelichting


def _cijfers(scenario: Scenario, seed: int, sleutel: str) -> dict[str, Any]:
    """One replication as stored: its months under ``sleutel`` and, for a scenario in parts,
    each part's last month under ``sleutel`` + ``"_delen"``."""
    u = simuleer(scenario, seed)
    rij: dict[str, Any] = {sleutel: asdict(u.maanden)}  # type: ignore[call-overload]
    if u.delen:
        rij[f"{sleutel}_delen"] = {
            naam: {ind: getattr(m, ind)[-1] for ind in PER_ONDERDEEL} for naam, m in u.delen.items()
        }
    return rij


def stap(run_id: int, *, seconden: float = 1.5) -> Prognoserun:
    """Compute replications of the run for about ``seconden`` and store them; once they are all
    in, read the monitor of the months already gone, one or more a step. The row is locked
    meanwhile, so two pages asking at once do not compute or store the same replication."""
    with transaction.atomic():
        run = Prognoserun.objects.select_for_update().get(pk=run_id)
        if run.klaar:
            return run
        begin = time.monotonic()
        bezig = len(run.uitkomsten) < run.runs
        if bezig:
            _replicaties(run, begin, seconden)
        if len(run.uitkomsten) >= run.runs:
            _waargenomen(run, begin, seconden, al_iets_gedaan=bezig)
        run.klaar = len(run.uitkomsten) >= run.runs and len(run.waargenomen) >= run.toets_maanden
        run.save(update_fields=["uitkomsten", "waargenomen", "klaar"])
        return run


def _replicaties(run: Prognoserun, begin: float, seconden: float) -> None:
    scenario = scenario_van(run)
    kaal = replace(scenario, maatregelen=()) if scenario.maatregelen else None
    uitkomsten = list(run.uitkomsten)
    while len(uitkomsten) < run.runs:  # at least one replication a step
        if len(uitkomsten) > run.gedaan and time.monotonic() - begin >= seconden:
            break
        seed = replicatie_seed(run.seed, len(uitkomsten))
        rij = _cijfers(scenario, seed, "s")
        if kaal is not None:
            rij |= _cijfers(kaal, seed, "b")
        uitkomsten.append(rij)
    run.uitkomsten = uitkomsten


def _waargenomen(run: Prognoserun, begin: float, seconden: float, *, al_iets_gedaan: bool) -> None:
    """The monitor of the months already gone (about 2 s a month nationally)."""
    gelezen = list(run.waargenomen)
    gi = gi_naam(run.organisatie)
    while len(gelezen) < run.toets_maanden:
        if (al_iets_gedaan or len(gelezen) > len(run.waargenomen)) and (
            time.monotonic() - begin >= seconden
        ):
            break
        w = waargenomen_op(plus_maanden(run.vanaf, len(gelezen) + 1), gi)
        gelezen.append(
            {
                "maand": w.peildatum.isoformat(),
                "wachtlijst_start": w.wachtlijst_start,
                "wachtlijst_intern": w.wachtlijst_intern,
                "clienten": w.clienten,
                "workload": w.workload,
            }
        )
    run.waargenomen = gelezen
