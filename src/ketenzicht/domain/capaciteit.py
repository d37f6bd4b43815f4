"""FTE formation, available FTE, turnover and sickness of a GI at a peildatum.

DOMAIN.md "Workload and capacity" (seed 001, monitor jeugdbescherming): the *formation* counts
jeugdbeschermers, jeugdreclasseerders and supporting (ondersteunend) staff, not legal or
behavioural experts; *available* FTE is the formation less those who are sick and less the part
of onboarding (inwerkende, zij-instroom) staff that does not yet count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.registratie import volledig_op

INWERKFACTOR_STANDAARD = 0.5
"""Share of an onboarding employee's FTE that counts as available (configurable per call)."""


class Rol(str, Enum):
    JEUGDBESCHERMER = "jeugdbeschermer"
    JEUGDRECLASSEERDER = "jeugdreclasseerder"
    ONDERSTEUNEND = "ondersteunend_jeugdbeschermer"
    GEDRAGSDESKUNDIGE = "gedragsdeskundige"
    JURIDISCH = "juridisch_medewerker"

    @property
    def in_formatie(self) -> bool:
        return self in FORMATIEROLLEN

    @property
    def heeft_caseload(self) -> bool:
        return self in (Rol.JEUGDBESCHERMER, Rol.JEUGDRECLASSEERDER)


FORMATIEROLLEN = frozenset({Rol.JEUGDBESCHERMER, Rol.JEUGDRECLASSEERDER, Rol.ONDERSTEUNEND})


class Beschikbaarheid(str, Enum):
    """Availability periods besides employment itself (in dienst / uit dienst)."""

    ZIEK = "ziek"
    INWERKEN = "inwerken"


@dataclass(frozen=True, slots=True)
class MedewerkerStand:
    rol: Rol
    fte: float
    dienstverband: Periode
    afwezigheden: tuple[tuple[Beschikbaarheid, Periode], ...] = ()

    def in_dienst(self, dag: date) -> bool:
        return self.dienstverband.bevat(dag)

    def is_(self, soort: Beschikbaarheid, dag: date) -> bool:
        return any(s is soort and p.bevat(dag) for s, p in self.afwezigheden)

    def beschikbaar_fte(self, dag: date, inwerkfactor: float = INWERKFACTOR_STANDAARD) -> float:
        if not self.in_dienst(dag) or self.is_(Beschikbaarheid.ZIEK, dag):
            return 0.0
        if self.is_(Beschikbaarheid.INWERKEN, dag):
            return self.fte * inwerkfactor
        return self.fte


def fte_formatie(medewerkers: Iterable[MedewerkerStand], peildatum: date) -> float:
    return sum(m.fte for m in medewerkers if m.rol.in_formatie and m.in_dienst(peildatum))


def fte_beschikbaar(
    medewerkers: Iterable[MedewerkerStand],
    peildatum: date,
    inwerkfactor: float = INWERKFACTOR_STANDAARD,
) -> float:
    return sum(m.beschikbaar_fte(peildatum, inwerkfactor) for m in medewerkers if m.rol.in_formatie)


def verzuim_pct(medewerkers: Iterable[MedewerkerStand], peildatum: date) -> float | None:
    """Sick FTE as a percentage of the formation on the peildatum (point prevalence)."""
    formatie = [m for m in medewerkers if m.rol.in_formatie and m.in_dienst(peildatum)]
    totaal = sum(m.fte for m in formatie)
    if not totaal:
        return None
    ziek = sum(m.fte for m in formatie if m.is_(Beschikbaarheid.ZIEK, peildatum))
    return 100 * ziek / totaal


def verloop_pct(
    medewerkers: Iterable[MedewerkerStand],
    peildatum: date,
    *,
    registratie_vanaf: date | None = None,
) -> float | None:
    """FTE that left in the 12 months up to the peildatum, as a percentage of the mean formation
    at the start and end of those 12 months.

    ``None`` (unknown) when the GI registers its staff only from ``registratie_vanaf``, after
    those 12 months began: who left before then is not known, and a count of part of the year
    over a whole year's formation would look like low turnover.
    """
    jaar_eerder = peildatum - timedelta(days=365)
    if not volledig_op(registratie_vanaf, jaar_eerder + timedelta(days=1)):
        return None
    lijst = [m for m in medewerkers if m.rol.in_formatie]
    gemiddeld = (fte_formatie(lijst, jaar_eerder) + fte_formatie(lijst, peildatum)) / 2
    if not gemiddeld:
        return None
    vertrokken = sum(
        m.fte
        for m in lijst
        if m.dienstverband.tot is not None
        and jaar_eerder < m.dienstverband.tot <= peildatum
        and not m.dienstverband.leeg  # a joining withdrawn: never in service, never left
    )
    return 100 * vertrokken / gemiddeld
