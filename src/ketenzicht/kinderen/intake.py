"""A court decision arriving at the GI: the child (new, or known by its BSN) and its measure,
registered in one step, or nothing at all.

From the registration on the child is on **Te verdelen**; five working days after the start it
is on the start waitlist until it has a vaste jeugdbeschermer."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.bsn import Bsn, BsnOngeldig
from ketenzicht.domain.intake import IntakeOngeldig, controleer
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.wachtlijst import termijn_jeugdbeschermer
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.services import (
    Gebruiker,
    Weigering,
    al_lopend,
    kind_registreren,
    maatregel_registreren,
)
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.organisaties.models import Organisatie

log = logging.getLogger(__name__)


class IntakeGeweigerd(Weigering):
    """What the intake refuses, with the field it concerns (never repeating a BSN)."""


@dataclass(frozen=True)
class Intake:
    kind: Kind
    maatregel: Maatregel
    nieuw_kind: bool
    jeugdbeschermer_uiterlijk: date  # after this day the child is on the start waitlist


@dataclass(frozen=True)
class Beschikking:
    """A court decision as read from the intake form or the API (the BSN as typed)."""

    bsn: str = field(repr=False)
    voornaam: str
    achternaam: str
    geboortedatum: date
    gemeente: Organisatie
    code: MaatregelCode
    beschikking_datum: date
    start: date

    @classmethod
    def uit(cls, gegevens: Mapping[str, Any], gemeente: Organisatie) -> Beschikking:
        """From a form's or serializer's cleaned data, its gemeente looked up by the caller."""
        return cls(
            bsn=gegevens["bsn"],
            voornaam=gegevens["voornaam"],
            achternaam=gegevens["achternaam"],
            geboortedatum=gegevens["geboortedatum"],
            gemeente=gemeente,
            code=MaatregelCode(gegevens["code"]),
            beschikking_datum=gegevens["beschikking_datum"],
            start=gegevens["start"],
        )


def maatregel_intake(
    b: Beschikking,
    *,
    gi: Organisatie,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Intake:
    """Register the measure ``b.code`` at ``gi`` for the child with ``b.bsn``: a child not yet known
    is registered with these details; a known child must have this date of birth (a typing error
    in the BSN must not attach a measure to someone else) and keeps its name; its gemeente
    becomes the one the decision gives. Raises ``Weigering``, with the field where it has one."""
    try:
        geldig = Bsn(b.bsn)
    except BsnOngeldig as fout:
        raise IntakeGeweigerd(str(fout), "bsn") from None
    for veld, waarde in (("voornaam", b.voornaam), ("achternaam", b.achternaam)):
        if not waarde.strip():
            raise IntakeGeweigerd(f"Vul de {veld} in.", veld)
    if b.gemeente.type != Organisatie.Type.GEMEENTE:
        raise IntakeGeweigerd(f"{b.gemeente} is geen gemeente.", "gemeente")
    try:
        controleer(
            code=b.code,
            geboortedatum=b.geboortedatum,
            beschikking_datum=b.beschikking_datum,
            start=b.start,
            vandaag=timezone.localdate(),
        )
    except IntakeOngeldig as fout:
        raise IntakeGeweigerd(str(fout), fout.veld) from None
    sleutel = bsnopslag.zoeksleutel(geldig)
    with transaction.atomic():
        kind = Kind.objects.select_for_update().filter(bsn_zoeksleutel=sleutel).first()
        nieuw = kind is None
        if kind is None:
            try:
                with transaction.atomic():  # another user may register this BSN right now
                    kind = kind_registreren(
                        bsn=geldig.cijfers,
                        voornaam=b.voornaam.strip(),
                        achternaam=b.achternaam.strip(),
                        geboortedatum=b.geboortedatum,
                        gemeente=b.gemeente,
                        door=door,
                        kanaal=kanaal,
                    )
            except (IntegrityError, Weigering):
                kind = Kind.objects.select_for_update().get(bsn_zoeksleutel=sleutel)
                nieuw = False
        if not nieuw:
            _bekend_kind(kind, b.geboortedatum, b.gemeente, b.code, gi, door, kanaal)
        maatregel = maatregel_registreren(
            kind=kind,
            gi=gi,
            code=b.code,
            beschikking_datum=b.beschikking_datum,
            start=b.start,
            door=door,
            kanaal=kanaal,
        )
    log.info("intake: maatregel %s (%s) bij GI %s", maatregel.pk, b.code.kort, gi.pk)
    return Intake(kind, maatregel, nieuw, termijn_jeugdbeschermer(b.start, NederlandseKalender()))


def _bekend_kind(
    kind: Kind,
    geboortedatum: date,
    gemeente: Organisatie,
    code: MaatregelCode,
    gi: Organisatie,
    door: Gebruiker,
    kanaal: str,
) -> None:
    if kind.geboortedatum != geboortedatum:
        raise IntakeGeweigerd(
            "Dit BSN is bekend met een andere geboortedatum. Controleer het BSN en de "
            "geboortedatum op de beschikking.",
            "geboortedatum",
        )
    if (dubbel := al_lopend(kind, gi, code)) is not None:
        raise IntakeGeweigerd(dubbel, "code")
    if kind.gemeente_id != gemeente.pk:  # moved: from today, as far as the GI knows
        try:
            verhuizing_registreren(
                kind, gemeente, per=timezone.localdate(), door=door, kanaal=kanaal
            )
        except Weigering as fout:
            raise IntakeGeweigerd(str(fout), "gemeente") from None
        kind.refresh_from_db(fields=["gemeente"])
