"""Correcting a measure registered wrongly: its code, the date of the beschikking or its start,
and the date or reason of its end.

A wrong start moves a child on or off the start waitlist and changes the doorbraak deadlines,
so the correction goes through the intake's own checks. It keeps the values it replaces
(``MaatregelCorrectie``): the lists and the monitor now read the corrected measure, a figure
asked "as known at" an earlier moment still reads what was registered then."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.intake import IntakeOngeldig, Registratie, controleer_correctie
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, ToewijzingEindeReden
from ketenzicht.domain.overdracht import controleer_correctie_in_keten
from ketenzicht.kinderen.historie import wat
from ketenzicht.kinderen.models import Maatregel, MaatregelCorrectie, Toewijzing
from ketenzicht.kinderen.services import (
    Gebruiker,
    Weigering,
    al_lopend,
    audit_kind,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Correctie:
    """What the registration should have been, and why it was not. ``einde`` and
    ``einde_reden`` only for a measure that has ended (``None``: as registered); ``heropenen``
    takes its end away."""

    code: MaatregelCode
    beschikking_datum: date
    start: date
    reden: str
    einde: date | None = None
    einde_reden: EindeReden | None = None
    heropenen: bool = False  # ended by mistake: the measure runs again

    @classmethod
    def uit(cls, gegevens: Mapping[str, Any]) -> Correctie:
        """From a checked form or API request (an empty or absent end: as registered)."""
        reden_einde = gegevens.get("einde_reden")
        return cls(
            MaatregelCode(gegevens["code"]),
            gegevens["beschikking_datum"],
            gegevens["start"],
            gegevens["reden"],
            gegevens.get("einde"),
            EindeReden(reden_einde) if reden_einde else None,
            heropenen=bool(gegevens.get("heropenen")),
        )


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
    was = m.registratie
    if c.heropenen:
        einde, einde_reden = None, ""
    else:  # an end not given stays as registered
        einde = c.einde or was.einde
        einde_reden = c.einde_reden.value if c.einde_reden else was.einde_reden
    nieuw = Registratie(c.code, c.beschikking_datum, c.start, einde, einde_reden)
    toewijzingen = m.toewijzingen.aggregate(eerste=Min("start"), laatste=Max("start"))
    try:
        controleer_correctie(
            was,
            nieuw,
            geboortedatum=m.kind.geboortedatum,
            vandaag=timezone.localdate(),
            toewijzingen=(toewijzingen["eerste"], toewijzingen["laatste"])
            if toewijzingen["eerste"]
            else None,
            reden=c.reden,
        )
    except IntakeOngeldig as fout:
        raise Weigering(str(fout), fout.veld) from None
    if keten := controleer_correctie_in_keten(
        was,
        nieuw,
        overgedragen=Maatregel.objects.filter(overgenomen_van=m).exists(),
        overgenomen=m.overgenomen_van_id is not None,
    ):
        raise Weigering(keten[1], keten[0])
    if nieuw.einde is None and (dubbel := al_lopend(m.kind, m.gi, nieuw.code, behalve=m)):
        raise Weigering(dubbel, "code")
    correctie = MaatregelCorrectie.objects.create(
        maatregel=m,
        was_code=was.code.value,
        was_beschikking_datum=was.beschikking_datum,
        was_start=was.start,
        was_einde=was.einde,
        was_einde_reden=was.einde_reden,
        was_einde_geregistreerd_op=m.einde_geregistreerd_op,
        reden=c.reden.strip(),
        door=getattr(door, "username", "") or "onbekend",
    )
    if was.einde is not None and nieuw.einde != was.einde:  # (a running one is not ended here)
        _einde_verplaatsen(m, was.einde, nieuw.einde)
    m.code, m.beschikking_datum, m.start = nieuw.code.value, nieuw.beschikking_datum, nieuw.start
    m.einde, m.einde_reden = nieuw.einde, nieuw.einde_reden
    m.save(
        update_fields=[
            "code",
            "beschikking_datum",
            "start",
            "einde",
            "einde_reden",
            "einde_geregistreerd_op",
        ]
    )
    doel = f"maatregel gecorrigeerd: {wat(was, nieuw)}"
    audit_kind(door, m.kind, AuditRegel.Actie.SCHRIJVEN, doel, kanaal)
    log.info("maatregel %s gecorrigeerd (correctie %s)", m.pk, correctie.pk)
    return correctie


def _einde_verplaatsen(m: Maatregel, was: date, nieuw: date | None) -> None:
    """The end moves, registered now: the vaste jeugdbeschermer who stopped with the measure
    stops on the corrected day instead. Taken away (ended by mistake), the measure runs again
    and so does that vaste jeugdbeschermer, if still in service: from the day it stopped, as a
    new assignment (an end is set once; "as known at" keeps reading the old one)."""
    nu = timezone.now()
    m.einde_geregistreerd_op = nu if nieuw is not None else None
    gestopt = m.toewijzingen.filter(
        einde=was, einde_reden=ToewijzingEindeReden.EINDE_MAATREGEL.value
    ).select_related("medewerker")
    if nieuw is not None:
        gestopt.update(einde=nieuw, einde_geregistreerd_op=nu)
        return
    laatste = gestopt.order_by("-start", "-pk").first()
    if laatste is not None and laatste.medewerker.dienstverband.bevat(timezone.localdate()):
        Toewijzing.objects.create(maatregel=m, medewerker=laatste.medewerker, start=was)
