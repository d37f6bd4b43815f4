"""A stochastic, event-driven model of the GI part of the chain (one replication).

Children arrive with a new measure (Poisson, with trend and seasonality by thinning), wait for
a vaste jeugdbeschermer in priority order (class, then arrival: the national priority rule
reduced to its classes), hold one slot of a caseworker's caseload until their measure ends.
Caseworkers offer ``norm`` slots (the workload norm is the cap), half of them while onboarding;
they leave (turnover, replaced after a vacancy), fall ill for a long time (after
``ziekte_drempel_dagen`` their children lose their vaste jeugdbeschermer: the internal waiting
list, seed 002) and return. Scenario measures change staff, turnover, inflow or the norm from
a month on. Outputs per month: start and internal waiting lists (monitor definitions: waiting
longer than the norm), clients, available FTE, workload, mean waits and the share of new
measures with a jeugdbeschermer within the norm (doorbraak milestone, seed 004).

Written for speed in plain Python: one heap of events, lazy deletion, local names in the loop.
"""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass

from ketenzicht.domain.prognose.parameters import MAAND, Parameters, Scenario

AANKOMST, EINDE, VERTREK, VACATURE, ZIEK, DREMPEL, BETER, INGEWERKT, MAATREGEL, MAANDGRENS = range(
    10
)
START, INTERN = 0, 1


@dataclass(slots=True)
class Maandcijfers:
    wachtlijst_start: list[int]
    wachtlijst_intern: list[int]
    clienten: list[int]
    fte_beschikbaar: list[float]
    workload: list[float]
    wachtdagen_start: list[float]  # mean wait of those assigned from the start list that month
    wachtdagen_intern: list[float]
    binnen_norm: list[float]  # share of the month's new measures assigned within the norm


@dataclass(slots=True)
class Uitkomst:
    maanden: Maandcijfers
    kinderen: int  # children simulated (start state plus arrivals)
    wachttijden: list[tuple[int, float]]  # (class, wait) per arrival, when registered


def _duur(rng: random.Random, par: Parameters) -> float:
    if par.duur_verdeling == "exponentieel":
        return rng.expovariate(1.0 / par.duur_dagen)
    s2 = math.log(1 + par.duur_cv**2)
    return rng.lognormvariate(math.log(par.duur_dagen) - s2 / 2, math.sqrt(s2))


def _klasse(rng: random.Random, cumulatief: list[float]) -> int:
    if len(cumulatief) == 1:
        return 0
    u = rng.random()
    for k, grens in enumerate(cumulatief):
        if u < grens:
            return k
    return len(cumulatief) - 1


def simuleer(scenario: Scenario, seed: int) -> Uitkomst:  # noqa: C901 - one loop, on purpose
    par = scenario.parameters
    rng = random.Random(seed)
    exp = rng.expovariate
    horizon = par.horizon_maanden * MAAND
    cumulatief = [sum(par.klassen[: k + 1]) for k in range(len(par.klassen))]
    vanaf_start = par.duur_vanaf == "start"

    # caseworkers
    slots = int(par.norm)
    cap: list[int] = []  # slots a caseworker offers now
    last: list[int] = []
    actief: list[bool] = []
    ziek: list[bool] = []
    ingewerkt: list[bool] = []
    kinderen_van: list[set[int]] = []
    ruimte: list[int] = []  # caseworkers that may have room (lazy)
    verloop = par.verloop_per_jaar
    events: list[tuple[float, int, int]] = []
    horizon_ = horizon

    def push(rij: list[tuple[float, int, int]], event: tuple[float, int, int]) -> None:
        if event[0] <= horizon_:  # nothing after the horizon is ever looked at
            heapq.heappush(rij, event)

    def nieuwe_werker(t: float, inwerken: bool) -> None:
        w = len(cap)
        cap.append(int(slots * par.inwerkfactor) if inwerken else slots)
        last.append(0)
        actief.append(True)
        ziek.append(False)
        ingewerkt.append(not inwerken)
        kinderen_van.append(set())
        ruimte.append(w)
        if inwerken:
            push(events, (t + par.inwerk_dagen, INGEWERKT, w))
        if verloop > 0:
            push(events, (t + exp(verloop / 365.25), VERTREK, w))
        if par.lang_ziek_per_jaar > 0:
            push(events, (t + exp(par.lang_ziek_per_jaar / 365.25), ZIEK, w))

    for _ in range(par.medewerkers):
        nieuwe_werker(0.0, False)

    # children
    eind: list[float] = []
    werker: list[int] = []
    sinds: list[float] = []  # waiting since (start of measure or loss of the caseworker)
    start: list[float] = []
    klasse: list[int] = []
    soort: list[int] = []
    wachtrij: list[tuple[int, float, int]] = []  # (class, since, child)
    in_zorg = [0]  # clients in execution now
    registreer = par.registreer_wachttijden
    wachttijden: list[tuple[int, float]] = []

    n_maanden = par.horizon_maanden
    m_start_n, m_start_som = [0] * n_maanden, [0.0] * n_maanden
    m_int_n, m_int_som = [0] * n_maanden, [0.0] * n_maanden
    nieuw, op_tijd = [0] * n_maanden, [0] * n_maanden
    cijfers = Maandcijfers([], [], [], [], [], [], [], [])

    def kind(t: float, eerder: float, soort_: int) -> int:
        i = len(eind)
        in_zorg[0] += 1
        start.append(eerder)
        eind.append(math.inf)
        werker.append(-1)
        sinds.append(t)
        klasse.append(_klasse(rng, cumulatief))
        soort.append(soort_)
        return i

    def wacht(i: int, t: float, soort_: int) -> None:
        werker[i] = -1
        sinds[i] = t
        soort[i] = soort_
        heapq.heappush(wachtrij, (klasse[i], t, i))

    # start state: clients in execution, most with a caseworker, some on the waiting lists
    for _ in range(par.begin_clienten - par.begin_wachtlijst_start - par.begin_wachtlijst_intern):
        i = kind(0.0, -exp(1 / par.duur_dagen), START)
        eind[i] = _duur(rng, par) if vanaf_start else math.inf
        _koppel_begin(i, cap, last, kinderen_van, werker)
        if eind[i] < math.inf:
            push(events, (eind[i], EINDE, i))
    for aantal, s in ((par.begin_wachtlijst_start, START), (par.begin_wachtlijst_intern, INTERN)):
        for _ in range(aantal):
            i = kind(0.0, -rng.uniform(0, 60), s)
            eind[i] = _duur(rng, par)
            push(events, (eind[i], EINDE, i))
            wacht(i, -rng.uniform(0, 60), s)
    ruimte[:] = [w for w in range(len(cap)) if last[w] < cap[w]]

    # inflow: thinning against the highest rate over the horizon
    instroom = [par.instroom_per_maand / MAAND]  # per day, mutable by a scenario measure

    def tempo(t: float) -> float:
        maand = int(t / MAAND) % 12
        return instroom[0] * par.seizoen[maand] * (1 + par.instroom_trend_per_jaar) ** (t / 365.25)

    hoogste = (
        par.instroom_per_maand / MAAND
        * max(par.seizoen)
        * max(1.0, (1 + par.instroom_trend_per_jaar) ** (horizon / 365.25))
        * math.prod(max(1.0, m.instroom_factor) for m in scenario.maatregelen)
    )  # fmt: skip
    push(events, (exp(hoogste), AANKOMST, -1))
    for k, m in enumerate(scenario.maatregelen):
        push(events, (m.vanaf_maand * MAAND, MAATREGEL, k))
    for maand in range(1, n_maanden + 1):
        push(events, (maand * MAAND, MAANDGRENS, maand - 1))

    def toewijzen(t: float) -> None:
        while wachtrij and ruimte:
            w = ruimte[-1]
            if not actief[w] or ziek[w] or last[w] >= cap[w]:
                ruimte.pop()
                continue
            _, gezet, i = heapq.heappop(wachtrij)
            if werker[i] != -1 or eind[i] <= t or gezet != sinds[i]:
                continue  # ended or re-queued: a stale entry
            s = soort[i]
            wacht_ = t - sinds[i]
            mi = int(t / MAAND)
            if mi < n_maanden:
                if s == START:
                    m_start_n[mi] += 1
                    m_start_som[mi] += wacht_
                else:
                    m_int_n[mi] += 1
                    m_int_som[mi] += wacht_
            if s == START and start[i] >= 0:
                ms = int(start[i] / MAAND)
                if ms < n_maanden and wacht_ <= par.norm_dagen:
                    op_tijd[ms] += 1
                if registreer and start[i] >= par.opwarm_dagen:
                    wachttijden.append((klasse[i], wacht_))
            werker[i] = w
            last[w] += 1
            kinderen_van[w].add(i)
            soort[i] = INTERN  # a next wait is an internal one
            if not vanaf_start and eind[i] == math.inf:
                eind[i] = t + _duur(rng, par)
                push(events, (eind[i], EINDE, i))

    def loslaten(w: int, t: float) -> None:
        for i in kinderen_van[w]:
            wacht(i, t, INTERN)
        kinderen_van[w].clear()
        last[w] = 0

    def peildatum(t: float) -> None:
        """The monitor's snapshot: waiting longer than the norm (each child once), clients,
        available FTE (onboarding at the inwerkfactor, minus short sickness), workload."""
        wacht_lang = [0, 0]
        gezien = set()
        for _, gezet, i in wachtrij:
            if werker[i] != -1 or eind[i] <= t or gezet != sinds[i] or i in gezien:
                continue  # stale entry
            gezien.add(i)
            if t - gezet > par.norm_dagen:
                wacht_lang[soort[i]] += 1
        fte = (1 - par.kort_verzuim) * sum(
            1.0 if ingewerkt[w] else par.inwerkfactor
            for w in range(len(actief))
            if actief[w] and not ziek[w]
        )
        cijfers.wachtlijst_start.append(wacht_lang[START])
        cijfers.wachtlijst_intern.append(wacht_lang[INTERN])
        cijfers.clienten.append(in_zorg[0])
        cijfers.fte_beschikbaar.append(round(fte, 1))
        cijfers.workload.append(round(in_zorg[0] / fte, 2) if fte else math.inf)

    pop = heapq.heappop
    while events:
        t, soort_event, x = pop(events)
        if t > horizon:
            break
        if soort_event == AANKOMST:
            push(events, (t + exp(hoogste), AANKOMST, -1))
            if rng.random() * hoogste > tempo(t):
                continue
            i = kind(t, t, START)
            if vanaf_start:
                eind[i] = t + _duur(rng, par)
                push(events, (eind[i], EINDE, i))
            mi = int(t / MAAND)
            if mi < n_maanden:
                nieuw[mi] += 1
            wacht(i, t, START)
            if wachtrij:
                toewijzen(t)
        elif soort_event == EINDE:
            w = werker[x]
            in_zorg[0] -= 1
            if w == -1:
                sinds[x] = math.nan  # its queue entry goes stale
                continue
            werker[x] = -2
            last[w] -= 1
            kinderen_van[w].discard(x)
            ruimte.append(w)
            if wachtrij:
                toewijzen(t)
        elif soort_event == VERTREK:
            if not actief[x]:
                continue
            actief[x] = False
            loslaten(x, t)
            push(events, (t + exp(1 / par.vacature_dagen), VACATURE, x))
            if wachtrij:
                toewijzen(t)
        elif soort_event == VACATURE:
            nieuwe_werker(t, True)
            if wachtrij:
                toewijzen(t)
        elif soort_event == ZIEK:
            if not actief[x]:
                continue
            ziek[x] = True
            duur = exp(1 / par.lang_ziek_dagen)
            push(events, (t + duur, BETER, x))
            if duur > par.ziekte_drempel_dagen:
                push(events, (t + par.ziekte_drempel_dagen, DREMPEL, x))
        elif soort_event == DREMPEL:
            if actief[x] and ziek[x]:
                loslaten(x, t)
                if wachtrij:
                    toewijzen(t)
        elif soort_event == BETER:
            if not actief[x]:
                continue
            ziek[x] = False
            ruimte.append(x)
            push(events, (t + exp(par.lang_ziek_per_jaar / 365.25), ZIEK, x))
            if wachtrij:
                toewijzen(t)
        elif soort_event == INGEWERKT:
            if actief[x]:
                ingewerkt[x] = True
                cap[x] = slots
                ruimte.append(x)
                if wachtrij:
                    toewijzen(t)
        elif soort_event == MAATREGEL:
            m = scenario.maatregelen[x]
            verloop = max(0.0, verloop + m.verloop_delta)
            instroom[0] *= m.instroom_factor
            if m.norm is not None:
                slots = int(m.norm)
                for w in range(len(cap)):
                    if actief[w]:
                        cap[w] = slots if ingewerkt[w] else int(slots * par.inwerkfactor)
                        ruimte.append(w)
            for _ in range(m.extra_medewerkers):
                nieuwe_werker(t, m.zij_instroom)
            if wachtrij:
                toewijzen(t)
        else:  # MAANDGRENS
            peildatum(t)
            cijfers.wachtdagen_start.append(m_start_som[x] / m_start_n[x] if m_start_n[x] else 0.0)
            cijfers.wachtdagen_intern.append(m_int_som[x] / m_int_n[x] if m_int_n[x] else 0.0)
    cijfers.binnen_norm = [op_tijd[m] / nieuw[m] if nieuw[m] else 1.0 for m in range(n_maanden)]
    return Uitkomst(cijfers, len(eind), wachttijden)


def _koppel_begin(
    i: int, cap: list[int], last: list[int], kv: list[set[int]], werker: list[int]
) -> None:
    """Spread the start state's clients over the caseworkers, round robin under the cap."""
    n = len(cap)
    w = i % n
    for _ in range(n):
        if last[w] < cap[w]:
            last[w] += 1
            kv[w].add(i)
            werker[i] = w
            return
        w = (w + 1) % n
    werker[i] = -1  # nobody has room: the start state is over capacity
