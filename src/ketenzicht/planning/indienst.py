"""A colleague joining the GI, as the planner registers it: until then the team page lists them
as coming (a joining registered by mistake is withdrawn there, ``planning.intrekking``); from
their first day they are on the team page with room under the norm, and during onboarding
(zij-instroom) they count for the inwerkfactor of their fte in the monitor's available FTE
(``domain.capaciteit``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ketenzicht.domain.afwezigheid import (
    AfwezigheidOngeldig,
    controleer_indiensttreding,
    inwerken_tot,
)
from ketenzicht.domain.capaciteit import Beschikbaarheid, Rol
from ketenzicht.kinderen.services import (
    Gebruiker,
    Weigering,
    mag_toewijzen,
    mag_verleden_registreren,
)
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Medewerker, Organisatie
from ketenzicht.organisaties.selectors import NOOIT_IN_DIENST, gi_van
from ketenzicht.organisaties.services import VERLEDEN

log = logging.getLogger(__name__)


class IndienstOngeldig(Weigering):
    """A new colleague that cannot be registered so; ``veld`` names what is wrong."""


@transaction.atomic
def in_dienst_nemen(
    *,
    gi: Organisatie,
    naam: str,
    rol: Rol,
    fte: Decimal,
    per: date,
    inwerkweken: int,
    door: Gebruiker,
) -> tuple[Medewerker, str]:
    """Register a new colleague at ``gi`` from ``per``; returns them and what it means."""
    if not mag_toewijzen(door):
        raise Weigering("Een nieuwe collega registreert de teamleider of planner.")
    if door is not None and gi_van(door) != gi:
        raise Weigering("Alleen voor uw eigen GI.")
    naam = " ".join(naam.split())
    vandaag = timezone.localdate()
    if not naam:
        raise IndienstOngeldig("Vul de naam in.", "naam")
    try:
        controleer_indiensttreding(
            per, float(fte), inwerkweken, vandaag, verleden=mag_verleden_registreren(door)
        )
    except AfwezigheidOngeldig as fout:
        raise IndienstOngeldig(str(fout), fout.veld) from None
    nu = timezone.now()
    medewerker = Medewerker.objects.create(
        gi=gi, naam=naam, rol=rol.value, fte=fte, in_dienst_van=per, geregistreerd_op=nu
    )
    fte_nl = f"{float(fte):g}".replace(".", ",")
    tekst = f"{naam} ({rol.value}, {fte_nl} fte) is in dienst per {per:%d-%m-%Y}"
    tot = inwerken_tot(per, inwerkweken)
    if tot is not None:
        BeschikbaarheidsPeriode.objects.create(
            medewerker=medewerker,
            soort=Beschikbaarheid.INWERKEN.value,
            van=per,
            tot=tot,
            geregistreerd_op=nu,
            tot_geregistreerd_op=nu,
        )
        tekst += f" en werkt in tot {tot:%d-%m-%Y}"
    log.info("medewerker %s in dienst per %s", medewerker.pk, per)
    if rol.heeft_caseload:
        tekst += "; vanaf de eerste dag kunt u kinderen toewijzen"
    tekst += "."
    if per < vandaag:
        tekst += VERLEDEN.format(dag=f"{per:%d-%m-%Y}")
    return medewerker, tekst


@dataclass(frozen=True, slots=True)
class Komend:
    """A colleague registered to join, before their first day (the team page lists them)."""

    medewerker: Medewerker
    inwerken_tot: date | None


def komende_collegas(*, gi: Organisatie, peildatum: date) -> list[Komend]:
    """Colleagues of ``gi`` whose first day is after ``peildatum``, the first to come first;
    a joining withdrawn (the empty employment) is not among them."""
    komend = (
        Medewerker.objects.filter(gi=gi, in_dienst_van__gt=peildatum)
        .exclude(NOOIT_IN_DIENST)
        .order_by("in_dienst_van", "naam")
    )
    inwerken = dict(
        BeschikbaarheidsPeriode.objects.filter(
            medewerker__in=komend, soort=Beschikbaarheid.INWERKEN.value
        ).values_list("medewerker_id", "tot")
    )
    return [Komend(m, inwerken.get(m.pk)) for m in komend]
