"""Where the waiting children live: the monitor's waitlists per jeugdregio and per gemeente.

The monitor jeugdbescherming counts per GI, because a GI's staff is what a waitlist waits
for. A jeugdregio or gemeente contracts the GIs and answers for its own children
(woonplaatsbeginsel), so it asks the other question: how many of *our* children wait, and how
long? The same definitions as ``domain.monitor`` (``wachtlijst_start``, ``wachtlijst_intern``,
``clienten`` as measures in execution), counted by the child's gemeente over all GIs, with one
figure to compare areas of different size:

* ``aandeel_wachtend_pct``: of the area's measures in execution, the percentage whose child
  waits for a (new) vaste jeugdbeschermer (start plus internal list), one decimal.

FTE and workload stay per GI: a GI's caseworkers serve several regions at once, and splitting
them by area would invent a figure nobody registered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ketenzicht.domain.kalender import Kalender
from ketenzicht.domain.monitor import Wachtlijstcijfer
from ketenzicht.domain.wachtlijst import MaatregelStand, Wachtende, WachtSoort, wachtenden

ONBEKEND = "Gemeente onbekend"


@dataclass(frozen=True, slots=True)
class Gebiedcijfers:
    clienten: int
    wachtlijst_start: Wachtlijstcijfer
    wachtlijst_intern: Wachtlijstcijfer

    @property
    def totaal_wachtend(self) -> int:
        return self.wachtlijst_start.aantal + self.wachtlijst_intern.aantal

    @property
    def aandeel_wachtend_pct(self) -> float | None:
        if not self.clienten:
            return None
        return round(100 * self.totaal_wachtend / self.clienten, 1)


def per_gebied(
    standen: Iterable[MaatregelStand],
    gebied_van: Mapping[int, str],
    peildatum: date,
    kalender: Kalender,
) -> dict[str, Gebiedcijfers]:
    """The figures per area, by name: each measure in execution on ``peildatum`` counts for the
    area ``gebied_van`` gives its child (``ONBEKEND`` when it gives none)."""
    lopend = [s for s in standen if s.in_uitvoering(peildatum)]
    clienten = Counter(gebied_van.get(s.kind_id, ONBEKEND) for s in lopend)
    lijsten: dict[tuple[str, WachtSoort], list[Wachtende]] = defaultdict(list)
    for w in wachtenden(lopend, peildatum, kalender):
        lijsten[gebied_van.get(w.kind_id, ONBEKEND), w.soort].append(w)
    return {
        gebied: Gebiedcijfers(
            clienten[gebied],
            Wachtlijstcijfer.van(lijsten[gebied, WachtSoort.START]),
            Wachtlijstcijfer.van(lijsten[gebied, WachtSoort.INTERN]),
        )
        for gebied in sorted(clienten)
    }


def samen(cijfers: Iterable[Gebiedcijfers]) -> Gebiedcijfers:
    """Areas together: counts summed, mean days weighted by the counts."""
    alle = list(cijfers)
    return Gebiedcijfers(
        sum(c.clienten for c in alle),
        Wachtlijstcijfer(
            sum(c.wachtlijst_start.aantal for c in alle),
            sum(c.wachtlijst_start.dagen_totaal for c in alle),
        ),
        Wachtlijstcijfer(
            sum(c.wachtlijst_intern.aantal for c in alle),
            sum(c.wachtlijst_intern.dagen_totaal for c in alle),
        ),
    )


def als_dict(c: Gebiedcijfers) -> dict[str, object]:
    """The public JSON shape (``ketenzicht monitor gebieden --format json`` and the API)."""
    return {
        "clienten": c.clienten,
        "wachtlijst_start": {
            "aantal": c.wachtlijst_start.aantal,
            "gemiddelde_dagen": c.wachtlijst_start.gemiddelde_dagen,
        },
        "wachtlijst_intern": {
            "aantal": c.wachtlijst_intern.aantal,
            "gemiddelde_dagen": c.wachtlijst_intern.gemiddelde_dagen,
        },
        "totaal_wachtend": c.totaal_wachtend,
        "aandeel_wachtend_pct": c.aandeel_wachtend_pct,
    }
