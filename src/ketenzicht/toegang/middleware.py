"""Log out a session left alone too long (``KETENZICHT_SESSIE_MINUTEN``, default 30): a screen
with children's records on it, left open, shows them to whoever walks by. And any session after
``KETENZICHT_SESSIE_MAX_UREN`` (12) since its login, however busy: a page that refreshes itself
does not keep a login alive for days. A login with a temporary password opens only the page
for choosing one's own."""

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
        if request.headers.get("HX-Request"):
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = url  # htmx swaps in a whole page, not a login in a fragment
            return antwoord
        return HttpResponseRedirect(url)


class EigenWachtwoordMiddleware:
    """After logging in with a temporary password, every page but choosing one's own (and
    logging out) leads there; then, where a second factor is required and the user has none,
    every page leads to setting it up. The API answers 403."""

    VRIJ = ("/wachtwoord/", "/uitloggen/", STIL, "/static/")
    VRIJ_VOOR_INSTELLEN = ("/tweede-factor/", "/uitloggen/", STIL, "/static/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.get_response(request)
        if request.session.get(TIJDELIJK) and not request.path.startswith(self.VRIJ):
            return self._naar(request, "wachtwoord", "Kies eerst uw eigen wachtwoord")
        if request.session.get(TWEEDE_FACTOR_INSTELLEN) and not request.path.startswith(
            self.VRIJ_VOOR_INSTELLEN
        ):
            return self._naar(request, "tweede-factor", "Stel eerst uw tweede factor in")
        return self.get_response(request)

    def _naar(self, request: HttpRequest, naam: str, wat: str) -> HttpResponse:
        url = reverse(naam)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": f"{wat} op {url}."}, status=403)
        if request.headers.get("HX-Request"):
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = url
            return antwoord
        return HttpResponseRedirect(url)
