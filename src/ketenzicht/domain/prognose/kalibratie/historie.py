"""The registered history a calibration reads, as valid time up to the ``peildatum``: the
measures with their first jeugdbeschermer, the children whose caseworker dropped out, the staff
with their absences, and the monitor's figures on the day itself (``prognose.registratie`` reads it
from the database; tests build it by hand)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ketenzicht.domain.capaciteit import MedewerkerStand
from ketenzicht.domain.kalender import Kalender, NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.registratie import volledig_op


@dataclass(frozen=True, slots=True)
class MaatregelVerloop:
    start: date
    einde: date | None  # None: still running at the peildatum
    eerste_toewijzing: date | None  # the first vaste jeugdbeschermer; None: none by then
    code: MaatregelCode | None = None  # None: the type is unknown (all measures one type)
    achttien: date | None = None  # the child's 18th birthday, when the measure ends then by law
    meerderjarig: bool = False  # it ended because the child came of age


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
    # the start dates of the measures of every GI of the country, when one GI is calibrated:
    # its inflow trend is drawn towards theirs by how little the GIs' trends differ
    starts_gis: Mapping[str, Sequence[date]] = field(default_factory=dict)
    # the werklastnorm the GIs registered, in clients per case-holding FTE for the mix of their
    # measures on the peildatum; None: not every GI registered one (then the busiest caseloads
    # stand in for it)
    geregistreerde_norm: float | None = None
    # the first day the GI (for the country: the last of its GIs) registers everything; the
    # window does not reach back before it (None: the registration is complete)
    registratie_vanaf: date | None = None

    def venster_begin(self, venster_maanden: int) -> date:
        return venster_begin(self.peildatum, venster_maanden, self.registratie_vanaf)


def venster_begin(peildatum: date, venster_maanden: int, registratie_vanaf: date | None) -> date:
    """The first day of a calibration's window: ``venster_maanden`` before the peildatum, or
    the first whole month of the registration when that began later. Before it the history
    holds only the measures and staff still there when the GI began registering, which would
    show as a rising inflow and as staff that never left."""
    begin = plus_maanden(peildatum, -venster_maanden)
    if registratie_vanaf is None or volledig_op(registratie_vanaf, begin):
        return begin
    maand = date(registratie_vanaf.year, registratie_vanaf.month, 1)
    return maand if maand == registratie_vanaf else plus_maanden(maand, 1)


class TeWeinigHistorie(ValueError):
    """Not enough registered history to estimate from; the message says what is missing."""
