"""Fan charts of a forecast: median with the P10–P90 band per indicator and, lighter, the envelope
that 80% of the replications stay inside in every month; the baseline dashed. Of a backtest, the
same bands with the monitor's figures as points. PNG or PDF by the file's extension (matplotlib,
no display needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ketenzicht.domain.prognose.parameters import maand_label  # noqa: E402

PANELEN = (
    ("wachtlijst_start", "Wachtlijst bij de start (> 5 werkdagen)"),
    ("wachtlijst_intern", "Interne wachtlijst"),
    ("workload", "Workload (cliënten per beschikbare fte)"),
    ("binnen_norm", "Aandeel jeugdbeschermer binnen 5 werkdagen"),
)


def teken(p: Any, basis: Any, vanaf: date, pad: Path) -> None:
    maanden = list(range(len(p.maanden)))
    labels = [maand_label(vanaf, m) for m in maanden]
    fig, assen = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    for as_, (naam, titel) in zip(assen.flat, PANELEN, strict=True):
        for prognose, kleur, stijl, label in (
            (p, "#01689b", "-", p.scenario),
            (basis, "#a90061", "--", "basislijn"),
        ):
            if prognose is None:
                continue
            reeks = [m[naam] for m in prognose.maanden]
            omh = prognose.omhullende[naam]
            as_.fill_between(maanden, omh.laag, omh.hoog, color=kleur, alpha=0.07)
            as_.fill_between(
                maanden, [b.p10 for b in reeks], [b.p90 for b in reeks], color=kleur, alpha=0.18
            )
            as_.plot(
                maanden,
                [b.p50 for b in reeks],
                stijl,
                color=kleur,
                label=f"{label} (P50, P10–P90, omhullende)",
            )
        as_.set_title(titel, fontsize=10)
        as_.grid(alpha=0.3)
    stap = 12 if len(maanden) > 24 else 3
    for as_ in assen[1]:
        as_.set_xticks(maanden[::stap], labels[::stap])
    assen[0][0].legend(fontsize=8)
    fig.suptitle(f"Prognose {p.scenario}: {p.runs} replicaties vanaf {vanaf:%m-%Y}")
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)


TOETS_PANELEN = (
    ("wachtlijst_start", "Wachtlijst bij de start"),
    ("wachtlijst_intern", "Interne wachtlijst"),
    ("workload", "Workload (ongeafrond)"),
    ("clienten", "Cliënten"),
)


def teken_toets(toets: Any, dekking: dict[str, Any], oorsprongen: int, pad: Path) -> None:
    """The backtest ``toets``: its bands, the monitor as points (red: outside the band), and in
    each title the months inside over all ``oorsprongen`` backtests (``dekking``)."""
    per_maand = toets.per_maand()
    dagen = list(per_maand)
    x = list(range(len(dagen)))
    fig, assen = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    for as_, (naam, titel) in zip(assen.flat, TOETS_PANELEN, strict=True):
        rij = [per_maand[d].get(naam) for d in dagen]
        if any(v is None for v in rij):
            as_.set_visible(False)
            continue
        as_.fill_between(
            x,
            [v.omhullende[0] for v in rij],
            [v.omhullende[1] for v in rij],
            color="#01689b",
            alpha=0.07,
            label="omhullende (80% hele reeksen)",
        )
        as_.fill_between(x, [v.band.p10 for v in rij], [v.band.p90 for v in rij],
                         color="#01689b", alpha=0.18, label="P10–P90")  # fmt: skip
        as_.plot(x, [v.band.p50 for v in rij], "-", color="#01689b", label="P50")
        for binnen, kleur, label in ((True, "#000000", "monitor"), (False, "#d52b1e", "erbuiten")):
            punten = [(i, v.waargenomen) for i, v in enumerate(rij) if v.binnen == binnen]
            if punten:
                as_.plot(*zip(*punten, strict=True), "D", color=kleur, markersize=5, label=label)
        d = dekking[naam]
        heel = "ja" if toets.heel_binnen_omhullende(naam) else "nee"
        as_.set_title(
            f"{titel}: {d.binnen} van {d.maanden} binnen P10–P90"
            + (f" ({oorsprongen} peildata)" if oorsprongen > 1 else "")
            + f"\nhele reeks binnen de omhullende: {heel}",
            fontsize=9,
        )
        as_.grid(alpha=0.3)
    for as_ in assen[1]:
        as_.set_xticks(x[::3], [f"{d:%Y-%m}" for d in dagen][::3])
    assen[0][0].legend(fontsize=8)
    fig.suptitle(
        f"Toets: gekalibreerd op {toets.kalibratie.peildatum:%m-%Y}, {toets.prognose.runs} "
        "replicaties, naast de monitor"
    )
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)
