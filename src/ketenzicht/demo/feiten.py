"""The plain records the demo's simulation writes (``generator``) and the loader stores
(``opslag``): staff with their absences, families, children, measures and assignments, and what
to generate. No behaviour: the simulation decides, these only hold what it decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ketenzicht.domain.capaciteit import Beschikbaarheid, Rol
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, ToewijzingEindeReden


@dataclass(slots=True)
class Medewerker:
    id: int
    gi: str
    naam: str
    rol: Rol
    fte: float
    in_dienst: date
    uit_dienst: date | None = None


@dataclass(slots=True)
class Periode:
    medewerker_id: int
    soort: Beschikbaarheid
    van: date
    tot: date | None


@dataclass(slots=True)
class Gezin:
    id: int
    naam: str


@dataclass(slots=True)
class Kind:
    id: int
    gezin_id: int
    voornaam: str
    achternaam: str
    geboortedatum: date
    gemeentecode: str


@dataclass(slots=True)
class Maatregel:
    id: int
    kind_id: int
    gi: str
    code: MaatregelCode
    beschikking: date
    start: date
    einde: date | None = None
    reden: EindeReden | None = None


@dataclass(slots=True)
class Toewijzing:
    maatregel_id: int
    medewerker_id: int
    start: date
    einde: date | None = None
    reden: ToewijzingEindeReden | None = None
    boven_norm: bool = False  # assigned above the caseworker's norm (with BOVEN_NORM_REDEN)


@dataclass
class Uitkomst:
    medewerkers: list[Medewerker] = field(default_factory=list)
    perioden: list[Periode] = field(default_factory=list)
    gezinnen: list[Gezin] = field(default_factory=list)
    kinderen: list[Kind] = field(default_factory=list)
    maatregelen: list[Maatregel] = field(default_factory=list)
    toewijzingen: list[Toewijzing] = field(default_factory=list)
    begin: date | None = None  # the history's first day; measures before it are the stock


@dataclass(frozen=True)
class Opdracht:
    """What to generate: GIs as (name, number of clients, gemeentecodes), a seed, an end date."""

    gis: tuple[tuple[str, int, tuple[str, ...]], ...]
    seed: int
    tot: date
    jaren: int = 4
