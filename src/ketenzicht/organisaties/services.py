"""Writes about organisations."""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from ketenzicht.organisaties.models import Organisatie

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
