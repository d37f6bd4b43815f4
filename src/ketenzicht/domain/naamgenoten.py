"""Colleagues who share a name are told apart: a planner choosing between two people called Tom
Kramer must see which is which, and a list per caseworker must not add up their work.

A caseworker goes by their name; where someone else at the same GI has that name too, by their
name with their role and start date; where even those are the same, with their number as well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Collega:
    pk: int
    gi: int
    naam: str
    rol: str
    in_dienst: date


def onderscheiden(naamgenoten: Iterable[Collega], gevraagd: Collection[int]) -> dict[int, str]:
    """The names of the ``gevraagd`` caseworkers, given everyone at their GIs with their names
    (asked for or not, so that a caseworker's name on one page is the same on the next)."""
    alle = list(naamgenoten)
    per_naam = Counter((c.gi, c.naam) for c in alle)
    per_omschrijving = Counter((c.gi, c.naam, c.rol, c.in_dienst) for c in alle)
    namen = {}
    for c in alle:
        if c.pk not in gevraagd:
            continue
        if per_naam[c.gi, c.naam] == 1:
            namen[c.pk] = c.naam
            continue
        omschrijving = f"{c.rol}, in dienst {c.in_dienst:%d-%m-%Y}"
        if per_omschrijving[c.gi, c.naam, c.rol, c.in_dienst] > 1:
            omschrijving += f", nr. {c.pk}"
        namen[c.pk] = f"{c.naam} ({omschrijving})"
    return namen
