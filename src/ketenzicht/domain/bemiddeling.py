"""The zorgbemiddelingstafel's proposal: which waiting care request to which free place.

Seed 002 (Bijlage 3, wachttijdbemiddeling): one regional switch point that knows the *total*
supply, capacity and waiting lists and prioritises carefully — "rightly rather than quickly
filling one place". Seed 000: a child with a kinderbeschermingsmaatregel goes first unless
another child's need is more urgent (the rank comes from ``prioriteit.rangschik``).

The proposal is a min-cost flow (OR-Tools): source → request (1) → pool of places → sink, and
request → sink for "blijft wachten". A *pool* is the free places of one offer from one date
(free now, or soon free), so 2,400 places in 400 offers are a few hundred nodes, not thousands.
A match scores ``PRIORITEIT_STAP`` per place in the priority order plus its fit (closer is
better, a place free now beats one free later). Because the whole fit range is smaller than one
step, an optimal proposal never leaves a child waiting while a lower-ranked child holds a place
the first child fits: swapping them would raise the total. Hard conditions: same zorgvorm
(iJw productcategorie), age within the offer's range, distance at most ``max_km``, and never a
pair the table declined before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow

PRIORITEIT_STAP = 1_000
SCORE_NABIJ = 100  # a place next door scores 100, one point less per km
MAX_AFSTAND_KM = 100
MAX_WACHTDAGEN = 60  # a soon-free place further out than this is not proposed
MELDING_VERS_DAGEN = 28  # a capacity report older than this is asked again before it is relied on


@dataclass(frozen=True, slots=True)
class Vraag:
    """A waiting care request as the matcher sees it (no names, no BSN)."""

    id: int
    positie: int  # 1 = first by the priority rule
    productcategorie: str
    leeftijd: int
    breedte: float
    lengte: float
    uitgesloten: frozenset[int] = frozenset()  # offers the table declined for this request


@dataclass(frozen=True, slots=True)
class Pool:
    """``aantal`` interchangeable free places of offer ``aanbod`` from ``vrij_vanaf`` on."""

    aanbod: int
    productcategorie: str
    leeftijd_van: int
    leeftijd_tot: int
    breedte: float
    lengte: float
    aantal: int
    vrij_vanaf: date
    wachtdagen: int = 0  # days from the peildatum until the places are free


@dataclass(frozen=True, slots=True)
class Match:
    vraag: int
    aanbod: int
    vrij_vanaf: date
    score: int
    afstand_km: float
    redenen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Voorstel:
    matches: tuple[Match, ...]
    blijft_wachten: tuple[int, ...]
    doel: int  # total score, for comparison with an independent solve


def afstand_km(b1: np.ndarray, l1: np.ndarray, b2: np.ndarray, l2: np.ndarray) -> np.ndarray:
    """Great-circle distance (haversine) in km; broadcasts."""
    r = 6371.0
    f1, f2 = np.radians(b1), np.radians(b2)
    df, dl = f2 - f1, np.radians(l2 - l1)
    a = np.sin(df / 2) ** 2 + np.cos(f1) * np.cos(f2) * np.sin(dl / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(np.minimum(1.0, a)))


def fit(km: float | np.ndarray, wachtdagen: int | np.ndarray) -> np.ndarray:
    """Fit points of a compatible pair: closer and sooner is better; always below one step."""
    return SCORE_NABIJ - np.rint(km).astype(np.int64) - np.asarray(wachtdagen, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Paren:
    """All compatible (request, pool) pairs with their scores, as parallel arrays."""

    vraag: np.ndarray  # index into the requests
    pool: np.ndarray  # index into the pools
    score: np.ndarray
    km: np.ndarray


def paren(
    vragen: Sequence[Vraag], pools: Sequence[Pool], *, max_km: float = MAX_AFSTAND_KM
) -> Paren:
    """Compatible pairs, computed per zorgvorm with numpy (no Python loop over pairs)."""
    n = len(vragen)
    vi, pj, sc, kms = [], [], [], []
    for cat in sorted({v.productcategorie for v in vragen} & {p.productcategorie for p in pools}):
        iv = np.array([i for i, v in enumerate(vragen) if v.productcategorie == cat])
        jp = np.array([j for j, p in enumerate(pools) if p.productcategorie == cat])
        leeftijd = np.array([vragen[i].leeftijd for i in iv])[:, None]
        van = np.array([pools[j].leeftijd_van for j in jp])[None, :]
        tot = np.array([pools[j].leeftijd_tot for j in jp])[None, :]
        km = afstand_km(
            np.array([vragen[i].breedte for i in iv])[:, None],
            np.array([vragen[i].lengte for i in iv])[:, None],
            np.array([pools[j].breedte for j in jp])[None, :],
            np.array([pools[j].lengte for j in jp])[None, :],
        )
        wacht = np.array([pools[j].wachtdagen for j in jp])[None, :]
        past = (leeftijd >= van) & (leeftijd <= tot) & (km <= max_km) & (wacht <= MAX_WACHTDAGEN)
        a, b = np.nonzero(past)
        vi.append(iv[a])
        pj.append(jp[b])
        posities = np.array([vragen[i].positie for i in iv])[a]
        sc.append((n - posities + 1) * PRIORITEIT_STAP + fit(km[a, b], wacht[0, b]))
        kms.append(km[a, b])
    if not vi:
        leeg = np.zeros(0, dtype=np.int64)
        return Paren(leeg, leeg, leeg, np.zeros(0))
    uit = Paren(np.concatenate(vi), np.concatenate(pj), np.concatenate(sc), np.concatenate(kms))
    return _zonder_afgewezen(uit, vragen, pools)


def _zonder_afgewezen(p: Paren, vragen: Sequence[Vraag], pools: Sequence[Pool]) -> Paren:
    if not any(v.uitgesloten for v in vragen):
        return p
    houden = np.array(
        [
            pools[j].aanbod not in vragen[i].uitgesloten
            for i, j in zip(p.vraag, p.pool, strict=True)
        ],
        dtype=bool,
    )
    return Paren(p.vraag[houden], p.pool[houden], p.score[houden], p.km[houden])


def _redenen(v: Vraag, p: Pool, km: float) -> tuple[str, ...]:
    uit = [
        f"positie {v.positie} in de voorrangsvolgorde",
        f"zorgvorm {p.productcategorie} past",
        f"leeftijd {v.leeftijd} binnen {p.leeftijd_van}–{p.leeftijd_tot}",
        f"afstand {km:.0f} km",
    ]
    uit.append("plek nu vrij" if p.wachtdagen == 0 else f"plek vrij vanaf {p.vrij_vanaf:%d-%m-%Y}")
    return tuple(uit)


def netwerk(pr: Paren, pools: Sequence[Pool], n: int) -> min_cost_flow.SimpleMinCostFlow:
    """The flow network: arcs 0..n-1 source → request, n..2n-1 request → sink (waits), then
    one arc per compatible pair, then pool → sink with the pool's places."""
    m, k = len(pools), len(pr.vraag)
    bron, put = n + m, n + m + 1
    vragen_idx = np.arange(n, dtype=np.int32)
    pools_idx = np.arange(m, dtype=np.int32)
    van = np.concatenate([np.full(n, bron), vragen_idx, pr.vraag, n + pools_idx])
    naar = np.concatenate([vragen_idx, np.full(n, put), n + pr.pool, np.full(m, put)])
    cap = np.concatenate([np.ones(2 * n + k), [p.aantal for p in pools]]).astype(np.int64)
    kosten = np.concatenate([np.zeros(2 * n), -pr.score, np.zeros(m)]).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        van.astype(np.int32), naar.astype(np.int32), cap, kosten
    )
    flow.set_nodes_supplies(np.array([bron, put], dtype=np.int32), np.array([n, -n]))
    return flow


def voorstel(
    vragen: Sequence[Vraag], pools: Sequence[Pool], *, max_km: float = MAX_AFSTAND_KM
) -> Voorstel:
    """The optimal proposal: maximal total score, never more matches than places."""
    pr = paren(vragen, pools, max_km=max_km)
    n, k = len(vragen), len(pr.vraag)
    if k == 0:
        return Voorstel((), tuple(v.id for v in vragen), 0)
    flow = netwerk(pr, pools, n)
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("De solver vond geen optimaal voorstel.")
    stromen = flow.flows(np.arange(2 * n, 2 * n + k, dtype=np.int32))
    gekozen = np.nonzero(stromen)[0]
    matches = [
        Match(
            vraag=vragen[pr.vraag[t]].id,
            aanbod=pools[pr.pool[t]].aanbod,
            vrij_vanaf=pools[pr.pool[t]].vrij_vanaf,
            score=int(pr.score[t]),
            afstand_km=round(float(pr.km[t]), 1),
            redenen=_redenen(vragen[pr.vraag[t]], pools[pr.pool[t]], float(pr.km[t])),
        )
        for t in gekozen
    ]
    volgorde = {v.id: v.positie for v in vragen}
    matches.sort(key=lambda x: volgorde[x.vraag])
    geholpen = {x.vraag for x in matches}
    wachten = sorted((v.id for v in vragen if v.id not in geholpen), key=volgorde.__getitem__)
    return Voorstel(tuple(matches), tuple(wachten), -int(flow.optimal_cost()))


def wat_als(
    vragen: Sequence[Vraag],
    pools: Sequence[Pool],
    extra: Iterable[Pool],
    *,
    max_km: float = MAX_AFSTAND_KM,
) -> tuple[Voorstel, Voorstel, tuple[int, ...]]:
    """The proposal now, the proposal with temporary extra places, and the requests those
    places help that wait now."""
    nu = voorstel(vragen, pools, max_km=max_km)
    dan = voorstel(vragen, [*pools, *extra], max_km=max_km)
    wachten_nu = set(nu.blijft_wachten)
    return nu, dan, tuple(m.vraag for m in dan.matches if m.vraag in wachten_nu)


def vrije_plaatsen(
    *,
    plaatsen: int,
    bezet: int,
    verwacht_vrij: int,
    verwacht_vrij_per: date | None,
    gereserveerd: int,
    peildatum: date,
) -> tuple[int, int]:
    """(free now, soon free) of an offer's capacity report after its reservations.

    Reservations take the places free now first. Places reported to come free by the peildatum
    count as free now."""
    nu, straks = plaatsen - bezet, verwacht_vrij
    if straks and verwacht_vrij_per is not None and verwacht_vrij_per <= peildatum:
        nu, straks = nu + straks, 0
    nu -= gereserveerd
    if nu < 0:
        straks, nu = max(0, straks + nu), 0
    return nu, straks


def melding_verouderd(gemeld_van: date | None, peildatum: date) -> bool:
    """Whether the table should ask the provider again before relying on an offer's places:
    nothing reported yet, or the newest report is more than ``MELDING_VERS_DAGEN`` old."""
    return gemeld_van is None or (peildatum - gemeld_van).days > MELDING_VERS_DAGEN
