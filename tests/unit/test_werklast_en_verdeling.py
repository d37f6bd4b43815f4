"""Workload caps, candidate fit, and the bulk proposal against an independent solver."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from ketenzicht.domain.maatregelen import MaatregelCode, Soort
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.verdeling import Aanbod, Vraag, plaatsen, score, voorstel
from ketenzicht.domain.wachtlijst import effectieve_toewijzing
from ketenzicht.domain.werklast import Kandidaat, Werklastnorm, rangschik_kandidaten


def test_cap_en_gewogen_caseload() -> None:
    norm = Werklastnorm(
        12.0, {Soort.JEUGDBESCHERMING: 1.0, Soort.VOOGDIJ: 0.8, Soort.JEUGDRECLASSERING: 1.2}
    )
    assert norm.cap(0.89) == 10.68
    assert norm.caseload([MaatregelCode.OTS, MaatregelCode.VOOGDIJ, MaatregelCode.JR_41]) == 3.0
    with pytest.raises(ValueError, match="groter dan 0"):
        Werklastnorm(0)


def test_kandidaten_gezin_dan_gemeente_dan_ruimte_en_vol_achteraan() -> None:
    k = [
        Kandidaat(1, "Vol", 14, 14, heeft_gezin=True, kent_gemeente=True),
        Kandidaat(2, "Ruim", 2, 14, heeft_gezin=False, kent_gemeente=False),
        Kandidaat(3, "Gemeente", 10, 14, heeft_gezin=False, kent_gemeente=True),
        Kandidaat(4, "Gezin", 12, 14, heeft_gezin=True, kent_gemeente=False),
    ]
    assert [c.naam for c in rangschik_kandidaten(k, 1.0)] == ["Gezin", "Gemeente", "Ruim", "Vol"]


def test_the_reasons_write_room_the_dutch_way() -> None:
    deeltijd = Kandidaat(1, "Deeltijd", 12.15, 13.6, heeft_gezin=True, kent_gemeente=False)
    assert deeltijd.redenen() == ("kent het gezin al", "ruimte 1,45 van 13,6")


def test_lange_ziekte_en_vertrek_beeindigen_de_vaste_relatie() -> None:
    t = Periode(date(2026, 1, 5))
    ziek = [Periode(date(2026, 3, 2))]  # still sick
    assert effectieve_toewijzing(t, None, ziek, 28) == Periode(date(2026, 1, 5), date(2026, 3, 30))
    kort = [Periode(date(2026, 3, 2), date(2026, 3, 20))]
    assert effectieve_toewijzing(t, None, kort, 28) == t
    assert effectieve_toewijzing(t, date(2026, 2, 1), ziek, 28).tot == date(2026, 2, 1)


def onafhankelijk(vragen: list[Vraag], aanbod: list[Aanbod]) -> int:
    """Maximum total score with scipy's Hungarian algorithm on slot-expanded columns."""
    totaal = 0
    for rol in {v.rol for v in vragen}:
        rv = [v for v in vragen if v.rol == rol]
        gewicht = max(v.gewicht for v in rv)
        sloten = [a for a in aanbod if a.rol == rol for _ in range(plaatsen(a, gewicht))]
        matrix = np.zeros((len(rv), len(sloten) + len(rv)))
        for i, v in enumerate(rv):
            for j, a in enumerate(sloten):
                matrix[i, j] = score(v, a, len(vragen))
        rijen, kolommen = linear_sum_assignment(matrix, maximize=True)
        totaal += int(matrix[rijen, kolommen].sum())
    return totaal


def instantie(rng: random.Random, n: int, m: int) -> tuple[list[Vraag], list[Aanbod]]:
    aanbod = [
        Aanbod(
            j,
            rng.choice(["jb", "jr"]),
            rng.choice([0, 0.5, 1, 1.5, 2, 3]),
            frozenset(rng.sample("ABCDE", 2)),
        )
        for j in range(m)
    ]
    vragen = [
        Vraag(
            f"k{i}",
            i + 1,
            rng.choice(["jb", "jr"]),
            1.0,
            rng.choice("ABCDE"),
            frozenset(rng.sample(range(m), 1)) if rng.random() < 0.3 else frozenset(),
        )
        for i in range(n)
    ]
    return vragen, aanbod


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25), st.integers(1, 12))
def test_voorstel_is_optimaal_volgens_een_onafhankelijke_solver(seed: int, n: int, m: int) -> None:
    vragen, aanbod = instantie(random.Random(seed), n, m)
    uit = voorstel(vragen, aanbod)
    assert uit.doel == onafhankelijk(vragen, aanbod)
    assert sum(k.score for k in uit.koppelingen) == uit.doel
    per_mw: dict[int, int] = {}
    for k in uit.koppelingen:
        per_mw[k.medewerker] = per_mw.get(k.medewerker, 0) + 1
    assert all(per_mw[a.id] <= plaatsen(a, 1.0) for a in aanbod if a.id in per_mw)
    assert len(uit.koppelingen) + len(uit.blijft_wachten) == n


@given(st.integers(0, 10_000))
def test_bij_tekort_krijgen_de_eersten_een_plek(seed: int) -> None:
    rng = random.Random(seed)
    aanbod = [Aanbod(j, "jb", 2.0) for j in range(3)]  # six places
    vragen = [Vraag(f"k{i}", i + 1, "jb", 1.0, "A") for i in range(10)]
    rng.shuffle(vragen)
    uit = voorstel(vragen, aanbod)
    assert sorted(k.vraag for k in uit.koppelingen) == sorted(f"k{i}" for i in range(6))
    assert list(uit.blijft_wachten) == [f"k{i}" for i in range(6, 10)]


def test_gezinsgericht_als_er_ruimte_is() -> None:
    aanbod = [Aanbod(1, "jb", 5.0), Aanbod(2, "jb", 5.0)]
    uit = voorstel([Vraag("broer", 1, "jb", 1.0, "A", frozenset({2}))], aanbod)
    assert uit.koppelingen[0].medewerker == 2
    assert "kent het gezin al" in uit.koppelingen[0].redenen


def test_norm_in_clienten_per_fte_hangt_af_van_de_mix() -> None:
    from ketenzicht.domain.maatregelen import MaatregelCode, Soort
    from ketenzicht.domain.werklast import Werklastnorm

    norm = Werklastnorm(17.0, {Soort.JEUGDRECLASSERING: 0.8})
    mix = [MaatregelCode.OTS] * 3 + [MaatregelCode.JR_41]  # a quarter weighs 0.8
    assert norm.clienten_per_fte_bij(mix) == pytest.approx(17 / 0.95)
    assert norm.clienten_per_fte_bij([MaatregelCode.OTS]) == 17.0
    assert norm.clienten_per_fte_bij([]) == 17.0  # no clients: the norm as it is
