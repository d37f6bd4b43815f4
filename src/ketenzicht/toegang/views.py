"""The session's clock for the page (how long it has left, staying logged in) and changing
one's own password. The functioneel beheerder's pages are in ``beheer``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ketenzicht.toegang import gebruikers
from ketenzicht.toegang.middleware import TIJDELIJK, actief, resterend


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """Seconds until the logout, and why (``stil``: idle; ``dag``: the most a login lasts);
    asking does not count as activity (the middleware leaves this path alone), so a page open
    in another tab still runs out."""
    if not request.user.is_authenticated:
        return JsonResponse({"resterend": 0, "reden": "stil"})
    over, reden = resterend(request.session, timezone.now().timestamp())
    return JsonResponse({"resterend": max(int(over), 0), "reden": reden})


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    """Django's, which keeps this session and ends the user's others; a password a beheerder
    gave is then gone, and the rest of the site opens."""

    def form_valid(self, form: Any) -> HttpResponse:
        antwoord = super().form_valid(form)
        gebruikers.eigen_wachtwoord_gekozen(form.user.pk)
        self.request.session.pop(TIJDELIJK, None)
        return antwoord

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {
            "tijdelijk": bool(self.request.session.get(TIJDELIJK))
        }


@require_POST
def verlengen(request: HttpRequest) -> HttpResponse:
    """'Ingelogd blijven': the session starts its 30 minutes again. Without JavaScript the form
    posts here and returns to the page it was on."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Sessie verlopen; log opnieuw in."}, status=401)
    actief(request.session)
    if "application/json" in request.headers.get("Accept", ""):
        return HttpResponse(status=204)
    terug = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(terug, {request.get_host()}):
        terug = "/"
    return HttpResponseRedirect(terug)
