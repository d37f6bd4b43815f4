"""Small-cell protection for public monitor tables.

A count from 1 up to (not including) the threshold is shown as "<5" (primary suppression). The
table has linear relations — each column's national row is the sum of the GI rows, and in each row
``totaal_wachtend = wachtlijst_start + wachtlijst_intern`` — so more cells are suppressed until no
hidden value can be computed from the shown ones (secondary suppression). The check is exact: a
hidden cell is recoverable iff its unit vector lies in the row space of the relations restricted
to the hidden cells; cells are added until none is.

Zero is shown and never hidden: it says nothing about a person, and a hidden zero could be
pinned down from the shown totals because counts cannot be negative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

TELLINGEN = ("clienten", "wachtlijst_start", "wachtlijst_intern", "totaal_wachtend")
SOM_IN_RIJ = ("wachtlijst_start", "wachtlijst_intern", "totaal_wachtend")  # a + b = c
LANDELIJK = "Landelijk"

Cel = tuple[str, str]  # (row name, column)


@dataclass(frozen=True, slots=True)
class Beveiligd:
    waarden: dict[Cel, int]
    verborgen: frozenset[Cel]

    def toon(self, rij: str, kolom: str, drempel: int) -> str:
        if (rij, kolom) in self.verborgen:
            return f"<{drempel}" if self.waarden[(rij, kolom)] < drempel else "x"
        return str(self.waarden[(rij, kolom)])


def relaties(rijen: Sequence[str], kolommen: Sequence[str] = TELLINGEN) -> list[dict[Cel, int]]:
    """The linear relations of the table, as coefficient maps that sum to zero."""
    uit: list[dict[Cel, int]] = []
    gis = [r for r in rijen if r != LANDELIJK]
    if LANDELIJK in rijen:
        for k in kolommen:
            uit.append({**{(g, k): 1 for g in gis}, (LANDELIJK, k): -1})
    a, b, c = SOM_IN_RIJ
    if all(k in kolommen for k in SOM_IN_RIJ):
        for r in rijen:
            uit.append({(r, a): 1, (r, b): 1, (r, c): -1})
    return uit


def herleidbaar(verborgen: set[Cel], rels: Sequence[Mapping[Cel, int]]) -> list[Cel]:
    """Hidden cells whose value follows from the shown cells and the relations."""
    onbekend = sorted(verborgen)
    if not onbekend:
        return []
    index = {c: i for i, c in enumerate(onbekend)}
    matrix = np.array(
        [[r.get(c, 0) for c in onbekend] for r in rels if any(c in index for c in r)],
        dtype=float,
    ).reshape(-1, len(onbekend))
    rang = np.linalg.matrix_rank(matrix) if matrix.size else 0
    uit = []
    for c, i in index.items():
        eenheid = np.zeros((1, len(onbekend)))
        eenheid[0, i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, eenheid])) == rang:
            uit.append(c)
    return uit


def beveilig(waarden: Mapping[Cel, int], drempel: int) -> Beveiligd:
    """Primary and secondary suppression of the counts in ``waarden``."""
    rijen = sorted({r for r, _ in waarden}, key=lambda r: (r == LANDELIJK, r))
    kolommen = [k for k in TELLINGEN if any(kk == k for _, kk in waarden)]
    rels = relaties(rijen, kolommen)
    verborgen = {c for c, v in waarden.items() if 0 < v < drempel}
    while bloot := herleidbaar(verborgen, rels):
        cel = bloot[0]

        # hide the smallest shown cell that shares a relation with the exposed cell; failing
        # that, one sharing a relation with any hidden cell; failing that, any shown cell
        def zichtbaar(c: Cel) -> bool:
            return c not in verborgen and waarden.get(c, 0) != 0  # a zero is never hidden

        kandidaten = [c for r in rels if cel in r for c in r if zichtbaar(c)]
        if not kandidaten:
            kandidaten = [
                c for r in rels if any(h in r for h in verborgen) for c in r if zichtbaar(c)
            ]
        if not kandidaten:
            kandidaten = [c for c in waarden if zichtbaar(c)]
        if not kandidaten:
            break  # everything is hidden
        verborgen.add(min(kandidaten, key=lambda c: (waarden[c], c)))
    return Beveiligd(dict(waarden), frozenset(verborgen))
