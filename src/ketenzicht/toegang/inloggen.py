"""Logging in on the site: the password, then — for a user with a second factor — the code
from their app or a recovery code; and the page where a user sets up, renews or turns off the
second factor. ``/beheer/`` logs in here too, so its login has the same two steps."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from ketenzicht.toegang import tweede_factor
from ketenzicht.toegang.auth import client_ip, slotmelding
from ketenzicht.toegang.formulieren import Inlogformulier
from ketenzicht.toegang.middleware import TWEEDE_FACTOR_INSTELLEN

WACHT = "tweede_factor_wacht"
"""In the session between the password and the code: who, how, since when, where to next."""


class Inloggen(auth_views.LoginView):
    template_name = "web/inloggen.html"
    authentication_form = Inlogformulier

    def form_valid(self, form: Any) -> HttpResponse:
        gebruiker = form.get_user()
        if not tweede_factor.staat_aan(gebruiker.pk):
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[WACHT] = {
            "id": gebruiker.pk,
            "backend": gebruiker.backend,
            "sinds": timezone.now().timestamp(),
            "naar": self.get_success_url(),
        }
        return HttpResponseRedirect(reverse("inloggen-code"))


def _wacht(request: HttpRequest) -> dict[str, Any] | None:
    wacht = request.session.get(WACHT)
    if not wacht:
        return None
    if timezone.now().timestamp() - wacht["sinds"] > tweede_factor.WACHTEN_OP_CODE.total_seconds():
        del request.session[WACHT]
        return None
    return wacht  # type: ignore[no-any-return]


def code(request: HttpRequest) -> HttpResponse:
    """The second step: the app's code or a recovery code. Wrong codes count towards the same
    lock as wrong passwords; after 5 minutes the password is asked again."""
    wacht = _wacht(request)
    if wacht is None:
        return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'verlopen': 'code'})}")
    gebruiker = get_user_model().objects.filter(pk=wacht["id"], is_active=True).first()
    if gebruiker is None:  # deactivated between the password and the code
        del request.session[WACHT]
        return HttpResponseRedirect(reverse("login"))
    fout = None
    if request.method == "POST":
        uitkomst = tweede_factor.code_bij_inloggen(
            gebruiker, request.POST.get("code", ""), client_ip(request)
        )
        if uitkomst.slot is not None:  # the password again, after the lock
            del request.session[WACHT]
            context = {"fout": slotmelding(uitkomst.slot), "opnieuw": True}
            return render(request, "toegang/code.html", context, status=403)
        if uitkomst.soort is not None:
            del request.session[WACHT]
            login(request, gebruiker, backend=wacht["backend"])
            if uitkomst.soort == "herstelcode":  # first say how many are left, then on
                velden = {"herstelcode": 1, "next": wacht["naar"]}
                return HttpResponseRedirect(f"{reverse('tweede-factor')}?{urlencode(velden)}")
            return HttpResponseRedirect(wacht["naar"])
        fout = "Deze code klopt niet. Neem de code die de app nu toont."
    status = 400 if fout else 200
    return render(request, "toegang/code.html", {"fout": fout}, status=status)


def beheer_inloggen(request: HttpRequest) -> HttpResponse:
    """``/beheer/login/``: the site's login, two steps and all, then back to ``/beheer/``; a
    logged-in user who is no administrator is told so instead of asked to log in again."""
    naar = request.GET.get("next", reverse("admin:index"))
    if not url_has_allowed_host_and_scheme(naar, {request.get_host()}):
        naar = reverse("admin:index")
    if request.user.is_authenticated and not request.user.is_staff:
        return render(request, "toegang/alleen_applicatiebeheerder.html", status=403)
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': naar})}")


@login_required
def instellen(request: HttpRequest) -> HttpResponse:
    """The user's own second factor: set it up (scan, then confirm with a code; the recovery
    codes shown once), new recovery codes, or turn it off."""
    gebruiker = request.user
    gebruiker_id: int = gebruiker.pk  # type: ignore[assignment]  # logged in: a user's
    verder = request.GET.get("next", "")
    context: dict[str, Any] = {
        "herstelcode_gebruikt": bool(request.GET.get("herstelcode")),
        "verder": verder if url_has_allowed_host_and_scheme(verder, {request.get_host()}) else "/",
        "verplicht": settings.TWEEDE_FACTOR == "verplicht",
        "fout": None,
        "herstelcodes": None,
        "uit": False,
    }
    if request.method == "POST":
        actie, ingevoerd = request.POST.get("actie", ""), request.POST.get("code", "")
        try:
            if actie == "bevestigen":
                context["herstelcodes"] = tweede_factor.bevestigen(gebruiker, ingevoerd)
                request.session.pop(TWEEDE_FACTOR_INSTELLEN, None)
            elif actie == "herstelcodes":
                context["herstelcodes"] = tweede_factor.herstelcodes_vernieuwen(
                    gebruiker, ingevoerd
                )
            elif actie == "uitzetten":
                tweede_factor.uitzetten(gebruiker, ingevoerd)
                context["uit"] = True
            else:
                context["fout"] = f"actie: onbekend ({actie!r})."
        except ValueError as fout:
            context["fout"] = str(fout)
    rij = tweede_factor.ingesteld(gebruiker_id)
    context["rij"] = rij
    if rij is None:
        uri, tekst = tweede_factor.instellen_beginnen(gebruiker)
        qr = segno.make(uri, error="m").svg_inline(scale=5, title="QR-code voor de app")
        context |= {"qr": mark_safe(qr), "geheim": tekst}  # noqa: S308  segno's own SVG
    else:
        context["over"] = tweede_factor.herstelcodes_over(gebruiker_id)
    antwoord = render(
        request, "toegang/tweede_factor.html", context, status=400 if context["fout"] else 200
    )
    antwoord["Cache-Control"] = "no-store"  # the secret and the recovery codes
    return antwoord
