"""Norm sets, deadlines and milestone status: the law's clock for every child with a measure.

A norm set (the doorbraakaanpak of 2020 is the default) has a validity period and milestones.
Each milestone has a deadline counted from the measure's start or from another milestone, in
werkdagen, kalenderdagen, weken or maanden, and a target share of children.

Deadlines follow the Algemene termijnenwet: a period in working days counts only working days;
a period in days, weeks or months that ends on a Saturday, Sunday or holiday is extended to the
next working day (art. 1). Months follow the usual convention: 31 January + 1 month is the last
day of February.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from ketenzicht.domain.kalender import Kalender, werkdagen_na

VANAF_START = "start"


class Eenheid(str, Enum):
    WERKDAGEN = "werkdagen"
    KALENDERDAGEN = "kalenderdagen"
    WEKEN = "weken"
    MAANDEN = "maanden"


_NAMEN: Mapping[str, Eenheid] = {
    "werkdag": Eenheid.WERKDAGEN,
    "werkdagen": Eenheid.WERKDAGEN,
    "kalenderdag": Eenheid.KALENDERDAGEN,
    "kalenderdagen": Eenheid.KALENDERDAGEN,
    "dag": Eenheid.KALENDERDAGEN,
    "dagen": Eenheid.KALENDERDAGEN,
    "week": Eenheid.WEKEN,
    "weken": Eenheid.WEKEN,
    "maand": Eenheid.MAANDEN,
    "maanden": Eenheid.MAANDEN,
}


class OngeldigeTermijn(ValueError):
    pass


def plus_maanden(dag: date, maanden: int) -> date:
    """``dag`` plus whole months; a day that does not exist becomes the month's last day."""
    index = dag.year * 12 + dag.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(dag.day, laatste))


def eerstvolgende_werkdag(dag: date, kalender: Kalender) -> date:
    """``dag`` itself when it is a working day, else the next one (Algemene termijnenwet art. 1)."""
    while not kalender.is_werkdag(dag):
        dag += timedelta(days=1)
    return dag


@dataclass(frozen=True, slots=True)
class Termijn:
    aantal: int
    eenheid: Eenheid

    def __post_init__(self) -> None:
        if self.aantal < 0:
            raise OngeldigeTermijn(f"Een termijn kan niet negatief zijn: {self.aantal}.")

    @classmethod
    def lees(cls, tekst: str) -> Termijn:
        """Parse "5 werkdagen", "6 weken", "3 maanden", "10 kalenderdagen" (or singulars)."""
        gevonden = re.fullmatch(r"\s*(\d+)\s+([a-z]+)\s*", tekst.lower())
        if not gevonden or gevonden.group(2) not in _NAMEN:
            raise OngeldigeTermijn(
                f"Onbekende termijn {tekst!r}; schrijf bijvoorbeeld '5 werkdagen', "
                "'10 kalenderdagen', '6 weken' of '3 maanden'."
            )
        return cls(int(gevonden.group(1)), _NAMEN[gevonden.group(2)])

    def __str__(self) -> str:
        return f"{self.aantal} {self.eenheid.value}"

    def vervaldatum(self, vanaf: date, kalender: Kalender) -> date:
        """The last day on which the milestone is met in time, counting from ``vanaf``."""
        if self.eenheid is Eenheid.WERKDAGEN:
            return werkdagen_na(vanaf, self.aantal, kalender)
        if self.eenheid is Eenheid.MAANDEN:
            einde = plus_maanden(vanaf, self.aantal)
        else:
            dagen = self.aantal * (7 if self.eenheid is Eenheid.WEKEN else 1)
            einde = vanaf + timedelta(days=dagen)
        return eerstvolgende_werkdag(einde, kalender)


@dataclass(frozen=True, slots=True)
class Mijlpaal:
    code: str
    naam: str
    termijn: Termijn
    doel: Decimal  # target share, 0..1
    vanaf: str = VANAF_START  # "start" or the code of another milestone


@dataclass(frozen=True, slots=True)
class Normset:
    naam: str
    geldig_van: date
    geldig_tot: date | None  # exclusive; None: open-ended
    mijlpalen: tuple[Mijlpaal, ...]

    def __post_init__(self) -> None:
        codes = [m.code for m in self.mijlpalen]
        if len(set(codes)) != len(codes):
            raise OngeldigeTermijn(f"Normset {self.naam!r}: een mijlpaal staat er dubbel in.")
        bekend = {VANAF_START}
        for m in self.mijlpalen:  # a milestone counts from the start or from an earlier one
            if m.vanaf not in bekend:
                raise OngeldigeTermijn(
                    f"Normset {self.naam!r}, mijlpaal {m.code!r}: telt vanaf {m.vanaf!r}, "
                    "dat geen eerdere mijlpaal van deze set is."
                )
            bekend.add(m.code)

    def geldig_op(self, dag: date) -> bool:
        return self.geldig_van <= dag and (self.geldig_tot is None or dag < self.geldig_tot)


VEILIGHEIDSTAXATIE = "veiligheidstaxatie"
JEUGDBESCHERMER = "jeugdbeschermer"
VEILIGHEIDSPLAN = "veiligheidsplan"
HULPAANBOD = "hulpaanbod"

DOORBRAAK_2020 = Normset(
    naam="Doorbraakaanpak 2020",
    geldig_van=date(2020, 1, 1),
    geldig_tot=None,
    mijlpalen=(
        Mijlpaal(
            VEILIGHEIDSTAXATIE, "Veiligheidstaxatie", Termijn(5, Eenheid.WERKDAGEN), Decimal(1)
        ),
        Mijlpaal(
            JEUGDBESCHERMER,
            "Vaste jeugdbeschermer/jeugdreclasseerder",
            Termijn(5, Eenheid.WERKDAGEN),
            Decimal("0.9"),
        ),
        Mijlpaal(VEILIGHEIDSPLAN, "Veiligheidsplan", Termijn(6, Eenheid.WEKEN), Decimal("0.9")),
        Mijlpaal(HULPAANBOD, "Hulpaanbod gestart", Termijn(3, Eenheid.MAANDEN), Decimal("0.75")),
    ),
)


def normset_voor(sets: Sequence[Normset], dag: date) -> Normset | None:
    """The norm set valid on ``dag`` (for a measure: its start), or None when none was in force
    (a measure that started before the first norm set has no milestones). The newest set wins
    an overlap."""
    geldig = [s for s in sets if s.geldig_op(dag)]
    return max(geldig, key=lambda s: s.geldig_van) if geldig else None


def normset_op(sets: Sequence[Normset], dag: date) -> Normset:
    """As ``normset_voor``, but a missing norm set is an error."""
    gevonden = normset_voor(sets, dag)
    if gevonden is None:
        raise LookupError(f"Geen normset geldig op {dag.isoformat()}.")
    return gevonden


class Status(str, Enum):
    OPEN = "open"
    BIJNA = "bijna"
    TE_LAAT = "te_laat"
    OP_TIJD = "op_tijd"
    TE_LAAT_GEHAALD = "te_laat_gehaald"

    @property
    def gehaald(self) -> bool:
        return self in (Status.OP_TIJD, Status.TE_LAAT_GEHAALD)


@dataclass(frozen=True, slots=True)
class MijlpaalStand:
    mijlpaal: Mijlpaal
    vervaldatum: date | None  # None: the milestone it counts from is not met yet
    gehaald_op: date | None
    status: Status
    dagen_te_laat: int  # calendar days past the deadline (at the peildatum, or when met)


def standen(
    normset: Normset,
    start: date,
    gehaald: Mapping[str, date],
    peildatum: date,
    kalender: Kalender,
    bijna_dagen: int = 2,
) -> list[MijlpaalStand]:
    """Every milestone's status at ``peildatum``. ``gehaald`` maps a milestone code to the date it
    was met; dates after the peildatum are not known yet and are ignored."""
    bekend = {code: d for code, d in gehaald.items() if d <= peildatum}
    basis: dict[str, date | None] = {VANAF_START: start}
    uit = []
    for m in normset.mijlpalen:
        vanaf = basis.get(m.vanaf)
        verval = m.termijn.vervaldatum(vanaf, kalender) if vanaf is not None else None
        op = bekend.get(m.code)
        basis[m.code] = op
        uit.append(MijlpaalStand(m, verval, op, *_status(verval, op, peildatum, bijna_dagen)))
    return uit


def _status(
    verval: date | None, gehaald_op: date | None, peildatum: date, bijna_dagen: int
) -> tuple[Status, int]:
    if gehaald_op is not None:
        if verval is None or gehaald_op <= verval:
            return Status.OP_TIJD, 0
        return Status.TE_LAAT_GEHAALD, (gehaald_op - verval).days
    if verval is None:
        return Status.OPEN, 0
    if peildatum > verval:
        return Status.TE_LAAT, (peildatum - verval).days
    if (verval - peildatum).days <= bijna_dagen:
        return Status.BIJNA, 0
    return Status.OPEN, 0


def volgende_termijn(stand: Sequence[MijlpaalStand]) -> MijlpaalStand | None:
    """The first deadline still to meet: of the milestones not met that have a due date, the
    earliest (None: every one due so far is met, or the next counts from one not met yet)."""
    open_ = [s for s in stand if not s.status.gehaald and s.vervaldatum is not None]
    return min(open_, key=lambda s: s.vervaldatum or date.max, default=None)


def eerste_open(stand: Sequence[MijlpaalStand], codes: Collection[str]) -> str | None:
    """The first milestone among ``codes`` not met yet, in the norm set's order: the one a
    form to register a milestone offers first (None: all of them are met)."""
    return next(
        (s.mijlpaal.code for s in stand if not s.status.gehaald and s.mijlpaal.code in codes),
        None,
    )


def escalatie_voorstel(stand: Sequence[MijlpaalStand], drempel_dagen: int) -> str | None:
    """Afspraak 3's rule: help more than ``drempel_dagen`` overdue suggests the expert team."""
    for s in stand:
        if (
            s.mijlpaal.code == HULPAANBOD
            and s.status is Status.TE_LAAT
            and s.dagen_te_laat > drempel_dagen
        ):
            return (
                f"hulpaanbod {s.dagen_te_laat} dagen over de termijn "
                f"(drempel {drempel_dagen} dagen)"
            )
    return None
