"""The monitor jeugdbescherming at a peildatum, from what the GIs registered."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings

from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.monitor import Indicatoren, indicatoren_gi, landelijk
from ketenzicht.domain.wachtlijst import MaatregelStand
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.organisaties.selectors import gis, medewerker_standen


@dataclass(frozen=True)
class Monitor:
    peildatum: date
    per_gi: dict[str, Indicatoren]
    landelijk: Indicatoren


def monitor(
    *, peildatum: date, gi_naam: str | None = None, bekend_op: datetime | None = None
) -> Monitor:
    """Indicators per GI and nationally. With ``gi_naam`` only that GI is listed (the national
    figure stays national). ``bekend_op`` recomputes the figures as they were known then."""
    alle = gis()
    if gi_naam is not None and gi_naam not in {g.naam for g in alle}:
        raise LookupError(
            f"Onbekende GI: {gi_naam!r}. Bekend zijn: {', '.join(g.naam for g in alle)}."
        )
    kalender = NederlandseKalender()
    standen: dict[str, list[MaatregelStand]] = defaultdict(list)
    for stand in maatregel_standen(peildatum=peildatum, bekend_op=bekend_op):
        standen[stand.gi].append(stand)
    staf = medewerker_standen(gi_ids=[g.pk for g in alle], peildatum=peildatum, bekend_op=bekend_op)
    per_gi = {
        g.naam: indicatoren_gi(
            standen[g.naam],
            staf.get(g.pk, []),
            peildatum,
            kalender,
            settings.INWERKFACTOR,
        )
        for g in alle
    }
    nationaal = landelijk(list(per_gi.values()))
    if gi_naam is not None:
        per_gi = {gi_naam: per_gi[gi_naam]}
    return Monitor(peildatum, per_gi, nationaal)
