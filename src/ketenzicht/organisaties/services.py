"""Writes about organisations: a GI's first day of registering everything, and its workload
norm from a day on."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.werklast import WerklastnormOngeldig, controleer_grenzen, controleer_ingang
from ketenzicht.organisaties.models import Organisatie, Werklastnorm
from ketenzicht.organisaties.selectors import werklastnorm

log = logging.getLogger(__name__)


def einde_geregistreerd(einde: date | None) -> datetime | None:
    """The registration moment of an end (a leaving date, a sickness's end) set or changed now;
    none when the end was cleared. ``--bekend-op`` reads it (``domain.registratie``)."""
    return timezone.now() if einde is not None else None


def registratie_vanaf_zetten(gi_naam: str, vanaf: date | None) -> tuple[date | None, date | None]:
    """Record the first day from which the GI ``gi_naam`` registers everything in Ketenzicht
    (``None``: its registration is complete). Returns the old and the new day. Raises
    ``LookupError`` naming the known GIs when there is no such GI.

    The monitor's cache key covers this day, so its figures change with it at once."""
    with transaction.atomic():
        gi = (
            Organisatie.objects.select_for_update()
            .filter(type=Organisatie.Type.GI, naam=gi_naam)
            .first()
        )
        if gi is None:
            namen = ", ".join(
                Organisatie.objects.filter(type=Organisatie.Type.GI)
                .order_by("naam")
                .values_list("naam", flat=True)
            )
            raise LookupError(f"onbekende GI {gi_naam!r}. Bekend zijn: {namen}.")
        oud = gi.registratie_vanaf
        gi.registratie_vanaf = vanaf
        gi.save(update_fields=["registratie_vanaf"])
    log.info("registratie_vanaf van %s: %s -> %s", gi_naam, oud, vanaf)
    return oud, vanaf


VERLEDEN = (
    " Dat ligt in het verleden: de cijfers van de monitor vanaf {dag} veranderen; zoals ze "
    "eerder bekend waren, blijven ze op te vragen (ketenzicht monitor --bekend-op)."
)
"""Said after a fact about staff or norms registered for a past day (by the functioneel
beheerder): the leaving or joining of a caseworker, a workload norm."""


def _d(dag: date) -> str:
    return f"{dag:%d-%m-%Y}"


def _getal(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@transaction.atomic
def werklastnorm_vastleggen(
    *,
    gi: Organisatie,
    geldig_van: date,
    clienten_per_fte: Decimal,
    gewicht_jeugdbescherming: Decimal,
    gewicht_voogdij: Decimal,
    gewicht_jeugdreclassering: Decimal,
    ziekte_drempel_dagen: int,
    door: str,
    verleden: bool = False,
) -> tuple[Werklastnorm, str]:
    """The GI's workload norm from ``geldig_van`` on: a new row, the earlier ones kept, so a
    figure about an earlier day still uses the norm of that day. From today up to a year ahead;
    a day in the past changes published figures and is for the functioneel beheerder
    (``verleden``). Refused, naming the field, when out of bounds or when a norm already holds
    from that day. Returns the row and what it means."""
    gewichten = {
        Soort.JEUGDBESCHERMING: float(gewicht_jeugdbescherming),
        Soort.VOOGDIJ: float(gewicht_voogdij),
        Soort.JEUGDRECLASSERING: float(gewicht_jeugdreclassering),
    }
    controleer_grenzen(float(clienten_per_fte), gewichten, ziekte_drempel_dagen)
    vandaag = timezone.localdate()
    controleer_ingang(geldig_van, vandaag, verleden=verleden)
    Organisatie.objects.select_for_update().get(pk=gi.pk)  # one change of the GI's norm at a time
    if Werklastnorm.objects.filter(gi=gi, geldig_van=geldig_van).exists():
        raise WerklastnormOngeldig(
            "geldig_van",
            f"vanaf {_d(geldig_van)} geldt al een norm; kies een andere dag (of trek een norm "
            "die nog moet ingaan eerst in)",
        )
    oud = werklastnorm(gi.pk, geldig_van)
    rij = Werklastnorm.objects.create(
        gi=gi,
        geldig_van=geldig_van,
        clienten_per_fte=clienten_per_fte,
        gewicht_jeugdbescherming=gewicht_jeugdbescherming,
        gewicht_voogdij=gewicht_voogdij,
        gewicht_jeugdreclassering=gewicht_jeugdreclassering,
        ziekte_drempel_dagen=ziekte_drempel_dagen,
        geregistreerd_door=door,
    )
    log.info("werklastnorm van GI %s vanaf %s: %s per fte", gi.pk, geldig_van, clienten_per_fte)
    tekst = (
        f"Vanaf {_d(geldig_van)} is de werklastnorm {_getal(float(clienten_per_fte))} cliënten "
        f"per fte (was {_getal(oud.clienten_per_fte)}); een ziekte beëindigt de vaste relatie na "
        f"{ziekte_drempel_dagen} dagen."
    )
    if geldig_van < vandaag:
        tekst += VERLEDEN.format(dag=_d(geldig_van))
    return rij, tekst


@transaction.atomic
def werklastnorm_intrekken(*, gi: Organisatie, norm_id: int, door: str) -> str:
    """Take back a norm that has not taken effect yet (a wrong number or day); one in force is
    history and stays."""
    rij = Werklastnorm.objects.select_for_update().filter(gi=gi, pk=norm_id).first()
    if rij is None:
        raise LookupError("Geen norm van uw GI.")
    if rij.geldig_van <= timezone.localdate():
        raise WerklastnormOngeldig(
            "geldig_van", f"de norm vanaf {_d(rij.geldig_van)} geldt al en blijft in de historie"
        )
    rij.delete()
    log.info("werklastnorm van GI %s vanaf %s ingetrokken door %s", gi.pk, rij.geldig_van, door)
    return f"De norm vanaf {_d(rij.geldig_van)} is ingetrokken."
