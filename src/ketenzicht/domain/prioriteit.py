"""Who goes first on a waiting list, and why — in words a planner reads.

Seed 000 (voorrang bij jeugdhulp): *a child with a kinderbeschermingsmaatregel goes before a
child without one, unless the latter's need is more urgent.* Seed 004 gives the triage criteria
(acute onveiligheid, ernstige ontwikkelingsbedreiging, recidiverisico, rechtsstatelijkheid).
Within the rule: urgency, then how close the norm deadline is, then days waited, then the
pseudonymous id as a deterministic tie-break. The thresholds are data (``Prioriteitsregels``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum


class Urgentie(IntEnum):
    LAAG = 1
    MIDDEN = 2
    HOOG = 3
    ACUUT = 4

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Prioriteitsregels:
    """The adjustable part of the rule.

    ``marge_zonder_maatregel``: how many urgency levels a child without a measure must be above a
    child with one to go first (1 = "more urgent", the letter of seed 000).
    ``urgentie_zonder_triage``: the urgency assumed for a child that has not been triaged yet.
    """

    marge_zonder_maatregel: int = 1
    urgentie_zonder_triage: Urgentie = Urgentie.MIDDEN

    def __post_init__(self) -> None:
        if self.marge_zonder_maatregel < 1:
            raise ValueError(
                "De marge voor kinderen zonder maatregel is minstens 1 urgentieniveau."
            )


@dataclass(frozen=True, slots=True)
class Wachtend:
    """One waiting child as the ranking sees it (no names, no BSN)."""

    id: str
    maatregel: str | None  # short name of the measure, None without one
    urgentie: Urgentie | None  # None: not triaged
    werkdagen_tot_termijn: int | None  # negative when the norm deadline has passed
    dagen_wachtend: int
    soort: str = ""
    jeugdreclassering: bool = False  # the deadline is for a jeugdreclasseerder


@dataclass(frozen=True, slots=True)
class Positie:
    positie: int
    wachtend: Wachtend
    redenen: tuple[str, ...]


def _urgentie(w: Wachtend, regels: Prioriteitsregels) -> Urgentie:
    return w.urgentie if w.urgentie is not None else regels.urgentie_zonder_triage


def sleutel(w: Wachtend, regels: Prioriteitsregels) -> tuple[int, int, int, int, str]:
    """Sort key, smallest first. A child without a measure counts ``marge - 1`` levels lower, and
    at equal (adjusted) urgency the measure goes first."""
    niveau = int(_urgentie(w, regels)) - (0 if w.maatregel else regels.marge_zonder_maatregel - 1)
    termijn = w.werkdagen_tot_termijn if w.werkdagen_tot_termijn is not None else 10**6
    return (-niveau, 0 if w.maatregel else 1, termijn, -w.dagen_wachtend, w.id)


def redenen(w: Wachtend, regels: Prioriteitsregels) -> tuple[str, ...]:
    uit = [f"maatregel {w.maatregel}" if w.maatregel else "geen maatregel"]
    if w.urgentie is None:
        uit.append(f"nog niet getrieerd (telt als {regels.urgentie_zonder_triage.label})")
    else:
        uit.append(f"urgentie {w.urgentie.label}")
    if w.werkdagen_tot_termijn is not None:
        n = w.werkdagen_tot_termijn
        wie = "jeugdreclasseerder" if w.jeugdreclassering else "jeugdbeschermer"
        if n > 0:
            uit.append(f"termijn {wie} {n} werkdag{'en' if n != 1 else ''} over")
        elif n == 0:
            uit.append(f"termijn {wie} verloopt vandaag")
        else:
            uit.append(f"termijn {wie} {-n} werkdag{'en' if n != -1 else ''} verstreken")
    uit.append(f"wacht {w.dagen_wachtend} dag{'en' if w.dagen_wachtend != 1 else ''}")
    return tuple(uit)


def rangschik(wachtenden: Iterable[Wachtend], regels: Prioriteitsregels) -> list[Positie]:
    """The ranked list, position 1 first, each with its reasons."""
    gesorteerd = sorted(wachtenden, key=lambda w: sleutel(w, regels))
    return [Positie(i, w, redenen(w, regels)) for i, w in enumerate(gesorteerd, start=1)]
