"""A bulk proposal: which waiting child to which jeugdbeschermer, optimally, with a real solver.

Maximises the total score of the matches as a min-cost flow (OR-Tools): source → child (1) →
jeugdbeschermer (one slot per child that fits under the cap) → sink, and child → sink for
"blijft wachten". A match scores ``PRIORITEIT_STAP`` per place in the priority order (so the
order dominates: when places are short the first children are matched) plus its fit:
gezinsgericht (a sibling's jeugdbeschermer), region (already works in the child's municipality)
and room left. Caps are honoured per role; the proposal never pushes anyone over the cap.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

PRIORITEIT_STAP = 1_000
SCORE_GEZIN = 50
SCORE_GEMEENTE = 10
SCORE_RUIMTE_MAX = 5


@dataclass(frozen=True, slots=True)
class Vraag:
    id: str
    positie: int  # 1 = first in the priority order
    rol: str
    gewicht: float
    gemeente: str
    gezin: frozenset[int] = frozenset()  # jeugdbeschermers of brothers and sisters
    lijst: str = "op de wachtlijst"  # where ``positie`` is a place in, for the reasons


@dataclass(frozen=True, slots=True)
class Aanbod:
    id: int
    rol: str
    ruimte: float
    gemeenten: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Koppeling:
    vraag: str
    medewerker: int
    score: int
    redenen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Voorstel:
    koppelingen: tuple[Koppeling, ...]
    blijft_wachten: tuple[str, ...]
    doel: int  # the objective: total score, for comparison with an independent solve


def fit(v: Vraag, a: Aanbod) -> int:
    return (
        SCORE_GEZIN * (a.id in v.gezin)
        + SCORE_GEMEENTE * (v.gemeente in a.gemeenten)
        + min(SCORE_RUIMTE_MAX, max(0, int(a.ruimte)))
    )


def score(v: Vraag, a: Aanbod, aantal: int) -> int:
    return (aantal - v.positie + 1) * PRIORITEIT_STAP + fit(v, a)


def plaatsen(aanbod: Aanbod, gewicht: float) -> int:
    """Children of weight ``gewicht`` that fit under the cap (never rounded up)."""
    return max(0, math.floor(aanbod.ruimte / gewicht + 1e-9))


def _redenen(v: Vraag, a: Aanbod) -> tuple[str, ...]:
    uit = [f"positie {v.positie} {v.lijst}"]
    if a.id in v.gezin:
        uit.append("kent het gezin al")
    if v.gemeente in a.gemeenten:
        uit.append("werkt al in deze gemeente")
    uit.append(f"ruimte {a.ruimte:g}".replace(".", ","))  # Dutch decimals
    return tuple(uit)


def _kandidaten(
    v: Vraag,
    per_rol: list[Aanbod],
    per_gemeente: dict[str, list[int]],
    op_ruimte: list[int],
    per_kind: int,
) -> list[int]:
    """Indices into ``per_rol``: sibling's jeugdbeschermers, the roomiest who know the
    municipality, and the roomiest overall — enough that pruning never decides the outcome
    when there are places to spare."""
    gekozen = dict.fromkeys(i for i, a in enumerate(per_rol) if a.id in v.gezin)
    for i in per_gemeente.get(v.gemeente, [])[:per_kind]:
        gekozen.setdefault(i)
    for i in op_ruimte[:per_kind]:
        gekozen.setdefault(i)
    return list(gekozen)


def voorstel(vragen: Sequence[Vraag], aanbod: Sequence[Aanbod], *, per_kind: int = 60) -> Voorstel:
    """The optimal proposal (per role) for ``vragen`` against the room in ``aanbod``."""
    koppelingen: list[Koppeling] = []
    wachten: list[str] = []
    doel = 0
    aantal = len(vragen)
    for rol in sorted({v.rol for v in vragen}):
        rv = [v for v in vragen if v.rol == rol]
        gewicht = max(v.gewicht for v in rv)
        ra = [a for a in aanbod if a.rol == rol and plaatsen(a, gewicht) > 0]
        k, w, d = _los_op(rv, ra, gewicht, aantal, per_kind)
        koppelingen += k
        wachten += w
        doel += d
    volgorde = {v.id: v.positie for v in vragen}
    koppelingen.sort(key=lambda k: volgorde[k.vraag])
    wachten.sort(key=volgorde.__getitem__)
    return Voorstel(tuple(koppelingen), tuple(wachten), doel)


def _los_op(
    vragen: list[Vraag], aanbod: list[Aanbod], gewicht: float, aantal: int, per_kind: int
) -> tuple[list[Koppeling], list[str], int]:
    if not aanbod:
        return [], [v.id for v in vragen], 0
    op_ruimte = sorted(range(len(aanbod)), key=lambda i: (-aanbod[i].ruimte, aanbod[i].id))
    per_gemeente: dict[str, list[int]] = defaultdict(list)
    for i in op_ruimte:
        for g in aanbod[i].gemeenten:
            per_gemeente[g].append(i)
    n, m = len(vragen), len(aanbod)
    bron, put = 0, n + m + 1
    van: list[int] = []
    naar: list[int] = []
    cap: list[int] = []
    kosten: list[int] = []
    paren: list[tuple[int, int, int]] = []
    for i, v in enumerate(vragen):
        van += [bron, 1 + i]
        naar += [1 + i, put]
        cap += [1, 1]
        kosten += [0, 0]
        for j in _kandidaten(v, aanbod, per_gemeente, op_ruimte, per_kind):
            s = score(v, aanbod[j], aantal)
            paren.append((len(van), i, j))
            van.append(1 + i)
            naar.append(1 + n + j)
            cap.append(1)
            kosten.append(-s)
    for j, a in enumerate(aanbod):
        van.append(1 + n + j)
        naar.append(put)
        cap.append(plaatsen(a, gewicht))
        kosten.append(0)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.array(van, dtype=np.int32),
        np.array(naar, dtype=np.int32),
        np.array(cap, dtype=np.int64),
        np.array(kosten, dtype=np.int64),
    )
    flow.set_nodes_supplies(
        np.array([bron, put], dtype=np.int32), np.array([n, -n], dtype=np.int64)
    )
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("De solver vond geen optimale verdeling.")
    stromen = flow.flows(np.array([p[0] for p in paren], dtype=np.int32)) if paren else []
    koppelingen = []
    gekoppeld = set()
    for (boog, i, j), f in zip(paren, stromen, strict=True):
        if f:
            v, a = vragen[i], aanbod[j]
            koppelingen.append(Koppeling(v.id, a.id, -int(flow.unit_cost(boog)), _redenen(v, a)))
            gekoppeld.add(i)
    wachten = [v.id for i, v in enumerate(vragen) if i not in gekoppeld]
    return koppelingen, wachten, -int(flow.optimal_cost())
