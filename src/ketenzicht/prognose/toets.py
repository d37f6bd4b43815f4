"""A forecast checked against what happened: calibrate on a past peildatum with only the history
known then, forecast the months after it, and put the monitor's own figures beside the bands.

The monitor publishes the workload with one decimal; the backtest compares the registration's
clienten / fte_beschikbaar unrounded, since the band is about a tenth wide and rounding would
decide whether a month falls inside. A P10–P90 band holds a month's outcome four times in five: over
12 months about 2 outside are expected of a model that is right. That is why one backtest says
little and several say more: ``rollend`` repeats it from several peildata (a rolling origin) and
:func:`dekking` counts, per indicator, the months inside, below P10 and above P90 over all of
them — about 80% inside and as many below as above is a calibrated model; more on one side is a
biased one.

Whether the whole year that followed lies within the forecast is a question about the path, not
about one month: each month is also held against the forecast's envelope
(:mod:`ketenzicht.domain.prognose.omhullende`), the band that four of five of its replications
stay inside in every month. A model that is right keeps the registration's whole year inside it
about four times in five, as it keeps a single month inside P10–P90.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.kalibratie import Kalibratie
from ketenzicht.domain.prognose.montecarlo import Band, Prognose, Voortgang, prognose
from ketenzicht.prognose.basislijn import basislijn, kalibratie_op
from ketenzicht.prognose.waargenomen import Waargenomen, waargenomen

INDICATOREN = ("wachtlijst_start", "workload", "wachtlijst_intern", "clienten")


@dataclass(frozen=True, slots=True)
class Vergelijking:
    maand: date
    indicator: str
    waargenomen: float
    band: Band
    omhullende: tuple[float, float]  # that month's part of the envelope: low, high

    @property
    def kant(self) -> int:
        """-1 below P10, 0 inside the band, 1 above P90."""
        return self.band.kant(self.waargenomen)

    @property
    def binnen(self) -> bool:
        return self.kant == 0

    @property
    def binnen_omhullende(self) -> bool:
        laag, hoog = self.omhullende
        return laag <= self.waargenomen <= hoog


@dataclass(frozen=True, slots=True)
class Toets:
    kalibratie: Kalibratie
    prognose: Prognose
    vergelijkingen: tuple[Vergelijking, ...]

    def per_maand(self) -> dict[date, dict[str, Vergelijking]]:
        """The comparisons by month, then by indicator."""
        uit: dict[date, dict[str, Vergelijking]] = {}
        for v in self.vergelijkingen:
            uit.setdefault(v.maand, {})[v.indicator] = v
        return uit

    def heel_binnen_omhullende(self, indicator: str) -> bool | None:
        """Whether every month of ``indicator`` lay inside the envelope (None: not monitored)."""
        eigen = [v.binnen_omhullende for v in self.vergelijkingen if v.indicator == indicator]
        return all(eigen) if eigen else None


@dataclass(frozen=True, slots=True)
class Dekking:
    binnen: int
    onder: int  # below P10
    boven: int  # above P90
    heel_binnen: int  # backtests with every month inside
    verwacht_heel_binnen: float  # how many the model expects: its own chance, summed
    omhullende_binnen: int  # backtests with every month inside the envelope
    verwacht_omhullende_binnen: float  # the envelopes' own shares, summed (about 0.8 each)

    @property
    def maanden(self) -> int:
        return self.binnen + self.onder + self.boven


def dekking(toetsen: Sequence[Toets]) -> dict[str, Dekking]:
    """Per indicator: the months inside the band, below it and above it, over all backtests;
    the backtests inside in every month, beside the number the model itself expects; and the
    backtests whose whole path lay inside the envelope, beside the number expected of it."""
    uit = {}
    for naam in INDICATOREN:
        kanten = [0, 0, 0]
        heel, verwacht, omh, verwacht_omh = 0, 0.0, 0, 0.0
        for t in toetsen:
            eigen = [v.kant for v in t.vergelijkingen if v.indicator == naam]
            for kant in eigen:
                kanten[kant + 1] += 1
            if eigen:
                heel += all(kant == 0 for kant in eigen)
                verwacht += t.prognose.heel_binnen.get(naam, 0.0)
                omh += bool(t.heel_binnen_omhullende(naam))
                verwacht_omh += t.prognose.omhullende[naam].dekking
        uit[naam] = Dekking(
            kanten[1], kanten[0], kanten[2], heel, round(verwacht, 2), omh, round(verwacht_omh, 2)
        )
    return uit


def rollend(
    *,
    peildata: Sequence[date],
    maanden: int = 12,
    gi_naam: str | None = None,
    runs: int = 100,
    seed: int = 1,
    werkers: int | None = None,
    voortgang: Voortgang | None = None,
    een_pool: bool = False,
) -> list[Toets]:
    """A backtest from each of ``peildata``; the monitor of a month they share is read once."""
    eerste = min(peildata)
    n = (max(peildata).year - eerste.year) * 12 + max(peildata).month - eerste.month + maanden
    echt = {
        w.peildatum: w
        for w in waargenomen(vanaf=eerste, maanden=n, gi_naam=gi_naam, voortgang=voortgang)
    }
    uit = []
    for i, peildatum in enumerate(peildata, start=1):
        if voortgang:
            voortgang("historie lezen", i - 1, len(peildata))
        maand = [echt[plus_maanden(peildatum, m)] for m in range(1, maanden + 1)]
        k = kalibratie_op(peildatum, gi_naam=gi_naam, horizon_maanden=maanden, een_pool=een_pool)
        uit.append(_toets(k, maand, gi_naam, runs, seed, werkers, voortgang))
    return uit


def _toets(
    k: Kalibratie,
    echt: list[Waargenomen],
    gi_naam: str | None,
    runs: int,
    seed: int,
    werkers: int | None,
    voortgang: Voortgang | None,
) -> Toets:
    p = prognose(
        basislijn(k, f"toets {gi_naam or 'landelijk'} vanaf {k.peildatum}"),
        runs,
        seed=seed,
        werkers=werkers,
        voortgang=voortgang,
    )
    vergelijkingen = tuple(
        Vergelijking(
            w.peildatum,
            naam,
            float(getattr(w, naam)),
            p.maanden[m][naam],
            (p.omhullende[naam].laag[m], p.omhullende[naam].hoog[m]),
        )
        for m, w in enumerate(echt)
        for naam in INDICATOREN
        if getattr(w, naam) is not None
    )
    return Toets(k, p, vergelijkingen)
