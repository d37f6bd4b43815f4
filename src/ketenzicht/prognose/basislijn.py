"""The calibrated baseline: the registration's history up to a peildatum, calibrated, as a
scenario that starts there. A GI is calibrated on its own history; the country as its GIs, each
a pool of its own (``domain.prognose.onderdelen``), unless one pool is asked for."""

from __future__ import annotations

from datetime import date

from ketenzicht.domain.prognose.kalender import op_kalender
from ketenzicht.domain.prognose.kalibratie import Kalibratie, kalibreer, kalibreer_per_gi
from ketenzicht.domain.prognose.parameters import Scenario
from ketenzicht.prognose.registratie import historie, historien


def kalibratie_op(
    peildatum: date,
    *,
    gi_naam: str | None = None,
    venster_maanden: int = 24,
    horizon_maanden: int = 12,
    een_pool: bool = False,
) -> Kalibratie:
    """The calibration on ``peildatum``. Raises ``LookupError`` for an unknown GI and
    ``TeWeinigHistorie`` when there is too little to estimate from."""
    if gi_naam is not None or een_pool:
        h = historie(peildatum=peildatum, gi_naam=gi_naam, venster_maanden=venster_maanden)
        return kalibreer(h, venster_maanden=venster_maanden, horizon_maanden=horizon_maanden)
    land, per_gi = historien(peildatum=peildatum, venster_maanden=venster_maanden)
    return kalibreer_per_gi(
        land, per_gi, venster_maanden=venster_maanden, horizon_maanden=horizon_maanden
    )


def basislijn(k: Kalibratie, naam: str) -> Scenario:
    """The calibrated baseline as a scenario that starts at the calibration's peildatum."""
    return op_kalender(k.scenario(naam), k.peildatum)
