"""Correcting a measure registered wrongly: its code, the date of the beschikking or its start.

A wrong start moves a child on or off the start waitlist and changes the doorbraak deadlines,
so the correction goes through the intake's own checks. It keeps the values it replaces
(``MaatregelCorrectie``): the lists and the monitor now read the corrected measure, a figure
asked "as known at" an earlier moment still reads what was registered then."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.intake import IntakeOngeldig, controleer_correctie
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.kinderen.models import Maatregel, MaatregelCorrectie
from ketenzicht.kinderen.selectors import wat
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Correctie:
    """What the registration should have been, and why it was not."""

    code: MaatregelCode
    beschikking_datum: date
    start: date
    reden: str


class IntussenGecorrigeerd(Weigering):
    """Someone else corrected the measure since the form was opened."""


@transaction.atomic
def maatregel_corrigeren(
    maatregel: Maatregel,
    c: Correctie,
    *,
    door: Gebruiker,
    gezien: int | None = None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> MaatregelCorrectie:
    """Correct ``maatregel`` to ``c``; ``gezien`` is the number of corrections the user saw (a
    form or API client that read the measure earlier): if another correction came in since, the
    correction is refused rather than silently overwriting it. Raises ``Weigering``."""
    m = Maatregel.objects.select_for_update().select_related("kind").get(pk=maatregel.pk)
    if gezien is not None and m.correcties.count() != gezien:
        raise IntussenGecorrigeerd(
            "Deze maatregel is intussen door iemand anders gecorrigeerd. Bekijk de registratie "
            "opnieuw en corrigeer zo nodig nog eens."
        )
    was = (m.maatregelcode, m.beschikking_datum, m.start)
    try:
        controleer_correctie(
            code=c.code,
            geboortedatum=m.kind.geboortedatum,
            beschikking_datum=c.beschikking_datum,
            start=c.start,
            vandaag=timezone.localdate(),
            was=was,
            einde=m.einde,
            eerste_toewijzing=m.toewijzingen.aggregate(eerste=Min("start"))["eerste"],
            reden=c.reden,
        )
    except IntakeOngeldig as fout:
        raise Weigering(str(fout), fout.veld) from None
    if (
        c.code is not was[0]
        and m.einde is None
        and m.kind.maatregelen.filter(gi=m.gi_id, code=c.code.value, einde__isnull=True)
        .exclude(pk=m.pk)
        .exists()
    ):
        raise Weigering(f"Bij {m.gi} loopt voor dit kind al een {c.code.kort}.", "code")
    correctie = MaatregelCorrectie.objects.create(
        maatregel=m,
        was_code=was[0].value,
        was_beschikking_datum=was[1],
        was_start=was[2],
        reden=c.reden.strip(),
        door=getattr(door, "username", "") or "onbekend",
    )
    m.code, m.beschikking_datum, m.start = c.code.value, c.beschikking_datum, c.start
    m.save(update_fields=["code", "beschikking_datum", "start"])
    nu = (m.code, m.beschikking_datum, m.start)
    doel = f"maatregel gecorrigeerd: {wat((was[0].value, was[1], was[2]), nu)}"
    audit_kind(door, m.kind, AuditRegel.Actie.SCHRIJVEN, doel, kanaal)
    log.info("maatregel %s gecorrigeerd (correctie %s)", m.pk, correctie.pk)
    return correctie
