"""The session's clock for the page (how long it has left, staying logged in), and the
functioneel beheerder's page for the organisation's links."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ketenzicht.toegang import selectors, services
from ketenzicht.toegang.middleware import actief, resterend
from ketenzicht.web.formulieren import geheel_getal

POGINGEN_SINDS = timedelta(days=30)


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """Seconds until the logout, and why (``stil``: idle; ``dag``: the most a login lasts);
    asking does not count as activity (the middleware leaves this path alone), so a page open
    in another tab still runs out."""
    if not request.user.is_authenticated:
        return JsonResponse({"resterend": 0, "reden": "stil"})
    over, reden = resterend(request.session, timezone.now().timestamp())
    return JsonResponse({"resterend": max(int(over), 0), "reden": reden})


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


@login_required
def koppelingen(request: HttpRequest) -> HttpResponse:
    """The functioneel beheerder's page for the organisation's links: its API keys (make one,
    shown once; revoke one) and the failed logins on its users' names."""
    lid = selectors.beheerder_van(request.user)
    if lid is None:
        return render(request, "toegang/alleen_beheerder.html", status=403)
    context: dict[str, Any] = {"organisatie": lid.organisatie, "fout": None, "nieuw": None}
    if request.method == "POST":
        try:
            rij, sleutel = services.sleutel_voor_collega(
                lid.organisatie_id,
                geheel_getal(request.POST.get("gebruiker")) or 0,
                request.POST.get("naam", ""),
                geheel_getal(request.POST.get("dagen")) or 0,
                door=request.user.get_username(),
            )
        except ValueError as fout:
            context["fout"] = str(fout)
        else:
            context["nieuw"] = (rij, sleutel)
    nu = timezone.now()
    context |= {
        "sleutels": [
            (s, s.status(nu)) for s in selectors.sleutels_van_organisatie(lid.organisatie_id)
        ],
        "pogingen": selectors.pogingen_van_organisatie(lid.organisatie_id, nu - POGINGEN_SINDS),
        "collegas": selectors.actieve_leden(lid.organisatie_id),
        "max_dagen": services.MAX_DAGEN,
    }
    status = 400 if context["fout"] else 200
    antwoord = render(request, "toegang/koppelingen.html", context, status=status)
    antwoord["Cache-Control"] = "no-store"  # a new key is on this page once
    return antwoord


@login_required
@require_POST
def intrekken(request: HttpRequest, sleutel_id: int) -> HttpResponse:
    lid = selectors.beheerder_van(request.user)
    if lid is None:
        return render(request, "toegang/alleen_beheerder.html", status=403)
    try:
        services.sleutel_intrekken_voor(lid.organisatie_id, sleutel_id)
    except LookupError as fout:
        raise Http404(str(fout)) from None
    return HttpResponseRedirect(reverse("koppelingen"))
