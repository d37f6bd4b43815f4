"""When too many wrong passwords lock a login, and until when.

A login name (or an address) that gave ``max_pogingen`` wrong passwords within ``venster`` is
refused until the oldest of those leaves the window: guessing a password takes months, while a
user who mistyped a few times waits at most ``venster``. Refused attempts are not checked and do
not count, so whoever keeps trying cannot keep the lock on for ever. For a login name only the
wrong passwords after its last successful login count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Slotregel:
    max_pogingen: int
    venster: timedelta

    def __post_init__(self) -> None:
        if self.max_pogingen < 1:
            raise ValueError("Het aantal pogingen moet minstens 1 zijn.")
        if self.venster <= timedelta(0):
            raise ValueError("Het venster moet langer dan 0 zijn.")


def slot_tot(mislukt: Iterable[datetime], nu: datetime, regel: Slotregel) -> datetime | None:
    """The moment attempts are allowed again, or ``None`` when they are allowed now.

    ``mislukt``: the moments of wrong passwords, none after ``nu``.
    """
    recent = sorted(t for t in mislukt if nu - regel.venster < t <= nu)
    if len(recent) < regel.max_pogingen:
        return None
    return recent[-regel.max_pogingen] + regel.venster


def slot_na_herstel(
    mislukt: Iterable[datetime], herstel: Iterable[datetime], nu: datetime, regel: Slotregel
) -> datetime | None:
    """A login name's lock: only its wrong attempts after the last ``herstel`` (a successful
    login, or the lock lifted by the beheerder) count."""
    laatste = max(herstel, default=None)
    return slot_tot((t for t in mislukt if laatste is None or t > laatste), nu, regel)


def normaliseer_naam(gebruikersnaam: str) -> str:
    """The key attempts are counted under: ``Planner1 `` and ``planner1`` are one name."""
    return gebruikersnaam.strip().casefold()[:150]
