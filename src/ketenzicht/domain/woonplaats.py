"""Where a child lived on a day: the gemeente that answers for it (woonplaatsbeginsel).

A child moves; from the day it lives in another gemeente, that gemeente answers for its
protection, sees it in its lists and counts it in its region's figures. A move is registered
after the fact, so where a child lived on a day also depends on when it is asked: as known at
a moment, a move registered later had not happened yet.

A child's moves are ``Woonplaats`` facts: (from which day, registered when, the gemeente). A
child that never moved has none; it lives where its record says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

G = TypeVar("G")


@dataclass(frozen=True, slots=True)
class Woonplaats(Generic[G]):
    """The child lives in ``gemeente`` from ``van``; known from ``geregistreerd_op``."""

    van: date
    geregistreerd_op: datetime
    gemeente: G


def gemeente_op(
    woonplaatsen: Iterable[Woonplaats[G]], dag: date, bekend_op: datetime | None = None
) -> G | None:
    """The gemeente a child lived in on ``dag``, as known at ``bekend_op`` (``None``: now): of
    the facts known then, the one from the latest day on or before ``dag`` (the later
    registered on the same day). Before its first known one: that first one (where the child
    was first known to live). ``None``: no fact known (the caller's record says)."""
    bekend = [w for w in woonplaatsen if bekend_op is None or w.geregistreerd_op <= bekend_op]
    if not bekend:
        return None
    tot_dan = [w for w in bekend if w.van <= dag]
    if not tot_dan:
        return min(bekend, key=lambda w: (w.van, w.geregistreerd_op)).gemeente
    return max(tot_dan, key=lambda w: (w.van, w.geregistreerd_op)).gemeente


def controleer_verhuizing(
    *, per: date, vandaag: date, geboren: date, laatste: date | None, zelfde_gemeente: bool
) -> tuple[str, str] | None:
    """Why a move on ``per`` cannot be registered, as (field, message), or ``None``.
    ``laatste``: the day of the last move registered (moves are registered in order)."""
    if zelfde_gemeente:
        return "gemeente", "Het kind woont al in deze gemeente."
    if per > vandaag:
        return "per", "De verhuisdatum ligt na vandaag: registreer een verhuizing als die er is."
    if per < geboren:
        return "per", "De verhuisdatum ligt voor de geboortedatum van het kind."
    if laatste is not None and per <= laatste:
        return "per", f"De vorige verhuizing was op {laatste:%d-%m-%Y}; een nieuwe valt daarna."
    return None
