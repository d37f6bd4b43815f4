"""A seeded event simulation that writes a few years of a GI's history as plain records.

It is data generation, not the forecasting model: measures arrive and end, caseworkers are
hired, fall ill, recover and leave, and children get, lose and regain a vaste jeugdbeschermer,
within the workload norm the GIs register (``NORM_CLIENTEN_PER_FTE``).
The constants below are calibrated so that a ``landelijk`` run lands near the monitor of
1 April 2024 (DOMAIN.md): ~32,000 clients, ~2,550 FTE formation of which ~88% available,
sickness ~7%, turnover ~15%/yr, a start waitlist of ~500 (~34 days) and an internal waitlist of
~800 (~45 days). Everything is deterministic for a given seed and end date.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from ketenzicht.demo.feiten import (
    Gezin,
    Kind,
    Maatregel,
    Medewerker,
    Opdracht,
    Periode,
    Toewijzing,
    Uitkomst,
)
from ketenzicht.demo.stamdata import ACHTERNAMEN, ACHTERNAMEN_MW, VOORNAMEN, VOORNAMEN_MW
from ketenzicht.domain.capaciteit import Beschikbaarheid, Rol
from ketenzicht.domain.maatregelen import (
    EindeReden,
    MaatregelCode,
    Soort,
    ToewijzingEindeReden,
    achttiende_verjaardag,
)
from ketenzicht.domain.werklast import Werklastnorm

C = MaatregelCode
# code: (share of the clients in execution, mean duration in years)
MIX: dict[MaatregelCode, tuple[float, float]] = {
    C.OTS: (0.50, 4.5),
    C.VOORLOPIGE_OTS: (0.01, 0.4),
    C.VOOGDIJ: (0.17, 8.0),
    C.VOORLOPIGE_VOOGDIJ: (0.005, 0.5),
    C.TIJDELIJKE_VOOGDIJ: (0.01, 2.0),
    C.JR_41: (0.12, 2.0),
    C.JR_42: (0.04, 1.2),
    C.JR_50: (0.04, 2.0),
    C.JR_51: (0.02, 2.0),
    C.JR_61: (0.03, 2.5),
    C.JR_62: (0.025, 1.0),
    C.JR_63: (0.01, 1.0),
    C.PREVENTIEF_JUSTITIEEL: (0.01, 1.0),
}
INSTROOM_CORRECTIE = 1.22  # children turning 18 end measures early; inflow makes up for it
FTE_FORMATIE_PER_CLIENT = 2_550 / 32_080
FTE_KEUZES = (0.6, 0.7, 0.8, 0.8, 0.89, 0.89, 1.0, 1.0, 1.0)
# per role its share of the formation; the case-holders in proportion to their clients
ROLLEN = ((Rol.JEUGDBESCHERMER, 0.63), (Rol.JEUGDRECLASSEERDER, 0.23), (Rol.ONDERSTEUNEND, 0.14))
NIET_FORMATIE_AANDEEL = 0.08  # gedragsdeskundigen and juridisch medewerkers on top
VERLOOP_PER_JAAR = 0.15
VACATURE_DAGEN = (20, 80)
INWERK_DAGEN = 240
ZIEK_PER_JAAR = 0.75  # episodes; with the durations below ~7% of time is spent sick
ZIEK_KORT = (0.7, 6.0)  # share of episodes, mean days
ZIEK_LANG_GEM = 100.0
ZIEK_LANG_DREMPEL = 28  # an episode this long ends the vaste relation ...
ZIEK_OVERDRACHT_NA = 10  # ... this many days after it began
DIRECT_TOEGEWEZEN = 0.36  # share of new measures with a jeugdbeschermer within the norm
START_WACHT_GEM = 27.0  # mean extra days for the others, after the first 7 calendar days
WARME_OVERDRACHT = 0.34  # share of children a colleague takes over the same day
INTERN_WACHT_GEM = 48.0
BROER_ZUS_KANS = 0.3
# The werklastnorm the demo GIs register (organisaties.Werklastnorm) and keep to when they
# assign: a caseworker takes a child while their weighted caseload stays within NORM × fte, as
# the planner's service allows without a reason; only when nobody of the role has room does the
# child go to the least loaded, above the norm and with the reason recorded. The
# organisatieworkload of ~14 counts support staff too, so a caseworker's own caseload is
# higher; a jeugdreclassering client weighs a little less than a child under a protection
# measure.
NORM = Werklastnorm(17.0, {Soort.JEUGDRECLASSERING: 0.85})
NORM_CLIENTEN_PER_FTE = NORM.clienten_per_fte
BOVEN_NORM_REDEN = "Niemand in de rol had ruimte binnen de norm; het kind wacht niet langer."


def gewicht(code: MaatregelCode) -> float:
    return NORM.gewicht(code)


class _Ids:
    def __init__(self) -> None:
        self.tellers: dict[str, Iterator[int]] = {}

    def volgende(self, soort: str) -> int:
        return next(self.tellers.setdefault(soort, itertools.count(1)))


def _exp(rng: random.Random, gemiddeld: float) -> float:
    return rng.expovariate(1 / gemiddeld)


def _dagen(d: date, n: float) -> date:
    return d + timedelta(days=int(n))


class _Pool:
    """Caseworkers available now (in service, not sick), with O(1) add, remove and sample."""

    def __init__(self) -> None:
        self.lijst: list[int] = []
        self.plek: dict[int, int] = {}

    def voeg_toe(self, mid: int) -> None:
        if mid not in self.plek:
            self.plek[mid] = len(self.lijst)
            self.lijst.append(mid)

    def haal_weg(self, mid: int) -> None:
        i = self.plek.pop(mid, None)
        if i is None:
            return
        laatste = self.lijst.pop()
        if laatste != mid:
            self.lijst[i] = laatste
            self.plek[laatste] = i


class _GiSimulatie:
    """One GI's history from ``begin`` to ``tot``."""

    def __init__(
        self,
        naam: str,
        clienten: int,
        gemeenten: tuple[str, ...],
        opdracht: Opdracht,
        rng: random.Random,
        ids: _Ids,
        uit: Uitkomst,
    ) -> None:
        self.naam, self.clienten, self.gemeenten = naam, clienten, gemeenten
        self.tot = opdracht.tot
        self.begin = opdracht.tot - timedelta(days=365 * opdracht.jaren)
        self.rng, self.ids, self.uit = rng, ids, uit
        self.events: list[tuple[date, int, str, int]] = []
        self.volg = itertools.count()
        self.pools = {Rol.JEUGDBESCHERMER: _Pool(), Rol.JEUGDRECLASSEERDER: _Pool()}
        self.medewerkers: dict[int, Medewerker] = {}
        self.last: dict[int, float] = {}  # medewerker id -> weighted caseload
        self.lopend: dict[int, Toewijzing] = {}  # maatregel id -> current assignment
        self.caseload: dict[int, set[int]] = {}
        self.maatregelen: dict[int, Maatregel] = {}
        self.gezin_van: dict[int, int] = {}  # maatregel id -> gezin id
        self.gezin_medewerker: dict[int, int] = {}
        self.vorig_gezin: tuple[int, str, str, int] | None = None  # id, naam, gemeente, size

    # -- events -------------------------------------------------------------------------
    def plan(self, dag: date, soort: str, ref: int) -> None:
        if dag <= self.tot:
            heapq.heappush(self.events, (dag, next(self.volg), soort, ref))

    def draai(self) -> None:
        self._personeel()
        self._maatregelen()
        while self.events:
            dag, _, soort, ref = heapq.heappop(self.events)
            getattr(self, f"_bij_{soort}")(dag, ref)

    # -- staff ----------------------------------------------------------------------------
    def _personeel(self) -> None:
        formatie = self.clienten * FTE_FORMATIE_PER_CLIENT * 1.045
        koppen = round(formatie / 0.87)
        rollen = [r for r, _ in ROLLEN]
        gewichten = [g for _, g in ROLLEN]
        for _ in range(koppen):
            rol = self.rng.choices(rollen, gewichten)[0]
            self._nieuwe_medewerker(rol, _dagen(self.begin, -self.rng.uniform(0, 3650)))
        for _ in range(round(koppen * NIET_FORMATIE_AANDEEL)):
            rol = self.rng.choice((Rol.GEDRAGSDESKUNDIGE, Rol.JURIDISCH))
            self._nieuwe_medewerker(rol, _dagen(self.begin, -self.rng.uniform(0, 3650)))

    def _nieuwe_medewerker(self, rol: Rol, in_dienst: date) -> None:
        rng = self.rng
        m = Medewerker(
            id=self.ids.volgende("medewerker"),
            gi=self.naam,
            rol=rol,
            naam=f"{rng.choice(VOORNAMEN_MW)} {rng.choice(ACHTERNAMEN_MW)}",
            fte=rng.choice(FTE_KEUZES),
            in_dienst=in_dienst,
        )
        self.medewerkers[m.id] = m
        self.uit.medewerkers.append(m)
        self.caseload[m.id] = set()
        self.last[m.id] = 0.0
        vanaf = max(in_dienst, self.begin)
        vertrek = _dagen(vanaf, _exp(rng, 365 / VERLOOP_PER_JAAR))
        if in_dienst > _dagen(self.begin, -INWERK_DAGEN):
            einde = _dagen(in_dienst, INWERK_DAGEN)
            self.uit.perioden.append(
                Periode(
                    m.id, Beschikbaarheid.INWERKEN, in_dienst, einde if einde <= self.tot else None
                )
            )
        self._ziekte(m, vertrek)
        if vertrek <= self.tot:
            m.uit_dienst = vertrek
            if rol.heeft_caseload:
                self.plan(vertrek, "vertrek", m.id)
            self._nieuwe_medewerker_later(rol, _dagen(vertrek, rng.uniform(*VACATURE_DAGEN)))
        if rol.heeft_caseload:
            self.plan(vanaf, "beschikbaar", m.id)

    def _nieuwe_medewerker_later(self, rol: Rol, dag: date) -> None:
        if dag <= self.tot:
            self._nieuwe_medewerker(rol, dag)

    def _ziekte(self, m: Medewerker, vertrek: date) -> None:
        rng = self.rng
        dag = max(m.in_dienst, self.begin)
        einde_dienst = min(vertrek, self.tot)
        while True:
            dag = _dagen(dag, _exp(rng, 365 / ZIEK_PER_JAAR))
            if dag >= einde_dienst:
                return
            kort_aandeel, kort_gem = ZIEK_KORT
            duur = 1 + _exp(rng, kort_gem if rng.random() < kort_aandeel else ZIEK_LANG_GEM)
            beter = _dagen(dag, duur)
            open_einde = beter > self.tot or beter >= vertrek
            self.uit.perioden.append(
                Periode(m.id, Beschikbaarheid.ZIEK, dag, None if open_einde else beter)
            )
            if m.rol.heeft_caseload and dag >= self.begin:
                self.plan(dag, "ziek", m.id)
                if not open_einde:
                    self.plan(beter, "beter", m.id)
                if duur > ZIEK_LANG_DREMPEL:
                    self.plan(_dagen(dag, ZIEK_OVERDRACHT_NA), "langdurig_ziek", m.id)
            if open_einde:
                return
            dag = beter

    def _bij_beschikbaar(self, dag: date, mid: int) -> None:
        m = self.medewerkers[mid]
        if m.uit_dienst is None or m.uit_dienst > dag:
            self.pools[m.rol].voeg_toe(mid)

    def _bij_beter(self, dag: date, mid: int) -> None:
        self._bij_beschikbaar(dag, mid)

    def _bij_ziek(self, dag: date, mid: int) -> None:
        self.pools[self.medewerkers[mid].rol].haal_weg(mid)

    def _bij_vertrek(self, dag: date, mid: int) -> None:
        self.pools[self.medewerkers[mid].rol].haal_weg(mid)
        self._caseload_kwijt(dag, mid, ToewijzingEindeReden.UITSTROOM)

    def _bij_langdurig_ziek(self, dag: date, mid: int) -> None:
        if mid not in self.pools[self.medewerkers[mid].rol].plek:  # still sick
            self._caseload_kwijt(dag, mid, ToewijzingEindeReden.ZIEKTE)

    def _caseload_kwijt(self, dag: date, mid: int, reden: ToewijzingEindeReden) -> None:
        for maatregel_id in sorted(self.caseload[mid]):
            self._einde_toewijzing(maatregel_id, dag, reden)
            warm = self.rng.random() < WARME_OVERDRACHT
            self.plan(
                dag if warm else _dagen(dag, 1 + _exp(self.rng, INTERN_WACHT_GEM)),
                "toewijzen",
                maatregel_id,
            )

    # -- measures -------------------------------------------------------------------------
    def _maatregelen(self) -> None:
        rng = self.rng
        for code, (aandeel, duur) in MIX.items():
            voorraad = self.clienten * aandeel
            jongste = 12.0 if code.soort is Soort.JEUGDRECLASSERING else 0.0
            for _ in range(round(voorraad)):  # in execution at the start of the history
                leeftijd = min(_exp(rng, duur), 17.5 - jongste)
                start = _dagen(self.begin, -leeftijd * 365)
                eind = _dagen(self.begin, _exp(rng, duur * 365))
                self._nieuwe_maatregel(code, start, eind, max_leeftijd=17.5 - leeftijd)
            dag = self.begin
            instroom = 1.0 if code.soort is Soort.JEUGDRECLASSERING else INSTROOM_CORRECTIE
            while True:  # Poisson arrivals
                dag = _dagen(dag, _exp(rng, duur * 365 / voorraad / instroom) + 0.5)
                if dag > self.tot:
                    break
                self._nieuwe_maatregel(code, dag, _dagen(dag, 1 + _exp(rng, duur * 365)))

    def _nieuwe_maatregel(
        self, code: MaatregelCode, start: date, einde: date, max_leeftijd: float = 17.9
    ) -> None:
        rng = self.rng
        kind = self._nieuw_kind(code, start, max_leeftijd)
        achttien = achttiende_verjaardag(kind.geboortedatum)
        reden = rng.choice((EindeReden.VERLOPEN, EindeReden.OPGEHEVEN))
        if code.soort is not Soort.JEUGDRECLASSERING and einde > achttien > start:
            einde, reden = achttien, EindeReden.MEERDERJARIG
        m = Maatregel(
            id=self.ids.volgende("maatregel"),
            kind_id=kind.id,
            gi=self.naam,
            code=code,
            beschikking=_dagen(start, -rng.choice((0, 0, 0, 1, 2, 3))),
            start=start,
        )
        if einde <= self.tot:
            m.einde, m.reden = einde, reden
            self.plan(einde, "einde", m.id)
        self.maatregelen[m.id] = m
        self.gezin_van[m.id] = kind.gezin_id
        self.uit.maatregelen.append(m)
        if start < self.begin:
            self.plan(self.begin, "voorraad", m.id)
        elif rng.random() < DIRECT_TOEGEWEZEN:
            self.plan(_dagen(start, rng.randint(0, 6)), "toewijzen", m.id)
        else:
            self.plan(_dagen(start, 8 + _exp(rng, START_WACHT_GEM)), "toewijzen", m.id)

    def _nieuw_kind(self, code: MaatregelCode, start: date, max_leeftijd: float) -> Kind:
        rng = self.rng
        jr = code.soort is Soort.JEUGDRECLASSERING
        leeftijd = (
            rng.uniform(12, min(17.9, max_leeftijd))
            if jr
            else rng.uniform(0, min(16.5, max_leeftijd))
        )
        vorig = self.vorig_gezin
        if not jr and vorig is not None and vorig[3] < 4 and rng.random() < BROER_ZUS_KANS:
            gezin_id, naam, gemeente, grootte = vorig
            self.vorig_gezin = (gezin_id, naam, gemeente, grootte + 1)
        else:
            naam = rng.choice(ACHTERNAMEN)
            gemeente = rng.choice(self.gemeenten)
            gezin_id = self.ids.volgende("gezin")
            self.uit.gezinnen.append(Gezin(gezin_id, naam))
            self.vorig_gezin = (gezin_id, naam, gemeente, 1)
        kind = Kind(
            id=self.ids.volgende("kind"),
            gezin_id=gezin_id,
            voornaam=rng.choice(VOORNAMEN),
            achternaam=naam,
            geboortedatum=_dagen(start, -leeftijd * 365.25),
            gemeentecode=gemeente,
        )
        self.uit.kinderen.append(kind)
        return kind

    def _bij_voorraad(self, dag: date, maatregel_id: int) -> None:
        """A measure already running when the history starts had its jeugdbeschermer then."""
        m = self.maatregelen[maatregel_id]
        mid = self._kies(m)
        if mid is None:
            return self.plan(_dagen(dag, 7), "toewijzen", maatregel_id)
        medewerker = self.medewerkers[mid]
        eerder = _dagen(dag, -self.rng.uniform(0, 400))
        self._start_toewijzing(m, mid, max(m.start, medewerker.in_dienst, eerder))

    def _bij_toewijzen(self, dag: date, maatregel_id: int) -> None:
        m = self.maatregelen[maatregel_id]
        if (m.einde is not None and m.einde <= dag) or maatregel_id in self.lopend:
            return
        mid = self._kies(m)
        if mid is None:
            return self.plan(_dagen(dag, 7), "toewijzen", maatregel_id)
        self._start_toewijzing(m, mid, dag)

    def _kies(self, m: Maatregel) -> int | None:
        """Gezinsgericht first (a sibling's jeugdbeschermer), else the least loaded of three,
        each only with room within the norm; when none of the three has room, the least loaded
        of all who have; when nobody has, the least loaded of all (above the norm). None when
        nobody of the role is available."""
        rol = (
            Rol.JEUGDRECLASSEERDER
            if m.code.soort is Soort.JEUGDRECLASSERING
            else Rol.JEUGDBESCHERMER
        )
        pool = self.pools[rol]

        def past(k: int) -> bool:
            return self._past(k, m)

        def belast(k: int) -> float:
            return self.last[k] / self.medewerkers[k].fte

        broer_zus = self.gezin_medewerker.get(self.gezin_van[m.id])
        if broer_zus is not None and broer_zus in pool.plek and past(broer_zus):
            return broer_zus
        if not pool.lijst:
            return None
        kandidaten = [k for k in (self.rng.choice(pool.lijst) for _ in range(3)) if past(k)]
        if not kandidaten:
            kandidaten = [k for k in pool.lijst if past(k)] or pool.lijst
        return min(kandidaten, key=belast)

    def _past(self, mid: int, m: Maatregel) -> bool:
        """Whether caseworker ``mid`` can take ``m`` within their norm."""
        cap = NORM.cap(self.medewerkers[mid].fte)
        return self.last[mid] + gewicht(m.code) <= cap + 1e-9

    def _start_toewijzing(self, m: Maatregel, mid: int, dag: date) -> None:
        t = Toewijzing(m.id, mid, dag, boven_norm=not self._past(mid, m))
        self.uit.toewijzingen.append(t)
        self.lopend[m.id] = t
        self.caseload[mid].add(m.id)
        self.last[mid] += gewicht(m.code)
        self.gezin_medewerker[self.gezin_van[m.id]] = mid

    def _einde_toewijzing(self, maatregel_id: int, dag: date, reden: ToewijzingEindeReden) -> None:
        t = self.lopend.pop(maatregel_id, None)
        if t is not None:
            t.einde, t.reden = dag, reden
            self.caseload[t.medewerker_id].discard(maatregel_id)
            self.last[t.medewerker_id] -= gewicht(self.maatregelen[maatregel_id].code)

    def _bij_einde(self, dag: date, maatregel_id: int) -> None:
        self._einde_toewijzing(maatregel_id, dag, ToewijzingEindeReden.EINDE_MAATREGEL)


def genereer(
    opdracht: Opdracht, voortgang: Callable[[str, int, int], None] | None = None
) -> Uitkomst:
    """Generate the whole history for every GI in ``opdracht``, deterministically."""
    uit = Uitkomst(begin=opdracht.tot - timedelta(days=365 * opdracht.jaren))
    ids = _Ids()
    for i, (naam, clienten, gemeenten) in enumerate(opdracht.gis, start=1):
        rng = random.Random(f"{opdracht.seed}:{naam}")
        _GiSimulatie(naam, clienten, gemeenten, opdracht, rng, ids, uit).draai()
        if voortgang:
            voortgang(f"simulatie {naam}", i, len(opdracht.gis))
    return uit
