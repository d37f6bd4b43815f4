"""Writes for logging in: record an attempt; make and revoke API keys."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ketenzicht.organisaties.models import Lidmaatschap
from ketenzicht.toegang.models import ApiSleutel, Inlogpoging
from ketenzicht.toegang.selectors import SLEUTEL_VOORVOEGSEL, naam_sleutel, sleutel_hash

log = logging.getLogger(__name__)

MAX_DAGEN = 3 * 365
"""A key lives at most three years; a link that runs longer gets a new one."""


def poging_vastleggen(gebruikersnaam: str, ip: str | None, kanaal: str, uitkomst: str) -> None:
    """Keep the attempt, and let go of those older than ``INLOG_BEWAREN`` (a year): a login
    name and an address are personal data, kept as long as a security officer looks back."""
    gebruiker = (
        get_user_model()
        .objects.filter(username__iexact=gebruikersnaam.strip())
        .values_list("username", flat=True)
        .first()
    )
    poging = Inlogpoging.objects.create(
        gebruikersnaam=gebruiker or "",
        naam_sleutel=naam_sleutel(gebruikersnaam),
        ip=ip,
        kanaal=kanaal,
        uitkomst=uitkomst,
    )
    Inlogpoging.objects.filter(tijdstip__lt=poging.tijdstip - settings.INLOG_BEWAREN).delete()
    if uitkomst != Inlogpoging.Uitkomst.GELUKT:
        wie = repr(gebruiker) if gebruiker else "een onbekende naam"  # never what was typed
        log.warning("inloggen %s: %s via %s vanaf %s", uitkomst, wie, kanaal, ip or "onbekend")


def sleutel_aanmaken(
    gebruikersnaam: str, naam: str, dagen: int, door: str, nu: datetime | None = None
) -> tuple[ApiSleutel, str]:
    """A new key for the user named; returns it with the key itself, which is not kept."""
    naam = naam.strip()
    if not naam:
        raise ValueError("naam: geef de koppeling een naam, bijv. 'Zaaksysteem'.")
    if len(naam) > ApiSleutel._meta.get_field("naam").max_length:  # type: ignore[operator]
        raise ValueError("naam: hoogstens 100 tekens.")
    if not 1 <= dagen <= MAX_DAGEN:
        raise ValueError(f"dagen: tussen 1 en {MAX_DAGEN}, niet {dagen}.")
    gebruiker = get_user_model().objects.filter(username=gebruikersnaam, is_active=True).first()
    if gebruiker is None:
        raise ValueError(f"gebruiker: geen actieve gebruiker {gebruikersnaam!r}.")
    nu = nu or timezone.now()
    rij = ApiSleutel(
        gebruiker=gebruiker,
        naam=naam,
        aangemaakt_op=nu,
        aangemaakt_door=door,
        verloopt_op=nu + timedelta(days=dagen),
    )
    return rij, sleutel_bewaren(rij)


def sleutel_bewaren(rij: ApiSleutel) -> str:
    """Give a new, unsaved key row its key, save it, and return the key (kept only hashed)."""
    while True:
        sleutel = SLEUTEL_VOORVOEGSEL + secrets.token_urlsafe(32)
        rij.prefix = sleutel[: len(SLEUTEL_VOORVOEGSEL) + 8]
        if not ApiSleutel.objects.filter(prefix=rij.prefix).exists():
            break
    rij.sleutel_hash = sleutel_hash(sleutel)
    rij.save()
    return sleutel


def sleutel_voor_collega(
    organisatie_id: int, gebruiker_id: int, naam: str, dagen: int, door: str
) -> tuple[ApiSleutel, str]:
    """A key made by an organisation's functioneel beheerder, for a user of that organisation
    only."""
    lid = (
        Lidmaatschap.objects.filter(
            organisatie_id=organisatie_id, gebruiker_id=gebruiker_id, gebruiker__is_active=True
        )
        .select_related("gebruiker")
        .first()
    )
    if lid is None:
        raise ValueError("gebruiker: kies een actieve gebruiker van uw organisatie.")
    return sleutel_aanmaken(lid.gebruiker.get_username(), naam, dagen, door)


@transaction.atomic
def sleutel_intrekken(prefix: str, nu: datetime | None = None) -> ApiSleutel:
    """Revoke the key that begins with ``prefix``; from now on it is refused. Revoking twice
    keeps the first moment."""
    rij = ApiSleutel.objects.select_for_update().filter(prefix=prefix.strip()).first()
    if rij is None:
        raise LookupError(f"geen API-sleutel die begint met {prefix!r}.")
    if rij.ingetrokken_op is None:
        rij.ingetrokken_op = nu or timezone.now()
        rij.save(update_fields=["ingetrokken_op"])
    return rij


def gebruik_vastleggen(rij: ApiSleutel, nu: datetime) -> None:
    """Note when a key was last used; at most one write a minute per key."""
    if rij.laatst_gebruikt is None or nu - rij.laatst_gebruikt > timedelta(minutes=1):
        ApiSleutel.objects.filter(pk=rij.pk).update(laatst_gebruikt=nu)
        rij.laatst_gebruikt = nu
