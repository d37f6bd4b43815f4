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

from ketenzicht.demo import feiten
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


def mijlpalen(uit: feiten.Uitkomst, seed: int, tot: date) -> Iterator[Registratie]:
    rng = random.Random(f"{seed}:mijlpalen")
    kalender = NederlandseKalender()
    eerste_jb: dict[int, date] = {}
    for t in uit.toewijzingen:
        if t.maatregel_id not in eerste_jb or t.start < eerste_jb[t.maatregel_id]:
            eerste_jb[t.maatregel_id] = t.start

    def geldig(m: feiten.Maatregel, d: date) -> bool:
        return d <= tot and (m.einde is None or d < m.einde)

    for m in uit.maatregelen:
        # a measure from before the history (the stock) came with its milestones when the GI
        # began to register: its plan counts from its start (its first jeugdbeschermer's date is
        # not known) and none is missing; the draws stay those of every other measure
        voorraad = uit.begin is not None and m.start < uit.begin
        if rng.random() < TAXATIE_OP_TIJD:
            taxatie = werkdagen_na(m.start, rng.randint(0, 5), kalender)
        else:
            taxatie = werkdagen_na(m.start, rng.randint(6, 25), kalender)
        if geldig(m, taxatie):
            yield Registratie(m.id, normen.VEILIGHEIDSTAXATIE, taxatie)
        jb = eerste_jb.get(m.id)
        if jb is not None:
            if rng.random() >= PLAN_NOOIT:
                na = int(3 + rng.expovariate(1 / PLAN_NA_JEUGDBESCHERMER_GEM))
                plan: date | None = (m.start if voorraad else jb) + timedelta(days=na)
            else:
                plan = (
                    m.start + timedelta(days=int(PLAN_NA_JEUGDBESCHERMER_GEM)) if voorraad else None
                )
            if plan is not None and geldig(m, plan):
                yield Registratie(m.id, normen.VEILIGHEIDSPLAN, plan)
        if rng.random() >= HULP_NOOIT:
            hulp: date | None = m.start + timedelta(days=int(7 + rng.expovariate(1 / HULP_GEM)))
        else:
            hulp = m.start + timedelta(days=int(HULP_GEM)) if voorraad else None
        if hulp is not None and geldig(m, hulp):
            yield Registratie(m.id, normen.HULPAANBOD, hulp)


AFSPRAAK_KANS = 0.3  # of the children whose help is more than 4 weeks overdue
ESCALATIE_KANS = 0.12
AFSPRAKEN = (
    ("aanbieder", "Intake en start gezinsbehandeling"),
    ("lokaal_team", "Schuldhulpverlening voor de ouders regelen"),
    ("gemeente", "Passende plek (pleeggezin of gezinshuis) zoeken via de zorgbemiddelingstafel"),
    ("gi", "Veiligheidsplan bijstellen met het netwerk"),
)
REDENEN = (
    "Geen passend aanbod beschikbaar in de regio",
    "Wachtlijst specialistische jeugd-GGZ langer dan 3 maanden",
    "Aanbieders weigeren vanwege complexiteit",
)


@dataclass(frozen=True, slots=True)
class DemoAfspraak:
    kind_id: int
    wie: str
    wat: str
    uiterlijk: date
    gemaakt_op: date


@dataclass(frozen=True, slots=True)
class DemoEscalatie:
    kind_id: int
    maatregel_id: int
    gemeentecode: str
    reden: str
    aangemeld_op: date
    stappen: tuple[tuple[str, str, date], ...]  # (naar, reden, datum) after "aangemeld"


def afspraken_en_escalaties(
    uit: feiten.Uitkomst, registraties: list[Registratie], seed: int, tot: date
) -> tuple[list[DemoAfspraak], list[DemoEscalatie]]:
    """Agreements and escalations for children whose help is more than 4 weeks overdue at
    ``tot``, as a gemeente would make them."""
    rng = random.Random(f"{seed}:afspraken")
    kalender = NederlandseKalender()
    hulp = {r.maatregel_id for r in registraties if r.mijlpaal == normen.HULPAANBOD}
    termijn = normen.DOORBRAAK_2020.mijlpalen[3].termijn
    gemeente = {k.id: k.gemeentecode for k in uit.kinderen}
    afspraken, escalaties, gezien = [], [], set()
    for m in uit.maatregelen:
        if m.id in hulp or (m.einde is not None and m.einde <= tot) or m.kind_id in gezien:
            continue
        verval = termijn.vervaldatum(m.start, kalender)
        if (tot - verval).days <= 28 or m.start < date(2020, 1, 1):
            continue
        gezien.add(m.kind_id)
        if rng.random() < AFSPRAAK_KANS:
            wie, wat = rng.choice(AFSPRAKEN)
            gemaakt = verval + timedelta(days=rng.randint(1, 20))
            afspraken.append(
                DemoAfspraak(
                    m.kind_id, wie, wat, gemaakt + timedelta(days=rng.randint(7, 42)), gemaakt
                )
            )
        if rng.random() < ESCALATIE_KANS:
            aangemeld = min(tot, verval + timedelta(days=rng.randint(29, 60)))
            stappen: tuple[tuple[str, str, date], ...] = ()
            wacht = (tot - aangemeld).days
            # the team takes a case up within a week or two; one still 'aangemeld' after six
            # weeks would be a team not working (the draw stays, so the rest of the demo does)
            if wacht > 7 and (rng.random() < 0.6 or wacht > 42):
                stappen = (
                    (
                        "in_behandeling",
                        "Casus besproken in het expertteam",
                        aangemeld + timedelta(days=7),
                    ),
                )
            escalaties.append(
                DemoEscalatie(
                    m.kind_id, m.id, gemeente[m.kind_id], rng.choice(REDENEN), aangemeld, stappen
                )
            )
    return afspraken, escalaties
