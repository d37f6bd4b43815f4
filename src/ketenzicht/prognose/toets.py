"""A forecast checked against what happened: calibrate on a past peildatum with only the history
known then, forecast the months after it, and put the monitor's own figures beside the bands.

The monitor publishes the workload with one decimal, so a month's workload counts as inside
when the published figure lies within the band rounded the same way; waiting lists are counts
and are compared as they are. A P10–P90 band holds a month's outcome four times in five: over
12 months about 2 outside are expected of a model that is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ketenzicht.domain.prognose.kalender import op_kalender
from ketenzicht.domain.prognose.kalibratie import Kalibratie, kalibreer
from ketenzicht.domain.prognose.montecarlo import Band, Prognose, Voortgang, prognose
from ketenzicht.domain.prognose.parameters import Scenario
from ketenzicht.prognose.selectors import Waargenomen, historie, waargenomen

INDICATOREN = ("wachtlijst_start", "workload", "wachtlijst_intern", "clienten")
DECIMALEN = {"workload": 1}


@dataclass(frozen=True, slots=True)
class Vergelijking:
    maand: date
    indicator: str
    waargenomen: float
    band: Band

    @property
    def binnen(self) -> bool:
        d = DECIMALEN.get(self.indicator)
        if d is None:
            return self.band.p10 <= self.waargenomen <= self.band.p90
        return round(self.band.p10, d) <= round(self.waargenomen, d) <= round(self.band.p90, d)


@dataclass(frozen=True, slots=True)
class Toets:
    kalibratie: Kalibratie
    prognose: Prognose
    vergelijkingen: tuple[Vergelijking, ...]

    def binnen(self, indicator: str) -> tuple[int, int]:
        rij = [v for v in self.vergelijkingen if v.indicator == indicator]
        return sum(v.binnen for v in rij), len(rij)


def basislijn(k: Kalibratie, naam: str) -> Scenario:
    """The calibrated baseline as a scenario that starts at the calibration's peildatum."""
    return op_kalender(Scenario(naam, k.parameters), k.peildatum)


def toets(
    *,
    peildatum: date,
    maanden: int = 12,
    gi_naam: str | None = None,
    runs: int = 100,
    seed: int = 1,
    werkers: int | None = None,
    voortgang: Voortgang | None = None,
) -> Toets:
    if voortgang:
        voortgang("historie lezen", 0, 2)
    k = kalibreer(historie(peildatum=peildatum, gi_naam=gi_naam), horizon_maanden=maanden)
    if voortgang:
        voortgang("monitor per maand", 1, 2)
    echt: list[Waargenomen] = waargenomen(vanaf=peildatum, maanden=maanden, gi_naam=gi_naam)
    if voortgang:
        voortgang("monitor per maand", 2, 2)
    p = prognose(
        basislijn(k, f"toets {gi_naam or 'landelijk'} vanaf {peildatum}"),
        runs,
        seed=seed,
        werkers=werkers,
        voortgang=voortgang,
    )
    vergelijkingen = tuple(
        Vergelijking(w.peildatum, naam, float(getattr(w, naam)), p.maanden[m][naam])
        for m, w in enumerate(echt)
        for naam in INDICATOREN
        if getattr(w, naam) is not None
    )
    return Toets(k, p, vergelijkingen)
