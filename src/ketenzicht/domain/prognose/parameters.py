"""Parameters and scenarios of the chain simulator, as data (JSON) with a documented schema.

Sources for the defaults: seed 001/002 and DOMAIN.md — about 32,000 clients and 2,250
available FTE nationally (workload 14.2 on 1 April 2024), turnover 15–16% a year, sickness
about 7%, onboarding of side-entrants (zij-instroom) at half capacity, a workload norm of 14
clients per FTE (the landelijk tarief pays for a lower one), the norm "vaste jeugdbeschermer
within 5 working days" (seed 004). Times are in days; a month is 365.25 / 12 days.

The file format (JSON) is read and written by ``scenariobestand.py``; every field is documented
in ``docs/prognose.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date

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


class OnbekendOnderdeel(OngeldigeParameters):
    """A measure for a part (a GI) the scenario does not have: without the check it would
    reach no part at all, or, in one pool, the whole country."""

    def __init__(self, i: int, naam: str, bekend: list[str]) -> None:
        super().__init__(
            f"maatregelen[{i}].onderdeel: onbekend onderdeel {naam!r} "
            f"(bekend: {', '.join(bekend) or 'geen'})"
        )
        self.naam = naam


NOOIT = 36_500.0  # days: a measure that does not end at 18 (a JSON-safe infinity)


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
    # the clients at the start: days until their child turns 18 and the measure ends by law,
    # as quantiles (``NOOIT``: a client whose measure does not end then, jeugdreclassering);
    # empty: no such end. With it, ``rest_dagen`` is the rate of the other ends: the children
    # close to 18 leave first, and the stock that remains leaves more slowly
    achttien_dagen: tuple[float, ...] = ()
    # a new measure: days from its start until its child turns 18, as quantiles (``NOOIT`` as
    # above); empty: none ends then. With it, ``eerst_dagen`` and ``duur_dagen`` are the rates
    # of the other ends: an OTS for a child of 16 lasts two years at most, one for a baby can run
    # for seventeen
    achttien_nieuw_dagen: tuple[float, ...] = ()

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
            for veld in ("achttien_dagen", "achttien_nieuw_dagen"):
                if any(d < 0 for d in getattr(t, veld)):
                    raise OngeldigeParameters(f"{waar}: {veld} mogen niet negatief zijn")
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

    def __post_init__(self) -> None:
        bekend = [o.naam for o in self.onderdelen]
        for i, m in enumerate(self.maatregelen):
            if m.onderdeel is not None and m.onderdeel not in bekend:
                raise OnbekendOnderdeel(i, m.onderdeel, bekend)
