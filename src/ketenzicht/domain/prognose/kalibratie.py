"""Calibration: the simulator's parameters estimated from a GI's (or the country's) own history.

Everything is read as valid time up to the ``peildatum``: a fact dated later does not exist yet,
so calibrating on a date in the past sees what was known then and can be checked against what
happened next (``ketenzicht prognose toets``). Each estimate says what it was made from.

* inflow: measures started per calendar month in the window; a trend (log-linear least squares)
  and a season (per calendar month, with 3 years or more) only when the data show one
  (trend: |t| ≥ 2; season: χ² test, p < 0.01), otherwise the mean of the last 12 months.
* duration: ends per client-day in the last 12 months (exponential, censoring-proof). Per type
  of measure (a code with fewer than 30 ends or starts in that year is pooled into "overig"):
  its share of the new measures and of the clients in execution, and three exit rates: of the
  clients in execution (the last 12 months), of a new measure in its first years (the measures
  started in the window, over the window's length) and of one older than that (the last 12
  months). A measure for a young child runs for years; the stock holds many close to 18.
* staff: case-holding FTE (jeugdbeschermers and jeugdreclasseerders) in service, onboarding and
  long-sick at the peildatum; the available FTE without a caseload (support staff); turnover as
  FTE that left per mean FTE-year; the vacancy as the days from a leaver to the next hire in the
  same GI and role; sickness split at the GI's threshold into long episodes (a rate and a mean
  length) and the short remainder (a share of FTE).
* the GI's own process: the share of new measures with a jeugdbeschermer within the norm and the
  mean excess wait of the others; the share of children handed over the same day when their
  caseworker dropped out and the mean wait of the others; days into a sickness the children are
  handed over; days to the veiligheidsplan and the help. Waits still running at the peildatum
  count as censored (exponential maximum likelihood).
* the cap on a caseload: the 95th percentile of clients per FTE among the available case-holders
  at the peildatum — the most the GI actually carries, not the policy norm.
* start state: clients and the monitor's start and internal waiting lists at the peildatum, and
  the children still within their 5 working days without a jeugdbeschermer (on no list yet).
* uncertainty: each estimate made from counts gets the standard error those counts imply
  (Poisson, binomial, exponential, or the spread of the months), as ``onzekerheid``; every
  replication draws those parameters again (``onzekerheid.py``).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta

import numpy as np
from scipy import stats

from ketenzicht.domain.capaciteit import Beschikbaarheid, MedewerkerStand
from ketenzicht.domain.kalender import Kalender, NederlandseKalender, werkdagen_na
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.parameters import Maatregeltype, Parameters
from ketenzicht.domain.wachtlijst import TERMIJN_JEUGDBESCHERMER_WERKDAGEN

NORM_DAGEN = 7  # 5 working days are at least 7 calendar days
MIN_TYPE = 30  # ends and starts a year a type needs for its own duration; fewer: "overig"


@dataclass(frozen=True, slots=True)
class MaatregelVerloop:
    start: date
    einde: date | None  # None: still running at the peildatum
    eerste_toewijzing: date | None  # the first vaste jeugdbeschermer; None: none by then
    code: MaatregelCode | None = None  # None: the type is unknown (all measures one type)


@dataclass(frozen=True, slots=True)
class Uitval:
    """A child whose caseworker dropped out (left or fell ill) while its measure ran."""

    dag: date
    volgende: date | None  # the next caseworker; None: none by the peildatum
    einde: date | None  # the end of the measure, if before the peildatum
    ziekte_dagen: int | None = None  # sickness: days from its start to the hand-over


@dataclass(frozen=True, slots=True)
class Werknemer:
    gi: str
    stand: MedewerkerStand


@dataclass(frozen=True, slots=True)
class Historie:
    peildatum: date
    maatregelen: Sequence[MaatregelVerloop]
    uitval: Sequence[Uitval]
    medewerkers: Sequence[Werknemer]  # the formation roles, with their absences
    caseloads: Sequence[float]  # clients per FTE of each available case-holder at the peildatum
    plan_dagen: Sequence[int]  # first jeugdbeschermer → veiligheidsplan
    hulp_dagen: Sequence[int]  # start of the measure → help
    clienten: int
    wachtlijst_start: int
    wachtlijst_intern: int
    ziekte_drempel_dagen: int = 28
    inwerkfactor: float = 0.5
    kalender: Kalender = field(default_factory=NederlandseKalender)


@dataclass(frozen=True, slots=True)
class Schatting:
    naam: str
    waarde: object
    uitleg: str


@dataclass(frozen=True, slots=True)
class Kalibratie:
    peildatum: date
    parameters: Parameters
    schattingen: tuple[Schatting, ...]


class TeWeinigHistorie(ValueError):
    """Not enough registered history to estimate from; the message says what is missing."""


def _dagen(van: date, tot: date) -> int:
    return (tot - van).days


def _overlap(van: date, tot: date | None, begin: date, eind: date) -> int:
    return max(0, _dagen(max(van, begin), min(tot or eind, eind)))


def _exp_gemiddelde(waargenomen: Sequence[float], gecensureerd: Sequence[float]) -> float | None:
    """Maximum-likelihood mean of an exponential with right-censored observations."""
    if not waargenomen:
        return None
    return (sum(waargenomen) + sum(gecensureerd)) / len(waargenomen)


def _se(waarde: float) -> float:
    """A standard error to 3 significant digits."""
    return float(f"{waarde:.3g}")


def _se_gemiddelde(reeks: Sequence[float]) -> float | None:
    return _se(statistics.stdev(reeks) / math.sqrt(len(reeks))) if len(reeks) > 1 else None


def _instroom(h: Historie, begin: date, schat: list[Schatting]) -> dict[str, object]:
    maanden: list[date] = []
    m = date(begin.year, begin.month, 1)
    while plus_maanden(m, 1) <= h.peildatum:
        maanden.append(m)
        m = plus_maanden(m, 1)
    if len(maanden) < 6:
        raise TeWeinigHistorie(f"instroom: minstens 6 hele maanden nodig, er zijn {len(maanden)}")
    index = {(d.year, d.month): k for k, d in enumerate(maanden)}
    tellen = np.zeros(len(maanden))
    for mv in h.maatregelen:
        k = index.get((mv.start.year, mv.start.month))
        if k is not None:
            tellen[k] += 1
    uit: dict[str, object] = {}
    laatste = tellen[-12:]
    niveau = float(laatste.mean())
    # the mean's standard error, from the months' spread when it exceeds Poisson noise
    se_niveau = math.sqrt(max(niveau, float(laatste.var(ddof=1)) if len(laatste) > 1 else 0.0))
    se_niveau /= math.sqrt(len(laatste))
    trend = 0.0
    onzeker: dict[str, float] = {}
    x = np.arange(len(tellen), dtype=float)
    y = np.log(tellen + 0.5)
    if len(tellen) >= 12:
        b, a = np.polyfit(x, y, 1)
        rest = y - (a + b * x)
        s2 = float(rest @ rest) / (len(x) - 2)
        sxx = float(((x - x.mean()) ** 2).sum())
        se = math.sqrt(s2 / sxx)
        if se > 1e-9 and abs(b) / se >= 2:
            trend = math.exp(12 * b) - 1
            niveau = float(math.exp(a + b * len(tellen))) - 0.5  # fitted level at the peildatum
            se_fit = math.sqrt(s2 * (1 / len(x) + (len(x) - x.mean()) ** 2 / sxx))
            se_niveau = (niveau + 0.5) * se_fit
        # a trend too small to tell from noise is 0, but as uncertain as the fitted one
        onzeker["instroom_trend_per_jaar"] = _se(12 * se * (1 + trend))
    onzeker["instroom_per_maand"] = _se(se_niveau)
    if niveau <= 0:
        raise TeWeinigHistorie("instroom: geen nieuwe maatregelen in de laatste 12 maanden")
    uit["instroom_per_maand"] = round(niveau, 1)
    uit["instroom_trend_per_jaar"] = round(trend, 4)
    uit["onzekerheid"] = onzeker
    schat.append(
        Schatting(
            "instroom_per_maand",
            uit["instroom_per_maand"],
            f"{int(tellen.sum())} maatregelen gestart in {len(tellen)} maanden; "
            + (
                f"trend {trend:+.1%} per jaar (|t| ≥ 2)"
                if trend
                else "geen significante trend: gemiddelde van de laatste 12 maanden"
            ),
        )
    )
    if len(tellen) >= 36:
        per_maand = np.zeros(12)
        for k, d in enumerate(maanden):
            per_maand[d.month - 1] += tellen[k] / math.exp(math.log(1 + trend) * k / 12)
        chi2 = stats.chisquare(per_maand)
        if chi2.pvalue < 0.01:
            uit["seizoen"] = tuple(round(float(f), 3) for f in per_maand / per_maand.mean())
            schat.append(
                Schatting("seizoen", uit["seizoen"], f"χ²-toets p = {chi2.pvalue:.3g} < 0.01")
            )
        else:
            schat.append(Schatting("seizoen", "vlak", f"geen seizoen (χ² p = {chi2.pvalue:.2f})"))
    return uit


def _duur(h: Historie, begin: date, schat: list[Schatting]) -> dict[str, object]:
    """The exit rate of the clients in execution over the last 12 months (as the inflow): the
    composition of the stock changes slowly (long guardianships, short youth probation), and a
    forecast needs the rate it has now, not the one of two years ago."""
    recent = max(begin, plus_maanden(h.peildatum, -12))
    blootstelling = sum(_overlap(m.start, m.einde, recent, h.peildatum) for m in h.maatregelen)
    einden = sum(
        1 for m in h.maatregelen if m.einde is not None and recent <= m.einde < h.peildatum
    )
    if not einden:
        raise TeWeinigHistorie("duur_dagen: geen beëindigde maatregelen in de laatste 12 maanden")
    duur = round(blootstelling / einden, 1)
    schat.append(
        Schatting(
            "duur_dagen",
            duur,
            f"{einden} einden op {blootstelling:,} cliëntdagen in de laatste 12 maanden",
        )
    )
    # ends per client-day are Poisson: the rate, so the mean, is known to 1 / sqrt(ends)
    uit: dict[str, object] = {
        "duur_dagen": duur,
        "onzekerheid": {"duur_dagen": _se(duur / math.sqrt(einden))},
    }
    typen = _typen(h, begin, recent, duur)
    if len(typen) > 1:
        uit["typen"] = typen
        schat.append(
            Schatting(
                "typen",
                "; ".join(
                    f"{t.naam} {t.eerst_dagen:.0f} / {t.duur_dagen:.0f} / {t.rest_dagen:.0f} d "
                    f"({t.instroom:.0%} / {t.voorraad:.0%})"
                    for t in typen
                ),
                "per type 1 / de kans per dag dat een maatregel eindigt (einden per cliëntdag): "
                "nieuw, in de eerste jaren (gestart in het venster) / ouder dan het venster / "
                "van de lopende op de peildatum (laatste 12 maanden); het aandeel in de nieuwe "
                "maatregelen / in de uitvoering op de peildatum",
            )
        )
    return uit


@dataclass(slots=True)
class _Telling:
    """What one code's (or the pool's) shares and durations are estimated from."""

    dagen: float = 0.0  # client-days in the last 12 months
    einden: int = 0  # ... and the ends in them
    starts: int = 0  # measures started in the last 12 months
    lopend: int = 0  # in execution at the peildatum
    nieuw_dagen: float = 0.0  # client-days of the measures started in the window
    nieuw_einden: int = 0
    oud_dagen: float = 0.0  # client-days in the last 12 months older than the window
    oud_einden: int = 0

    def tel_op(self, ander: _Telling) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(ander, f.name))


def _typen(h: Historie, begin: date, recent: date, duur: float) -> tuple[Maatregeltype, ...]:
    """Per code its shares and exit rates; codes with too few ends or starts to estimate from
    are pooled as "overig", a rate with too few ends falls back to the stock's."""
    t = h.peildatum
    oud = _dagen(begin, t)  # a measure older than the window is past its first phase
    tel: dict[str, _Telling] = defaultdict(_Telling)
    for m in h.maatregelen:
        if m.code is None:
            return ()
        c = tel[m.code.kort]
        einde = m.einde if m.einde is not None and m.einde < t else None
        c.dagen += _overlap(m.start, m.einde, recent, t)
        c.einden += einde is not None and recent <= einde
        c.starts += recent <= m.start < t
        c.lopend += m.start <= t and (m.einde is None or m.einde > t)
        if begin <= m.start < t:
            c.nieuw_dagen += _overlap(m.start, m.einde, m.start, t)
            c.nieuw_einden += einde is not None
        ouder = max(recent, m.start + timedelta(days=oud))
        if ouder < t:
            c.oud_dagen += _overlap(ouder, m.einde, ouder, t)
            c.oud_einden += einde is not None and ouder <= einde
    groepen: dict[str, _Telling] = {}
    for naam, c in sorted(tel.items(), key=lambda kv: -kv[1].lopend):
        eigen = c.einden >= MIN_TYPE and c.starts >= MIN_TYPE
        groepen.setdefault(naam if eigen else "overig", _Telling()).tel_op(c)
    starts = sum(g.starts for g in groepen.values())
    lopend = sum(g.lopend for g in groepen.values())
    if not starts or not lopend:
        return ()

    def gemiddeld(dagen: float, einden: int, anders: float) -> float:
        return round(dagen / einden, 1) if einden >= MIN_TYPE else anders

    typen = []
    for naam, g in groepen.items():
        if not (g.starts or g.lopend):
            continue
        rest = round(g.dagen / g.einden, 1) if g.einden else duur  # a pool without ends
        typen.append(
            Maatregeltype(
                naam,
                instroom=round(g.starts / starts, 4),
                voorraad=round(g.lopend / lopend, 4),
                duur_dagen=gemiddeld(g.oud_dagen, g.oud_einden, rest),
                eerst_dagen=gemiddeld(g.nieuw_dagen, g.nieuw_einden, rest),
                eerst_tot_dagen=float(oud),
                rest_dagen=rest,
            )
        )
    return tuple(typen)  # shares rounded: the engine normalises them


def _personeel(h: Historie, begin: date, schat: list[Schatting]) -> dict[str, object]:  # noqa: C901
    t = h.peildatum
    alle = [w.stand for w in h.medewerkers]
    zaak = [m for m in alle if m.rol.heeft_caseload]
    in_dienst = [m for m in zaak if m.in_dienst(t)]
    fte = sum(m.fte for m in in_dienst)
    if fte <= 0:
        raise TeWeinigHistorie("medewerkers: geen jeugdbeschermers in dienst op de peildatum")
    overig = sum(
        m.beschikbaar_fte(t, h.inwerkfactor)
        for m in alle
        if m.rol.in_formatie and not m.rol.heeft_caseload
    )
    inwerkend = sum(m.fte for m in in_dienst if m.is_(Beschikbaarheid.INWERKEN, t))
    drempel = h.ziekte_drempel_dagen

    ziek_nu = sum(m.fte for m in in_dienst if m.is_(Beschikbaarheid.ZIEK, t))
    fte_dagen = sum(
        m.fte * _overlap(m.dienstverband.van, m.dienstverband.tot, begin, t) for m in zaak
    )
    fte_jaren = fte_dagen / 365.25
    vertrekkers = [
        m for m in zaak if m.dienstverband.tot is not None and begin < m.dienstverband.tot <= t
    ]
    vertrokken = sum(m.fte for m in vertrekkers)
    verloop = vertrokken / (fte_jaren or 1)
    onzeker: dict[str, float] = {}
    if vertrekkers:  # leavers are Poisson: the rate is known to 1 / sqrt(their number)
        onzeker["verloop_per_jaar"] = _se(verloop / math.sqrt(len(vertrekkers)))

    # vacancies: a leaver to the next hire in the same GI and role, first come first served
    vertrek: dict[tuple[str, str], list[date]] = defaultdict(list)
    nieuw: dict[tuple[str, str], list[date]] = defaultdict(list)
    for w in h.medewerkers:
        m = w.stand
        if not m.rol.heeft_caseload:
            continue
        if m.dienstverband.tot is not None and begin <= m.dienstverband.tot <= t:
            vertrek[w.gi, m.rol.value].append(m.dienstverband.tot)
        if begin <= m.dienstverband.van <= t:
            nieuw[w.gi, m.rol.value].append(m.dienstverband.van)
    gaten: list[int] = []
    for sleutel, weg in vertrek.items():
        erbij = sorted(nieuw.get(sleutel, []))
        j = 0
        for d in sorted(weg):
            while j < len(erbij) and erbij[j] < d:
                j += 1
            if j < len(erbij):
                gaten.append(_dagen(d, erbij[j]))
                j += 1

    # sickness: long episodes (beyond the threshold) as events, the rest as a share of FTE
    lang_n = lang_dicht_n = 0  # episodes, and those closed
    lang_fte = lang_dicht = 0.0  # FTE-weighted: a unit of the simulator is one FTE
    lang_extra = 0.0  # days beyond the threshold
    lang_fte_dagen = 0.0  # FTE-days inside long episodes: not at risk of falling ill again
    kort_fte_dagen = 0.0
    for m in zaak:
        for s, p in m.afwezigheden:
            if s is not Beschikbaarheid.ZIEK or p.tot is not None and p.tot <= begin or p.van >= t:
                continue
            # an episode open when its employee left ends with the employment (censored)
            tot = min(p.tot or t, m.dienstverband.tot or t, t)
            lengte = _dagen(p.van, tot)
            if lengte > drempel:
                lang_fte_dagen += m.fte * _overlap(p.van, tot, begin, t)
                if p.van >= begin:
                    lang_n += 1
                    lang_fte += m.fte
                    lang_extra += m.fte * (lengte - drempel)
                    lang_dicht += m.fte * (p.tot is not None and p.tot <= tot)
                    lang_dicht_n += p.tot is not None and p.tot <= tot
            else:
                kort_fte_dagen += m.fte * _overlap(p.van, tot, begin, t)
    inwerk = [
        _dagen(p.van, p.tot)
        for m in zaak
        for s, p in m.afwezigheden
        if s is Beschikbaarheid.INWERKEN and p.tot is not None and p.tot <= t
    ]
    kort = round(kort_fte_dagen / fte_dagen, 4) if fte_dagen else 0.0
    uit: dict[str, object] = {
        "medewerkers": round(fte),
        "begin_inwerkend": round(inwerkend),
        "begin_ziek": round(max(0.0, ziek_nu - kort * fte)),
        "fte_overig": round(overig, 1),
        "verloop_per_jaar": round(verloop, 4),
        "inwerkfactor": h.inwerkfactor,
        "onzekerheid": onzeker,
    }
    schat += [
        Schatting("medewerkers", uit["medewerkers"], f"{fte:.1f} fte jeugdbeschermers in dienst"),
        Schatting("begin_inwerkend", uit["begin_inwerkend"], f"{inwerkend:.1f} fte werkt nog in"),
        Schatting(
            "begin_ziek",
            uit["begin_ziek"],
            f"{ziek_nu:.1f} fte ziek, min het kort verzuim dat kort_verzuim al telt",
        ),
        Schatting(
            "fte_overig",
            uit["fte_overig"],
            "beschikbare fte in de formatie zonder caseload (ondersteunend)",
        ),
        Schatting(
            "verloop_per_jaar",
            uit["verloop_per_jaar"],
            f"{vertrokken:.1f} fte uit dienst op {fte_jaren:,.0f} fte-jaren",
        ),
    ]
    if gaten:
        uit["vacature_dagen"] = round(statistics.fmean(gaten), 1)
        if se := _se_gemiddelde(gaten):
            onzeker["vacature_dagen"] = se
        schat.append(
            Schatting(
                "vacature_dagen", uit["vacature_dagen"], f"{len(gaten)} vertrekkers opgevolgd"
            )
        )
    risico_jaren = (fte_dagen - lang_fte_dagen) / 365.25  # a hazard: per FTE-year at risk
    if lang_n and risico_jaren > 0:
        ziek_tempo = lang_fte / risico_jaren
        # exponential ML beyond the threshold; with none closed yet, a lower bound
        ziek_extra = lang_extra / (lang_dicht or lang_fte)
        uit["lang_ziek_per_jaar"] = round(ziek_tempo, 4)
        uit["lang_ziek_dagen"] = round(drempel + ziek_extra, 1)
        onzeker["lang_ziek_per_jaar"] = _se(ziek_tempo / math.sqrt(lang_n))
        onzeker["lang_ziek_dagen"] = _se(ziek_extra / math.sqrt(lang_dicht_n or lang_n))
        schat.append(
            Schatting(
                "lang_ziek_per_jaar",
                uit["lang_ziek_per_jaar"],
                f"{lang_n} ziekmeldingen langer dan {drempel} dagen op {risico_jaren:,.0f} "
                f"fte-jaren niet langdurig ziek; gemiddeld {uit['lang_ziek_dagen']} dagen",
            )
        )
    if fte_dagen:
        uit["kort_verzuim"] = kort
        schat.append(
            Schatting(
                "kort_verzuim", uit["kort_verzuim"], f"ziek tot {drempel} dagen, deel van fte"
            )
        )
    if inwerk:
        uit["inwerk_dagen"] = round(statistics.fmean(inwerk), 1)
        if se := _se_gemiddelde(inwerk):
            onzeker["inwerk_dagen"] = se
        schat.append(
            Schatting("inwerk_dagen", uit["inwerk_dagen"], f"{len(inwerk)} inwerkperioden")
        )
    return uit


def _proces(h: Historie, begin: date, schat: list[Schatting]) -> dict[str, object]:  # noqa: C901
    """The monitor puts a child on the start list the day after its 5 working days (Algemene
    termijnenwet) until the day before its jeugdbeschermer starts; the simulator does so after
    ``norm_dagen``. So ``norm_dagen`` is the mean calendar length of that term and the excess
    wait is counted in the monitor's days on the list."""
    t = h.peildatum
    direct = 0
    excess: list[float] = []
    open_: list[float] = []
    termijnen: list[int] = []
    for m in h.maatregelen:
        if not begin <= m.start <= t - timedelta(days=NORM_DAGEN):
            continue
        termijn = werkdagen_na(m.start, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, h.kalender)
        if termijn >= t:
            continue
        termijnen.append(_dagen(m.start, termijn))
        if m.eerste_toewijzing is not None and m.eerste_toewijzing <= t:
            if m.eerste_toewijzing <= termijn:
                direct += 1
            else:
                excess.append(_dagen(termijn, m.eerste_toewijzing) - 1)
        else:
            tot = m.einde if m.einde is not None and m.einde < t else t
            if tot > termijn:
                open_.append(_dagen(termijn, tot) - 1)
    n = direct + len(excess) + len(open_)
    if not n:
        raise TeWeinigHistorie("start_direct: geen nieuwe maatregelen in het venster")
    p = direct / n
    # a share's binomial standard error; an exponential mean's is the mean / sqrt(observed)
    onzeker = {"start_direct": _se(math.sqrt(p * (1 - p) / n))}
    uit: dict[str, object] = {
        "start_direct": round(p, 4),
        "norm_dagen": round(statistics.fmean(termijnen), 2),
        "onzekerheid": onzeker,
    }
    gem = _exp_gemiddelde(excess, open_)
    if gem is not None:
        uit["start_vertraging_dagen"] = round(gem, 1)
        onzeker["start_vertraging_dagen"] = _se(gem / math.sqrt(len(excess)))
    schat.append(
        Schatting(
            "start_direct",
            uit["start_direct"],
            f"{direct} van {n} nieuwe maatregelen binnen 5 werkdagen een jeugdbeschermer; "
            f"de anderen gemiddeld {gem or 0:.1f} dagen op de startwachtlijst "
            f"({len(open_)} nog wachtend)",
        )
    )
    uitval = [u for u in h.uitval if begin <= u.dag <= t]
    warm = sum(1 for u in uitval if u.volgende is not None and u.volgende <= u.dag)
    gaten = [_dagen(u.dag, u.volgende) for u in uitval if u.volgende and u.volgende > u.dag]
    wachtend = [
        _dagen(u.dag, u.einde if u.einde is not None and u.einde < t else t)
        for u in uitval
        if u.volgende is None
    ]
    if uitval:
        q = warm / len(uitval)
        uit["intern_warm"] = round(q, 4)
        onzeker["intern_warm"] = _se(math.sqrt(q * (1 - q) / len(uitval)))
        gem_i = _exp_gemiddelde([float(g) for g in gaten], [float(w) for w in wachtend])
        if gem_i is not None:
            uit["intern_vertraging_dagen"] = round(gem_i, 1)
            onzeker["intern_vertraging_dagen"] = _se(gem_i / math.sqrt(len(gaten)))
        schat.append(
            Schatting(
                "intern_warm",
                uit["intern_warm"],
                f"{warm} van {len(uitval)} kinderen dezelfde dag overgedragen na uitval; de "
                f"anderen gemiddeld {gem_i or 0:.1f} dagen",
            )
        )
    ziekte = [u.ziekte_dagen for u in uitval if u.ziekte_dagen is not None]
    if ziekte:
        uit["ziekte_drempel_dagen"] = float(statistics.median(ziekte))
        schat.append(
            Schatting(
                "ziekte_drempel_dagen",
                uit["ziekte_drempel_dagen"],
                f"mediaan van {len(ziekte)} overdrachten wegens ziekte",
            )
        )
    else:
        uit["ziekte_drempel_dagen"] = float(h.ziekte_drempel_dagen)
    for naam, reeks, wat in (
        ("veiligheidsplan_dagen", h.plan_dagen, "jeugdbeschermer → veiligheidsplan"),
        ("hulpaanbod_dagen", h.hulp_dagen, "start → hulpaanbod"),
    ):
        if reeks:
            uit[naam] = round(max(1.0, statistics.fmean(reeks)), 1)
            if se := _se_gemiddelde(reeks):
                onzeker[naam] = se
            schat.append(Schatting(naam, uit[naam], f"{len(reeks)} keer {wat}"))
    return uit


def _binnen_norm(h: Historie) -> int:
    """Children whose measure runs at the peildatum without a jeugdbeschermer yet, still within
    their 5 working days: not on the monitor's start list today, but many will be."""
    t = h.peildatum
    return sum(
        1
        for m in h.maatregelen
        if t - timedelta(days=21) <= m.start <= t
        and (m.einde is None or m.einde > t)
        and (m.eerste_toewijzing is None or m.eerste_toewijzing > t)
        and werkdagen_na(m.start, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, h.kalender) >= t
    )


def kalibreer(h: Historie, *, venster_maanden: int = 24, horizon_maanden: int = 12) -> Kalibratie:
    """Parameters for a forecast from ``h.peildatum`` on, estimated from the window before it."""
    begin = plus_maanden(h.peildatum, -venster_maanden)
    schat: list[Schatting] = []
    velden: dict[str, object] = {}
    onzekerheid: dict[str, float] = {}
    for schatter in (_instroom, _duur, _personeel, _proces):
        deel = schatter(h, begin, schat)
        onzekerheid |= deel.pop("onzekerheid", {})  # type: ignore[call-overload]
        velden |= deel
    velden["onzekerheid"] = {naam: se for naam, se in onzekerheid.items() if se > 0}
    if h.caseloads:
        velden["norm"] = round(float(np.percentile(h.caseloads, 95)), 1)
        schat.append(
            Schatting(
                "norm",
                velden["norm"],
                f"P95 van de caseload per fte van {len(h.caseloads)} beschikbare jeugdbeschermers",
            )
        )
    velden |= {
        "begin_clienten": h.clienten,
        "begin_binnen_norm": _binnen_norm(h),
        "begin_wachtlijst_start": h.wachtlijst_start,
        "begin_wachtlijst_intern": h.wachtlijst_intern,
        "horizon_maanden": horizon_maanden,
    }
    schat.append(
        Schatting(
            "onzekerheid",
            f"{len(velden['onzekerheid'])} standaardfouten",  # type: ignore[arg-type]
            "de standaardfout van elke schatting hierboven die uit tellingen komt (Poisson, "
            "binomiaal, exponentieel, of de spreiding van de maanden); elke replicatie trekt "
            "die parameters opnieuw, zodat de banden ook de onzekerheid van de schatting tonen",
        )
    )
    schat.append(
        Schatting(
            "begin",
            f"{h.clienten} / {h.wachtlijst_start} / {h.wachtlijst_intern} / "
            f"{velden['begin_binnen_norm']}",
            "cliënten / wachtlijst start / interne wachtlijst op de peildatum (monitor) / nog "
            "binnen de 5 werkdagen zonder jeugdbeschermer (nog niet op de lijst)",
        )
    )
    return Kalibratie(h.peildatum, replace(Parameters(), **velden), tuple(schat))  # type: ignore[arg-type]
