"""The compiled event loop of the chain simulator: one replication, for :mod:`motor`.

Compiled with Numba (``cache=True``: once per checkout, then loaded in about a second per
process). State lives in fixed-size arrays — children, caseworkers and each caseworker's
caseload as a row of child numbers; when a replication outgrows them, :func:`draai` says so
(status 1) and the caller runs it again with more room: the same seed gives the same stream.
Events are one heap of ``(time, kind, number)`` with lazy deletion; arrivals and the ends of the
start state are streams beside it. Randomness is Numba's own generator, seeded per call.

One module on purpose: Numba's cache is invalidated when the file of a cached function changes,
not when a function it calls from another file does — split over files, an edit to a helper
would leave :func:`draai` running its old compiled code until the cache was cleared by hand.
So :func:`draai` is split into functions here instead: the start state (:func:`_staf_begin`,
:func:`_clienten_begin`), the staff's events (:func:`_personeel`) and the loop.
"""

from __future__ import annotations

import heapq
import math
from collections import namedtuple

import numpy as np
from numba import njit

from ketenzicht.domain.prognose.parameters import MAAND

EINDE, VERTREK, VACATURE, ZIEK, DREMPEL, BETER, INGEWERKT, MAATREGEL, MAANDGRENS, KLAAR = range(10)
START, INTERN = 0, 1
WACHTEND, AFGELOPEN = -1, -2  # a child's caseworker when it has none
# rows of the monthly output
R_START, R_INTERN, R_CLIENTEN, R_FTE, R_WACHT_START, R_WACHT_INTERN = range(6)
R_OP_TIJD, R_PLAN, R_HULP = range(6, 9)
# rows of the monthly counters
T_START_N, T_START_SOM, T_INT_N, T_INT_SOM, T_NIEUW, T_OP_TIJD, T_PLAN, T_HULP = range(8)
# the counters array ``n``: children, caseworkers, clients in execution, waits registered, full
N_KIND, N_WERKER, N_ZORG, N_REG, N_VOL = range(5)
# what changes during a replication (``stand``): slots per FTE, turnover a year, inflow a day
S_SLOTS, S_VERLOOP, S_INSTROOM = range(3)


# What the loop reads: the parameters as numbers and arrays, the measures as columns.
Par = namedtuple(
    "Par",
    (
        "instroom_trend_per_jaar seizoen cumulatief exponentieel duur_dagen duur_cv vanaf_start "
        "typ_duur typ_eerst typ_eerst_tot typ_rest typ_achttien typ_achttien_nieuw typ_instroom "
        "typ_voorraad "
        "medewerkers vacature_dagen lang_ziek_per_jaar lang_ziek_dagen lang_ziek_vanaf_dagen "
        "ziekte_drempel_dagen "
        "inwerk_dagen inwerkfactor start_direct start_vertraging_dagen "
        "intern_warm intern_vertraging_dagen veiligheidsplan_dagen hulpaanbod_dagen "
        "begin_clienten begin_wachtlijst_start begin_wachtlijst_intern begin_binnen_norm "
        "begin_inwerkend begin_ziek begin_vacatures ondersteuners begin_ondersteuners_inwerkend "
        "begin_ondersteuners_ziek n_maanden norm_dagen peil_norm_dagen "
        "norm_veiligheidsplan_dagen norm_hulpaanbod_dagen opwarm_dagen registreer hoogste constant "
        "uitloop_dagen"
    ),
)
Maatregelen = namedtuple(
    "Maatregelen", "vanaf extra zij_instroom verloop_delta instroom_factor norm norm_factor"
)
_Werkers = namedtuple("_Werkers", "cap last actief ziek ingewerkt zaak lijst")
_Kinderen = namedtuple("_Kinderen", "eind sinds klaar begin werker klasse soort pos typ")


@njit(cache=True)
def _exp(tempo: float) -> float:
    """An exponential draw with rate ``tempo`` (0: never)."""
    if tempo <= 0:
        return math.inf
    return -math.log(1.0 - np.random.random()) / tempo


@njit(cache=True)
def _push(events, t, soort, x, horizon):  # type: ignore[no-untyped-def]
    if t <= horizon:  # nothing after the horizon is ever looked at
        heapq.heappush(events, (t, soort, x))


@njit(cache=True)
def _looptijd(p, gem):  # type: ignore[no-untyped-def]
    """A duration with mean ``gem`` (a type's own)."""
    if p.exponentieel:
        return _exp(1.0 / gem)
    s2 = math.log(1 + p.duur_cv**2)
    return np.random.lognormal(math.log(gem) - s2 / 2, math.sqrt(s2))


@njit(cache=True)
def _tot_achttien(x, q):  # type: ignore[no-untyped-def]
    """``x``, but no longer than a draw of the days until 18 between the quantiles ``q``
    (linear: the tails stay as they are). Drawn only for a type whose measures end at 18, so
    that other runs keep their random numbers."""
    if q[0] < math.inf:
        u = np.random.random() * (len(q) - 1)
        j = int(u)
        x = min(x, q[j] + (u - j) * (q[j + 1] - q[j]) if j + 1 < len(q) else q[j])
    return x


@njit(cache=True)
def _rest_looptijd(p, typ):  # type: ignore[no-untyped-def]
    """What is left of the measure of a client at the start, of type ``typ``: the type's rest,
    but no longer than until the child turns 18 when its measure ends then."""
    return _tot_achttien(_looptijd(p, p.typ_rest[typ]), p.typ_achttien[typ])


@njit(cache=True)
def _nieuw_looptijd(p, typ):  # type: ignore[no-untyped-def]
    """The duration of a new measure of type ``typ``: piecewise exponential, one rate in its
    first phase and another after it (lognormal: of the type's mean), but no longer than until
    the child turns 18 when its measure ends then."""
    if not p.exponentieel:
        x = _looptijd(p, p.typ_duur[typ])
    else:
        x = _exp(1.0 / p.typ_eerst[typ])
        if x > p.typ_eerst_tot[typ]:
            x = p.typ_eerst_tot[typ] + _exp(1.0 / p.typ_duur[typ])
    return _tot_achttien(x, p.typ_achttien_nieuw[typ])


@njit(cache=True)
def _trek(cumulatief):  # type: ignore[no-untyped-def]
    """An index drawn by cumulative shares (one share: 0, without a draw)."""
    if len(cumulatief) == 1:
        return 0
    u = np.random.random()
    for k in range(len(cumulatief)):
        if u < cumulatief[k]:
            return k
    return len(cumulatief) - 1


@njit(cache=True)
def _capaciteit(wk, w, slots, p):  # type: ignore[no-untyped-def]
    if not wk.zaak[w]:
        return 0  # support staff hold no caseload
    return round(slots) if wk.ingewerkt[w] else round(slots * p.inwerkfactor)


@njit(cache=True)
def _nieuwe_werker(t, inwerken, zaak, beter, wk, n, stand, p, events, ruimte, horizon):  # type: ignore[no-untyped-def]
    """A caseworker (``zaak``; else one of the support staff, without a caseload) from ``t``,
    onboarding for ``inwerken`` more days (0: fully counting); long-sick until ``beter`` when
    that is later than ``t`` (an episode under way at the start: its next one is drawn when it
    ends, so it never has two pending)."""
    w = n[N_WERKER]
    if w == len(wk.cap):
        n[N_VOL] = 1
        return
    n[N_WERKER] += 1
    wk.last[w] = 0
    wk.actief[w] = True
    wk.ziek[w] = beter > t
    wk.ingewerkt[w] = inwerken <= 0
    wk.zaak[w] = zaak
    wk.cap[w] = _capaciteit(wk, w, stand[S_SLOTS], p)
    ruimte.append(w)
    if inwerken > 0:
        _push(events, t + inwerken, INGEWERKT, w, horizon)
    if stand[S_VERLOOP] > 0:
        _push(events, t + _exp(stand[S_VERLOOP] / 365.25), VERTREK, w, horizon)
    if wk.ziek[w]:
        _push(events, beter, BETER, w, horizon)
    elif p.lang_ziek_per_jaar > 0:
        _push(events, t + _exp(p.lang_ziek_per_jaar / 365.25), ZIEK, w, horizon)


@njit(cache=True)
def _kind(t, eerder, soort, typen, kd, n, p):  # type: ignore[no-untyped-def]
    """A new child in execution, its type drawn by the shares ``typen`` (-1 when there is no
    room: the replication runs again)."""
    i = n[N_KIND]
    if i == len(kd.eind):
        n[N_VOL] = 1
        return -1
    n[N_KIND] += 1
    n[N_ZORG] += 1
    kd.begin[i] = eerder
    kd.eind[i] = math.inf
    kd.werker[i] = WACHTEND
    kd.sinds[i] = t
    kd.klaar[i] = t
    kd.klasse[i] = _trek(p.cumulatief)
    kd.typ[i] = _trek(typen)
    kd.soort[i] = soort
    return i


@njit(cache=True)
def _wacht(i, t, soort, klaar, kd, events, wachtrij, horizon):  # type: ignore[no-untyped-def]
    """``i`` waits from ``t``, ready for assignment from ``klaar`` (after the GI's delay)."""
    kd.werker[i] = WACHTEND
    kd.sinds[i] = t
    kd.soort[i] = soort
    kd.klaar[i] = klaar
    if klaar > t:
        _push(events, klaar, KLAAR, i, horizon)
    else:
        heapq.heappush(wachtrij, (kd.klasse[i], t, i))


@njit(cache=True)
def _start_vertraging(p):  # type: ignore[no-untyped-def]
    if p.start_direct >= 1 or p.start_vertraging_dagen <= 0 or np.random.random() < p.start_direct:
        return 0.0
    return p.norm_dagen + _exp(1.0 / p.start_vertraging_dagen)


@njit(cache=True)
def _intern_vertraging(p):  # type: ignore[no-untyped-def]
    if p.intern_warm >= 1 or p.intern_vertraging_dagen <= 0 or np.random.random() < p.intern_warm:
        return 0.0
    return _exp(1.0 / p.intern_vertraging_dagen)


@njit(cache=True)
def _toewijzen(t, kd, wk, n, p, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon):  # type: ignore[no-untyped-def]
    """Assign the ready children in priority order while some caseworker has room."""
    n_maanden = p.n_maanden
    while wachtrij and ruimte:
        w = ruimte[-1]
        if not wk.actief[w] or wk.ziek[w] or wk.last[w] >= wk.cap[w]:
            ruimte.pop()
            continue
        _, gezet, i = heapq.heappop(wachtrij)
        if kd.werker[i] != WACHTEND or kd.eind[i] <= t or gezet != kd.sinds[i]:
            continue  # ended or re-queued: a stale entry
        wacht = t - gezet
        mi = int(t / MAAND)
        nieuw = kd.soort[i] == START
        if mi < n_maanden:
            if nieuw:
                tel[T_START_N, mi] += 1
                tel[T_START_SOM, mi] += wacht
            else:
                tel[T_INT_N, mi] += 1
                tel[T_INT_SOM, mi] += wacht
        if nieuw and kd.begin[i] >= 0:
            ms = int(kd.begin[i] / MAAND)
            if ms < n_maanden:
                if wacht <= p.norm_dagen:
                    tel[T_OP_TIJD, ms] += 1
                if wacht + _exp(1.0 / p.veiligheidsplan_dagen) <= p.norm_veiligheidsplan_dagen:
                    tel[T_PLAN, ms] += 1
                if max(wacht, _exp(1.0 / p.hulpaanbod_dagen)) <= p.norm_hulpaanbod_dagen:
                    tel[T_HULP, ms] += 1
            if p.registreer and p.opwarm_dagen <= kd.begin[i] < p.n_maanden * MAAND:
                r = n[N_REG]
                reg_klasse[r] = kd.klasse[i]
                reg_wacht[r] = wacht
                n[N_REG] += 1
        kd.werker[i] = w
        kd.pos[i] = wk.last[w]
        wk.lijst[w, wk.last[w]] = i
        wk.last[w] += 1
        kd.soort[i] = INTERN  # a next wait is an internal one
        if not p.vanaf_start and kd.eind[i] == math.inf:
            kd.eind[i] = t + _nieuw_looptijd(p, kd.typ[i])
            _push(events, kd.eind[i], EINDE, i, horizon)


@njit(cache=True)
def _loslaten(w, t, kd, wk, p, events, wachtrij, horizon):  # type: ignore[no-untyped-def]
    """Caseworker ``w`` drops out: its children go on the internal waiting list."""
    for j in range(wk.last[w]):
        _wacht(wk.lijst[w, j], t, INTERN, t + _intern_vertraging(p), kd, events, wachtrij, horizon)
    wk.last[w] = 0


@njit(cache=True)
def _einde(x, kd, wk, n):  # type: ignore[no-untyped-def]
    """The measure of ``x`` ends; returns its caseworker (or a negative number: none)."""
    w = kd.werker[x]
    n[N_ZORG] -= 1
    kd.werker[x] = AFGELOPEN
    if w >= 0:  # out of the caseload row: the last one takes its place
        j, laatste = kd.pos[x], wk.last[w] - 1
        y = wk.lijst[w, laatste]
        wk.lijst[w, j] = y
        kd.pos[y] = j
        wk.last[w] = laatste
    return w


@njit(cache=True)
def _peildatum(t, m, kd, wk, n, p, uit):  # type: ignore[no-untyped-def]
    """The monitor's snapshot: the start list (waiting longer than that day's norm) and the
    internal list (every child still without a new caseworker), clients, and the FTE at work
    (caseworkers and support staff not long-sick, onboarding at the inwerkfactor). Short
    sickness, the fixed ``fte_overig`` and the workload are the motor's: they hold no slot."""
    start = intern = 0
    grens = p.peil_norm_dagen[m]
    for i in range(n[N_KIND]):
        if kd.werker[i] == WACHTEND:
            if kd.soort[i] == START:
                if t - kd.sinds[i] > grens:
                    start += 1
            elif t > kd.sinds[i]:
                intern += 1
    fte = 0.0
    for w in range(n[N_WERKER]):
        if wk.actief[w] and not wk.ziek[w]:
            fte += 1.0 if wk.ingewerkt[w] else p.inwerkfactor
    uit[R_START, m] = start
    uit[R_INTERN, m] = intern
    uit[R_CLIENTEN, m] = n[N_ZORG]
    uit[R_FTE, m] = fte


@njit(cache=True)
def _staf_begin(p, verloop, rest_ziek, wk, n, stand, events, ruimte, horizon):  # type: ignore[no-untyped-def]
    """Caseworkers, then the support staff (numbered after them), some onboarding, some
    long-sick; vacancies open at the start (the caseworkers' as registered, or as many as
    turnover keeps open on average; the support staff's on average)."""
    for zaak in (True, False):
        aantal = p.medewerkers if zaak else p.ondersteuners
        inwerkend = p.begin_inwerkend if zaak else p.begin_ondersteuners_inwerkend
        ziek = p.begin_ziek if zaak else p.begin_ondersteuners_ziek
        for k in range(aantal):
            inwerken = np.random.uniform(0, p.inwerk_dagen) if k < inwerkend else 0.0
            # an episode under way: what is left of it is the exponential rest
            beter = _exp(1.0 / rest_ziek) if inwerkend <= k < inwerkend + ziek else 0.0
            _nieuwe_werker(0.0, inwerken, zaak, beter, wk, n, stand, p, events, ruimte, horizon)
        vacatures = p.begin_vacatures if zaak else -1
        if vacatures < 0:
            vacatures = round(verloop * aantal * p.vacature_dagen / 365.25)
        for _ in range(vacatures):
            _push(events, _exp(1.0 / p.vacature_dagen), VACATURE, int(zaak), horizon)


@njit(cache=True)
def _clienten_begin(
    p, kd, wk, n, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon, kolommen
):  # type: ignore[no-untyped-def]
    """The start state of the clients in execution, most with a caseworker (round robin under
    the cap), some on the waiting lists; returns when each of them ends (their ends are a
    sorted stream beside the heap)."""
    plekken = []
    for r in range(kolommen + 1):
        for w in range(p.medewerkers):
            if not wk.ziek[w] and wk.cap[w] > r:
                plekken.append(w)
    toegewezen = (
        p.begin_clienten - p.begin_wachtlijst_start - p.begin_wachtlijst_intern
        - p.begin_binnen_norm
    )  # fmt: skip
    voorraad_t = np.full(p.begin_clienten, math.inf)
    for k in range(toegewezen):
        i = _kind(0.0, -1.0, START, p.typ_voorraad, kd, n, p)  # not a new measure
        if p.vanaf_start:
            kd.eind[i] = _rest_looptijd(p, kd.typ[i])
        if k < len(plekken):
            w = plekken[k]
            kd.werker[i] = w
            kd.pos[i] = wk.last[w]
            wk.lijst[w, wk.last[w]] = i
            wk.last[w] += 1
        else:  # nobody has room: the start state is over capacity
            _wacht(i, 0.0, INTERN, 0.0, kd, events, wachtrij, horizon)
        voorraad_t[i] = kd.eind[i]
    for s in (START, INTERN):
        aantal = p.begin_wachtlijst_start if s == START else p.begin_wachtlijst_intern
        gem = p.start_vertraging_dagen if s == START else p.intern_vertraging_dagen
        for _ in range(aantal):  # not handed over at once; the rest of a delay is memoryless
            gewacht = (p.norm_dagen if s == START else 0.0) + np.random.uniform(0, 60)
            if s == START:  # a new measure
                i = _kind(0.0, -gewacht, s, p.typ_instroom, kd, n, p)
                kd.eind[i] = _nieuw_looptijd(p, kd.typ[i])
            else:
                i = _kind(0.0, -gewacht, s, p.typ_voorraad, kd, n, p)
                kd.eind[i] = _rest_looptijd(p, kd.typ[i])
            voorraad_t[i] = kd.eind[i]
            klaar = _exp(1.0 / gem) if gem > 0 else 0.0
            _wacht(i, -gewacht, s, klaar, kd, events, wachtrij, horizon)
    # still within the norm without a jeugdbeschermer: the GI assigns its direct ones somewhere
    # in the term, so of those still waiting a share s/2 / (s/2 + 1 - s) is direct (ready now);
    # the others are ready after the rest of the term plus their delay, as new measures are
    direct = p.start_direct / (2 - p.start_direct)
    for _ in range(p.begin_binnen_norm):
        gewacht = np.random.uniform(0, p.norm_dagen)
        i = _kind(0.0, -gewacht, START, p.typ_instroom, kd, n, p)
        kd.eind[i] = _nieuw_looptijd(p, kd.typ[i])
        voorraad_t[i] = kd.eind[i]
        if np.random.random() < direct or p.start_vertraging_dagen <= 0:
            klaar = 0.0
        else:
            klaar = p.norm_dagen - gewacht + _exp(1.0 / p.start_vertraging_dagen)
        _wacht(i, -gewacht, START, klaar, kd, events, wachtrij, horizon)
    ruimte.clear()
    for w in range(n[N_WERKER]):
        if wk.last[w] < wk.cap[w] and not wk.ziek[w]:
            ruimte.append(w)
    if wachtrij:  # the ready ones go to whoever has room, before anything happens
        _toewijzen(0.0, kd, wk, n, p, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon)
    return voorraad_t


@njit(cache=True)
def _personeel(soort, x, t, kd, wk, n, p, mt, stand, events, wachtrij, ruimte, horizon, ziek):  # type: ignore[no-untyped-def]
    """An event of the staff (or a scenario measure, which changes staff and norm): whether
    anyone may be assigned after it (not when a caseworker falls ill or the event is stale).
    ``ziek``: a long episode's certain days, its mean exponential rest, and the day into it
    its children are handed over."""
    ziek_vast, rest_ziek, drempel = ziek
    if soort == VERTREK:
        if not wk.actief[x]:
            return False
        wk.actief[x] = False
        _loslaten(x, t, kd, wk, p, events, wachtrij, horizon)
        _push(events, t + _exp(1.0 / p.vacature_dagen), VACATURE, int(wk.zaak[x]), horizon)
    elif soort == VACATURE:  # x: 1 a caseworker's post, 0 a support post
        _nieuwe_werker(t, p.inwerk_dagen, x == 1, t, wk, n, stand, p, events, ruimte, horizon)
    elif soort == ZIEK:
        if not wk.actief[x] or wk.ziek[x]:
            return False
        wk.ziek[x] = True  # a long episode: hands over at drempel
        duur = ziek_vast + _exp(1.0 / rest_ziek)
        _push(events, t + duur, BETER, x, horizon)
        if duur > drempel:
            _push(events, t + drempel, DREMPEL, x, horizon)
        return False
    elif soort == DREMPEL:
        if not (wk.actief[x] and wk.ziek[x]):
            return False
        _loslaten(x, t, kd, wk, p, events, wachtrij, horizon)
    elif soort == BETER:
        if not wk.actief[x]:
            return False
        wk.ziek[x] = False
        ruimte.append(x)
        _push(events, t + _exp(p.lang_ziek_per_jaar / 365.25), ZIEK, x, horizon)
    elif soort == INGEWERKT:
        if not wk.actief[x]:
            return False
        wk.ingewerkt[x] = True
        wk.cap[x] = _capaciteit(wk, x, stand[S_SLOTS], p)
        ruimte.append(x)
    elif soort == MAATREGEL:
        stand[S_VERLOOP] = max(0.0, stand[S_VERLOOP] + mt.verloop_delta[x])
        stand[S_INSTROOM] *= mt.instroom_factor[x]
        if not math.isnan(mt.norm[x]) or mt.norm_factor[x] != 1:
            nieuw = mt.norm[x] if not math.isnan(mt.norm[x]) else stand[S_SLOTS]
            stand[S_SLOTS] = nieuw * mt.norm_factor[x]
            for w in range(n[N_WERKER]):
                if wk.actief[w]:
                    wk.cap[w] = _capaciteit(wk, w, stand[S_SLOTS], p)
                    ruimte.append(w)
        for _ in range(mt.extra[x]):
            inwerken = p.inwerk_dagen if mt.zij_instroom[x] else 0.0
            _nieuwe_werker(t, inwerken, True, t, wk, n, stand, p, events, ruimte, horizon)
    return True


@njit(cache=True)
def draai(p, mt, norm, verloop, instroom, seed, n_kinderen, n_werkers, kolommen):  # type: ignore[no-untyped-def]
    np.random.seed(seed)
    # the run goes on uitloop_dagen past the last month (nothing of that time is shown), so a
    # new measure of the last months is assigned, or has missed its norms, before it ends
    horizon = p.n_maanden * MAAND + p.uitloop_dagen
    uit = np.zeros((9, p.n_maanden))
    n = np.zeros(5, dtype=np.int64)
    stand = np.array([norm, verloop, instroom])
    wk = _Werkers(
        np.zeros(n_werkers, dtype=np.int64),
        np.zeros(n_werkers, dtype=np.int64),
        np.zeros(n_werkers, dtype=np.bool_),
        np.zeros(n_werkers, dtype=np.bool_),
        np.zeros(n_werkers, dtype=np.bool_),
        np.zeros(n_werkers, dtype=np.bool_),
        np.zeros((n_werkers, kolommen + 1), dtype=np.int64),
    )
    kd = _Kinderen(
        np.zeros(n_kinderen),
        np.zeros(n_kinderen),
        np.zeros(n_kinderen),
        np.zeros(n_kinderen),
        np.zeros(n_kinderen, dtype=np.int64),
        np.zeros(n_kinderen, dtype=np.int64),
        np.zeros(n_kinderen, dtype=np.int64),
        np.zeros(n_kinderen, dtype=np.int64),
        np.zeros(n_kinderen, dtype=np.int64),
    )
    n_reg = n_kinderen if p.registreer else 0
    reg_klasse = np.zeros(n_reg, dtype=np.int64)
    reg_wacht = np.zeros(n_reg)
    tel = np.zeros((8, p.n_maanden))
    if n_kinderen < p.begin_clienten or n_werkers < p.medewerkers + p.ondersteuners:
        return 1, uit, tel, 0, reg_klasse, reg_wacht  # not even the start state fits
    events = [(0.0, 0, 0)]  # typed by its first entry
    events.pop()
    wachtrij = [(0, 0.0, 0)]  # (class, since, child) of the children ready for assignment
    wachtrij.pop()
    ruimte = [0]  # caseworkers that may have room (lazy)
    ruimte.pop()

    # a long sickness lasts lang_ziek_vanaf_dagen, then an exponential rest (not above it:
    # exponential throughout); the children are handed over at drempel
    drempel = p.ziekte_drempel_dagen
    ziek_vast = p.lang_ziek_vanaf_dagen
    rest_ziek = p.lang_ziek_dagen - ziek_vast
    if rest_ziek <= 0:
        ziek_vast, rest_ziek = 0.0, p.lang_ziek_dagen
    ziek = (ziek_vast, rest_ziek, drempel)

    _staf_begin(p, verloop, rest_ziek, wk, n, stand, events, ruimte, horizon)
    if n[N_VOL]:
        return 1, uit, tel, 0, reg_klasse, reg_wacht

    voorraad_t = _clienten_begin(
        p, kd, wk, n, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon, kolommen
    )
    voorraad = np.argsort(voorraad_t, kind="mergesort")
    vi = 0
    t_vr = voorraad_t[voorraad[0]] if len(voorraad) else math.inf

    for k in range(len(mt.vanaf)):
        _push(events, mt.vanaf[k], MAATREGEL, k, horizon)
    for maand in range(1, p.n_maanden + 1):
        _push(events, maand * MAAND, MAANDGRENS, maand - 1, horizon)
    # three time-ordered sources: arrivals (thinned against the highest rate), the start
    # state's ends, and the event heap
    t_aankomst = _exp(p.hoogste)
    while True:
        if n[N_VOL]:
            return 1, uit, tel, 0, reg_klasse, reg_wacht
        t_ev = events[0][0] if events else math.inf
        if t_aankomst <= t_ev and t_aankomst <= t_vr:
            t = t_aankomst
            if t > horizon:
                break  # everything else is later still
            t_aankomst = t + _exp(p.hoogste)
            if not p.constant:
                tempo = (
                    stand[S_INSTROOM]
                    * p.seizoen[int(t / MAAND) % 12]
                    * (1 + p.instroom_trend_per_jaar) ** (t / 365.25)
                )
                if np.random.random() * p.hoogste > tempo:
                    continue
            i = _kind(t, t, START, p.typ_instroom, kd, n, p)
            if i < 0:
                continue
            if p.vanaf_start:
                kd.eind[i] = t + _nieuw_looptijd(p, kd.typ[i])
                _push(events, kd.eind[i], EINDE, i, horizon)
            mi = int(t / MAAND)
            if mi < p.n_maanden:
                tel[T_NIEUW, mi] += 1
            vertraging = _start_vertraging(p)
            _wacht(i, t, START, t + vertraging, kd, events, wachtrij, horizon)
            if vertraging == 0:  # only a child ready now can change who is assigned
                _toewijzen(
                    t, kd, wk, n, p, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon
                )
            continue
        if t_vr <= t_ev:
            t = t_vr
            if t > horizon:
                break
            x = voorraad[vi]
            vi += 1
            t_vr = voorraad_t[voorraad[vi]] if vi < len(voorraad) else math.inf
            soort_event = EINDE
        else:
            if not events:
                break
            t, soort_event, x = heapq.heappop(events)
            if t > horizon:
                break
        if soort_event == EINDE:
            w = _einde(x, kd, wk, n)
            if w >= 0:
                ruimte.append(w)
        elif soort_event == KLAAR:
            if kd.werker[x] != WACHTEND or kd.klaar[x] != t:
                continue
            heapq.heappush(wachtrij, (kd.klasse[x], kd.sinds[x], x))
        elif soort_event == MAANDGRENS:
            _peildatum(t, x, kd, wk, n, p, uit)
            if tel[T_START_N, x]:
                uit[R_WACHT_START, x] = tel[T_START_SOM, x] / tel[T_START_N, x]
            if tel[T_INT_N, x]:
                uit[R_WACHT_INTERN, x] = tel[T_INT_SOM, x] / tel[T_INT_N, x]
            continue
        elif not _personeel(
            soort_event, x, t, kd, wk, n, p, mt, stand, events, wachtrij, ruimte, horizon, ziek
        ):
            continue
        if wachtrij:
            _toewijzen(
                t, kd, wk, n, p, tel, reg_klasse, reg_wacht, events, wachtrij, ruimte, horizon
            )

    for m in range(p.n_maanden):  # shares of the month's new measures (none: all of them)
        nieuw_ = tel[T_NIEUW, m]
        uit[R_OP_TIJD, m] = tel[T_OP_TIJD, m] / nieuw_ if nieuw_ else 1.0
        uit[R_PLAN, m] = tel[T_PLAN, m] / nieuw_ if nieuw_ else 1.0
        uit[R_HULP, m] = tel[T_HULP, m] / nieuw_ if nieuw_ else 1.0
    return 0, uit, tel, n[N_KIND], reg_klasse[: n[N_REG]], reg_wacht[: n[N_REG]]
