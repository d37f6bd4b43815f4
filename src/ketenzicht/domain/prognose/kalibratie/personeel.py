"""Staff, from the formation roles and their absences.

Case-holding FTE (jeugdbeschermers and jeugdreclasseerders) and the support staff's (the formation
without a caseload) in service, onboarding and long-sick at the peildatum; turnover as FTE that left
per mean FTE-year; the vacancy as the days from a leaver to the next hire in the same GI and role;
sickness split at the GI's threshold into long episodes (a rate and a mean length) and the short
remainder (a share of FTE); the length of onboarding. A unit of the simulator is one FTE, so
everything is weighted by FTE.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ketenzicht.domain.capaciteit import Beschikbaarheid, MedewerkerStand
from ketenzicht.domain.prognose.kalibratie.historie import Historie, TeWeinigHistorie
from ketenzicht.domain.prognose.kalibratie.schatting import (
    Deel,
    Schatting,
    dagen,
    exp_gemiddelde,
    nl,
    overlap,
    samen,
    se,
    se_gemiddelde,
)
from ketenzicht.domain.prognose.parameters import STAFGROEPEN

OPEN_DAGEN = 365  # a leaver without a successor this long ago is a post cut, not a vacancy


@dataclass(slots=True)
class _Ziekte:
    """The case-holders' sickness in the window, split at the GI's threshold (FTE-weighted)."""

    lang_n: int = 0  # long episodes begun in the window
    lang_dicht_n: int = 0  # ... and those closed
    lang_fte: float = 0.0
    lang_dicht: float = 0.0
    lang_extra: float = 0.0  # FTE-days beyond the threshold
    kort_fte_dagen: float = 0.0
    # FTE-days at risk of a long episode: in service and not inside one, up to the last day an
    # episode's class is known (see _ziekte)
    risico_fte_dagen: float = 0.0


@dataclass(frozen=True, slots=True)
class _Staf:
    """The staff of the window ``begin``–``t``, read once for every estimate below."""

    h: Historie
    begin: date
    t: date
    alle: list[MedewerkerStand]
    zaak: list[MedewerkerStand]  # the case-holders
    in_dienst: list[MedewerkerStand]  # ... in service at the peildatum
    fte: float  # ... their FTE
    fte_dagen: float  # the case-holders' FTE-days in the window
    ziekte: _Ziekte

    @classmethod
    def van(cls, h: Historie, begin: date) -> _Staf:
        t = h.peildatum
        alle = [w.stand for w in h.medewerkers]
        zaak = [m for m in alle if m.rol.heeft_caseload]
        in_dienst = [m for m in zaak if m.in_dienst(t)]
        fte = sum(m.fte for m in in_dienst)
        if fte <= 0:
            raise TeWeinigHistorie("medewerkers: geen jeugdbeschermers in dienst op de peildatum")
        fte_dagen = sum(
            m.fte * overlap(m.dienstverband.van, m.dienstverband.tot, begin, t) for m in zaak
        )
        ziekte = _ziekte(zaak, begin, t, h.ziekte_drempel_dagen)
        return cls(h, begin, t, alle, zaak, in_dienst, fte, fte_dagen, ziekte)

    @property
    def kort_verzuim(self) -> float:
        return round(self.ziekte.kort_fte_dagen / self.fte_dagen, 4) if self.fte_dagen else 0.0


def personeel(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    s = _Staf.van(h, begin)
    schatters = (_formatie, _verloop, _vacatures, _lang_ziek, _kort_verzuim, _inwerken)
    return samen([schatter(s, schat) for schatter in schatters])


def _ziekte(zaak: list[MedewerkerStand], begin: date, t: date, drempel: int) -> _Ziekte:
    """Long episodes (longer than ``drempel``) begun in the window, and the time at risk of one.

    Whether an episode begun in the last ``drempel`` days before ``t`` will be long is not known
    yet: one still open may pass the threshold tomorrow. Only an episode begun before
    ``t - drempel`` can have been seen to be long, so the time at risk ends there too. Counting
    it to ``t`` set the onsets of ``window - drempel`` days against the time of the whole
    window: on the demo, 24 months and a threshold of 28 days, a rate 4% low — and as many
    children fewer handed over in the forecast, its internal waiting list that much short."""
    grens = t - timedelta(days=drempel)
    z = _Ziekte()
    for m in zaak:
        z.risico_fte_dagen += m.fte * overlap(
            m.dienstverband.van, m.dienstverband.tot, begin, grens
        )
        for s, p in m.afwezigheden:
            if s is not Beschikbaarheid.ZIEK or p.tot is not None and p.tot <= begin or p.van >= t:
                continue
            # an episode open when its employee left ends with the employment (censored)
            tot = min(p.tot or t, m.dienstverband.tot or t, t)
            lengte = dagen(p.van, tot)
            if lengte <= drempel:
                z.kort_fte_dagen += m.fte * overlap(p.van, tot, begin, t)
                continue
            z.risico_fte_dagen -= m.fte * overlap(p.van, tot, begin, grens)
            if p.van >= begin:
                dicht = p.tot is not None and p.tot <= tot
                z.lang_n += 1
                z.lang_fte += m.fte
                z.lang_extra += m.fte * (lengte - drempel)
                z.lang_dicht += m.fte * dicht
                z.lang_dicht_n += dicht
    return z


def _formatie(s: _Staf, schat: list[Schatting]) -> Deel:
    """The start state: who is in service, onboarding and long-sick, of the case-holders and of
    the support staff (the formation without a caseload), each in FTE units."""
    ondersteuners = [
        m for m in s.alle if m.rol.in_formatie and not m.rol.heeft_caseload and m.in_dienst(s.t)
    ]
    uit: Deel = {"inwerkfactor": s.h.inwerkfactor}
    groepen = ((s.in_dienst, "jeugdbeschermers"), (ondersteuners, "ondersteuners"))
    for (groep, wie), (dienst, inwerk, ziek) in zip(groepen, STAFGROEPEN, strict=True):
        fte = sum(m.fte for m in groep)
        inwerkend = sum(m.fte for m in groep if m.is_(Beschikbaarheid.INWERKEN, s.t))
        ziek_nu = sum(m.fte for m in groep if m.is_(Beschikbaarheid.ZIEK, s.t))
        uit |= {
            dienst: round(fte),
            inwerk: round(inwerkend),
            ziek: round(max(0.0, ziek_nu - s.kort_verzuim * fte)),
        }
        schat += [
            Schatting(dienst, uit[dienst], f"{nl(fte, 1)} fte {wie} in dienst"),
            Schatting(inwerk, uit[inwerk], f"{nl(inwerkend, 1)} fte werkt nog in"),
            Schatting(
                ziek,
                uit[ziek],
                f"{nl(ziek_nu, 1)} fte ziek, min het kort verzuim dat kort_verzuim al telt",
            ),
        ]
    return uit


def _verloop(s: _Staf, schat: list[Schatting]) -> Deel:
    vertrekkers = [
        m
        for m in s.zaak
        if m.dienstverband.tot is not None and s.begin < m.dienstverband.tot <= s.t
    ]
    vertrokken = sum(m.fte for m in vertrekkers)
    fte_jaren = s.fte_dagen / 365.25
    verloop = vertrokken / (fte_jaren or 1)
    uit: Deel = {"verloop_per_jaar": round(verloop, 4)}
    if vertrekkers:  # leavers are Poisson: the rate is known to 1 / sqrt(their number)
        uit["onzekerheid"] = {"verloop_per_jaar": se(verloop / math.sqrt(len(vertrekkers)))}
    schat.append(
        Schatting(
            "verloop_per_jaar",
            uit["verloop_per_jaar"],
            f"{nl(vertrokken, 1)} fte uit dienst op {nl(fte_jaren)} fte-jaren",
        )
    )
    return uit


def _vacatures(s: _Staf, schat: list[Schatting]) -> Deel:
    """A leaver to the next hire in the same GI and role, first come first served: the days
    between them, and the vacancies still open at the peildatum (leavers of the last
    ``OPEN_DAGEN`` days without a hire after them yet, as FTE).

    The matching starts ``OPEN_DAGEN`` before the window, so that a hire early in the window
    who replaced someone who left before it is not taken for the successor of a later leaver
    (a short gap that never was); and a vacancy still open at the peildatum counts as a wait
    so far (right-censored, exponential maximum likelihood, as the simulator draws it), not
    as nothing: leaving out the long ones that have not ended yet made the mean 42.9 days on
    the demo, whose vacancies last 50."""
    vroeg = s.begin - timedelta(days=OPEN_DAGEN)
    vertrek: dict[tuple[str, str], list[tuple[date, float]]] = defaultdict(list)
    nieuw: dict[tuple[str, str], list[date]] = defaultdict(list)
    for w in s.h.medewerkers:
        m = w.stand
        if not m.rol.heeft_caseload:
            continue
        if m.dienstverband.tot is not None and vroeg <= m.dienstverband.tot <= s.t:
            vertrek[w.gi, m.rol.value].append((m.dienstverband.tot, m.fte))
        if vroeg <= m.dienstverband.van <= s.t:
            nieuw[w.gi, m.rol.value].append(m.dienstverband.van)
    gaten: list[int] = []
    open_: list[int] = []
    open_fte = 0.0
    for sleutel, weg in vertrek.items():
        erbij = sorted(nieuw.get(sleutel, []))
        j = 0
        for d, fte in sorted(weg):
            while j < len(erbij) and erbij[j] < d:
                j += 1
            if j < len(erbij):
                if d >= s.begin:
                    gaten.append(dagen(d, erbij[j]))
                j += 1
            elif dagen(d, s.t) <= OPEN_DAGEN:
                open_.append(dagen(d, s.t))
                open_fte += fte
    if not any(s.begin <= d <= s.t for weg in vertrek.values() for d, _ in weg):
        return {}
    uit: Deel = {"begin_vacatures": round(open_fte)}
    gem = exp_gemiddelde(gaten, open_)
    if gem is not None:  # with no successor at all yet, the vacancy's length keeps its default
        uit["vacature_dagen"] = round(gem, 1)
        if fout := se_gemiddelde(gaten):  # their own spread: a vacancy is no exponential
            uit["onzekerheid"] = {"vacature_dagen": fout}
        schat.append(
            Schatting(
                "vacature_dagen",
                uit["vacature_dagen"],
                f"{len(gaten)} vertrekkers opgevolgd, {len(open_)} nog niet",
            )
        )
    schat.append(
        Schatting(
            "begin_vacatures",
            uit["begin_vacatures"],
            f"{nl(open_fte, 1)} fte vertrokken in de laatste {OPEN_DAGEN} dagen, "
            "nog niet opgevolgd",
        )
    )
    return uit


def _lang_ziek(s: _Staf, schat: list[Schatting]) -> Deel:
    """Long sickness as events: a hazard per FTE-year at risk, the GI's threshold as the
    episode's certain part and an exponential rest beyond it (maximum likelihood; with none
    closed yet, a lower bound) — also what is left of an episode under way at the peildatum."""
    z, drempel = s.ziekte, s.h.ziekte_drempel_dagen
    risico_jaren = z.risico_fte_dagen / 365.25
    if not z.lang_n or risico_jaren <= 0:
        return {}
    tempo = z.lang_fte / risico_jaren
    extra = z.lang_extra / (z.lang_dicht or z.lang_fte)
    uit: Deel = {
        "lang_ziek_per_jaar": round(tempo, 4),
        "lang_ziek_dagen": round(drempel + extra, 1),
        "lang_ziek_vanaf_dagen": float(drempel),
        "onzekerheid": {
            "lang_ziek_per_jaar": se(tempo / math.sqrt(z.lang_n)),
            "lang_ziek_dagen": se(extra / math.sqrt(z.lang_dicht_n or z.lang_n)),
        },
    }
    schat.append(
        Schatting(
            "lang_ziek_per_jaar",
            uit["lang_ziek_per_jaar"],
            f"{z.lang_n} ziekmeldingen langer dan {drempel} dagen op {nl(risico_jaren)} "
            f"fte-jaren niet langdurig ziek; gemiddeld {uit['lang_ziek_dagen']} dagen",
        )
    )
    return uit


def _kort_verzuim(s: _Staf, schat: list[Schatting]) -> Deel:
    """The rest of sickness, up to the threshold, as a share of FTE away."""
    if not s.fte_dagen:
        return {}
    schat.append(
        Schatting(
            "kort_verzuim",
            s.kort_verzuim,
            f"ziek tot {s.h.ziekte_drempel_dagen} dagen, deel van fte",
        )
    )
    return {"kort_verzuim": s.kort_verzuim}


def _inwerken(s: _Staf, schat: list[Schatting]) -> Deel:
    inwerk = [
        dagen(p.van, p.tot)
        for m in s.zaak
        for soort, p in m.afwezigheden
        if soort is Beschikbaarheid.INWERKEN and p.tot is not None and p.tot <= s.t
    ]
    if not inwerk:
        return {}
    uit: Deel = {"inwerk_dagen": round(statistics.fmean(inwerk), 1)}
    if fout := se_gemiddelde(inwerk):
        uit["onzekerheid"] = {"inwerk_dagen": fout}
    schat.append(Schatting("inwerk_dagen", uit["inwerk_dagen"], f"{len(inwerk)} inwerkperioden"))
    return uit
