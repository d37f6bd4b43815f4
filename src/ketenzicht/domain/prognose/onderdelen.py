"""A scenario in parts with a capacity of their own (the country as its GIs): how each part is
simulated, and the parts added up into the whole.

A child waits for a caseworker of its own GI: a GI with room does not take another's children.
One pool for the country would let it, and so hide the waiting lists of the GIs that are full
behind the room of those that are not. Each part is a replication of its own (its own seed, so
its own parameter draw and its own children); the whole is their sum, its means weighted by
how many each part counted.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ketenzicht.domain.prognose.parameters import Maatregel, Scenario


def delen(scenario: Scenario) -> list[Scenario]:
    """Each part as a scenario of its own: its parameters on the scenario's horizon and
    calendar, with the measures that reach it. A measure naming a part is that part's alone;
    any other reaches every part, and its extra staff are shared out by the parts' staff
    (largest remainder, so they add up to the number asked)."""
    top = scenario.parameters
    uit = []
    for i, o in enumerate(scenario.onderdelen):
        par = replace(
            o.parameters,
            horizon_maanden=top.horizon_maanden,
            peil_norm_dagen=top.peil_norm_dagen,
            registreer_wachttijden=top.registreer_wachttijden,
        )
        maatregelen = tuple(
            replace(m, onderdeel=None, extra_medewerkers=_aandeel(m, scenario, i))
            for m in scenario.maatregelen
            if m.onderdeel in (None, o.naam)
        )
        uit.append(Scenario(f"{scenario.naam}: {o.naam}", par, maatregelen, scenario.vanaf))
    return uit


def _aandeel(m: Maatregel, scenario: Scenario, i: int) -> int:
    if m.onderdeel is not None or not m.extra_medewerkers:
        return m.extra_medewerkers
    return verdeel(m.extra_medewerkers, [o.parameters.medewerkers for o in scenario.onderdelen])[i]


def verdeel(n: int, gewichten: list[int]) -> list[int]:
    """``n`` in whole parts by ``gewichten``, largest remainder first (ties: the first part);
    the parts add up to ``n``. No weight at all: equal parts."""
    w = np.array(gewichten, dtype=np.float64)
    if w.sum() <= 0:
        w = np.ones(len(gewichten))
    exact = n * w / w.sum()
    heel = np.floor(exact).astype(np.int64)
    rest = n - int(heel.sum())
    volgorde = sorted(range(len(w)), key=lambda j: (-(exact[j] - heel[j]), j))
    for j in volgorde[:rest]:
        heel[j] += 1
    return [int(x) for x in heel]


def deel_seed(seed: int, i: int) -> int:
    """Part ``i``'s seed in a replication of ``seed``: independent streams, the same for a
    scenario and its baseline (common random numbers per part)."""
    return int(np.random.SeedSequence([seed % 2**32, 7, i]).generate_state(1)[0])
