"""The priority rule of seed 000 holds for any input, and every position explains itself."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.prioriteit import Prioriteitsregels, Urgentie, Wachtend, rangschik

urgenties = st.none() | st.sampled_from(list(Urgentie))
wachtend = st.builds(
    Wachtend,
    id=st.uuids().map(str),
    maatregel=st.none() | st.sampled_from(["OTS", "voogdij", "JR 41"]),
    urgentie=urgenties,
    werkdagen_tot_termijn=st.none() | st.integers(-60, 5),
    dagen_wachtend=st.integers(0, 400),
)
regelsets = st.builds(
    Prioriteitsregels,
    marge_zonder_maatregel=st.integers(1, 3),
    urgentie_zonder_triage=st.sampled_from(list(Urgentie)),
)


def niveau(w: Wachtend, r: Prioriteitsregels) -> int:
    return int(w.urgentie or r.urgentie_zonder_triage)


@given(st.lists(wachtend, max_size=30, unique_by=lambda w: w.id), regelsets)
def test_maatregel_gaat_voor_tenzij_de_ander_urgenter_is(
    lijst: list[Wachtend], r: Prioriteitsregels
) -> None:
    positie = {p.wachtend.id: p.positie for p in rangschik(lijst, r)}
    for a in lijst:
        for b in lijst:
            if a.maatregel and not b.maatregel:
                urgenter = niveau(b, r) - niveau(a, r) >= r.marge_zonder_maatregel
                assert (positie[b.id] < positie[a.id]) == urgenter


@given(st.lists(wachtend, max_size=30, unique_by=lambda w: w.id), regelsets, st.randoms())
def test_volgorde_hangt_niet_af_van_de_invoervolgorde(
    lijst: list[Wachtend], r: Prioriteitsregels, rnd: random.Random
) -> None:
    geschud = lijst[:]
    rnd.shuffle(geschud)
    assert rangschik(lijst, r) == rangschik(geschud, r)


@given(st.lists(wachtend, min_size=1, max_size=30, unique_by=lambda w: w.id), regelsets)
def test_binnen_gelijke_groep_eerst_termijn_dan_wachttijd(
    lijst: list[Wachtend], r: Prioriteitsregels
) -> None:
    posities = rangschik(lijst, r)
    assert [p.positie for p in posities] == list(range(1, len(lijst) + 1))
    for eerder, later in zip(posities, posities[1:], strict=False):
        a, b = eerder.wachtend, later.wachtend
        if bool(a.maatregel) == bool(b.maatregel) and niveau(a, r) == niveau(b, r):
            ta = a.werkdagen_tot_termijn if a.werkdagen_tot_termijn is not None else 10**6
            tb = b.werkdagen_tot_termijn if b.werkdagen_tot_termijn is not None else 10**6
            assert ta < tb or (ta == tb and a.dagen_wachtend >= b.dagen_wachtend)


def test_redenen_in_woorden_van_de_planner() -> None:
    w = Wachtend("x", "OTS", Urgentie.HOOG, 2, 9)
    [p] = rangschik([w], Prioriteitsregels())
    assert p.redenen == (
        "maatregel OTS",
        "urgentie hoog",
        "termijn jeugdbeschermer 2 werkdagen over",
        "wacht 9 dagen",
    )
    [q] = rangschik([Wachtend("y", None, None, -3, 1)], Prioriteitsregels())
    assert q.redenen == (
        "geen maatregel",
        "nog niet getrieerd (telt als midden)",
        "termijn jeugdbeschermer 3 werkdagen verstreken",
        "wacht 1 dag",
    )
    # a jeugdreclassering measure waits for a jeugdreclasseerder
    [j] = rangschik(
        [Wachtend("z", "JR 41", Urgentie.HOOG, 0, 5, jeugdreclassering=True)], Prioriteitsregels()
    )
    assert "termijn jeugdreclasseerder verloopt vandaag" in j.redenen
