"""Burgerservicenummer: the elfproef and a value that never shows itself.

Wet algemene bepalingen burgerservicenummer: nine digits (eight with a leading zero added),
and 9A + 8B + 7C + 6D + 5E + 4F + 3G + 2H - 1I divisible by 11. A BSN is a secret in this
system: ``Bsn`` masks itself in ``str`` and ``repr`` so that it cannot end up in a log line,
an error message or a URL by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)

# Synthetic data only. Demo and test BSNs lie in the 999 block (999 000 000 - 999 999 999),
# whose top (999 990 000 and up) is the range the Rijksdienst voor Identiteitsgegevens uses
# for test persons in its BRP test environment. ``is_testnummer`` lets the demo generator and
# the test factories prove they never produce anything else.
TESTBEREIK = range(999_000_000, 1_000_000_000)


class BsnOngeldig(ValueError):
    """The input is not a valid BSN. The message never repeats the number itself."""


def elfproef(cijfers: str) -> bool:
    """True when nine digits pass the BSN variant of the elfproef (and are not all zero)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    return sum(g * int(c) for g, c in zip(GEWICHTEN, cijfers, strict=True)) % 11 == 0


def controleer(invoer: str) -> str:
    """Normalise ``invoer`` to nine digits or raise ``BsnOngeldig`` naming what is wrong."""
    cijfers = invoer.strip().replace(" ", "").replace(".", "")
    if not cijfers.isdigit():
        raise BsnOngeldig("Een BSN bestaat alleen uit cijfers.")
    if len(cijfers) == 8:
        cijfers = "0" + cijfers
    if len(cijfers) != 9:
        raise BsnOngeldig(
            f"Een BSN heeft 9 cijfers (8 met een voorloopnul); dit waren er {len(cijfers)}."
        )
    if not elfproef(cijfers):
        raise BsnOngeldig("Dit BSN voldoet niet aan de elfproef; controleer het nummer.")
    return cijfers


def is_testnummer(cijfers: str) -> bool:
    """True for a valid BSN in the synthetic test block ``TESTBEREIK``."""
    return elfproef(cijfers) and int(cijfers) in TESTBEREIK


def testnummers(vanaf: int = 0) -> Iterator[str]:
    """All valid BSNs in ``TESTBEREIK`` in ascending order, skipping the first ``vanaf`` prefixes.

    Each eight-digit prefix has exactly one check digit that satisfies the elfproef; ten in
    eleven prefixes get a single-digit one, so the block holds about 90,900 test BSNs.
    """
    for prefix in range(TESTBEREIK.start // 10 + vanaf, TESTBEREIK.stop // 10):
        acht = f"{prefix:08d}"
        controle = sum(g * int(c) for g, c in zip(GEWICHTEN[:8], acht, strict=True)) % 11
        if controle <= 9:
            yield f"{acht}{controle}"


@dataclass(frozen=True)
class Bsn:
    """A validated BSN whose digits never appear in ``str``/``repr``."""

    cijfers: str = field(repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cijfers", controleer(self.cijfers))

    def __str__(self) -> str:
        return "BSN(afgeschermd)"

    __repr__ = __str__


_NUMMER = re.compile(r"\d(?:[ .]?\d){7,}")  # 8 or more digits, spaces or dots between them


def lijkt_op_bsn(tekst: str) -> bool:
    """Whether free text holds a run of 8 or more digits (spaces and dots between them allowed),
    which could be a BSN: such text is refused rather than stored or logged."""
    return _NUMMER.search(tekst) is not None
