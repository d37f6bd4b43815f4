"""The monthly doorbraak monitor: per milestone, of the children whose deadline fell in the month,
how many met it in time — per GI, gemeente, jeugdregio and nationally.

The denominator of a month is every measure with a milestone deadline in that month, unless the
measure ended before its deadline without meeting it (the norm no longer applies). A milestone is
met in time when it was met on or before its deadline. The national row is the sum of the GI
rows; gemeente and regio rows split the same children by where they lived when their measure
started (``Traject.gemeente``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from ketenzicht.domain.kalender import Kalender
from ketenzicht.domain.normen import Eenheid, Normset, normset_voor, standen
from ketenzicht.domain.overdracht import eerst_gehaald


@dataclass(frozen=True, slots=True)
class Maand:
    jaar: int
    maand: int

    @classmethod
    def lees(cls, tekst: str) -> Maand:
        try:
            jaar, maand = (int(d) for d in tekst.split("-"))
            date(jaar, maand, 1)
        except ValueError:
            raise ValueError(f"geen maand in de vorm JJJJ-MM: {tekst!r}") from None
        return cls(jaar, maand)

    @property
    def eerste(self) -> date:
        return date(self.jaar, self.maand, 1)

    @property
    def laatste(self) -> date:
        return self.volgende().eerste - timedelta(days=1)

    def volgende(self) -> Maand:
        return Maand(self.jaar + self.maand // 12, self.maand % 12 + 1)

    def vorige(self) -> Maand:
        return Maand(self.jaar - (self.maand == 1), (self.maand - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.jaar:04d}-{self.maand:02d}"


@dataclass(frozen=True, slots=True)
class Traject:
    """A measure as the doorbraak monitor sees it (no names, no BSN)."""

    maatregel_id: int
    kind_id: int
    gi: str
    gemeente: str  # where the child lived on ``start``
    regio: str
    start: date
    einde: date | None
    gehaald: Mapping[str, date] = field(default_factory=dict)
    # handed over (``doorgezet``): the GIs that took it over after ``gi``, from which day
    overdrachten: tuple[tuple[date, str], ...] = ()

    def gi_op(self, dag: date) -> str:
        """The GI holding the measure on ``dag`` (from the day of a handover: the new one)."""
        return max(
            ((van, gi) for van, gi in self.overdrachten if van <= dag),
            default=(self.start, self.gi),
        )[1]


def doorgezet(trajecten: Iterable[Traject], ketens: Mapping[int, Sequence[int]]) -> list[Traject]:
    """The trajecten with each chain of handed-over parts (``domain.overdracht.keten``: last
    part → parts, first to last) as one: from the first part's start, where the child lived
    then, to the last part's end, each milestone met on the first day any part met it, held by
    each part's GI from its start (``Traject.gi_op``). The deadlines run from the measure's
    first start: a handover does not start them again."""
    per_id = {t.maatregel_id: t for t in trajecten}
    uit = []
    in_keten: set[int] = set()
    for delen in ketens.values():
        aanwezig = [per_id[d] for d in delen if d in per_id]
        if not aanwezig:
            continue
        in_keten.update(t.maatregel_id for t in aanwezig)
        eerste, laatste = aanwezig[0], aanwezig[-1]
        uit.append(
            Traject(
                laatste.maatregel_id,
                laatste.kind_id,
                eerste.gi,
                eerste.gemeente,
                eerste.regio,
                eerste.start,
                laatste.einde,
                eerst_gehaald(t.gehaald for t in aanwezig),
                tuple((t.start, t.gi) for t in aanwezig[1:]),
            )
        )
    uit.extend(t for t in per_id.values() if t.maatregel_id not in in_keten)
    return uit


@dataclass(frozen=True, slots=True)
class Rij:
    niveau: str  # gi | gemeente | regio | landelijk
    naam: str
    mijlpaal: str
    noemer: int
    op_tijd: int
    doel: Decimal

    @property
    def aandeel(self) -> float | None:
        return round(self.op_tijd / self.noemer, 3) if self.noemer else None

    def als_dict(self) -> dict[str, object]:
        return {
            "niveau": self.niveau,
            "naam": self.naam,
            "mijlpaal": self.mijlpaal,
            "noemer": self.noemer,
            "op_tijd": self.op_tijd,
            "aandeel": self.aandeel,
            "doel": float(self.doel),
        }


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """One traject's result for one milestone whose deadline fell in the month."""

    traject: Traject
    mijlpaal: str
    vervaldatum: date
    op_tijd: bool

    @property
    def gi(self) -> str:
        """The GI the deadline counts for: the one holding the measure on the deadline day."""
        return self.traject.gi_op(self.vervaldatum)


def venster(sets: Sequence[Normset]) -> int:
    """Calendar days between a measure's start and its latest possible deadline (generous)."""
    per_eenheid = {Eenheid.WERKDAGEN: 2, Eenheid.KALENDERDAGEN: 1, Eenheid.WEKEN: 7}
    langste = 0
    for s in sets:
        som = sum(m.termijn.aantal * per_eenheid.get(m.termijn.eenheid, 31) for m in s.mijlpalen)
        langste = max(langste, som)
    return langste + 21  # holidays and weekends at the end of each chained period


def uitkomsten(
    trajecten: Iterable[Traject], sets: Sequence[Normset], maand: Maand, kalender: Kalender
) -> list[Uitkomst]:
    """Every (traject, milestone) whose deadline fell in ``maand``, met in time or not."""
    return uitkomsten_per_maand(trajecten, sets, [maand], kalender)[maand]


def uitkomsten_per_maand(
    trajecten: Iterable[Traject],
    sets: Sequence[Normset],
    maanden: Iterable[Maand],
    kalender: Kalender,
) -> dict[Maand, list[Uitkomst]]:
    """As ``uitkomsten`` for several months in one pass over the trajecten.

    A milestone is in time when met on or before its deadline, so a past month's result does not
    change later (unless a registration is corrected; see ``bekend_op`` in the selectors)."""
    uit: dict[Maand, list[Uitkomst]] = {m: [] for m in maanden}
    for t in trajecten:
        normset = normset_voor(sets, t.start)
        if normset is None:
            continue
        for stand in standen(normset, t.start, t.gehaald, date.max, kalender):
            verval = stand.vervaldatum
            if verval is None:
                continue
            bak = uit.get(Maand(verval.year, verval.month))
            if bak is None:
                continue
            op_tijd = stand.gehaald_op is not None and stand.gehaald_op <= verval
            if not op_tijd and t.einde is not None and t.einde <= verval:
                continue  # the measure ended before the deadline: the norm no longer applies
            bak.append(Uitkomst(t, stand.mijlpaal.code, verval, op_tijd))
    return uit


def rijen(uitkomsten_: Iterable[Uitkomst], doelen: Mapping[str, Decimal]) -> list[Rij]:
    """Aggregate per GI, gemeente, regio and nationally; every milestone on every level."""
    tel: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for u in uitkomsten_:
        t = u.traject
        for niveau, naam in (
            ("gi", u.gi),
            ("gemeente", t.gemeente),
            ("regio", t.regio),
            ("landelijk", "Nederland"),
        ):
            teller = tel[(niveau, naam, u.mijlpaal)]
            teller[0] += 1
            teller[1] += u.op_tijd
    volgorde = {"landelijk": 0, "gi": 1, "regio": 2, "gemeente": 3}
    mijlpaalvolgorde = {code: i for i, code in enumerate(doelen)}
    sleutels = sorted(
        tel, key=lambda k: (volgorde[k[0]], k[1], mijlpaalvolgorde.get(k[2], 99), k[2])
    )
    return [
        Rij(
            niveau,
            naam,
            code,
            tel[(niveau, naam, code)][0],
            tel[(niveau, naam, code)][1],
            doelen.get(code, Decimal(0)),
        )
        for niveau, naam, code in sleutels
    ]
