"""Moves in the demo: some children move to another gemeente of the same jeugdregio, within
their GI's area, while a measure runs, and the GI registers the move some days later. So a
child's page shows where it lived before, and *Wachtenden per regio* over the peildata counts
each child where it lived then."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ketenzicht.demo import feiten, stamdata

AANDEEL = (
    0.10  # of the children drawn; those with a measure long enough and a gemeente to go to move
)
NA_START = 30  # days: a move registered at the intake is the intake's, not a move
GEMELD_NA = 14  # at most this many days after the move, the GI registers it


@dataclass(frozen=True, slots=True)
class Verhuizing:
    kind_id: int
    van: str  # gemeentecode before
    naar: str  # gemeentecode after
    per: date
    geregistreerd: date


def verhuizingen(uit: feiten.Uitkomst, opdracht: feiten.Opdracht) -> dict[int, Verhuizing]:
    """At most one move per child, drawn from the seed: the day lies in its first measure, at
    least ``NA_START`` days after the start and before the demo's end."""
    rng = random.Random(f"verhuizingen-{opdracht.seed}")
    regio = {code: regionaam for code, _, regionaam in stamdata.LANDELIJK}
    gebied = {naam: set(codes) for naam, _, codes in opdracht.gis}
    eerste: dict[int, feiten.Maatregel] = {}
    for m in uit.maatregelen:
        if m.kind_id not in eerste or m.start < eerste[m.kind_id].start:
            eerste[m.kind_id] = m
    buren: dict[tuple[str, str], list[str]] = defaultdict(list)  # (GI, regio) -> gemeenten
    for naam, codes in gebied.items():
        for code in sorted(codes):
            buren[naam, regio[code]].append(code)
    uit_: dict[int, Verhuizing] = {}
    for kind in uit.kinderen:
        if kind.id not in eerste or rng.random() >= AANDEEL:
            continue
        m = eerste[kind.id]
        laatste = min(m.einde or opdracht.tot, opdracht.tot) - timedelta(days=1)
        vroegste = m.start + timedelta(days=NA_START)
        opties = [c for c in buren[m.gi, regio[kind.gemeentecode]] if c != kind.gemeentecode]
        if laatste < vroegste or not opties:
            continue
        per = vroegste + timedelta(days=rng.randrange((laatste - vroegste).days + 1))
        gemeld = min(per + timedelta(days=rng.randrange(GEMELD_NA + 1)), opdracht.tot)
        uit_[kind.id] = Verhuizing(kind.id, kind.gemeentecode, rng.choice(opties), per, gemeld)
    return uit_
