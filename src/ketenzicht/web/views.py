from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """A jeugdbeschermer with a caseload lands on their own children, other GI staff on the
    waitlists, gemeenten on afspraak 1, expert teams on their worklist, zorgbemiddelaars of a
    jeugdregio on their table, the application's administrator (no organisation) on /beheer/,
    everyone else on the monitor."""
    lid = lidmaatschap_van(request.user)
    if lid is None and request.user.is_staff:
        return redirect("admin:index")
    if lid is not None and lid.medewerker_id and lid.rol == lid.Rol.JEUGDBESCHERMER:
        return redirect("mijn-kinderen")
    if gi_van(request.user):
        return redirect("wachtlijst")
    soort = lid.organisatie.type if lid else None
    if soort == Organisatie.Type.GEMEENTE:
        return redirect("niet-tijdig")
    if soort == Organisatie.Type.EXPERTTEAM:
        return redirect("werklijst-ret")
    if soort == Organisatie.Type.JEUGDREGIO:
        return redirect("bemiddeling")
    return redirect("monitor")
