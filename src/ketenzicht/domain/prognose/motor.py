"""A stochastic, event-driven model of the GI part of the chain (one replication).

Children arrive with a new measure (Poisson, with trend and seasonality by thinning), become
ready for assignment (at once, or after the GI's own intake delay), wait for a vaste
jeugdbeschermer in priority order (class, then waiting since: the national priority rule
reduced to its classes), hold one slot of a caseworker's caseload until their measure ends.
Caseworkers offer ``norm`` slots (the workload norm is the cap), half of them while onboarding;
they leave (turnover, replaced after a vacancy), fall ill for a long time (after
``ziekte_drempel_dagen`` their children lose their vaste jeugdbeschermer: the internal waiting
list, seed 002) and return. Scenario measures change staff, turnover, inflow or the norm from
a month on. Outputs per month: start and internal waiting lists (monitor definitions: waiting
longer than the norm), clients, available FTE, workload, mean waits and the share of new
measures meeting the doorbraak milestones the GI controls (seed 004): a vaste jeugdbeschermer
within 5 working days, a veiligheidsplan within 6 weeks (it needs the jeugdbeschermer) and
help within 3 months (not before the jeugdbeschermer).

Written for speed in plain Python: one heap of events, lazy deletion, local names in the loop.
"""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass

from ketenzicht.domain.prognose.parameters import MAAND, Parameters, Scenario

EINDE, VERTREK, VACATURE, ZIEK, DREMPEL, BETER, INGEWERKT, MAATREGEL, MAANDGRENS, KLAAR = range(10)
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
    binnen_norm_veiligheidsplan: list[float]  # ... with a veiligheidsplan within 6 weeks
    binnen_norm_hulpaanbod: list[float]  # ... with help started within 3 months


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
    rand = rng.random
    _log = math.log

    def exp(tempo: float) -> float:  # random.expovariate without its overhead
        return -_log(1.0 - rand()) / tempo

    horizon = par.horizon_maanden * MAAND
    cumulatief = [sum(par.klassen[: k + 1]) for k in range(len(par.klassen))]
    vanaf_start = par.duur_vanaf == "start"

    # caseworkers
    slots = par.norm
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

    def capaciteit(w: int) -> int:
        return round(slots) if ingewerkt[w] else round(slots * par.inwerkfactor)

    def nieuwe_werker(t: float, inwerken: float) -> None:
        """A caseworker from ``t``, onboarding for ``inwerken`` more days (0: fully counting)."""
        w = len(cap)
        last.append(0)
        actief.append(True)
        ziek.append(False)
        ingewerkt.append(inwerken <= 0)
        cap.append(capaciteit(w))
        kinderen_van.append(set())
        ruimte.append(w)
        if inwerken > 0:
            push(events, (t + inwerken, INGEWERKT, w))
        if verloop > 0:
            push(events, (t + exp(verloop / 365.25), VERTREK, w))
        if par.lang_ziek_per_jaar > 0:
            push(events, (t + exp(par.lang_ziek_per_jaar / 365.25), ZIEK, w))

    for w in range(par.medewerkers):
        nieuwe_werker(0.0, rng.uniform(0, par.inwerk_dagen) if w < par.begin_inwerkend else 0)
    for w in range(par.begin_inwerkend, par.begin_inwerkend + par.begin_ziek):
        ziek[w] = True  # the rest of a long episode is memoryless
        push(events, (exp(1 / par.lang_ziek_dagen), BETER, w))
    # vacancies open at the start, as many as turnover keeps open on average
    for _ in range(round(verloop * par.medewerkers * par.vacature_dagen / 365.25)):
        push(events, (exp(1 / par.vacature_dagen), VACATURE, -1))

    # children
    eind: list[float] = []
    werker: list[int] = []  # -1 waiting, -2 ended, else the caseworker
    sinds: list[float] = []  # waiting since (start of measure or loss of the caseworker)
    klaar_op: list[float] = []  # ready for assignment from (after the GI's own delay)
    start: list[float] = []
    klasse: list[int] = []
    soort: list[int] = []
    wachtrij: list[tuple[int, float, int]] = []  # (class, since, child) of the ready ones
    wachtend: dict[int, None] = {}  # every child without a caseworker, ready or not
    in_zorg = [0]  # clients in execution now
    registreer = par.registreer_wachttijden
    wachttijden: list[tuple[int, float]] = []

    n_maanden = par.horizon_maanden
    m_start_n, m_start_som = [0] * n_maanden, [0.0] * n_maanden
    m_int_n, m_int_som = [0] * n_maanden, [0.0] * n_maanden
    nieuw = [0] * n_maanden
    op_tijd, plan_op_tijd, hulp_op_tijd = [0] * n_maanden, [0] * n_maanden, [0] * n_maanden
    cijfers = Maandcijfers([], [], [], [], [], [], [], [], [], [])
    norm_dagen, norm_plan, norm_hulp = (
        par.norm_dagen, par.norm_veiligheidsplan_dagen, par.norm_hulpaanbod_dagen
    )  # fmt: skip
    plan_tempo, hulp_tempo = 1 / par.veiligheidsplan_dagen, 1 / par.hulpaanbod_dagen

    een_klasse = len(cumulatief) == 1
    exponentieel, duur_tempo = par.duur_verdeling == "exponentieel", 1 / par.duur_dagen

    def looptijd() -> float:
        return exp(duur_tempo) if exponentieel else _duur(rng, par)

    def kind(t: float, eerder: float, soort_: int) -> int:
        i = len(eind)
        in_zorg[0] += 1
        start.append(eerder)
        eind.append(math.inf)
        werker.append(-1)
        sinds.append(t)
        klaar_op.append(t)
        klasse.append(0 if een_klasse else _klasse(rng, cumulatief))
        soort.append(soort_)
        return i

    def wacht(i: int, t: float, soort_: int, klaar: float) -> None:
        """``i`` waits from ``t``, ready for assignment from ``klaar`` (after the GI's delay)."""
        werker[i] = -1
        sinds[i] = t
        soort[i] = soort_
        wachtend[i] = None
        klaar_op[i] = klaar
        if klaar > t:
            push(events, (klaar, KLAAR, i))
        else:
            heapq.heappush(wachtrij, (klasse[i], t, i))

    direct, start_tempo = par.start_direct, 1 / (par.start_vertraging_dagen or math.inf)
    warm, intern_tempo = par.intern_warm, 1 / (par.intern_vertraging_dagen or math.inf)

    def start_vertraging() -> float:
        if direct >= 1 or rand() < direct or not start_tempo:
            return 0.0
        return norm_dagen + exp(start_tempo)

    def intern_vertraging() -> float:
        if warm >= 1 or rand() < warm or not intern_tempo:
            return 0.0
        return exp(intern_tempo)

    # start state: clients in execution, most with a caseworker (round robin under the cap),
    # some on the waiting lists
    voorraad: list[tuple[float, int]] = []  # ends of the start state: a sorted stream, no heap
    plekken = _plekken([0 if ziek[w] else cap[w] for w in range(len(cap))])
    for k in range(par.begin_clienten - par.begin_wachtlijst_start - par.begin_wachtlijst_intern):
        i = kind(0.0, -1.0, START)  # started before the forecast: not a new measure
        eind[i] = looptijd() if vanaf_start else math.inf
        if k < len(plekken):
            w = plekken[k]
            werker[i] = w
            last[w] += 1
            kinderen_van[w].add(i)
        else:  # nobody has room: the start state is over capacity
            wacht(i, 0.0, INTERN, 0.0)
        if eind[i] < math.inf:
            voorraad.append((eind[i], i))
    for aantal, s in ((par.begin_wachtlijst_start, START), (par.begin_wachtlijst_intern, INTERN)):
        for _ in range(aantal):  # not handed over at once; the rest of a delay is memoryless
            gewacht = (norm_dagen if s == START else 0.0) + rng.uniform(0, 60)
            i = kind(0.0, -gewacht, s)
            eind[i] = looptijd()
            voorraad.append((eind[i], i))
            gem = par.start_vertraging_dagen if s == START else par.intern_vertraging_dagen
            wacht(i, -gewacht, s, exp(1 / gem) if gem > 0 else 0.0)
    ruimte[:] = [w for w in range(len(cap)) if last[w] < cap[w] and not ziek[w]]

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
    constant = hoogste == instroom[0] and not scenario.maatregelen
    t_aankomst = exp(hoogste)  # arrivals are a stream of their own, not heap events
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
            del wachtend[i]
            s = soort[i]
            wacht_ = t - gezet
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
                if ms < n_maanden:
                    if wacht_ <= norm_dagen:
                        op_tijd[ms] += 1
                    if wacht_ + exp(plan_tempo) <= norm_plan:
                        plan_op_tijd[ms] += 1
                    if max(wacht_, exp(hulp_tempo)) <= norm_hulp:
                        hulp_op_tijd[ms] += 1
                if registreer and start[i] >= par.opwarm_dagen:
                    wachttijden.append((klasse[i], wacht_))
            werker[i] = w
            last[w] += 1
            kinderen_van[w].add(i)
            soort[i] = INTERN  # a next wait is an internal one
            if not vanaf_start and eind[i] == math.inf:
                eind[i] = t + looptijd()
                push(events, (eind[i], EINDE, i))

    def loslaten(w: int, t: float) -> None:
        for i in kinderen_van[w]:
            wacht(i, t, INTERN, t + intern_vertraging())
        kinderen_van[w].clear()
        last[w] = 0

    peilnorm = par.peil_norm_dagen

    def peildatum(t: float, m: int) -> None:
        """The monitor's snapshot: the start list (waiting longer than the norm) and the
        internal list (every child still without a new caseworker), clients, available FTE
        (onboarding at the inwerkfactor, minus short sickness, plus the staff without a
        caseload), workload."""
        wacht_lang = [0, 0]
        grens = (peilnorm[m] if peilnorm else norm_dagen, 0.0)  # START, INTERN
        for i in wachtend:
            if t - sinds[i] > grens[soort[i]]:
                wacht_lang[soort[i]] += 1
        fte = par.fte_overig + (1 - par.kort_verzuim) * sum(
            1.0 if ingewerkt[w] else par.inwerkfactor
            for w in range(len(actief))
            if actief[w] and not ziek[w]
        )
        cijfers.wachtlijst_start.append(wacht_lang[START])
        cijfers.wachtlijst_intern.append(wacht_lang[INTERN])
        cijfers.clienten.append(in_zorg[0])
        cijfers.fte_beschikbaar.append(round(fte, 1))
        cijfers.workload.append(round(in_zorg[0] / fte, 2) if fte else math.inf)

    drempel = par.ziekte_drempel_dagen
    rest_ziek = par.lang_ziek_dagen - drempel  # mean length beyond the hand-over

    def einde(x: int, t: float) -> None:
        w = werker[x]
        in_zorg[0] -= 1
        werker[x] = -2
        if w < 0:
            wachtend.pop(x, None)  # its queue entry goes stale
            return
        last[w] -= 1
        kinderen_van[w].discard(x)
        ruimte.append(w)
        if wachtrij:
            toewijzen(t)

    # three time-ordered sources: arrivals, the start state's ends, and the event heap
    pop = heapq.heappop
    oneindig = math.inf
    voorraad = [v for v in sorted(voorraad) if v[0] <= horizon]
    vi, nv = 0, len(voorraad)
    t_vr = voorraad[0][0] if voorraad else oneindig
    while True:
        t_ev = events[0][0] if events else oneindig
        if t_aankomst <= t_ev and t_aankomst <= t_vr:
            t = t_aankomst
            if t > horizon:
                break  # everything else is later still
            t_aankomst = t + exp(hoogste)
            if not constant and rand() * hoogste > tempo(t):
                continue
            i = kind(t, t, START)
            if vanaf_start:
                eind[i] = t + looptijd()
                push(events, (eind[i], EINDE, i))
            mi = int(t / MAAND)
            if mi < n_maanden:
                nieuw[mi] += 1
            vertraging = start_vertraging()
            wacht(i, t, START, t + vertraging)
            if not vertraging:  # only a child ready now can change who is assigned
                toewijzen(t)
            continue
        if t_vr <= t_ev:
            t, x = voorraad[vi]
            vi += 1
            t_vr = voorraad[vi][0] if vi < nv else oneindig
            einde(x, t)
            continue
        if not events:
            break
        t, soort_event, x = pop(events)
        if t > horizon:
            break
        if soort_event == EINDE:
            einde(x, t)
        elif soort_event == KLAAR:
            if werker[x] == -1 and klaar_op[x] == t:
                heapq.heappush(wachtrij, (klasse[x], sinds[x], x))
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
            nieuwe_werker(t, par.inwerk_dagen)
            if wachtrij:
                toewijzen(t)
        elif soort_event == ZIEK:
            if not actief[x] or ziek[x]:
                continue
            ziek[x] = True  # an episode longer than the threshold: hands over at drempel
            duur = drempel + exp(1 / rest_ziek) if rest_ziek > 0 else exp(1 / par.lang_ziek_dagen)
            push(events, (t + duur, BETER, x))
            if duur > drempel:
                push(events, (t + drempel, DREMPEL, x))
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
                cap[x] = capaciteit(x)
                ruimte.append(x)
                if wachtrij:
                    toewijzen(t)
        elif soort_event == MAATREGEL:
            m = scenario.maatregelen[x]
            verloop = max(0.0, verloop + m.verloop_delta)
            instroom[0] *= m.instroom_factor
            if m.norm is not None or m.norm_factor != 1:
                slots = (m.norm if m.norm is not None else slots) * m.norm_factor
                for w in range(len(cap)):
                    if actief[w]:
                        cap[w] = capaciteit(w)
                        ruimte.append(w)
            for _ in range(m.extra_medewerkers):
                nieuwe_werker(t, par.inwerk_dagen if m.zij_instroom else 0)
            if wachtrij:
                toewijzen(t)
        else:  # MAANDGRENS
            peildatum(t, x)
            cijfers.wachtdagen_start.append(m_start_som[x] / m_start_n[x] if m_start_n[x] else 0.0)
            cijfers.wachtdagen_intern.append(m_int_som[x] / m_int_n[x] if m_int_n[x] else 0.0)

    def aandeel(teller: list[int]) -> list[float]:
        return [teller[m] / nieuw[m] if nieuw[m] else 1.0 for m in range(n_maanden)]

    cijfers.binnen_norm = aandeel(op_tijd)
    cijfers.binnen_norm_veiligheidsplan = aandeel(plan_op_tijd)
    cijfers.binnen_norm_hulpaanbod = aandeel(hulp_op_tijd)
    return Uitkomst(cijfers, len(eind), wachttijden)


def _plekken(cap: list[int]) -> list[int]:
    """The caseworkers' free slots in round-robin order: one each, then a second each, ..."""
    return [w for r in range(max(cap, default=0)) for w in range(len(cap)) if cap[w] > r]
