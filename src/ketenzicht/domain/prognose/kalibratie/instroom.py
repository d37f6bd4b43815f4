"""Inflow and duration, estimated from the measures.

* inflow: measures started per calendar month in the window; a trend (log-linear least squares)
  and a season (per calendar month, with 3 years or more) only when the data show one
  (trend: |t| ≥ 2; season: χ² test, p < 0.01), otherwise the mean of the last 12 months.
* duration: ends per client-day in the last 12 months (exponential, censoring-proof); per type
  of measure in ``typen``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.kalibratie.historie import Historie, TeWeinigHistorie
from ketenzicht.domain.prognose.kalibratie.schatting import Deel, Schatting, nl, overlap, se
from ketenzicht.domain.prognose.kalibratie.typen import per_type


def instroom(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    maanden: list[date] = []
    m = date(begin.year, begin.month, 1)
    while plus_maanden(m, 1) <= h.peildatum:
        maanden.append(m)
        m = plus_maanden(m, 1)
    if len(maanden) < 6:
        raise TeWeinigHistorie(f"instroom: minstens 6 hele maanden nodig, er zijn {len(maanden)}")
    index = {(d.year, d.month): k for k, d in enumerate(maanden)}

    def geteld(starts: Iterable[date]) -> np.ndarray:
        tellen = np.zeros(len(maanden))
        for start in starts:
            if (k := index.get((start.year, start.month))) is not None:
                tellen[k] += 1
        return tellen

    tellen = geteld(mv.start for mv in h.maatregelen)
    uit: dict[str, object] = {}
    laatste = tellen[-12:]
    niveau = float(laatste.mean())
    # the mean's standard error, from the months' spread when it exceeds Poisson noise
    se_niveau = math.sqrt(max(niveau, float(laatste.var(ddof=1)) if len(laatste) > 1 else 0.0))
    se_niveau /= math.sqrt(len(laatste))
    trend = 0.0
    onzeker: dict[str, float] = {}
    helling, getrokken = _helling(tellen), ""
    if helling is not None:
        gis = [f for starts in h.starts_gis.values() if (f := _helling(geteld(starts)))]
        if len(gis) >= 3:
            eigen = helling
            helling, tau = _naar_het_geheel(eigen, gis)
            getrokken = (
                f", naar de {len(gis)} GI's getrokken (eigen {_per_jaar(eigen.b):+.1%} → "
                f"{_per_jaar(helling.b):+.1%} ± {12 * helling.se_b:.1%}; hun trends "
                f"verschillen τ = {12 * tau:.3f} per jaar)"
            )
        if helling.se_b > 1e-9 and abs(helling.b) / helling.se_b >= 2:
            trend = _per_jaar(helling.b)
            niveau, se_niveau = helling.niveau()  # the fitted level at the peildatum
        # a trend too small to tell from noise is 0, but as uncertain as the fitted one
        onzeker["instroom_trend_per_jaar"] = se(12 * helling.se_b * (1 + trend))
    uitleg = (
        f"trend {trend:+.1%} per jaar (|t| ≥ 2){getrokken}"
        if trend
        else f"geen significante trend{getrokken}: gemiddelde van de laatste {len(laatste)} maanden"
    )
    onzeker["instroom_per_maand"] = se(se_niveau)
    if niveau <= 0:
        raise TeWeinigHistorie(
            f"instroom: geen nieuwe maatregelen in de laatste {len(laatste)} maanden"
        )
    uit["instroom_per_maand"] = round(niveau, 1)
    uit["instroom_trend_per_jaar"] = round(trend, 4)
    uit["onzekerheid"] = onzeker
    schat.append(
        Schatting(
            "instroom_per_maand",
            uit["instroom_per_maand"],
            f"{int(tellen.sum())} maatregelen gestart in {len(tellen)} maanden; {uitleg}",
        )
    )
    if len(tellen) >= 36:
        per_maand = np.zeros(12)
        for k, d in enumerate(maanden):
            per_maand[d.month - 1] += tellen[k] / math.exp(math.log(1 + trend) * k / 12)
        from scipy import stats  # here: scipy.stats takes 1.4 s to import, every web process

        chi2 = stats.chisquare(per_maand)
        if chi2.pvalue < 0.01:
            uit["seizoen"] = tuple(round(float(f), 3) for f in per_maand / per_maand.mean())
            schat.append(
                Schatting("seizoen", uit["seizoen"], f"χ²-toets p = {chi2.pvalue:.3g} < 0.01")
            )
        else:
            schat.append(
                Schatting("seizoen", "vlak", f"geen seizoen (χ² p = {nl(chi2.pvalue, 2)})")
            )
    return uit


@dataclass(frozen=True, slots=True)
class _Helling:
    """A log-linear fit of the monthly starts, log(n + 0.5) = a + b·month, month 0 the first."""

    b: float
    se_b: float
    gemiddelde_y: float
    gemiddelde_x: float
    s2: float  # the residuals' variance
    n: int

    def niveau(self) -> tuple[float, float]:
        """The fitted level at the peildatum (month n) and its standard error (delta method)."""
        x = self.n - self.gemiddelde_x
        niveau = math.exp(self.gemiddelde_y + self.b * x)
        se_log = math.sqrt(self.s2 / self.n + x**2 * self.se_b**2)
        return niveau - 0.5, niveau * se_log


def _helling(tellen: np.ndarray) -> _Helling | None:
    if len(tellen) < 12:
        return None
    x = np.arange(len(tellen), dtype=float)
    y = np.log(tellen + 0.5)
    b, a = np.polyfit(x, y, 1)
    rest = y - (a + b * x)
    s2 = float(rest @ rest) / (len(x) - 2)
    sxx = float(((x - x.mean()) ** 2).sum())
    return _Helling(float(b), math.sqrt(s2 / sxx), float(y.mean()), float(x.mean()), s2, len(x))


def _naar_het_geheel(eigen: _Helling, alle: list[_Helling]) -> tuple[_Helling, float]:
    """One GI's trend shrunk towards the GIs' common trend (empirical Bayes).

    The between-GI spread τ² of the true trends is estimated from the GIs' fitted trends and
    their standard errors (DerSimonian–Laird): when the trends differ no more than their noise,
    τ = 0 and every GI gets the common trend with the precision of all of them together; a GI
    whose trend stands out by more than the others' spread keeps most of its own. Its
    standard error includes the common trend's. A small GI's two years of inflow otherwise
    show a trend of ±20% a year by chance one time in twenty, and a forecast extrapolates it.
    """
    b = np.array([h.b for h in alle])
    v = np.array([h.se_b**2 for h in alle])
    w = 1 / v
    vast = float(w @ b / w.sum())
    q = float(w @ (b - vast) ** 2)
    tau2 = max(0.0, (q - (len(alle) - 1)) / float(w.sum() - (w**2).sum() / w.sum()))
    w_tau = 1 / (v + tau2)
    gemeen = float(w_tau @ b / w_tau.sum())
    var_gemeen = 1 / float(w_tau.sum())
    krimp = eigen.se_b**2 / (eigen.se_b**2 + tau2)  # the weight of the common trend
    b_eigen = (1 - krimp) * eigen.b + krimp * gemeen
    var = (1 - krimp) * eigen.se_b**2 + krimp**2 * var_gemeen
    return replace(eigen, b=b_eigen, se_b=math.sqrt(var)), math.sqrt(tau2)


def _per_jaar(b: float) -> float:
    return math.exp(12 * b) - 1


def looptijd(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    """The exit rate of the clients in execution over the last 12 months (as the inflow): the
    composition of the stock changes slowly (long guardianships, short youth probation), and a
    forecast needs the rate it has now, not the one of two years ago."""
    recent = max(begin, plus_maanden(h.peildatum, -12))
    maanden = (h.peildatum.year - recent.year) * 12 + h.peildatum.month - recent.month
    blootstelling = sum(overlap(m.start, m.einde, recent, h.peildatum) for m in h.maatregelen)
    einden = sum(
        1 for m in h.maatregelen if m.einde is not None and recent <= m.einde < h.peildatum
    )
    if not einden:
        raise TeWeinigHistorie(
            f"duur_dagen: geen beëindigde maatregelen in de laatste {maanden} maanden"
        )
    duur = round(blootstelling / einden, 1)
    schat.append(
        Schatting(
            "duur_dagen",
            duur,
            f"{nl(einden)} einden op {nl(blootstelling)} cliëntdagen in de laatste {maanden} "
            "maanden",
        )
    )
    # ends per client-day are Poisson: the rate, so the mean, is known to 1 / sqrt(ends)
    uit: dict[str, object] = {
        "duur_dagen": duur,
        "onzekerheid": {"duur_dagen": se(duur / math.sqrt(einden))},
    }
    typen = per_type(h, begin, recent, duur)
    if len(typen) > 1:
        uit["typen"] = typen
        schat.append(
            Schatting(
                "typen",
                "; ".join(
                    f"{t.naam} {t.eerst_dagen:.0f} / {t.duur_dagen:.0f} / {t.rest_dagen:.0f} d "
                    f"({t.instroom:.0%} / {t.voorraad:.0%})"
                    for t in typen
                ),
                "per type 1 / de kans per dag dat een maatregel eindigt (einden per cliëntdag): "
                "nieuw, in de eerste jaren (gestart in het venster) / ouder dan het venster / "
                "van de lopende op de peildatum (laatste 12 maanden); het aandeel in de nieuwe "
                "maatregelen / in de uitvoering op de peildatum; een cliënt bij de start met een "
                "OTS of voogdij eindigt uiterlijk op de 18e verjaardag van het kind (zijn dag "
                "getrokken uit die van de lopende), de laatste snelheid telt die einden dan niet",
            )
        )
    return uit
