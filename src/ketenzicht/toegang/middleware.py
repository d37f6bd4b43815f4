"""Log out a session left alone too long (``KETENZICHT_SESSIE_MINUTEN``, default 30): a screen
with children's records on it, left open, shows them to whoever walks by. And any session after
``KETENZICHT_SESSIE_MAX_UREN`` (12) since its login, however busy: a page that refreshes itself
does not keep a login alive for days. A login with a temporary password, or without a
required second factor, opens only the page that deals with it first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from ketenzicht.domain.sessie import resterend as sessie_resterend

SLEUTEL = "laatst_actief"
INGELOGD = "ingelogd_op"
BIJWERKEN = timedelta(minutes=1)
"""The session is written at most once a minute for its activity (a tenth of a shorter
session), not on every request."""
STIL = "/sessie/"
"""The page's own questions about the session: not activity, and answered in JSON."""
TIJDELIJK = "tijdelijk_wachtwoord"
"""In the session of a login with a password a beheerder gave, until the user chose their own."""
TWEEDE_FACTOR_INSTELLEN = "tweede_factor_instellen"
"""In the session of a login without a second factor where one is required, until it is set."""


def actief(sessie: SessionBase, nu: float | None = None) -> None:
    sessie[SLEUTEL] = timezone.now().timestamp() if nu is None else nu


def ingelogd(sessie: SessionBase) -> None:
    sessie[INGELOGD] = timezone.now().timestamp()
    actief(sessie, sessie[INGELOGD])


def resterend(sessie: SessionBase, nu: float) -> tuple[float, str]:
    """This session's time left and its nearer end (``domain.sessie``); a session from before
    a clock was kept counts from now."""
    return sessie_resterend(
        laatst_actief=sessie.get(SLEUTEL, nu),
        ingelogd_op=sessie.get(INGELOGD, nu),
        nu=nu,
        stil=settings.SESSIE_DUUR,
        hoogstens=settings.SESSIE_MAX,
    )


class SessieVerloopMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = timezone.now().timestamp()
            over, reden = resterend(request.session, nu)
            if over < 0:
                return self._uitgelogd(request, reden)
            if INGELOGD not in request.session:  # a session from before this rule
                request.session[INGELOGD] = nu
            laatst = request.session.get(SLEUTEL)
            bijwerken = min(BIJWERKEN, settings.SESSIE_DUUR / 10).total_seconds()
            if not request.path.startswith(STIL) and (laatst is None or nu - laatst > bijwerken):
                actief(request.session, nu)
        return self.get_response(request)

    def _uitgelogd(self, request: HttpRequest, reden: str) -> HttpResponse:
        logout(request)
        if request.path.startswith(("/api/", STIL)):
            return JsonResponse(
                {"detail": "Sessie verlopen; log opnieuw in.", "resterend": 0, "reden": reden},
                status=401,
            )
        doel = request.get_full_path() if request.method == "GET" else "/"
        if request.headers.get("HX-Request"):
            # back to the page the fragment was part of, not to the fragment
            pagina = urlsplit(request.headers.get("HX-Current-URL", "/"))
            doel = f"{pagina.path}?{pagina.query}" if pagina.query else pagina.path
            if not url_has_allowed_host_and_scheme(doel, {request.get_host()}):
                doel = "/"
        verlopen = 1 if reden == "stil" else reden
        url = f"{reverse('login')}?{urlencode({'next': doel, 'verlopen': verlopen})}"
        return _doorsturen(request, url)


def _doorsturen(request: HttpRequest, url: str) -> HttpResponse:
    """To ``url``: for an htmx request the whole page goes (``HX-Redirect``), not a login or a
    form swapped into a fragment."""
    if request.headers.get("HX-Request"):
        antwoord = HttpResponse(status=204)
        antwoord["HX-Redirect"] = url
        return antwoord
    return HttpResponseRedirect(url)


def eerst(sessie: SessionBase) -> str | None:
    """The page a login must deal with before any other: choosing one's own password after a
    temporary one, then setting up a required second factor; ``None`` when none."""
    if sessie.get(TIJDELIJK):
        return "wachtwoord"
    if sessie.get(TWEEDE_FACTOR_INSTELLEN):
        return "tweede-factor"
    return None


EERST_WAT = {
    "wachtwoord": "Kies eerst uw eigen wachtwoord",
    "tweede-factor": "Stel eerst uw tweede factor in",
}
EERST_VRIJ = ("/uitloggen/", STIL, "/static/")
"""Open whatever comes first: logging out, the session's own questions, the styles."""


class EerstInstellenMiddleware:
    """A login that must first choose its own password or set up its second factor (``eerst``)
    is sent there from every other page; the API answers 403."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated or (naam := eerst(request.session)) is None:
            return self.get_response(request)
        url = reverse(naam)
        if request.path.startswith((url, *EERST_VRIJ)):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": f"{EERST_WAT[naam]} op {url}."}, status=403)
        return _doorsturen(request, url)
