from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from ketenzicht.organisaties.selectors import gi_van


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """GI staff land on their waitlists, everyone else on the monitor."""
    return redirect("wachtlijst" if gi_van(request.user) else "monitor")
