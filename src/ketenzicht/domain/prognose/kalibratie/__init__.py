"""Calibration: the simulator's parameters estimated from a GI's (or the country's) own history.

Everything is read as valid time up to the ``peildatum``: a fact dated later does not exist yet,
so calibrating on a date in the past sees what was known then and can be checked against what
happened next (``ketenzicht prognose toets``). Each estimate says what it was made from
(:class:`Schatting`). The estimators, one module each:

* ``instroom``: inflow (level, trend, season) and the duration; ``typen``: per type of measure;
* ``personeel``: the formation, turnover, vacancies, sickness and onboarding;
* ``proces``: the GI's own process — assignment within the norm, hand-overs, plan and help;
* here: the cap on a caseload, the werklastnorm the GI registered in clients per FTE for its mix
  of measures (``Historie.geregistreerde_norm``), or where it registered none the 95th percentile
  of clients per FTE among the available case-holders at the peildatum (the most the GI actually
  carries), and the start state: clients, the monitor's start and internal waiting lists at the
  peildatum, and the children still within their 5 working days without a jeugdbeschermer (on no
  list yet).

Uncertainty: each estimate made from counts gets the standard error those counts imply (Poisson,
binomial, exponential, or the spread of the months), as ``onzekerheid``; every replication draws
those parameters again (``onzekerheid.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import cast

import numpy as np

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.kalibratie.historie import (
    Historie,
    MaatregelVerloop,
    TeWeinigHistorie,
    Uitval,
    Werknemer,
)
from ketenzicht.domain.prognose.kalibratie.instroom import instroom, looptijd
from ketenzicht.domain.prognose.kalibratie.personeel import personeel
from ketenzicht.domain.prognose.kalibratie.proces import binnen_norm, proces
from ketenzicht.domain.prognose.kalibratie.schatting import Schatting, samen
from ketenzicht.domain.prognose.parameters import Onderdeel, Parameters, Scenario

__all__ = [
    "Historie",
    "Kalibratie",
    "MaatregelVerloop",
    "Schatting",
    "TeWeinigHistorie",
    "Uitval",
    "Werknemer",
    "kalibreer",
    "kalibreer_per_gi",
]


@dataclass(frozen=True, slots=True)
class Kalibratie:
    peildatum: date
    parameters: Parameters
    schattingen: tuple[Schatting, ...]
    # the country: each GI calibrated on its own history, a pool of its own (``onderdelen.py``)
    onderdelen: tuple[Onderdeel, ...] = ()

    def scenario(self, naam: str) -> Scenario:
        """The calibrated baseline as a scenario (on no calendar yet)."""
        return Scenario(naam, self.parameters, onderdelen=self.onderdelen)


MIN_VENSTER_MAANDEN = 6  # whole months of history a calibration needs (the inflow's level)


def _maanden_tussen(begin: date, eind: date) -> int:
    return (eind.year - begin.year) * 12 + eind.month - begin.month


def kalibreer_per_gi(
    land: Historie,
    per_gi: Mapping[str, Historie],
    *,
    venster_maanden: int = 24,
    horizon_maanden: int = 12,
) -> Kalibratie:
    """The country as its GIs: the country's own calibration (what is shown of the whole) with
    each GI's as a part that only its own caseworkers serve. A GI with too little history of
    its own leaves the country one pool, and the calibration says which."""
    k = kalibreer(land, venster_maanden=venster_maanden, horizon_maanden=horizon_maanden)
    delen = []
    for naam, h in per_gi.items():
        try:
            eigen = kalibreer(h, venster_maanden=venster_maanden, horizon_maanden=horizon_maanden)
        except TeWeinigHistorie as fout:
            uitleg = f"één pool voor het land: {naam} heeft te weinig eigen historie ({fout})"
            return replace(k, schattingen=(*k.schattingen, Schatting("onderdelen", 1, uitleg)))
        delen.append(Onderdeel(naam, eigen.parameters))
    uitleg = (
        "elke GI een eigen pool, op zijn eigen historie gekalibreerd: een kind wacht op een "
        "jeugdbeschermer van zijn eigen GI; het land is de som"
    )
    return replace(
        k,
        schattingen=(*k.schattingen, Schatting("onderdelen", len(delen), uitleg)),
        onderdelen=tuple(delen),
    )


def kalibreer(h: Historie, *, venster_maanden: int = 24, horizon_maanden: int = 12) -> Kalibratie:
    """Parameters for a forecast from ``h.peildatum`` on, estimated from the window before it
    (which begins no earlier than the registration, ``Historie.venster_begin``)."""
    begin = h.venster_begin(venster_maanden)
    schat: list[Schatting] = []
    if begin > plus_maanden(h.peildatum, -venster_maanden):
        maanden = _maanden_tussen(begin, h.peildatum)
        if maanden < MIN_VENSTER_MAANDEN:
            raise TeWeinigHistorie(
                f"de registratie is pas volledig vanaf {h.registratie_vanaf:%d-%m-%Y}: "
                f"{max(0, maanden)} hele maanden historie op {h.peildatum:%d-%m-%Y}, minstens "
                f"{MIN_VENSTER_MAANDEN} nodig (kalibreer op een latere peildatum, of gebruik "
                "een parameterbestand)"
            )
        schat.append(
            Schatting(
                "venster",
                f"{maanden} maanden",
                f"vanaf {begin:%d-%m-%Y}, niet {venster_maanden} maanden terug: de registratie "
                f"is pas volledig vanaf {h.registratie_vanaf:%d-%m-%Y}",
            )
        )
    velden = samen(
        [schatter(h, begin, schat) for schatter in (instroom, looptijd, personeel, proces)]
    )
    onzeker = cast(dict[str, float], velden["onzekerheid"])
    velden["onzekerheid"] = {naam: se for naam, se in onzeker.items() if se > 0}
    if h.geregistreerde_norm is not None:
        velden["norm"] = round(h.geregistreerde_norm, 1)
        schat.append(
            Schatting(
                "norm",
                velden["norm"],
                "de geregistreerde werklastnorm, in cliënten per fte bij de mix van de lopende "
                "maatregelen (gewichten meegerekend)",
            )
        )
    elif h.caseloads:
        velden["norm"] = round(float(np.percentile(h.caseloads, 95)), 1)
        schat.append(
            Schatting(
                "norm",
                velden["norm"],
                f"P95 van de caseload per fte van {len(h.caseloads)} beschikbare jeugdbeschermers "
                "(geen werklastnorm geregistreerd)",
            )
        )
    velden |= {
        "begin_clienten": h.clienten,
        "begin_binnen_norm": binnen_norm(h),
        "begin_wachtlijst_start": h.wachtlijst_start,
        "begin_wachtlijst_intern": h.wachtlijst_intern,
        "horizon_maanden": horizon_maanden,
    }
    schat += [
        Schatting(
            "onzekerheid",
            f"{len(cast(dict[str, float], velden['onzekerheid']))} standaardfouten",
            "de standaardfout van elke schatting hierboven die uit tellingen komt (Poisson, "
            "binomiaal, exponentieel, of de spreiding van de maanden); elke replicatie trekt "
            "die parameters opnieuw, zodat de banden ook de onzekerheid van de schatting tonen",
        ),
        Schatting(
            "begin",
            f"{h.clienten} / {h.wachtlijst_start} / {h.wachtlijst_intern} / "
            f"{velden['begin_binnen_norm']}",
            "cliënten / wachtlijst start / interne wachtlijst op de peildatum (monitor) / nog "
            "binnen de 5 werkdagen zonder jeugdbeschermer (nog niet op de lijst)",
        ),
    ]
    return Kalibratie(h.peildatum, replace(Parameters(), **velden), tuple(schat))  # type: ignore[arg-type]
