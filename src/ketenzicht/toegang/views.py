"""The session's clock for the page: how long it has left, and staying logged in."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ketenzicht.toegang.middleware import SLEUTEL, actief


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """Seconds until the idle logout; asking does not count as activity (the middleware leaves
    this path alone), so a page open in another tab still runs out."""
    if not request.user.is_authenticated:
        return JsonResponse({"resterend": 0})
    laatst = request.session.get(SLEUTEL, timezone.now().timestamp())
    over = settings.SESSIE_DUUR.total_seconds() - (timezone.now().timestamp() - laatst)
    return JsonResponse({"resterend": max(int(over), 0)})


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
