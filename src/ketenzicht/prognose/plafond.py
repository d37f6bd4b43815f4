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


def _gewogen(paren: Iterable[tuple[float | None, float]]) -> float | None:
    """The mean of the norms weighted by FTE; None when one is missing or there is no FTE."""
    paren = list(paren)
    totaal = sum(fte for _, fte in paren)
    if not paren or totaal <= 0 or any(norm is None for norm, _ in paren):
        return None
    return sum(norm * fte for norm, fte in paren if norm is not None) / totaal


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
    if geregistreerd != {g.pk for g in org}:
        return None
    lijst = list(werknemers)
    return _gewogen(
        (
            werklastnorm(g.pk, peildatum).clienten_per_fte_bij(lopend),
            _caseload_fte([w for w in lijst if w.gi == g.naam], peildatum),
        )
        for g in org
    )


def gewogen_norm(delen: list[Historie]) -> float | None:
    """The parts' registered norms, weighted by their case-holding FTE (None if one has none)."""
    return _gewogen(
        (h.geregistreerde_norm, _caseload_fte(h.medewerkers, h.peildatum)) for h in delen
    )
