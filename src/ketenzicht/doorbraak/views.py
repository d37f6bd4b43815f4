"""Pages of the doorbraakaanpak: the monthly monitor, the children behind its figures, the
children not helped in time, signals and the expert team's worklist. Thin: parse, check rights,
call a selector, render. Writes on a child's record are in ``acties``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.doorbraak import Maand
from ketenzicht.doorbraak import lijsten, selectors
from ketenzicht.doorbraak.models import Escalatie
from ketenzicht.doorbraak.rechten import eigen_rij
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van

WEB = AuditRegel.Kanaal.WEB


def _maand(request: HttpRequest) -> tuple[Maand, str]:
    """The month asked for, or the last complete one with the reason why not."""
    vandaag = timezone.localdate()
    laatste = Maand(vandaag.year, vandaag.month).vorige()
    gevraagd = request.GET.get("maand", "")
    if not gevraagd:
        return laatste, ""
    try:
        maand = Maand.lees(gevraagd)
    except ValueError:
        return laatste, f"Maand {gevraagd!r} is geen maand (jjjj-mm); getoond wordt {laatste}."
    if reden := selectors.buiten_bereik(maand):
        return laatste, f"Maand {maand} {reden}; getoond wordt {laatste}."
    return maand, ""


NIVEAUS = {"gi": "GI", "regio": "Jeugdregio", "gemeente": "Gemeente"}


@login_required
def monitor(request: HttpRequest) -> HttpResponse:
    """The monthly doorbraak monitor: aggregates only, with a 12-month trend."""
    maand, fout = _maand(request)
    niveau = request.GET.get("niveau", "gi")
    niveau = niveau if niveau in NIVEAUS else "gi"
    reeks = selectors.doorbraak_reeks(selectors.laatste_maanden(maand))
    deze = reeks[-1]
    codes = [m.code for m in selectors.normsets()[0].mijlpalen]
    namen = {m.code: m.naam for s in selectors.normsets() for m in s.mijlpalen}
    landelijk = [r for r in deze.rijen if r.niveau == "landelijk"]
    tabel: dict[str, dict[str, object]] = {}
    for r in deze.rijen:
        if r.niveau == niveau:
            tabel.setdefault(r.naam, {})[r.mijlpaal] = r
    eigen = eigen_rij(request.user, niveau)
    aandeel = {
        (c.maand, r.mijlpaal): r.aandeel for c in reeks for r in c.rijen if r.niveau == "landelijk"
    }
    doelen = {r.mijlpaal: float(r.doel) for r in landelijk}
    grafiek = {
        "maanden": [str(c.maand) for c in reeks],
        "reeksen": [
            {
                "label": namen.get(code, code),
                "doel": doelen.get(code, 0.0),
                "data": [aandeel.get((c.maand, code)) for c in reeks],
            }
            for code in codes
        ],
    }
    context = {
        "gi": gi_van(request.user),
        "maand": maand,
        "niveau": niveau,
        "niveaus": NIVEAUS,
        "niveau_naam": NIVEAUS[niveau],
        "codes": codes,
        "namen": namen,
        "landelijk": landelijk,
        "tabel": [
            (naam, [rij.get(c) for c in codes], naam == eigen)
            for naam, rij in sorted(tabel.items())
        ],
        "grafiek": grafiek,
        "fout": fout,
    }
    return render(request, "doorbraak/monitor.html", context, status=400 if fout else 200)


@login_required
def achter_het_cijfer(request: HttpRequest) -> HttpResponse:
    """Drill-down: the children behind one of the user's own numbers (audited)."""
    maand, fout = _maand(request)
    mijlpaal = request.GET.get("mijlpaal", "")
    lid = lidmaatschap_van(request.user)
    if lid is None or lid.organisatie.type not in (
        Organisatie.Type.GI,
        Organisatie.Type.GEMEENTE,
    ):
        return render(request, "web/geen_toegang.html", status=403)
    achter = selectors.achter_het_cijfer(
        gebruiker=request.user, maand=maand, mijlpaal=mijlpaal, kanaal=WEB
    )
    return render(
        request,
        "doorbraak/achter_het_cijfer.html",
        {
            "gi": gi_van(request.user),
            "maand": maand,
            "mijlpaal": mijlpaal,
            "rijen": achter.rijen,
            "elders": achter.elders,
            "fout": fout,
        },
        status=400 if fout else 200,
    )


@login_required
def niet_tijdig(request: HttpRequest) -> HttpResponse:
    """Afspraak 1: the gemeente's children who do not get timely protection or help."""
    lid = lidmaatschap_van(request.user)
    vandaag = timezone.localdate()
    if lid is None:
        return render(request, "web/geen_toegang.html", status=403)
    gemeente: Organisatie | None
    keuzes: list[Organisatie] = []
    if lid.organisatie.type == Organisatie.Type.GEMEENTE:
        gemeente = lid.organisatie
    elif lid.organisatie.type == Organisatie.Type.GI:
        keuzes = lijsten.gemeenten_van(lid.organisatie)
        gekozen = request.GET.get("gemeente")
        gemeente = next((g for g in keuzes if str(g.pk) == gekozen), keuzes[0] if keuzes else None)
    else:
        return render(request, "web/geen_toegang.html", status=403)
    lijst = (
        lijsten.niet_tijdig(
            gebruiker=request.user, gemeente=gemeente, peildatum=vandaag, kanaal=WEB
        )
        if gemeente
        else []
    )
    context = {
        "gi": gi_van(request.user),
        "gemeente": gemeente,
        "keuzes": keuzes,
        "lijst": lijst,
        "peildatum": vandaag,
    }
    return render(request, "doorbraak/niet_tijdig.html", context)


@login_required
def signalen(request: HttpRequest) -> HttpResponse:
    """The planner's signal list: the overview of deadlines overdue or due this week per
    jeugdbeschermer, and the deadlines of the ones chosen (``?wie=``, or all with ``?alle=1``).
    Only the children shown are audited as seen; htmx swaps in the chosen sections."""
    gi = gi_van(request.user)
    if gi is None:
        return render(request, "web/geen_toegang.html", status=403)
    vandaag = timezone.localdate()
    alle = request.GET.get("alle") == "1"
    wie = request.GET.getlist("wie")
    lijst = lijsten.signaallijst(
        gebruiker=request.user, gi=gi, peildatum=vandaag, kanaal=WEB, wie=None if alle else wie
    )
    context = {
        "gi": gi,
        "per": lijst.getoond,
        "overzicht": lijst.overzicht,
        # one scale for every bar, so that the caseworkers compare at a glance
        "schaal": max([1, *(r.te_laat for r in lijst.overzicht)]),
        "gekozen": [] if alle else wie,
        "alle": alle,
        "peildatum": vandaag,
    }
    sjabloon = (
        "doorbraak/_signalen.html"
        if request.headers.get("HX-Request")
        else "doorbraak/signalen.html"
    )
    return render(request, sjabloon, context)


@login_required
def werklijst(request: HttpRequest) -> HttpResponse:
    """The regional expert team's worklist."""
    lid = lidmaatschap_van(request.user)
    if lid is None or lid.organisatie.type != Organisatie.Type.EXPERTTEAM:
        return render(request, "web/geen_toegang.html", status=403)
    alle = request.GET.get("alle") == "1"
    lijst = lijsten.werklijst_ret(
        gebruiker=request.user, expertteam=lid.organisatie, kanaal=WEB, ook_afgerond=alle
    )
    return render(
        request,
        "doorbraak/werklijst.html",
        {"team": lid.organisatie, "lijst": lijst, "alle": alle, "statussen": Escalatie.Status},
    )
