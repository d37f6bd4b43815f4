"""Log out a session left alone too long (``KETENZICHT_SESSIE_MINUTEN``, default 30): a screen
with children's records on it, left open, shows them to whoever walks by."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

SLEUTEL = "laatst_actief"
BIJWERKEN = timedelta(minutes=1)
"""The session is written at most once a minute for its activity, not on every request."""


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
            if laatst is None or nu - laatst > BIJWERKEN.total_seconds():
                actief(request.session, nu)
        return self.get_response(request)

    def _uitgelogd(self, request: HttpRequest) -> HttpResponse:
        logout(request)
        doel = request.get_full_path() if request.method == "GET" else "/"
        url = f"{reverse('login')}?{urlencode({'next': doel, 'verlopen': 1})}"
        if request.headers.get("HX-Request"):
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = url  # htmx swaps in a whole page, not a login in a fragment
            return antwoord
        if request.path.startswith("/api/"):
            return HttpResponse(
                '{"detail": "Sessie verlopen; log opnieuw in."}',
                status=401,
                content_type="application/json",
            )
        return HttpResponseRedirect(url)
