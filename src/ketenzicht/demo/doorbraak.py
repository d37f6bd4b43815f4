"""Demo milestones, agreements and escalations, as a GI would register them.

Calibration: the inspections reported the doorbraak targets far from met, worst on the plan and
the help. Here, of the children whose deadline falls in a month, about 85% get the
veiligheidstaxatie within 5 working days; the veiligheidsplan needs the vaste jeugdbeschermer
and is made within 6 weeks for about 55%; help starts within 3 months for about 45%. Some plans
and help are never registered while the measure runs. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ketenzicht.demo import generator
from ketenzicht.domain import normen
from ketenzicht.domain.kalender import NederlandseKalender, werkdagen_na

TAXATIE_OP_TIJD = 0.85
PLAN_NA_JEUGDBESCHERMER_GEM = 24.0  # mean calendar days from the vaste jeugdbeschermer
PLAN_NOOIT = 0.06
HULP_GEM = 120.0  # mean calendar days from the start of the measure
HULP_NOOIT = 0.08


@dataclass(frozen=True, slots=True)
class Registratie:
    maatregel_id: int
    mijlpaal: str
    datum: date


def mijlpalen(uit: generator.Uitkomst, seed: int, tot: date) -> Iterator[Registratie]:
    rng = random.Random(f"{seed}:mijlpalen")
    kalender = NederlandseKalender()
    eerste_jb: dict[int, date] = {}
    for t in uit.toewijzingen:
        if t.maatregel_id not in eerste_jb or t.start < eerste_jb[t.maatregel_id]:
            eerste_jb[t.maatregel_id] = t.start

    def geldig(m: generator.Maatregel, d: date) -> bool:
        return d <= tot and (m.einde is None or d < m.einde)

    for m in uit.maatregelen:
        if rng.random() < TAXATIE_OP_TIJD:
            taxatie = werkdagen_na(m.start, rng.randint(0, 5), kalender)
        else:
            taxatie = werkdagen_na(m.start, rng.randint(6, 25), kalender)
        if geldig(m, taxatie):
            yield Registratie(m.id, normen.VEILIGHEIDSTAXATIE, taxatie)
        jb = eerste_jb.get(m.id)
        if jb is not None and rng.random() >= PLAN_NOOIT:
            plan = jb + timedelta(days=int(3 + rng.expovariate(1 / PLAN_NA_JEUGDBESCHERMER_GEM)))
            if geldig(m, plan):
                yield Registratie(m.id, normen.VEILIGHEIDSPLAN, plan)
        if rng.random() >= HULP_NOOIT:
            hulp = m.start + timedelta(days=int(7 + rng.expovariate(1 / HULP_GEM)))
            if geldig(m, hulp):
                yield Registratie(m.id, normen.HULPAANBOD, hulp)
