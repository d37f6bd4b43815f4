"""The zorgbemiddelingstafel's proposal, read on top of the table's view: the region's places
as pools, the optimal matching (``domain.bemiddeling``), each match explained, and "wat als"
with temporary places."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings

from ketenzicht.bemiddeling.selectors import Aanbodregel, Gebruiker, Tafel, Vraagregel, tafel
from ketenzicht.domain import bemiddeling as domein
from ketenzicht.organisaties.models import Organisatie


def pools(aanbod: Sequence[Aanbodregel], peildatum: date) -> list[domein.Pool]:
    horizon = peildatum + timedelta(days=settings.BEMIDDELING_HORIZON_DAGEN)
    uit = []
    for a in aanbod:
        basis = domein.Pool(
            aanbod=a.aanbod,
            productcategorie=a.productcategorie,
            leeftijd_van=a.leeftijd_van,
            leeftijd_tot=a.leeftijd_tot,
            breedte=a.breedte,
            lengte=a.lengte,
            aantal=a.vrij_nu,
            vrij_vanaf=peildatum,
        )
        if a.vrij_nu > 0:
            uit.append(basis)
        per = a.verwacht_vrij_per
        if a.verwacht_vrij > 0 and per is not None and per <= horizon:
            uit.append(
                replace(
                    basis, aantal=a.verwacht_vrij, vrij_vanaf=per, wachtdagen=(per - peildatum).days
                )
            )
    return uit


def domeinvragen(vragen: Sequence[Vraagregel]) -> list[domein.Vraag]:
    return [
        domein.Vraag(
            id=v.hulpvraag,
            positie=v.positie,
            productcategorie=v.productcategorie,
            leeftijd=v.leeftijd,
            breedte=v.breedte,
            lengte=v.lengte,
            uitgesloten=v.uitgesloten,
        )
        for v in vragen
    ]


@dataclass(frozen=True, slots=True)
class Uitkomst:
    tafel: Tafel
    voorstel: domein.Voorstel
    met_extra: domein.Voorstel | None = None  # "wat als": the proposal with the extra places
    extra_geholpen: tuple[int, ...] = ()  # waiting now, helped with the extra places


def _extra_pools(t: Tafel, extra: Sequence[tuple[int, int]]) -> list[domein.Pool]:
    """Temporary places, free now, in existing offers of the region."""
    per_aanbod = {a.aanbod: a for a in t.aanbod}
    uit = []
    for aanbod_id, aantal in extra:
        if aanbod_id not in per_aanbod:
            raise LookupError(f"aanbod {aanbod_id} is niet van {t.regio.naam}")
        if aantal < 1:
            raise LookupError(f"aanbod {aanbod_id}: minstens 1 extra plek")
        tijdelijk = replace(per_aanbod[aanbod_id], vrij_nu=aantal, verwacht_vrij=0)
        uit += pools([tijdelijk], t.peildatum)
    return uit


def voorstel(
    *,
    gebruiker: Gebruiker,
    regio: Organisatie,
    peildatum: date,
    kanaal: str,
    extra: Sequence[tuple[int, int]] = (),
) -> Uitkomst:
    """The optimal proposal for the region; with ``extra`` — (offer, places) pairs, "wat als" —
    also the proposal with those temporary places and the waiting requests they would help.
    Raises ``LookupError`` for an offer outside the region."""
    t = tafel(gebruiker=gebruiker, regio=regio, peildatum=peildatum, kanaal=kanaal)
    vragen = domeinvragen(t.vragen)
    aanbod = pools(t.aanbod, peildatum)
    max_km = settings.BEMIDDELING_MAX_KM
    if not extra:
        return Uitkomst(t, _uitgelegd(domein.voorstel(vragen, aanbod, max_km=max_km), t))
    nu, dan, geholpen = domein.wat_als(vragen, aanbod, _extra_pools(t, extra), max_km=max_km)
    return Uitkomst(t, _uitgelegd(nu, t), _uitgelegd(dan, t), geholpen)


def _uitgelegd(v: domein.Voorstel, t: Tafel) -> domein.Voorstel:
    """Each match's reasons in full: the priority reasons of the request, then the fit."""
    per_vraag = {r.hulpvraag: r for r in t.vragen}
    matches = []
    for m in v.matches:
        r = per_vraag[m.vraag]
        fit = tuple(
            f"zorgvorm past: {r.zorgvorm}" if reden.startswith("zorgvorm") else reden
            for reden in m.redenen
        )
        matches.append(replace(m, redenen=(*fit[:1], *r.redenen, *fit[1:])))
    return replace(v, matches=tuple(matches))
