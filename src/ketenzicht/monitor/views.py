"""The monitor page: aggregates only, for every logged-in user (ministry included)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ketenzicht.monitor.selectors import monitor
from ketenzicht.organisaties.selectors import gi_van

KOPPEN = [
    "",
    "Cliënten",
    "FTE formatie",
    "FTE beschikbaar",
    "Workload",
    "Wachtlijst start",
    "gem. dagen",
    "Interne wachtlijst",
    "gem. dagen",
    "Totaal wachtend",
]


@login_required
def monitor_pagina(request: HttpRequest) -> HttpResponse:
    try:
        peildatum = date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        peildatum = timezone.localdate()
    uitkomst = monitor(peildatum=peildatum)
    rijen = [*uitkomst.per_gi.items(), ("Landelijk", uitkomst.landelijk)]
    grafiek = {
        "gis": list(uitkomst.per_gi),
        "workload": [i.workload for i in uitkomst.per_gi.values()],
        "start": [i.wachtlijst_start.aantal for i in uitkomst.per_gi.values()],
        "intern": [i.wachtlijst_intern.aantal for i in uitkomst.per_gi.values()],
        "landelijk_workload": uitkomst.landelijk.workload,
    }
    context = {
        "gi": gi_van(request.user),
        "peildatum": peildatum,
        "rijen": rijen,
        "koppen": KOPPEN,
        "grafiek": grafiek,
    }
    return render(request, "web/monitor.html", context)
