"""Writes for logging in: record an attempt; make and revoke API keys. Managing users is in
``gebruikers``."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ketenzicht.toegang.models import ApiSleutel, Inlogpoging
from ketenzicht.toegang.selectors import (
    SLEUTEL_VOORVOEGSEL,
    actieve_leden,
    naam_sleutel,
    sleutel_hash,
    sleutels_van_organisatie,
    slot_tot_voor,
)

log = logging.getLogger(__name__)

TEKENS = "abcdefghjkmnpqrstuvwxyz23456789"
"""For codes a person reads off a screen or paper and types: no 0/o, 1/l/i."""


def leesbare_code(groepen: int, per_groep: int) -> str:
    """A random code in groups joined by '-', e.g. ``k7mq-x2pa``: a temporary password, a
    recovery code."""
    return "-".join(
        "".join(secrets.choice(TEKENS) for _ in range(per_groep)) for _ in range(groepen)
    )


MAX_DAGEN = 3 * 365
"""A key lives at most three years; a link that runs longer gets a new one."""


GEEN_WAARSCHUWING = (
    Inlogpoging.Uitkomst.GELUKT,
    Inlogpoging.Uitkomst.VRIJGEGEVEN,
    Inlogpoging.Uitkomst.CODE_NODIG,
)


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
    if uitkomst not in GEEN_WAARSCHUWING:
        wie = repr(gebruiker) if gebruiker else "een onbekende naam"  # never what was typed
        log.warning("inloggen %s: %s via %s vanaf %s", uitkomst, wie, kanaal, ip or "onbekend")


def geweigerd_tot(gebruikersnaam: str, ip: str | None, kanaal: str) -> datetime | None:
    """Until when an attempt is refused without checking its password, the refusal recorded;
    ``None`` when it may be checked. Every way of logging in asks this first."""
    tot = slot_tot_voor(gebruikersnaam, ip, timezone.now())
    if tot is not None:
        poging_vastleggen(gebruikersnaam, ip, kanaal, Inlogpoging.Uitkomst.GEWEIGERD)
    return tot


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
    while True:
        sleutel = SLEUTEL_VOORVOEGSEL + secrets.token_urlsafe(32)
        rij.prefix = sleutel[: len(SLEUTEL_VOORVOEGSEL) + 8]
        if not ApiSleutel.objects.filter(prefix=rij.prefix).exists():
            break
    rij.sleutel_hash = sleutel_hash(sleutel)
    rij.save()
    return rij, sleutel


def sleutel_voor_collega(
    organisatie_id: int, gebruiker_id: int, naam: str, dagen: int, door: str
) -> tuple[ApiSleutel, str]:
    """A key made by an organisation's functioneel beheerder, for a user of that organisation
    only."""
    lid = next((m for m in actieve_leden(organisatie_id) if m.gebruiker_id == gebruiker_id), None)
    if lid is None:
        raise ValueError("gebruiker: kies een actieve gebruiker van uw organisatie.")
    return sleutel_aanmaken(lid.gebruiker.get_username(), naam, dagen, door)


def sleutel_intrekken_voor(organisatie_id: int, sleutel_id: int) -> ApiSleutel:
    """Revoke a key of one of the organisation's users; another organisation's is not found."""
    rij = next((s for s in sleutels_van_organisatie(organisatie_id) if s.pk == sleutel_id), None)
    if rij is None:
        raise LookupError("Geen sleutel van uw organisatie.")
    return sleutel_intrekken(rij.prefix)


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
