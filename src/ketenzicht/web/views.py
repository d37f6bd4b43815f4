from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """GI staff land on their waitlists, gemeenten on afspraak 1, expert teams on their worklist,
    zorgbemiddelaars of a jeugdregio on their table,
    everyone else on the monitor."""
    if gi_van(request.user):
        return redirect("wachtlijst")
    lid = lidmaatschap_van(request.user)
    soort = lid.organisatie.type if lid else None
    if soort == Organisatie.Type.GEMEENTE:
        return redirect("niet-tijdig")
    if soort == Organisatie.Type.EXPERTTEAM:
        return redirect("werklijst-ret")
    if soort == Organisatie.Type.JEUGDREGIO:
        return redirect("bemiddeling")
    return redirect("monitor")
