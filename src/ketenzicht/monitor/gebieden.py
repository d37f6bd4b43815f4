"""The monitor's waitlists per jeugdregio, or per gemeente of one jeugdregio (``domain.gebieden``).

Counted from the registration of the GIs that register everything on the peildatum; a GI that
only delivers totals (uitvraag) cannot say where its waiting children live, so it is named as
not counted rather than guessed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ketenzicht.domain.gebieden import ONBEKEND, Gebiedcijfers, per_gebied, samen
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.monitor import Wachtlijstcijfer
from ketenzicht.kinderen.historie import gemeenten_op
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.monitor.bewaren import Bewaarplaats
from ketenzicht.monitor.selectors import controleer_peildatum, registrerende_gis
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gis, jeugdregios

LEEG = Gebiedcijfers(0, Wachtlijstcijfer(0, 0.0), Wachtlijstcijfer(0, 0.0))


@dataclass(frozen=True)
class Gebiedsmonitor:
    peildatum: date
    regio: str | None  # None: a row per jeugdregio; else a row per gemeente of this regio
    per_gebied: dict[str, Gebiedcijfers]
    totaal: Gebiedcijfers
    niet_geteld: list[str]  # GIs whose children these figures leave out

    @property
    def niveau(self) -> str:
        return "regio" if self.regio is None else "gemeente"


def gebieden(
    *,
    peildatum: date,
    regio_naam: str | None = None,
    bekend_op: datetime | None = None,
    plaats: Bewaarplaats | None = None,
) -> Gebiedsmonitor:
    """The waitlists of the children living in each jeugdregio on ``peildatum`` (with
    ``regio_naam``: in each gemeente of that jeugdregio), every area listed, also those with
    none. Raises ``LookupError`` for a peildatum outside the monitor or an unknown regio.
    ``plaats``: one for every peildatum of a request (a trend), so it checks what changed
    once."""
    controleer_peildatum(peildatum)
    regios = jeugdregios()
    if regio_naam is not None and regio_naam not in regios:
        if f"Jeugdregio {regio_naam}" not in regios:
            raise LookupError(
                f"Onbekende jeugdregio {regio_naam!r}. Bekend zijn: {', '.join(regios)}."
            )
        regio_naam = f"Jeugdregio {regio_naam}"  # 'Groningen' for 'Jeugdregio Groningen'
    per_gemeente, niet_geteld = (plaats or Bewaarplaats()).haal(
        _sleutel(peildatum, bekend_op), peildatum, lambda: _telling(peildatum, bekend_op)
    )
    indeling = dict(
        Organisatie.objects.filter(type=Organisatie.Type.GEMEENTE).values_list(
            "naam", "regio__naam"
        )
    )
    if regio_naam is None:
        gemeenten_van: dict[str, list[Gebiedcijfers]] = {r: [] for r in regios}
        for gemeente, cijfers in per_gemeente.items():
            regio = indeling.get(gemeente) or ONBEKEND  # also a gemeente outside any regio
            gemeenten_van.setdefault(regio, []).append(cijfers)
        per = {regio: samen(lijst) for regio, lijst in gemeenten_van.items()}
    else:
        per = {
            gemeente: per_gemeente.get(gemeente, LEEG)
            for gemeente in sorted(g for g, r in indeling.items() if r == regio_naam)
        }
    return Gebiedsmonitor(peildatum, regio_naam, per, samen(per.values()), niet_geteld)


def _telling(
    peildatum: date, bekend_op: datetime | None
) -> tuple[dict[str, Gebiedcijfers], list[str]]:
    """Per gemeente (``ONBEKEND``: children without one) the figures over the GIs that register
    everything on ``peildatum``, and the GIs that do not; computed once per peildatum for every
    regio (and kept, ``monitor.bewaren``)."""
    alle = gis()
    geteld = registrerende_gis(alle, peildatum, bekend_op)
    standen = maatregel_standen(
        peildatum=peildatum, gi_ids=[g.pk for g in alle if g.naam in geteld], bekend_op=bekend_op
    )
    gemeente_van = gemeenten_op({s.kind_id for s in standen}, peildatum, bekend_op)
    return (
        per_gebied(standen, gemeente_van, peildatum, NederlandseKalender()),
        sorted(g.naam for g in alle if g.naam not in geteld),
    )


def te_berekenen(data: list[date], plaats: Bewaarplaats | None = None) -> list[date]:
    """The peildata of ``data`` that ``gebieden`` would count rather than find kept (one
    count per peildatum serves every regio)."""
    plaats = plaats or Bewaarplaats()
    return [p for p in data if not plaats.bewaard(_sleutel(p, None), p)]


def stap(data: list[date], plaats: Bewaarplaats | None = None) -> list[date] | None:
    """As ``monitor.selectors.stap``, for the count per area: the first peildatum not kept is
    counted; the peildata still to count, or ``None`` when the count is not kept."""
    plaats = plaats or Bewaarplaats()
    open_ = te_berekenen(data, plaats=plaats)
    if open_:
        gebieden(peildatum=open_[0], plaats=plaats)
        if te_berekenen(open_[:1]):
            return None
    return open_[1:]


def _sleutel(peildatum: date, bekend_op: datetime | None) -> tuple[object, ...]:
    return ("gebieden", peildatum, bekend_op)
