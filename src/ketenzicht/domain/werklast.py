"""The workload norm: how many children a jeugdbeschermer can hold, and who has room.

Seed 001/002: the landelijk tarief pays for a lower workload norm; the norm is per GI and is
data. A caseworker's cap is FTE × clients per FTE; measures can weigh differently (voogdij,
OTS and jeugdreclassering are not the same work).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from ketenzicht.domain.maatregelen import MaatregelCode, Soort

GELIJKE_GEWICHTEN: Mapping[Soort, float] = MappingProxyType({s: 1.0 for s in Soort})


@dataclass(frozen=True, slots=True)
class Werklastnorm:
    clienten_per_fte: float = 14.0
    gewichten: Mapping[Soort, float] = field(default_factory=lambda: GELIJKE_GEWICHTEN)
    ziekte_drempel_dagen: int = 28
    """Sickness this long ends the vaste relation; the children go to the internal list."""

    def __post_init__(self) -> None:
        if self.clienten_per_fte <= 0:
            raise ValueError("De werklastnorm moet groter dan 0 cliënten per fte zijn.")
        if any(g <= 0 for g in self.gewichten.values()):
            raise ValueError("Gewichten van maatregelen moeten groter dan 0 zijn.")

    def cap(self, fte: float) -> float:
        return round(fte * self.clienten_per_fte, 2)

    def gewicht(self, code: MaatregelCode) -> float:
        return self.gewichten.get(code.soort, 1.0)

    def caseload(self, codes: Iterable[MaatregelCode]) -> float:
        return round(sum(self.gewicht(c) for c in codes), 2)

    def clienten_per_fte_bij(self, codes: Iterable[MaatregelCode]) -> float:
        """The norm in clients (unweighted) per FTE for caseloads of this mix of measures:
        17 per FTE with a quarter of the clients weighing 0.8 is 17 / 0.95 = 17.9 clients."""
        gewichten = [self.gewicht(c) for c in codes]
        if not gewichten:
            return self.clienten_per_fte
        return self.clienten_per_fte * len(gewichten) / sum(gewichten)


class WerklastnormOngeldig(ValueError):
    def __init__(self, veld: str, wat: str) -> None:
        super().__init__(f"{veld}: {wat}.")
        self.veld = veld


def controleer_grenzen(
    clienten_per_fte: float, gewichten: Mapping[Soort, float], ziekte_drempel_dagen: int
) -> None:
    """What a GI may set as its norm: the national norm is 14 (12 after the landelijk
    tarief), a caseload was 17.1 at worst (seed 001); 1 to 40 clients per FTE leaves room for
    an experiment and refuses a typo such as 140. A measure weighs 0.1 to 3 times another; a
    sickness ends the vaste relation after 1 to 365 days. Names the field that is wrong."""
    if not 1 <= clienten_per_fte <= 40:
        raise WerklastnormOngeldig(
            "clienten_per_fte", f"tussen 1 en 40 cliënten per fte, niet {_nl(clienten_per_fte)}"
        )
    for soort, g in gewichten.items():
        if not 0.1 <= g <= 3:
            raise WerklastnormOngeldig(
                f"gewicht_{soort.value}", f"een gewicht tussen 0,1 en 3, niet {_nl(g)}"
            )
    if not 1 <= ziekte_drempel_dagen <= 365:
        raise WerklastnormOngeldig(
            "ziekte_drempel_dagen", f"1 tot 365 dagen, niet {ziekte_drempel_dagen}"
        )


VOORUIT = timedelta(days=366)
"""A norm is set at most a year ahead: further is a plan, not a decision."""


def controleer_ingang(geldig_van: date, vandaag: date, *, verleden: bool = False) -> None:
    """A norm holds from today up to a year ahead; a day in the past changes figures already
    published, so only the functioneel beheerder sets one (``verleden``)."""
    if geldig_van < vandaag and not verleden:
        raise WerklastnormOngeldig(
            "geldig_van",
            f"{geldig_van:%d-%m-%Y} ligt in het verleden; dat registreert de functioneel "
            "beheerder, omdat het cijfers van de monitor verandert",
        )
    if geldig_van > vandaag + VOORUIT:
        raise WerklastnormOngeldig(
            "geldig_van", f"{geldig_van:%d-%m-%Y} ligt meer dan een jaar vooruit"
        )


def _nl(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class Kandidaat:
    """A colleague who could become the child's vaste jeugdbeschermer."""

    id: int
    naam: str
    caseload: float
    cap: float
    heeft_gezin: bool  # already the jeugdbeschermer of a brother or sister
    kent_gemeente: bool  # already works for children in the child's municipality

    @property
    def ruimte(self) -> float:
        return round(self.cap - self.caseload, 2)

    def past(self, gewicht: float) -> bool:
        return self.caseload + gewicht <= self.cap + 1e-9

    def redenen(self) -> tuple[str, ...]:
        uit = []
        if self.heeft_gezin:
            uit.append("kent het gezin al")
        if self.kent_gemeente:
            uit.append("werkt al in deze gemeente")
        uit.append(f"ruimte {self.ruimte:g} van {self.cap:g}".replace(".", ","))  # Dutch decimals
        return tuple(uit)


def rangschik_kandidaten(kandidaten: Iterable[Kandidaat], gewicht: float) -> list[Kandidaat]:
    """Those with room for ``gewicht`` first, by fit: gezinsgericht, then region, then room."""
    return sorted(
        kandidaten,
        key=lambda k: (
            not k.past(gewicht),
            not k.heeft_gezin,
            not k.kent_gemeente,
            -k.ruimte,
            k.naam,
            k.id,
        ),
    )
