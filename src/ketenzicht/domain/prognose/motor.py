"""A stochastic, event-driven model of the GI part of the chain (one replication).

Children arrive with a new measure (Poisson, with trend and seasonality by thinning), become
ready for assignment (at once, or after the GI's own intake delay), wait for a vaste
jeugdbeschermer in priority order (class, then waiting since: the national priority rule
reduced to its classes), hold one slot of a caseworker's caseload until their measure ends.
Caseworkers offer ``norm`` slots (the workload norm is the cap), half of them while onboarding;
they leave (turnover, replaced after a vacancy), fall ill for a long time (at least
``lang_ziek_vanaf_dagen``, then an exponential rest; after ``ziekte_drempel_dagen`` their
children lose their vaste jeugdbeschermer: the internal waiting list, seed 002) and return.
Scenario measures change staff, turnover, inflow or the norm from a month on. Outputs per
month: start and internal waiting lists (monitor definitions: waiting longer than the norm),
clients, available FTE, workload, mean waits and the share of new measures meeting the
doorbraak milestones the GI controls (seed 004): a vaste jeugdbeschermer within 5 working days,
a veiligheidsplan within 6 weeks (it needs the jeugdbeschermer) and help within 3 months (not
before the jeugdbeschermer).

The run goes on past the last month for as long as the longest of those norms (three months,
not shown), so that the shares of the last months count every child: cut at the horizon, a
child of the last weeks still waiting for its jeugdbeschermer counted as having missed its
veiligheidsplan and help, and the last months' shares fell off (help within 3 months from 0.59
to 0.33 in the last month of a national forecast).

The loop itself is :mod:`kern`, compiled with Numba: a national five-year replication has
~77,000 children; plain Python ran one in ~0.8 s, the compiled loop in ~0.1 s. This module
hands it the parameters as plain numbers and arrays, sizes its arrays, and runs a replication
that outgrew them again with twice the room (same seed, same stream: the same result).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ketenzicht.domain.prognose import kern
from ketenzicht.domain.prognose.onderdelen import deel_seed, delen
from ketenzicht.domain.prognose.onzekerheid import getrokken
from ketenzicht.domain.prognose.parameters import MAAND, Maatregeltype, Parameters, Scenario


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
    # per month, how many each mean or share of ``maanden`` is over: assigned from the start
    # list, from the internal list, new measures (to add parts up, ``onderdelen.py``)
    aantallen: dict[str, list[int]]
    delen: dict[str, Maandcijfers] = field(default_factory=dict)  # per part, when in parts


# which count each mean or share is over
_GEWOGEN = {
    "wachtdagen_start": "toegewezen_start",
    "wachtdagen_intern": "toegewezen_intern",
    "binnen_norm": "nieuw",
    "binnen_norm_veiligheidsplan": "nieuw",
    "binnen_norm_hulpaanbod": "nieuw",
}
_LEEG = {"toegewezen_start": 0.0, "toegewezen_intern": 0.0, "nieuw": 1.0}  # none counted


_FLOATS = (
    "instroom_trend_per_jaar", "duur_dagen", "duur_cv", "vacature_dagen", "lang_ziek_per_jaar",
    "lang_ziek_dagen", "lang_ziek_vanaf_dagen", "ziekte_drempel_dagen",
    "inwerk_dagen", "inwerkfactor", "start_direct", "start_vertraging_dagen",
    "intern_warm", "intern_vertraging_dagen", "veiligheidsplan_dagen", "hulpaanbod_dagen",
    "norm_dagen", "norm_veiligheidsplan_dagen", "norm_hulpaanbod_dagen", "opwarm_dagen",
)  # fmt: skip
_INTS = (
    "medewerkers", "begin_clienten", "begin_wachtlijst_start", "begin_wachtlijst_intern",
    "begin_binnen_norm", "begin_inwerkend", "begin_ziek", "ondersteuners",
    "begin_ondersteuners_inwerkend", "begin_ondersteuners_ziek",
)  # fmt: skip


def simuleer(scenario: Scenario, seed: int) -> Uitkomst:
    """One replication of ``scenario``; the same seed gives the same result. Uncertain
    parameters (``onzekerheid``) are drawn first, from the seed. A scenario in parts runs each
    part as a pool of its own and adds them up."""
    if not scenario.onderdelen:
        return _een_pool(scenario, seed)
    uit = [_een_pool(deel, deel_seed(seed, i)) for i, deel in enumerate(delen(scenario))]
    return _opgeteld([o.naam for o in scenario.onderdelen], uit)


def _opgeteld(namen: list[str], delen_: list[Uitkomst]) -> Uitkomst:
    """The parts as one: counts added, the FTE added and the workload of the sums, each mean
    and share weighted by what its part counted."""

    def som(naam: str) -> np.ndarray:
        return np.sum([getattr(u.maanden, naam) for u in delen_], axis=0)

    aantallen = {k: np.sum([u.aantallen[k] for u in delen_], axis=0) for k in _LEEG}
    gewogen = {}
    for naam, teller in _GEWOGEN.items():
        som_gewogen = np.sum(
            [np.multiply(getattr(u.maanden, naam), u.aantallen[teller]) for u in delen_], axis=0
        )
        totaal = aantallen[teller]
        with np.errstate(invalid="ignore", divide="ignore"):
            gewogen[naam] = np.where(totaal > 0, som_gewogen / totaal, _LEEG[teller]).tolist()
    fte = np.round(som("fte_beschikbaar"), 1)
    clienten = som("clienten")
    with np.errstate(divide="ignore"):
        workload = np.where(fte > 0, np.round(clienten / fte, 2), math.inf)
    cijfers = Maandcijfers(
        wachtlijst_start=[int(x) for x in som("wachtlijst_start")],
        wachtlijst_intern=[int(x) for x in som("wachtlijst_intern")],
        clienten=[int(x) for x in clienten],
        fte_beschikbaar=fte.tolist(),
        workload=workload.tolist(),
        **gewogen,
    )
    wachttijden = [w for u in delen_ for w in u.wachttijden]
    opgeteld = {k: [int(x) for x in a] for k, a in aantallen.items()}
    per_deel = {naam: u.maanden for naam, u in zip(namen, delen_, strict=True)}
    return Uitkomst(cijfers, sum(u.kinderen for u in delen_), wachttijden, opgeteld, per_deel)


def _een_pool(scenario: Scenario, seed: int) -> Uitkomst:
    scenario = getrokken(scenario, seed)
    par = scenario.parameters
    uitloop = max(par.norm_veiligheidsplan_dagen, par.norm_hulpaanbod_dagen, par.norm_dagen)
    horizon = par.horizon_maanden * MAAND + uitloop
    hoogste = (
        par.instroom_per_maand / MAAND
        * max(par.seizoen)
        * max(1.0, (1 + par.instroom_trend_per_jaar) ** (horizon / 365.25))
        * math.prod(max(1.0, m.instroom_factor) for m in scenario.maatregelen)
    )  # fmt: skip
    # every field as the type the compiled loop was compiled for (a JSON 1000 is an int)
    p = kern.Par(
        **{naam: float(getattr(par, naam)) for naam in _FLOATS},
        **{naam: int(getattr(par, naam)) for naam in _INTS},
        seizoen=np.array(par.seizoen, dtype=np.float64),
        cumulatief=np.cumsum(np.array(par.klassen, dtype=np.float64)),
        **_typen(par),
        exponentieel=par.duur_verdeling == "exponentieel",
        vanaf_start=par.duur_vanaf == "start",
        n_maanden=int(par.horizon_maanden),
        begin_vacatures=-1 if par.begin_vacatures is None else int(par.begin_vacatures),
        peil_norm_dagen=np.array(
            par.peil_norm_dagen or (par.norm_dagen,) * par.horizon_maanden, dtype=np.float64
        ),
        registreer=bool(par.registreer_wachttijden),
        hoogste=float(hoogste),
        uitloop_dagen=float(uitloop),
        constant=not scenario.maatregelen and hoogste == par.instroom_per_maand / MAAND,
    )
    ms = scenario.maatregelen
    maatregelen = kern.Maatregelen(
        vanaf=np.array([m.vanaf_maand * MAAND for m in ms], dtype=np.float64),
        extra=np.array([m.extra_medewerkers for m in ms], dtype=np.int64),
        zij_instroom=np.array([m.zij_instroom for m in ms], dtype=np.bool_),
        verloop_delta=np.array([m.verloop_delta for m in ms], dtype=np.float64),
        instroom_factor=np.array([m.instroom_factor for m in ms], dtype=np.float64),
        norm=np.array([math.nan if m.norm is None else m.norm for m in ms], dtype=np.float64),
        norm_factor=np.array([m.norm_factor for m in ms], dtype=np.float64),
    )
    kinderen, werkers = _ruimte(scenario, hoogste * horizon)
    slots, hoogste_cap = par.norm, round(par.norm)  # a caseload row as long as the largest cap
    for m in sorted(ms, key=lambda m: m.vanaf_maand):
        slots = (m.norm if m.norm is not None else slots) * m.norm_factor
        hoogste_cap = max(hoogste_cap, round(slots))
    while True:
        status, uit, tel, n_kinderen, reg_klasse, reg_wacht = kern.draai(
            p, maatregelen, float(par.norm), float(par.verloop_per_jaar),
            par.instroom_per_maand / MAAND, seed % 2**32, kinderen, werkers, int(hoogste_cap),
        )  # fmt: skip
        if status == 0:
            break
        kinderen, werkers = 2 * kinderen, 2 * werkers  # rare: run it again with more room
    fte, workload = _beschikbaar(par, uit[kern.R_FTE], uit[kern.R_CLIENTEN], seed)
    cijfers = Maandcijfers(
        wachtlijst_start=[int(x) for x in uit[kern.R_START]],
        wachtlijst_intern=[int(x) for x in uit[kern.R_INTERN]],
        clienten=[int(x) for x in uit[kern.R_CLIENTEN]],
        fte_beschikbaar=fte.tolist(),
        workload=workload.tolist(),
        wachtdagen_start=uit[kern.R_WACHT_START].tolist(),
        wachtdagen_intern=uit[kern.R_WACHT_INTERN].tolist(),
        binnen_norm=uit[kern.R_OP_TIJD].tolist(),
        binnen_norm_veiligheidsplan=uit[kern.R_PLAN].tolist(),
        binnen_norm_hulpaanbod=uit[kern.R_HULP].tolist(),
    )
    wachttijden = list(zip(reg_klasse.tolist(), reg_wacht.tolist(), strict=True))
    aantallen = {
        naam: [int(x) for x in tel[rij]]
        for naam, rij in (
            ("toegewezen_start", kern.T_START_N),
            ("toegewezen_intern", kern.T_INT_N),
            ("nieuw", kern.T_NIEUW),
        )
    }
    return Uitkomst(cijfers, n_kinderen, wachttijden, aantallen)


def _beschikbaar(
    par: Parameters, aan_het_werk: np.ndarray, clienten: np.ndarray, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """The available FTE and workload on each peildatum: the loop's FTE at work, minus the
    short-sick, plus the fixed ``fte_overig``. The short-sick are counted, not assumed: each
    FTE at work is away that day with chance ``kort_verzuim`` (binomial). A short episode lasts
    about a week and the snapshots are a month apart, so each month draws afresh. Short
    sickness holds no slot (a child keeps its jeugdbeschermer), so only the snapshot changes;
    it has a stream of its own, so every child waits exactly as without it, and a scenario and
    its baseline draw alike."""
    rng = np.random.default_rng([seed % 2**32, 1])
    weg = rng.binomial(np.round(aan_het_werk).astype(np.int64), par.kort_verzuim)
    beschikbaar = np.round(par.fte_overig + aan_het_werk - weg, 1)
    with np.errstate(divide="ignore"):
        workload = np.where(beschikbaar > 0, np.round(clienten / beschikbaar, 2), math.inf)
    return beschikbaar, workload


def _typen(par: Parameters) -> dict[str, np.ndarray]:
    """The types' mean durations (a new measure's first phase and its length, after it, and of
    the clients at the start) and cumulative shares (no types: one, of ``duur_dagen``)."""
    typen = par.typen or (Maatregeltype("alle", 1.0, 1.0, par.duur_dagen),)

    def kolom(waarden: list[float]) -> np.ndarray:
        return np.array(waarden, dtype=np.float64)

    uit = {
        "typ_duur": kolom([t.duur_dagen for t in typen]),
        "typ_eerst": kolom([t.eerst for t in typen]),
        "typ_eerst_tot": kolom([t.eerst_tot_dagen for t in typen]),
        "typ_rest": kolom([t.rest for t in typen]),
        "typ_achttien": _achttien([t.achttien_dagen for t in typen]),
        "typ_achttien_nieuw": _achttien([t.achttien_nieuw_dagen for t in typen]),
    }
    for deel in ("instroom", "voorraad"):
        aandelen = kolom([getattr(t, deel) for t in typen])
        uit[f"typ_{deel}"] = np.cumsum(aandelen / aandelen.sum())
    return uit


def _achttien(kwantielen: list[tuple[float, ...]]) -> np.ndarray:
    """Per type its quantiles (0, ..., 1) of the days until 18 (of a client at the start, or
    of a new measure from its start), every type as many; a type without: a row of infinity."""
    k = max((len(q) for q in kwantielen), default=0) or 1
    uit = np.full((len(kwantielen), k), math.inf)
    for i, q in enumerate(kwantielen):
        if q:
            uit[i] = np.quantile(sorted(q), np.linspace(0, 1, k))
    return uit


def _ruimte(scenario: Scenario, aankomsten: float) -> tuple[int, int]:
    """Room for children and staff: the start state, and the arrivals and vacancies expected
    with ten standard deviations to spare."""
    par, ms = scenario.parameters, scenario.maatregelen
    kinderen = par.begin_clienten + int(aankomsten + 10 * math.sqrt(aankomsten) + 100)
    verloop = par.verloop_per_jaar + sum(max(0.0, m.verloop_delta) for m in ms)
    werkers = par.medewerkers + par.ondersteuners + sum(m.extra_medewerkers for m in ms)
    vacatures = werkers * verloop * (par.horizon_maanden / 12 + 1)
    return kinderen, werkers + int(vacatures + 10 * math.sqrt(vacatures) + 100)


def opwarmen() -> None:
    """Compile the engine (the first time after a checkout, ~20 s) or load it from the cache."""
    klein = Parameters(
        medewerkers=2, begin_clienten=10, begin_wachtlijst_start=0, begin_wachtlijst_intern=0,
        horizon_maanden=1,
    )  # fmt: skip
    simuleer(Scenario("opwarmen", klein), 0)
