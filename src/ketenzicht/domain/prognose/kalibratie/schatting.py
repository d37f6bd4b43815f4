"""What every estimator of the calibration shares: the explanation it gives of each estimate,
the way it hands its fields over, and the counting and standard errors it makes them with."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

# an estimator's answer: fields of ``Parameters``, with its standard errors under "onzekerheid"
Deel = dict[str, object]


@dataclass(frozen=True, slots=True)
class Schatting:
    naam: str
    waarde: object
    uitleg: str


def nl(x: float, decimalen: int = 0) -> str:
    """A number in an explanation written the Dutch way: ``nl(11455325)`` is ``11.455.325``,
    ``nl(2222.64, 1)`` is ``2.222,6``."""
    return f"{x:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def samen(delen: Iterable[Deel]) -> Deel:
    """The estimators' fields in one, their standard errors in one ``onzekerheid``."""
    uit: Deel = {}
    onzeker: dict[str, float] = {}
    for deel in delen:
        onzeker |= cast(dict[str, float], deel.get("onzekerheid", {}))
        uit |= {naam: waarde for naam, waarde in deel.items() if naam != "onzekerheid"}
    uit["onzekerheid"] = onzeker
    return uit


def dagen(van: date, tot: date) -> int:
    return (tot - van).days


def overlap(van: date, tot: date | None, begin: date, eind: date) -> int:
    """Days of ``van``–``tot`` (open: until ``eind``) inside ``begin``–``eind``."""
    return max(0, dagen(max(van, begin), min(tot or eind, eind)))


def exp_gemiddelde(waargenomen: Sequence[float], gecensureerd: Sequence[float]) -> float | None:
    """Maximum-likelihood mean of an exponential with right-censored observations."""
    if not waargenomen:
        return None
    return (sum(waargenomen) + sum(gecensureerd)) / len(waargenomen)


def se(waarde: float) -> float:
    """A standard error to 3 significant digits."""
    return float(f"{waarde:.3g}")


def se_gemiddelde(reeks: Sequence[float]) -> float | None:
    """The standard error of a mean: the spread over √n (none from fewer than two)."""
    return se(statistics.stdev(reeks) / math.sqrt(len(reeks))) if len(reeks) > 1 else None
