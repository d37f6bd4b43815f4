"""The zorgbemiddelingstafel's summaries: requests, places free now and soon per zorgvorm (the
chart), and who the proposal leaves waiting, per zorgvorm."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ketenzicht.bemiddeling.selectors import Tafel, Vraagregel


def per_zorgvorm(t: Tafel) -> dict[str, list[Any]]:
    """Waiting requests, places free now and soon free, per zorgvorm (the table's chart)."""
    labels = sorted({v.zorgvorm for v in t.vragen} | {a.zorgvorm for a in t.aanbod})
    return {
        "labels": labels,
        "wachtend": [sum(v.zorgvorm == z for v in t.vragen) for z in labels],
        "vrij": [sum(a.vrij_nu for a in t.aanbod if a.zorgvorm == z) for z in labels],
        "straks": [sum(a.verwacht_vrij for a in t.aanbod if a.zorgvorm == z) for z in labels],
    }


@dataclass(frozen=True, slots=True)
class Wachtgroep:
    """The requests of one zorgvorm the proposal leaves waiting."""

    zorgvorm: str
    aantal: int
    langst_dagen: int
    eerste_positie: int  # the highest-ranked of them in the priority order


def wachtgroepen(wachten: Iterable[Vraagregel]) -> list[Wachtgroep]:
    """Requests left waiting, per zorgvorm, the largest group first."""
    per: dict[str, list[Vraagregel]] = {}
    for v in wachten:
        per.setdefault(v.zorgvorm, []).append(v)
    groepen = [
        Wachtgroep(
            z,
            len(vs),
            max(v.dagen_wachtend for v in vs),
            min(v.positie for v in vs),
        )
        for z, vs in per.items()
    ]
    return sorted(groepen, key=lambda g: (-g.aantal, g.eerste_positie))
