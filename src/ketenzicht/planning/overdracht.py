"""Handing over a sick or leaving caseworker's children before they wait: the same optimal
proposal as for the whole list (``domain.verdeling``), for this caseworker's children, over
the colleagues with room under the norm. A deadline past first, then the next deadline."""

from __future__ import annotations

from datetime import date

from ketenzicht.domain.verdeling import Voorstel, voorstel
from ketenzicht.doorbraak import lijsten
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.services import Gebruiker
from ketenzicht.organisaties.models import Medewerker
from ketenzicht.organisaties.selectors import werklastnorm
from ketenzicht.planning.selectors import (
    jeugdbeschermers_per_gezin,
    ruimte_in_team,
    vraag,
    werkvoorraad,
)


def overdrachtsvoorstel(
    *, gebruiker: Gebruiker, medewerker: Medewerker, peildatum: date, kanaal: str
) -> tuple[Voorstel, dict[str, lijsten.KindInCaseload]]:
    """The proposal for ``medewerker``'s children, with the rows by maatregel id. The children
    shown are audited as seen for the hand-over."""
    kinderen = lijsten.kinderen_van(
        gebruiker=gebruiker,
        medewerker=medewerker,
        peildatum=peildatum,
        kanaal=kanaal,
        doel="overdracht voorbereiden",
    )
    gi = medewerker.gi
    norm = werklastnorm(gi.pk, peildatum)
    voorraad = werkvoorraad(gi, norm)
    maatregelen = Maatregel.objects.select_related("kind").in_bulk(
        [k.kind.maatregel_id for k in kinderen]
    )
    gezin_van = jeugdbeschermers_per_gezin(voorraad, zonder=medewerker.pk)
    vragen = [
        vraag(maatregelen[k.kind.maatregel_id], positie, norm, gezin_van, "bij de overdracht")
        for positie, k in enumerate(kinderen, start=1)
    ]
    aanbod = ruimte_in_team(gi, peildatum, norm, voorraad, zonder=medewerker.pk)
    return voorstel(vragen, aanbod), {str(k.kind.maatregel_id): k for k in kinderen}
