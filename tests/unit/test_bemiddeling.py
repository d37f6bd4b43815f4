"""The zorgbemiddeling proposal: optimal (checked against an independent LP), within capacity,
and never a child without a measure ahead of an equally or less urgent child with one."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from ketenzicht.domain import bemiddeling as b
from ketenzicht.domain.prioriteit import Prioriteitsregels, Urgentie, Wachtend, rangschik

PEIL = date(2026, 11, 20)
CATS = ["35", "45", "43"]


def _km(v: b.Vraag, p: b.Pool) -> float:
    """Independent haversine, one pair at a time."""
    f1, f2 = math.radians(v.breedte), math.radians(p.breedte)
    a = (
        math.sin((f2 - f1) / 2) ** 2
        + math.cos(f1) * math.cos(f2) * math.sin(math.radians(p.lengte - v.lengte) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _past(v: b.Vraag, p: b.Pool) -> bool:
    return (
        v.productcategorie == p.productcategorie
        and p.leeftijd_van <= v.leeftijd <= p.leeftijd_tot
        and _km(v, p) <= b.MAX_AFSTAND_KM
        and p.aanbod not in v.uitgesloten
    )


def onafhankelijk_optimum(vragen: list[b.Vraag], pools: list[b.Pool]) -> int:
    """The assignment LP over every compatible pair, solved by HiGHS. The constraint matrix is
    totally unimodular, so the LP optimum is the integer optimum."""
    n = len(vragen)
    paren = [
        (
            i,
            j,
            (n - v.positie + 1) * b.PRIORITEIT_STAP
            + b.SCORE_NABIJ
            - round(_km(v, p))
            - p.wachtdagen,
        )
        for i, v in enumerate(vragen)
        for j, p in enumerate(pools)
        if _past(v, p)
    ]
    if not paren:
        return 0
    a = np.zeros((n + len(pools), len(paren)))
    for k, (i, j, _) in enumerate(paren):
        a[i, k] = 1
        a[n + j, k] = 1
    grens = [1] * n + [p.aantal for p in pools]
    uit = linprog([-s for _, _, s in paren], A_ub=a, b_ub=grens, bounds=(0, 1), method="highs")
    assert uit.status == 0
    return round(-uit.fun)


@st.composite
def instanties(draw: st.DrawFn) -> tuple[list[Wachtend], list[b.Vraag], list[b.Pool]]:
    n = draw(st.integers(1, 25))
    wachtend = [
        Wachtend(
            id=str(i),
            maatregel=draw(st.sampled_from([None, "OTS"])),
            urgentie=draw(st.sampled_from(list(Urgentie))),
            werkdagen_tot_termijn=None,
            dagen_wachtend=draw(st.integers(0, 120)),
        )
        for i in range(n)
    ]
    positie = {p.wachtend.id: p.positie for p in rangschik(wachtend, Prioriteitsregels())}
    plaats = st.tuples(st.floats(51.5, 52.5), st.floats(4.5, 6.0))
    vragen = []
    for w in wachtend:
        br, le = draw(plaats)
        vragen.append(
            b.Vraag(
                id=int(w.id),
                positie=positie[w.id],
                productcategorie=draw(st.sampled_from(CATS)),
                leeftijd=draw(st.integers(0, 17)),
                breedte=br,
                lengte=le,
                uitgesloten=frozenset(draw(st.lists(st.integers(0, 7), max_size=2))),
            )
        )
    pools = []
    for j in range(draw(st.integers(0, 8))):
        br, le = draw(plaats)
        van = draw(st.integers(0, 12))
        wacht = draw(st.sampled_from([0, 0, 7, 30]))
        pools.append(
            b.Pool(
                aanbod=j,
                productcategorie=draw(st.sampled_from(CATS)),
                leeftijd_van=van,
                leeftijd_tot=draw(st.integers(van, 17)),
                breedte=br,
                lengte=le,
                aantal=draw(st.integers(0, 4)),
                vrij_vanaf=PEIL + timedelta(days=wacht),
                wachtdagen=wacht,
            )
        )
    return wachtend, vragen, pools


@settings(max_examples=150, deadline=None)
@given(instanties())
def test_voorstel_is_optimaal_binnen_capaciteit_en_volgt_de_voorrangsregel(inst) -> None:  # type: ignore[no-untyped-def]
    wachtend, vragen, pools = inst
    v = b.voorstel(vragen, pools)
    assert v.doel == onafhankelijk_optimum(vragen, pools)
    assert v.doel == sum(m.score for m in v.matches)
    # capacity: never more children on an offer's pool than it has places
    per_aanbod: dict[int, int] = {}
    for m in v.matches:
        per_aanbod[m.aanbod] = per_aanbod.get(m.aanbod, 0) + 1
    for aanbod, n in per_aanbod.items():
        assert n <= sum(p.aantal for p in pools if p.aanbod == aanbod)
    # every request is matched once or waits
    assert sorted([m.vraag for m in v.matches] + list(v.blijft_wachten)) == sorted(
        x.id for x in vragen
    )
    # the priority rule: no child without a measure holds a place that a waiting child with a
    # measure and equal or higher urgency could have taken
    per_id = {x.id: x for x in vragen}
    w = {int(x.id): x for x in wachtend}
    for m in v.matches:
        a = w[m.vraag]
        if a.maatregel:
            continue
        for wacht_id in v.blijft_wachten:
            c = w[wacht_id]
            if c.maatregel and c.urgentie >= a.urgentie:
                pool = next(
                    p for p in pools if p.aanbod == m.aanbod and p.vrij_vanaf == m.vrij_vanaf
                )
                assert not _past(per_id[wacht_id], pool)


def _pool(aanbod: int, aantal: int, **kw) -> b.Pool:  # type: ignore[no-untyped-def]
    basis = dict(
        productcategorie="35", leeftijd_van=0, leeftijd_tot=17, breedte=52.0, lengte=5.0,
        vrij_vanaf=PEIL,
    )  # fmt: skip
    return b.Pool(aanbod=aanbod, aantal=aantal, **{**basis, **kw})


def _vraag(i: int, positie: int, **kw) -> b.Vraag:  # type: ignore[no-untyped-def]
    basis = dict(productcategorie="35", leeftijd=8, breedte=52.0, lengte=5.0)
    return b.Vraag(id=i, positie=positie, **{**basis, **kw})


def test_eerste_in_de_volgorde_krijgt_de_enige_plek_ook_als_die_verder_weg_woont() -> None:
    vragen = [_vraag(1, 1, breedte=52.5), _vraag(2, 2)]
    v = b.voorstel(vragen, [_pool(10, 1)])
    assert [m.vraag for m in v.matches] == [1]
    assert v.blijft_wachten == (2,)
    assert "afstand 56 km" in v.matches[0].redenen


def test_een_afgewezen_match_komt_niet_terug() -> None:
    v = b.voorstel([_vraag(1, 1, uitgesloten=frozenset({10}))], [_pool(10, 1), _pool(11, 1)])
    assert [(m.vraag, m.aanbod) for m in v.matches] == [(1, 11)]


def test_leeftijd_en_zorgvorm_zijn_harde_eisen() -> None:
    vragen = [_vraag(1, 1, leeftijd=16), _vraag(2, 2, productcategorie="45")]
    v = b.voorstel(vragen, [_pool(10, 5, leeftijd_tot=12)])
    assert v.matches == () and v.blijft_wachten == (1, 2)


def test_plek_nu_vrij_gaat_voor_plek_die_later_vrijkomt() -> None:
    later = _pool(11, 1, vrij_vanaf=PEIL + timedelta(days=14), wachtdagen=14)
    v = b.voorstel([_vraag(1, 1)], [later, _pool(10, 1)])
    assert v.matches[0].aanbod == 10


def test_wat_als_toont_wie_met_tijdelijke_plekken_geholpen_wordt() -> None:
    vragen = [_vraag(1, 1), _vraag(2, 2), _vraag(3, 3, productcategorie="45")]
    _, dan, geholpen = b.wat_als(vragen, [_pool(10, 1)], [_pool(10, 1)])
    assert geholpen == (2,)
    assert dan.blijft_wachten == (3,)


def test_een_melding_van_vier_weken_geldt_nog_een_dag_later_niet_meer() -> None:
    peil = date(2026, 11, 20)
    assert not b.melding_verouderd(peil - timedelta(days=b.MELDING_VERS_DAGEN), peil)
    assert b.melding_verouderd(peil - timedelta(days=b.MELDING_VERS_DAGEN + 1), peil)
    assert not b.melding_verouderd(peil + timedelta(days=3), peil)  # reported ahead
    assert b.melding_verouderd(None, peil)  # nothing reported: ask
