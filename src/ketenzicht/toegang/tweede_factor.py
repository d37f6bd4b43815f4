"""The second factor of logging in: setting up an authenticator app (``domain.totp``), checking
its codes at login, and the recovery codes for a lost phone. The secret is kept encrypted, a
recovery code only as a keyed hash; an accepted code's step is kept so it is never accepted
again, also not by a second request at the same moment (the row is locked while checking)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ketenzicht.domain import totp
from ketenzicht.toegang import services
from ketenzicht.toegang.models import Herstelcode, Inlogpoging, TweedeFactor
from ketenzicht.toegang.selectors import slot_tot_voor
from ketenzicht.toegang.services import leesbare_code
from ketenzicht.versleuteling import fernet

HERSTELCODES = 10
WACHTEN_OP_CODE = timedelta(minutes=5)
"""After the password, the code is asked for this long; then the password again."""


def _fernet() -> Fernet:
    return fernet(b"tweede-factor", settings.TWEEDE_FACTOR_SLEUTEL)


def geheim_van(rij: TweedeFactor) -> bytes:
    return _fernet().decrypt(rij.geheim.encode())


def _herstel_hash(code: str) -> str:
    genormaliseerd = "".join(code.split()).replace("-", "").casefold()
    sleutel = hashlib.sha256(b"herstelcode" + settings.TWEEDE_FACTOR_SLEUTEL.encode()).digest()
    return hmac.new(sleutel, genormaliseerd.encode(), hashlib.sha256).hexdigest()


# reads


def ingesteld(gebruiker_id: int) -> TweedeFactor | None:
    """The user's second factor once set up (confirmed with a code), else ``None``."""
    return TweedeFactor.objects.filter(
        gebruiker_id=gebruiker_id, bevestigd_op__isnull=False
    ).first()


def staat_aan(gebruiker_id: int) -> bool:
    """The user logs in with a code besides the password."""
    return ingesteld(gebruiker_id) is not None


def herstelcodes_over(gebruiker_id: int) -> int:
    return Herstelcode.objects.filter(gebruiker_id=gebruiker_id, gebruikt_op__isnull=True).count()


# writes


@transaction.atomic
def instellen_beginnen(gebruiker: Any) -> tuple[str, str]:
    """A new secret for the user's app, not yet asked at login: returns the ``otpauth://``
    address for the QR code and the secret as text. Asked again before it is confirmed, the
    same secret (a page reloaded shows the QR code the app already scanned)."""
    rij = TweedeFactor.objects.select_for_update().filter(gebruiker=gebruiker).first()
    if rij is not None and rij.bevestigd_op is not None:
        raise ValueError("De tweede factor staat al aan.")
    if rij is None:
        geheim = secrets.token_bytes(20)
        versleuteld = _fernet().encrypt(geheim).decode()
        rij = TweedeFactor.objects.create(gebruiker=gebruiker, geheim=versleuteld)
    geheim = geheim_van(rij)
    uri = totp.otpauth_uri(geheim, gebruiker.get_username(), settings.TWEEDE_FACTOR_UITGEVER)
    return uri, totp.als_tekst(geheim)


@transaction.atomic
def bevestigen(gebruiker: Any, code: str) -> list[str]:
    """The app's first code confirms it is set up: from now on a code is asked at login.
    Returns the recovery codes (shown once)."""
    rij = TweedeFactor.objects.select_for_update().filter(gebruiker=gebruiker).first()
    if rij is None or rij.bevestigd_op is not None:
        raise ValueError("Begin opnieuw met instellen.")
    stap = totp.controleer(geheim_van(rij), code, timezone.now().timestamp(), None)
    if stap is None:
        raise ValueError(
            "code: deze code klopt niet. Neem de code die de app nu toont; staat de klok van "
            "uw telefoon goed?"
        )
    rij.bevestigd_op, rij.laatste_stap = timezone.now(), stap
    rij.save(update_fields=["bevestigd_op", "laatste_stap"])
    return _nieuwe_herstelcodes(gebruiker)


def _nieuwe_herstelcodes(gebruiker: Any) -> list[str]:
    Herstelcode.objects.filter(gebruiker=gebruiker).delete()
    codes = [leesbare_code(2, 5) for _ in range(HERSTELCODES)]
    Herstelcode.objects.bulk_create(
        Herstelcode(gebruiker=gebruiker, code_hash=_herstel_hash(c)) for c in codes
    )
    return codes


@transaction.atomic
def code_klopt(gebruiker_id: int, ingevoerd: str, nu: datetime | None = None) -> str | None:
    """Whether ``ingevoerd`` is the app's code now (``"app"``) or an unused recovery code
    (``"herstelcode"``, used up by this); ``None`` when neither. Each is accepted once."""
    nu = nu or timezone.now()
    rij = (
        TweedeFactor.objects.select_for_update()
        .filter(gebruiker_id=gebruiker_id, bevestigd_op__isnull=False)
        .first()
    )
    if rij is None:
        return None
    stap = totp.controleer(geheim_van(rij), ingevoerd, nu.timestamp(), rij.laatste_stap)
    if stap is not None:
        rij.laatste_stap = stap
        rij.save(update_fields=["laatste_stap"])
        return "app"
    herstel = (
        Herstelcode.objects.select_for_update()
        .filter(gebruiker_id=gebruiker_id, gebruikt_op__isnull=True)
        .filter(code_hash=_herstel_hash(ingevoerd))
        .first()
    )
    if herstel is None:
        return None
    herstel.gebruikt_op = nu
    herstel.save(update_fields=["gebruikt_op"])
    return "herstelcode"


@dataclass(frozen=True, slots=True)
class Inlogcode:
    """What a code at login came to: accepted (``soort``: ``"app"`` or ``"herstelcode"``), or
    not, and then whether the name is now locked (refused unchecked, or by this wrong code)."""

    soort: str | None
    slot: datetime | None = None


def code_bij_inloggen(gebruiker: Any, ingevoerd: str, ip: str | None) -> Inlogcode:
    """The login's second step: refused unchecked while the name or address is locked; else
    the code checked and the attempt recorded — a wrong one counts towards the same lock as a
    wrong password."""
    naam = gebruiker.get_username()
    if (tot := services.geweigerd_tot(naam, ip, "web")) is not None:
        return Inlogcode(None, tot)
    soort = code_klopt(gebruiker.pk, ingevoerd)
    uitkomst = Inlogpoging.Uitkomst.GELUKT if soort else Inlogpoging.Uitkomst.CODE_FOUT
    services.poging_vastleggen(naam, ip, "web", uitkomst)
    if soort is not None:
        return Inlogcode(soort)
    return Inlogcode(None, slot_tot_voor(naam, ip, timezone.now()))


@transaction.atomic
def herstelcodes_vernieuwen(gebruiker: Any, code: str) -> list[str]:
    """New recovery codes (the old ones stop), after a code from the app."""
    if code_klopt(gebruiker.pk, code) != "app":
        raise ValueError("code: deze code van de app klopt niet.")
    return _nieuwe_herstelcodes(gebruiker)


@transaction.atomic
def uitzetten(gebruiker: Any, code: str) -> None:
    """The user turns the second factor off, with a code from the app or a recovery code; not
    where it is required."""
    if settings.TWEEDE_FACTOR == "verplicht":
        raise ValueError("De tweede factor is verplicht in deze installatie.")
    if code_klopt(gebruiker.pk, code) is None:
        raise ValueError("code: deze code klopt niet.")
    vergeten(gebruiker.pk)


def vergeten(gebruiker_id: int) -> None:
    """The second factor and its recovery codes gone: a lost phone (by the beheerder), or
    turned off. Set up again, it is a new secret."""
    TweedeFactor.objects.filter(gebruiker_id=gebruiker_id).delete()
    Herstelcode.objects.filter(gebruiker_id=gebruiker_id).delete()
