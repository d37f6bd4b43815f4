"""Who is asking: the password check with its lock on guessing, for the web, the admin and the
API's Basic authentication alike, and the API keys of case systems (``Authorization: Bearer``)
with their limit per minute."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import formats, timezone
from rest_framework import authentication, exceptions, throttling

from ketenzicht.toegang import selectors, services, tweede_factor
from ketenzicht.toegang.models import ApiSleutel, Inlogpoging


def client_ip(request: HttpRequest | None) -> str | None:
    """The caller's address: ``REMOTE_ADDR``, or behind a proxy the header named by
    ``KETENZICHT_IP_HEADER`` (its last entry, the one the proxy added)."""
    if request is None:
        return None
    waarde = request.META.get(settings.INLOG_IP_HEADER, "")
    laatste = str(waarde).split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(laatste))
    except ValueError:
        return None


def kanaal(request: HttpRequest | None) -> str:
    """``api`` or ``web`` (``/beheer/`` logs in through the site's login since the second
    factor; rows from before may say ``beheer``)."""
    pad = getattr(request, "path", "") or ""
    return "api" if pad.startswith("/api/") else "web"


def slotmelding(tot: Any) -> str:
    tijd = formats.time_format(timezone.localtime(tot), "H:i")
    return (
        f"Te veel mislukte pogingen om in te loggen. Probeer het opnieuw na {tijd}. Weet u "
        "uw wachtwoord niet meer, vraag dan uw functioneel beheerder om een tijdelijk wachtwoord."
    )


TIJDELIJK_VERLOPEN = (
    "Het tijdelijke wachtwoord is verlopen. Vraag uw functioneel beheerder om een nieuw."
)
MET_TWEEDE_FACTOR = (
    "Deze gebruiker logt in met een tweede factor, wat Basic-authenticatie niet kan: een "
    "koppeling gebruikt een API-sleutel (Authorization: Bearer)."
)
TIJDELIJK_EERST_WIJZIGEN = (
    "Dit is een tijdelijk wachtwoord: kies eerst op /wachtwoord/ uw eigen wachtwoord."
)


WEIGERING = "inlog_weigering"
"""On the request: why the backend refused without checking, for the login form and API Basic
auth to say instead of 'wrong password'."""


def _weiger(request: Any, waarom: str) -> None:
    if request is not None:
        setattr(request, WEIGERING, waarom)
    raise PermissionDenied


def weigering(request: Any) -> str | None:
    """Why the backend refused this request's login, if it refused one."""
    return getattr(request, WEIGERING, None)


class BeveiligdeModelBackend(ModelBackend):
    """Django's password check, refused while the name or the address is locked, every attempt
    recorded (``Inlogpoging``)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None or password is None:
            return None
        ip, via = client_ip(request), kanaal(request)
        if (tot := services.geweigerd_tot(username, ip, via)) is not None:
            _weiger(request, slotmelding(tot))  # Django stops here: no other backend is asked
        gebruiker = super().authenticate(request, username=username, password=password, **kwargs)
        if gebruiker is not None and selectors.tijdelijk_verlopen(gebruiker.pk, timezone.now()):
            # the right password, so no guess: recorded, not counted towards the lock
            services.poging_vastleggen(username, ip, via, Inlogpoging.Uitkomst.VERLOPEN)
            _weiger(request, TIJDELIJK_VERLOPEN)
        if gebruiker is None:
            uitkomst = Inlogpoging.Uitkomst.MISLUKT
        elif tweede_factor.staat_aan(gebruiker.pk):
            uitkomst = Inlogpoging.Uitkomst.CODE_NODIG  # logged in once the code is right
        else:
            uitkomst = Inlogpoging.Uitkomst.GELUKT
        services.poging_vastleggen(username, ip, via, uitkomst)
        return gebruiker


class BasicMetSlot(authentication.BasicAuthentication):
    """DRF's Basic authentication, saying so when the lock refuses instead of 'wrong password',
    and refusing a temporary password (it is only for choosing one's own, on the site) and a
    user with a second factor (Basic cannot ask for the code)."""

    def authenticate_credentials(
        self, userid: str, password: str, request: Any = None
    ) -> tuple[Any, None]:
        try:
            gebruiker, _ = super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            if (waarom := weigering(request)) is not None:
                raise exceptions.AuthenticationFailed(waarom) from None
            raise
        if selectors.tijdelijk_wachtwoord(gebruiker.pk) is not None:
            raise exceptions.AuthenticationFailed(TIJDELIJK_EERST_WIJZIGEN)
        if tweede_factor.staat_aan(gebruiker.pk):
            raise exceptions.AuthenticationFailed(MET_TWEEDE_FACTOR)
        return gebruiker, None


class SleutelAuthenticatie(authentication.BaseAuthentication):
    """``Authorization: Bearer kz_…``: the key's user, while the key is neither revoked nor
    expired and the user is active."""

    def authenticate(self, request: Any) -> tuple[Any, ApiSleutel] | None:
        kop = authentication.get_authorization_header(request).split()
        if not kop or kop[0].lower() != b"bearer":
            return None
        if len(kop) != 2:
            raise exceptions.AuthenticationFailed("Authorization: geef 'Bearer <sleutel>'.")
        rij = selectors.sleutel_bij(kop[1].decode("latin-1"))
        nu = timezone.now()
        if rij is None:
            raise exceptions.AuthenticationFailed("Onbekende API-sleutel.")
        if (status := rij.status(nu)) != "geldig":
            raise exceptions.AuthenticationFailed(f"API-sleutel {rij.prefix}… is {status}.")
        if not rij.gebruiker.is_active:
            raise exceptions.AuthenticationFailed("De gebruiker van deze sleutel is inactief.")
        services.gebruik_vastleggen(rij, nu)
        gebruiker = rij.gebruiker
        gebruiker.api_sleutel = rij.prefix  # type: ignore[attr-defined]  # named in its audit rows
        return gebruiker, rij

    def authenticate_header(self, request: Any) -> str:
        return 'Bearer realm="api"'


class SleutelLimiet(throttling.BaseThrottle):
    """At most ``API_SLEUTEL_PER_MINUUT`` requests per API key per clock minute: a link caught
    in a loop gets 429 with ``Retry-After`` instead of slowing everyone down. A counter per key
    and minute in the cache (one write per keyed request); people, by session, are not
    limited here."""

    def __init__(self) -> None:
        self.over = 0.0

    def allow_request(self, request: Any, view: Any) -> bool:
        if not isinstance(request.auth, ApiSleutel):
            return True
        nu = timezone.now().timestamp()
        minuut = int(nu // 60)
        naam = f"kz-limiet-{request.auth.prefix}-{minuut}"
        cache.add(naam, 0, 120)
        try:
            aantal = cache.incr(naam)
        except ValueError:  # gone between add and incr (the cache culled it): count anew
            cache.set(naam, 1, 120)
            aantal = 1
        if aantal <= settings.API_SLEUTEL_PER_MINUUT:
            return True
        self.over = (minuut + 1) * 60 - nu
        return False

    def wait(self) -> float:
        return self.over
