"""Parameters and scenarios of the chain simulator, as data (JSON) with a documented schema.

Sources for the defaults: seed 001/002 and DOMAIN.md — about 32,000 clients and 2,250
available FTE nationally (workload 14.2 on 1 April 2024), turnover 15–16% a year, sickness
about 7%, onboarding of side-entrants (zij-instroom) at half capacity, a workload norm of 14
clients per FTE (the landelijk tarief pays for a lower one), the norm "vaste jeugdbeschermer
within 5 working days" (seed 004). Times are in days; a month is 365.25 / 12 days.

A parameter file is a JSON object with the fields of ``Parameters`` (all optional: missing ones
keep their default). A scenario file is ``{"naam": ..., "parameters": {...}, "maatregelen":
[{"vanaf_maand": m, <one change>}, ...]}`` where a change is one of ``extra_medewerkers`` (N,
with ``zij_instroom``: true for onboarding), ``verloop_delta`` (e.g. -0.02 = 2 points lower),
``instroom_factor`` (e.g. 0.9), ``norm`` (clients per case-holding FTE) or ``norm_factor`` (the
cap relative to the one in force, for a calibrated baseline whose cap is the observed one).

``typen`` splits the measures into types with their own duration: a list of ``{"naam": ...,
"instroom": share of new measures, "voorraad": share of the clients at the start, "duur_dagen":
mean duration}``, optionally with a new measure's first phase (``eerst_dagen``,
``eerst_tot_dagen``) and the clients' remaining duration (``rest_dagen``); without it every
measure lasts ``duur_dagen`` on average.

``onzekerheid`` gives the standard error of estimated fields, ``{"instroom_per_maand": 9.5,
...}``: each replication then draws those fields (parameter uncertainty in the bands; see
``onzekerheid.py``). A calibrated baseline has them; without it the parameters are exact.

``onderdelen``, ``[{"naam": ..., "parameters": {...}}, ...]``, splits the chain into parts with
a capacity of their own (the country's GIs): each part's parameters are read on top of the
scenario's, and a measure with ``"onderdeel": naam`` reaches that part alone (``onderdelen.py``).

``ketenzicht prognose kalibreer`` writes a parameter file from the registered history; every
field is documented in ``docs/prognose.md``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

MAAND = 365.25 / 12
# the estimated fields a standard error can be given for (``onzekerheid``), by how one is drawn
AANDELEN = frozenset(
    {"start_direct", "intern_warm", "verloop_per_jaar", "kort_verzuim", "inwerkfactor"}
)  # shares in [0, 1]: a beta
TREND = frozenset({"instroom_trend_per_jaar"})  # a normal
# any other positive quantity, a rate or a mean duration: a gamma
POSITIEF = frozenset(
    {
        "instroom_per_maand", "duur_dagen", "vacature_dagen", "lang_ziek_per_jaar",
        "lang_ziek_dagen", "inwerk_dagen", "start_vertraging_dagen", "intern_vertraging_dagen",
        "veiligheidsplan_dagen", "hulpaanbod_dagen",
    }
)  # fmt: skip
TREKBAAR = AANDELEN | TREND | POSITIEF


def maand_label(vanaf: date, m: int) -> str:
    """``JJJJ-MM`` of month ``m`` (0 = ``vanaf``) of a forecast."""
    n = vanaf.year * 12 + vanaf.month - 1 + m
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


class OngeldigeParameters(ValueError):
    """A parameter or scenario file the simulator cannot use; the message names the field."""


@dataclass(frozen=True, slots=True)
class Maatregeltype:
    """A kind of measure (OTS, voogdij, a jeugdreclassering measure, ...) with its own duration:
    a voorlopige OTS ends within months, a voogdij runs for years. The mix of new measures
    differs from the mix in execution (the short ones are few in the stock, many at the door),
    which is what decides how many end while still waiting for a jeugdbeschermer."""

    naam: str
    instroom: float  # share of the new measures
    voorraad: float  # share of the clients in execution at the start
    duur_dagen: float  # mean duration: 1 / the rate at which a measure ends
    # a new measure ends at another rate in its first ``eerst_tot_dagen`` days (None: the same);
    # the measures of young children run for years, the stock holds many close to 18
    eerst_dagen: float | None = None
    eerst_tot_dagen: float = 730.0
    rest_dagen: float | None = None  # 1 / the rate of the clients at the start (None: duur_dagen)

    @property
    def eerst(self) -> float:
        """1 / the rate of a new measure in its first phase."""
        return self.duur_dagen if self.eerst_dagen is None else self.eerst_dagen

    @property
    def rest(self) -> float:
        """1 / the rate of a client already in execution at the start."""
        return self.duur_dagen if self.rest_dagen is None else self.rest_dagen

    def geschaald(self, factor: float) -> Maatregeltype:
        """The same type with every duration ``factor`` times as long."""
        return replace(
            self,
            duur_dagen=self.duur_dagen * factor,
            eerst_dagen=None if self.eerst_dagen is None else self.eerst_dagen * factor,
            rest_dagen=None if self.rest_dagen is None else self.rest_dagen * factor,
        )


# per group of staff, the fields of its FTE in service, onboarding and long-sick at the start
STAFGROEPEN = (
    ("medewerkers", "begin_inwerkend", "begin_ziek"),
    ("ondersteuners", "begin_ondersteuners_inwerkend", "begin_ondersteuners_ziek"),
)


@dataclass(frozen=True, slots=True)
class Parameters:
    # inflow of new measures
    instroom_per_maand: float = 750.0
    instroom_trend_per_jaar: float = 0.0  # relative change a year, -0.05 = 5% fewer a year
    seizoen: tuple[float, ...] = (1.0,) * 12  # factor per calendar month, January first
    klassen: tuple[float, ...] = (1.0,)  # share per priority class, class 0 goes first
    # duration of a measure (mean, days) and from when it runs
    duur_dagen: float = 1000.0  # ~32,000 in execution over ~930 ending a month (CBS H1 2023)
    duur_verdeling: str = "exponentieel"  # or "lognormaal" (with duur_cv)
    duur_cv: float = 0.8
    duur_vanaf: str = "start"  # "start": the court's term runs while waiting; "toewijzing": M/M/c
    typen: tuple[Maatregeltype, ...] = ()  # per type its own duration (empty: duur_dagen for all)
    # staff (FTE units of one caseworker)
    medewerkers: int = 2250
    norm: float = 14.0  # clients per FTE (workload norm: the cap on a caseload)
    # the formation's staff without a caseload (support staff): FTE in service, simulated with
    # the caseworkers' turnover, vacancies, onboarding and sickness; and a fixed available part
    ondersteuners: int = 0
    fte_overig: float = 0.0
    verloop_per_jaar: float = 0.15
    vacature_dagen: float = 60.0  # mean time until a leaver is replaced
    lang_ziek_per_jaar: float = 0.2  # sickness episodes per FTE-year that end the vaste relation
    lang_ziek_dagen: float = 100.0  # their mean length
    # an episode counts as long from this many days (the GI's threshold): it lasts at least
    # that, the rest is exponential, so one in progress has lang_ziek_dagen - this left
    lang_ziek_vanaf_dagen: float = 28.0
    ziekte_drempel_dagen: float = 28.0  # days into such an episode the children are handed over
    kort_verzuim: float = 0.04  # share of FTE away for short sickness (not in the slots)
    inwerk_dagen: float = 90.0
    inwerkfactor: float = 0.5
    # the GI's own process on top of capacity (intake, matching, hand-over), from its history
    # (defaults: doorbraak monitor 35% within the norm, start wait ~34 d, internal ~47 d)
    start_direct: float = 0.36  # share of new measures assigned as soon as a caseload has room
    start_vertraging_dagen: float = 27.0  # the others are ready after norm_dagen + exp(mean)
    intern_warm: float = 0.34  # share handed over the same day when a caseworker drops out
    intern_vertraging_dagen: float = 48.0  # the others are ready after exp(mean)
    veiligheidsplan_dagen: float = 27.0  # mean days from the vaste jeugdbeschermer to the plan
    hulpaanbod_dagen: float = 127.0  # mean days from the start of the measure to the help
    # start state and horizon
    begin_clienten: int = 32000
    begin_wachtlijst_start: int = 500
    begin_wachtlijst_intern: int = 800
    begin_binnen_norm: int = 0  # started within the norm, no jeugdbeschermer yet (not listed)
    begin_inwerkend: int = 0  # of the medewerkers, this many are still onboarding
    begin_ziek: int = 0  # ... and this many long-sick (their children already handed over)
    begin_ondersteuners_inwerkend: int = 0  # of the ondersteuners, onboarding at the start
    begin_ondersteuners_ziek: int = 0  # ... and long-sick
    # vacancies open at the start, filled after vacature_dagen (None: as many as turnover keeps
    # open on average, verloop_per_jaar × medewerkers × vacature_dagen / 365.25)
    begin_vacatures: int | None = None
    horizon_maanden: int = 60
    norm_dagen: float = 7.0  # 5 working days ≈ 7 calendar days (doorbraak: jeugdbeschermer)
    peil_norm_dagen: tuple[float, ...] = ()  # per month-end: the same on that day's calendar
    norm_veiligheidsplan_dagen: float = 42.0  # 6 weeks
    norm_hulpaanbod_dagen: float = 91.0  # 3 months
    opwarm_dagen: float = 0.0  # statistics of customers arriving before this are ignored
    registreer_wachttijden: bool = False
    # standard error per estimated field: each replication draws it (``onzekerheid.py``)
    onzekerheid: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        positief = (
            "instroom_per_maand", "duur_dagen", "norm", "horizon_maanden",
            "veiligheidsplan_dagen", "hulpaanbod_dagen",
        )  # fmt: skip
        for naam in positief:
            if getattr(self, naam) <= 0:
                raise OngeldigeParameters(f"{naam}: moet groter dan 0 zijn")
        if self.peil_norm_dagen and len(self.peil_norm_dagen) < self.horizon_maanden:
            raise OngeldigeParameters("peil_norm_dagen: één waarde per maand van de horizon")
        if len(self.seizoen) != 12:
            raise OngeldigeParameters("seizoen: precies 12 factoren, januari eerst")
        if abs(sum(self.klassen) - 1) > 1e-6 or min(self.klassen) < 0:
            raise OngeldigeParameters("klassen: aandelen van 0 of meer die samen 1 zijn")
        if self.duur_verdeling not in ("exponentieel", "lognormaal"):
            raise OngeldigeParameters("duur_verdeling: 'exponentieel' of 'lognormaal'")
        if self.duur_vanaf not in ("start", "toewijzing"):
            raise OngeldigeParameters("duur_vanaf: 'start' of 'toewijzing'")
        self._controleer_typen()
        self._controleer_onzekerheid()
        for naam in sorted(AANDELEN):
            if not 0 <= getattr(self, naam) <= 1:
                raise OngeldigeParameters(f"{naam}: tussen 0 en 1")
        for naam in ("medewerkers", "begin_clienten", "begin_wachtlijst_start",
                     "begin_wachtlijst_intern", "begin_binnen_norm", "begin_inwerkend",
                     "begin_ziek", "fte_overig", "ondersteuners",
                     "begin_ondersteuners_inwerkend", "begin_ondersteuners_ziek",
                     "start_vertraging_dagen", "intern_vertraging_dagen", "vacature_dagen",
                     "inwerk_dagen", "lang_ziek_vanaf_dagen"):  # fmt: skip
            if getattr(self, naam) < 0:
                raise OngeldigeParameters(f"{naam}: mag niet negatief zijn")
        if self.begin_vacatures is not None and self.begin_vacatures < 0:
            raise OngeldigeParameters("begin_vacatures: mag niet negatief zijn")
        wachtend = (
            self.begin_wachtlijst_start + self.begin_wachtlijst_intern + self.begin_binnen_norm
        )
        if wachtend > self.begin_clienten:
            raise OngeldigeParameters(
                "begin_wachtlijst_start + begin_wachtlijst_intern + begin_binnen_norm: meer dan "
                "begin_clienten"
            )
        for dienst, inwerkend, ziek in STAFGROEPEN:
            if getattr(self, inwerkend) + getattr(self, ziek) > getattr(self, dienst):
                raise OngeldigeParameters(f"{inwerkend} + {ziek}: meer dan {dienst}")

    def _controleer_onzekerheid(self) -> None:
        for naam, se in self.onzekerheid.items():
            waar = f"onzekerheid.{naam}"
            if naam not in TREKBAAR:
                raise OngeldigeParameters(
                    f"{waar}: geen geschatte parameter met een standaardfout (kies uit "
                    f"{', '.join(sorted(TREKBAAR))})"
                )
            if not isinstance(se, (int, float)) or isinstance(se, bool) or not math.isfinite(se):
                raise OngeldigeParameters(f"{waar}: verwacht een getal, kreeg {se!r}")
            if se < 0:
                raise OngeldigeParameters(f"{waar}: een standaardfout is niet negatief, kreeg {se}")
            w = float(getattr(self, naam))
            if naam in AANDELEN and 0 < w < 1 and se**2 >= w * (1 - w):
                raise OngeldigeParameters(
                    f"{waar}: {se} is te groot voor een aandeel van {w} "
                    f"(hoogstens {math.sqrt(w * (1 - w)):.4f})"
                )

    def _controleer_typen(self) -> None:
        if not self.typen:
            return
        for i, t in enumerate(self.typen):
            waar = f"typen[{i}] ({t.naam})"
            dagen = (t.duur_dagen, t.eerst_dagen, t.eerst_tot_dagen, t.rest_dagen)
            if any(d is not None and d <= 0 for d in dagen):
                raise OngeldigeParameters(
                    f"{waar}: duur_dagen, eerst_dagen, eerst_tot_dagen en rest_dagen groter dan 0"
                )
            if t.instroom < 0 or t.voorraad < 0:
                raise OngeldigeParameters(f"{waar}: instroom en voorraad mogen niet negatief zijn")
        namen = [t.naam for t in self.typen]
        if len(set(namen)) < len(namen):
            raise OngeldigeParameters("typen: elke naam één keer")
        for deel in ("instroom", "voorraad"):
            som = sum(getattr(t, deel) for t in self.typen)
            if abs(som - 1) > 1e-3:
                raise OngeldigeParameters(
                    f"typen: de aandelen {deel} tellen op tot {som:.4f}, niet 1"
                )


@dataclass(frozen=True, slots=True)
class Maatregel:
    vanaf_maand: float
    extra_medewerkers: int = 0
    zij_instroom: bool = False
    verloop_delta: float = 0.0
    instroom_factor: float = 1.0
    norm: float | None = None  # the new cap, clients per case-holding FTE
    norm_factor: float = 1.0  # or the cap relative to the one in force (12 / 14 = 0.857)
    onderdeel: str | None = None  # only this part (a GI) of a scenario with onderdelen


@dataclass(frozen=True, slots=True)
class Onderdeel:
    """A part of the chain with a capacity of its own (a GI): its children wait for its own
    caseworkers only. Its parameters are complete; horizon and calendar are the scenario's."""

    naam: str
    parameters: Parameters


@dataclass(frozen=True, slots=True)
class Scenario:
    naam: str
    parameters: Parameters = field(default_factory=Parameters)
    maatregelen: tuple[Maatregel, ...] = ()
    vanaf: date | None = None  # first month (a calibrated baseline starts at its peildatum)
    # the parts simulated each as a pool of its own and added up (``onderdelen.py``); without
    # them ``parameters`` is one pool. With them ``parameters`` describes the whole (the
    # country's own calibration: shown, and the base each part's file entry is read on)
    onderdelen: tuple[Onderdeel, ...] = ()


_LEEG_OPTIONEEL = {"int | None": 0, "float | None": 0.0}  # what an optional number is checked as


def _velden(cls: type, gegeven: dict[str, Any], waar: str) -> dict[str, Any]:
    bekend = {f.name: f for f in fields(cls)}
    onbekend = sorted(set(gegeven) - set(bekend))
    if onbekend:
        raise OngeldigeParameters(f"{waar}: onbekend veld {', '.join(onbekend)}")
    uit: dict[str, Any] = {}
    leeg = cls() if cls is Parameters else None
    for naam, waarde in gegeven.items():
        standaard = getattr(leeg, naam, None)
        # an optional number (``int | None``) takes null, or a value checked as that number
        soort = str(bekend[naam].type)
        of_null = " of null" if soort.endswith(" | None") else ""
        if of_null and waarde is None:
            uit[naam] = None
            continue
        if standaard is None:
            standaard = _LEEG_OPTIONEEL.get(soort)
        if naam == "typen":
            waarde = _typen(waarde, f"{waar}.typen")
        elif naam == "onzekerheid":
            if not isinstance(waarde, dict):
                raise OngeldigeParameters(
                    f"{waar}.onzekerheid: verwacht een object veld → standaardfout"
                )
            waarde = dict(waarde)
        elif isinstance(standaard, tuple):
            if not isinstance(waarde, list):
                raise OngeldigeParameters(f"{waar}.{naam}: verwacht een lijst getallen")
            waarde = tuple(float(x) for x in waarde)
        elif isinstance(standaard, bool | str):
            pass
        elif isinstance(standaard, (int, float)) and not isinstance(waarde, (int, float)):
            raise OngeldigeParameters(
                f"{waar}.{naam}: verwacht een getal{of_null}, kreeg {waarde!r}"
            )
        elif isinstance(standaard, int) and waarde != int(waarde):
            raise OngeldigeParameters(
                f"{waar}.{naam}: verwacht een geheel getal{of_null}, kreeg {waarde!r}"
            )
        elif isinstance(standaard, int):
            waarde = int(waarde)
        uit[naam] = waarde
    return uit


def _typen(gegeven: Any, waar: str) -> tuple[Maatregeltype, ...]:
    if not isinstance(gegeven, list):
        raise OngeldigeParameters(f"{waar}: verwacht een lijst objecten")
    uit = []
    nodig = {"naam", "instroom", "voorraad", "duur_dagen"}
    velden = {f.name for f in fields(Maatregeltype)}
    for i, t in enumerate(gegeven):
        if not isinstance(t, dict) or not nodig <= set(t) or set(t) - velden:
            raise OngeldigeParameters(
                f"{waar}[{i}]: een object met {', '.join(sorted(nodig))} (en eventueel "
                "eerst_dagen, eerst_tot_dagen, rest_dagen)"
            )
        for naam in velden - {"naam"}:
            w = t.get(naam, 0.0)
            if not isinstance(w, (int, float)) or isinstance(w, bool):
                raise OngeldigeParameters(f"{waar}[{i}].{naam}: verwacht een getal")
        getallen = {k: float(w) for k, w in t.items() if k != "naam"}
        uit.append(Maatregeltype(naam=str(t["naam"]), **getallen))
    return tuple(uit)


def parameters_uit(gegeven: dict[str, Any], basis: Parameters | None = None) -> Parameters:
    try:
        return replace(basis or Parameters(), **_velden(Parameters, gegeven, "parameters"))
    except TypeError as fout:
        raise OngeldigeParameters(f"parameters: {fout}") from None


def scenario_uit(gegeven: dict[str, Any], basis: Parameters | None = None) -> Scenario:
    if not isinstance(gegeven, dict) or "naam" not in gegeven:
        raise OngeldigeParameters("scenario: een object met minstens 'naam'")
    velden = {"naam", "parameters", "maatregelen", "vanaf", "kalibratie", "onderdelen"}
    onbekend = sorted(set(gegeven) - velden)
    if onbekend:
        raise OngeldigeParameters(f"scenario: onbekend veld {', '.join(onbekend)}")
    par = parameters_uit(gegeven.get("parameters", {}), basis)
    onderdelen = _onderdelen(gegeven.get("onderdelen", []), par)
    maatregelen = []
    for i, m in enumerate(gegeven.get("maatregelen", [])):
        waar = f"maatregelen[{i}]"
        if not isinstance(m, dict) or "vanaf_maand" not in m:
            raise OngeldigeParameters(f"{waar}: een object met 'vanaf_maand'")
        bekend = {f.name for f in fields(Maatregel)}
        if set(m) - bekend:
            raise OngeldigeParameters(f"{waar}: onbekend veld {', '.join(sorted(set(m) - bekend))}")
        deel = m.get("onderdeel")
        if deel is not None and deel not in {o.naam for o in onderdelen}:
            bekend_deel = ", ".join(o.naam for o in onderdelen) or "geen"
            raise OngeldigeParameters(
                f"{waar}.onderdeel: onbekend onderdeel {deel!r} (bekend: {bekend_deel})"
            )
        maatregelen.append(Maatregel(**m))
    vanaf = None
    if "vanaf" in gegeven:
        try:
            jaar, maand = (int(x) for x in str(gegeven["vanaf"]).split("-"))
            vanaf = date(jaar, maand, 1)
        except ValueError:
            raise OngeldigeParameters(
                f"vanaf: een maand als JJJJ-MM, kreeg {gegeven['vanaf']!r}"
            ) from None
    return Scenario(str(gegeven["naam"]), par, tuple(maatregelen), vanaf, onderdelen)


def _onderdelen(gegeven: Any, basis: Parameters) -> tuple[Onderdeel, ...]:
    """``[{"naam": ..., "parameters": {...}}, ...]``, each part's parameters read on top of the
    scenario's own."""
    if not isinstance(gegeven, list):
        raise OngeldigeParameters("onderdelen: verwacht een lijst objecten")
    uit: list[Onderdeel] = []
    for i, o in enumerate(gegeven):
        waar = f"onderdelen[{i}]"
        if not isinstance(o, dict) or "naam" not in o or set(o) - {"naam", "parameters"}:
            raise OngeldigeParameters(f"{waar}: een object met 'naam' en 'parameters'")
        if o["naam"] in {d.naam for d in uit}:
            raise OngeldigeParameters(f"{waar}.naam: {o['naam']!r} staat er al eerder in")
        velden = _velden(Parameters, o.get("parameters", {}), f"{waar}.parameters")
        try:
            par = replace(basis, **velden)
        except OngeldigeParameters as fout:  # a rule across fields, or a value out of range
            raise OngeldigeParameters(f"{waar}.parameters.{fout}") from None
        uit.append(Onderdeel(str(o["naam"]), par))
    return tuple(uit)


def scenario_json(
    scenario: Scenario, toelichting: Sequence[tuple[str, object, str]] = ()
) -> dict[str, Any]:
    """A scenario as its file: the parameters that differ from the defaults, the measures and,
    for a calibrated baseline, what each estimate was made from (``kalibratie``)."""
    uit: dict[str, Any] = {"naam": scenario.naam}
    if scenario.vanaf is not None:
        uit["vanaf"] = maand_label(scenario.vanaf, 0)
    uit["parameters"] = _verschil(scenario.parameters, Parameters())
    if scenario.onderdelen:
        uit["onderdelen"] = [
            {"naam": o.naam, "parameters": _verschil(o.parameters, scenario.parameters)}
            for o in scenario.onderdelen
        ]
    if scenario.maatregelen:
        uit["maatregelen"] = [
            {
                f.name: getattr(m, f.name)
                for f in fields(Maatregel)
                if f.name == "vanaf_maand" or getattr(m, f.name) != getattr(Maatregel(0), f.name)
            }
            for m in scenario.maatregelen
        ]
    if toelichting:
        uit["kalibratie"] = [
            {"naam": n, "waarde": list(w) if isinstance(w, tuple) else w, "uitleg": u}
            for n, w, u in toelichting
        ]
    return uit


def _verschil(par: Parameters, basis: Parameters) -> dict[str, Any]:
    """The fields of ``par`` that differ from ``basis``, as JSON (what a file must say)."""
    return {
        f.name: _json_waarde(getattr(par, f.name))
        for f in fields(Parameters)
        if getattr(par, f.name) != getattr(basis, f.name) and f.name != "peil_norm_dagen"
    }


def _json_waarde(w: object) -> object:
    if isinstance(w, tuple):
        return [
            {k: v for k, v in asdict(x).items() if v is not None}
            if isinstance(x, Maatregeltype)
            else x
            for x in w
        ]
    return w


def lees_scenario(pad: Path, basis: Parameters | None = None) -> Scenario:
    try:
        gegeven = json.loads(pad.read_text(encoding="utf-8"))
    except json.JSONDecodeError as fout:
        raise OngeldigeParameters(
            f"{pad}: geen geldige JSON (regel {fout.lineno}): {fout.msg}"
        ) from None
    return scenario_uit(gegeven, basis)
