"""Fan charts of a forecast: median with the P10–P90 band per indicator, the baseline dashed.
PNG or PDF by the file's extension (matplotlib, no display needed)."""

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
            as_.fill_between(
                maanden, [b.p10 for b in reeks], [b.p90 for b in reeks], color=kleur, alpha=0.18
            )
            as_.plot(
                maanden, [b.p50 for b in reeks], stijl, color=kleur, label=f"{label} (P50, P10–P90)"
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
