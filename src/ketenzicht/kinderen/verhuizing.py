"""A child moves to another gemeente: from that day the new gemeente answers for it
(woonplaatsbeginsel), sees it and counts it in its region; the old one no longer sees it. Its
waiting care requests go to the table of the new gemeente's region.

The move is kept as a fact (``Woonplaats``), with the gemeente the child lived in before, so the
region's figures at an earlier peildatum still count the child where it lived then, and "as
known at" an earlier moment where it was known to live."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.services import hulpvragen_verhuizen
from ketenzicht.domain.woonplaats import controleer_verhuizing
from ketenzicht.kinderen.models import Kind, Woonplaats
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind
from ketenzicht.organisaties.models import Organisatie

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Verhuisd:
    woonplaats: Woonplaats
    hulpvragen_mee: int  # waiting care requests that went to the new region's table


@transaction.atomic
def verhuizing_registreren(
    kind: Kind,
    gemeente: Organisatie,
    *,
    per: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Verhuisd:
    """Register that ``kind`` lives in ``gemeente`` from ``per``. Raises ``Weigering`` naming
    the field (``gemeente``, ``per``); nothing is stored then."""
    kind = Kind.objects.select_for_update().get(pk=kind.pk)
    if gemeente.type != Organisatie.Type.GEMEENTE:
        raise Weigering(f"{gemeente} is geen gemeente.", "gemeente")
    eerder = list(kind.woonplaatsen.order_by("van", "geregistreerd_op"))
    fout = controleer_verhuizing(
        per=per,
        vandaag=timezone.localdate(),
        geboren=kind.geboortedatum,
        laatste=eerder[-1].van if eerder else None,
        zelfde_gemeente=gemeente.pk == kind.gemeente_id,
    )
    if fout is not None:
        raise Weigering(fout[1], fout[0])
    if not eerder:  # where the child lived until now, known since its own registration
        Woonplaats.objects.create(
            kind=kind,
            gemeente_id=kind.gemeente_id,
            van=kind.geboortedatum,
            geregistreerd_op=kind.geregistreerd_op,
        )
    nieuw = Woonplaats.objects.create(kind=kind, gemeente=gemeente, van=per)
    kind.gemeente = gemeente
    kind.save(update_fields=["gemeente"])
    mee = hulpvragen_verhuizen(kind, gemeente.regio)
    doel = f"verhuisd naar {gemeente.naam} per {per:%d-%m-%Y}"
    audit_kind(door, kind, AuditRegel.Actie.SCHRIJVEN, doel, kanaal)
    log.info(
        "verhuizing van kind %s naar gemeente %s (%d hulpvragen mee)", kind.pk, gemeente.pk, mee
    )
    return Verhuisd(nieuw, mee)
