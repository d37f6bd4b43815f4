"""The cap a calibrated forecast puts on caseloads: the werklastnorm the GIs registered, in
clients per case-holding FTE for the mix of their measures (``kalibratie`` falls back on the
busiest caseloads where a GI registered none)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.prognose.kalibratie.historie import Historie, Werknemer
from ketenzicht.organisaties.models import Organisatie, Werklastnorm
from ketenzicht.organisaties.selectors import werklastnorm


def _caseload_fte(medewerkers: Iterable[Werknemer], peildatum: date) -> float:
    return sum(
        w.stand.beschikbaar_fte(peildatum) for w in medewerkers if w.stand.rol.heeft_caseload
    )


def geregistreerde_norm(
    org: list[Organisatie],
    peildatum: date,
    lopend: list[MaatregelCode],
    werknemers: Iterable[Werknemer],
) -> float | None:
    """The werklastnorm the GIs registered, in clients per FTE for the mix of the running
    measures (weighted by each GI's case-holding FTE); None when a GI has none registered."""
    geregistreerd = set(
        Werklastnorm.objects.filter(gi__in=org, geldig_van__lte=peildatum).values_list(
            "gi_id", flat=True
        )
    )
    if not org or geregistreerd != {g.pk for g in org}:
        return None
    lijst = list(werknemers)
    norm = {g.pk: werklastnorm(g.pk, peildatum).clienten_per_fte_bij(lopend) for g in org}
    fte = {g.pk: _caseload_fte([w for w in lijst if w.gi == g.naam], peildatum) for g in org}
    totaal = sum(fte.values())
    if totaal <= 0:
        return sum(norm.values()) / len(norm)
    return sum(norm[g] * fte[g] for g in norm) / totaal


def gewogen_norm(delen: list[Historie]) -> float | None:
    """The parts' registered norms, weighted by their case-holding FTE (None if one has none)."""
    fte = [_caseload_fte(h.medewerkers, h.peildatum) for h in delen]
    if not delen or sum(fte) <= 0:
        return None
    som = 0.0
    for h, f in zip(delen, fte, strict=True):
        if h.geregistreerde_norm is None:
            return None
        som += h.geregistreerde_norm * f
    return som / sum(fte)
