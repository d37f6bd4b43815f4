"""Log out a session left alone too long (``KETENZICHT_SESSIE_MINUTEN``, default 30): a screen
with children's records on it, left open, shows them to whoever walks by."""

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

SLEUTEL = "laatst_actief"
BIJWERKEN = timedelta(minutes=1)
"""The session is written at most once a minute for its activity (a tenth of a shorter
session), not on every request."""
STIL = "/sessie/"
"""The page's own questions about the session: not activity, and answered in JSON."""


def actief(sessie: SessionBase, nu: float | None = None) -> None:
    sessie[SLEUTEL] = timezone.now().timestamp() if nu is None else nu


class SessieVerloopMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = timezone.now().timestamp()
            laatst = request.session.get(SLEUTEL)
            if laatst is not None and nu - laatst > settings.SESSIE_DUUR.total_seconds():
                return self._uitgelogd(request)
            bijwerken = min(BIJWERKEN, settings.SESSIE_DUUR / 10).total_seconds()
            if not request.path.startswith(STIL) and (laatst is None or nu - laatst > bijwerken):
                actief(request.session, nu)
        return self.get_response(request)

    def _uitgelogd(self, request: HttpRequest) -> HttpResponse:
        logout(request)
        if request.path.startswith(("/api/", STIL)):
            return JsonResponse(
                {"detail": "Sessie verlopen; log opnieuw in.", "resterend": 0}, status=401
            )
        doel = request.get_full_path() if request.method == "GET" else "/"
        if request.headers.get("HX-Request"):
            # back to the page the fragment was part of, not to the fragment
            pagina = urlsplit(request.headers.get("HX-Current-URL", "/"))
            doel = f"{pagina.path}?{pagina.query}" if pagina.query else pagina.path
            if not url_has_allowed_host_and_scheme(doel, {request.get_host()}):
                doel = "/"
        url = f"{reverse('login')}?{urlencode({'next': doel, 'verlopen': 1})}"
        if request.headers.get("HX-Request"):
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = url  # htmx swaps in a whole page, not a login in a fragment
            return antwoord
        return HttpResponseRedirect(url)
