"""A measure handed over to another GI (``domain.overdracht``): the sending GI's part ends on
the day of the handover ("overgedragen", with its vaste jeugdbeschermer), and the receiving
GI's part starts that day, continuing it (``Maatregel.overgenomen_van``): the same court
decision, the same kind of measure. One atomic use case; two planners handing over the same
measure at once cannot both succeed."""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.maatregelen import EindeReden
from ketenzicht.domain.overdracht import controleer_overdracht
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.services import (
    Gebruiker,
    Weigering,
    al_lopend,
    audit_kind,
    maatregel_beeindigen,
)
from ketenzicht.organisaties.models import Organisatie

log = logging.getLogger(__name__)


@transaction.atomic
def maatregel_overdragen(
    maatregel: Maatregel,
    naar: Organisatie,
    *,
    per: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Maatregel:
    """Hand ``maatregel`` over to the GI ``naar`` on ``per``; returns the receiving GI's part.
    Raises ``Weigering`` naming the field (``maatregel``, ``gi``, ``per``); nothing is
    stored then."""
    maatregel = Maatregel.objects.select_for_update().select_related("kind").get(pk=maatregel.pk)
    if naar.type != Organisatie.Type.GI:
        raise Weigering(f"{naar} is geen gecertificeerde instelling.", "gi")
    fout = controleer_overdracht(
        per=per,
        vandaag=timezone.localdate(),
        start=maatregel.start,
        einde=maatregel.einde,
        zelfde_gi=naar.pk == maatregel.gi_id,
        loopt_daar_al=al_lopend(maatregel.kind, naar, maatregel.maatregelcode) is not None,
    )
    if fout is not None:
        raise Weigering(fout[1], fout[0])
    maatregel_beeindigen(
        maatregel=maatregel, einde=per, reden=EindeReden.OVERGEDRAGEN, door=door, kanaal=kanaal
    )
    voortgezet = Maatregel.objects.create(
        kind=maatregel.kind,
        gi=naar,
        code=maatregel.code,
        beschikking_datum=maatregel.beschikking_datum,
        start=per,
        overgenomen_van=maatregel,
    )
    doel = f"maatregel overgedragen aan {naar.naam} per {per:%d-%m-%Y}"
    audit_kind(door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, doel, kanaal)
    log.info("maatregel %s overgedragen aan GI %s als %s", maatregel.pk, naar.pk, voortgezet.pk)
    return voortgezet
