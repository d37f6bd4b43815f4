"""The GI planner's pages for the list: the ranked list, assigning a vaste jeugdbeschermer and
the bulk proposal; and what the team's pages (``team.py``) share with them. Thin: parse, call a
selector or service, render."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.triage import ZICHT_WEKEN
from ketenzicht.kinderen import selectors as kinderen
from ketenzicht.kinderen import services
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import gi_van, weergavenamen
from ketenzicht.planning import bezetting, selectors

WEB = AuditRegel.Kanaal.WEB


def eigen_gi(request: HttpRequest) -> Organisatie:
    gi = gi_van(request.user)
    if gi is None:
        raise Http404("Alleen voor medewerkers van een GI.")
    return gi


def collega(gi: Organisatie, medewerker_id: int) -> Medewerker:
    medewerker = Medewerker.objects.filter(gi=gi, pk=medewerker_id).first()
    if medewerker is None:
        raise Http404("Geen medewerker van uw GI.")
    return medewerker


def alleen_planner(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/alleen_planner.html", {"gi": gi_van(request.user)}, status=403)


@login_required
def prioriteit(request: HttpRequest) -> HttpResponse:
    gi = eigen_gi(request)
    vandaag = timezone.localdate()
    regels = selectors.te_verdelen(gebruiker=request.user, gi=gi, peildatum=vandaag, kanaal=WEB)
    met_ruimte = bezetting.rollen_met_ruimte(gi=gi, peildatum=vandaag)
    rijen = [(r, r.rol in met_ruimte) for r in regels]
    return render(
        request,
        "planning/prioriteit.html",
        {
            "gi": gi,
            "peildatum": vandaag,
            "regels": regels,
            "rijen": rijen,
            "mag_toewijzen": services.mag_toewijzen(request.user),
            "uit_zicht": sum(r.uit_zicht for r in regels),
            "zicht_weken": ZICHT_WEKEN,
        },
    )


def _open_maatregel(gi: Organisatie, kind: Kind, vandaag: date) -> Maatregel:
    maatregel = kinderen.toe_te_wijzen_maatregel(kind, gi, vandaag)
    if maatregel is None:
        raise Http404("Dit kind heeft geen lopende maatregel bij deze GI.")
    return maatregel


@login_required
def toewijzen(request: HttpRequest, pid: UUID) -> HttpResponse:
    gi = eigen_gi(request)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    vandaag = timezone.localdate()
    try:
        kind = kinderen.kind_inzien(
            gebruiker=request.user, pid=pid, doel="jeugdbeschermer toewijzen", kanaal=WEB
        )
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None
    maatregel = _open_maatregel(gi, kind, vandaag)
    van_kind = request.GET.get("van") == "kind"  # opened from the child's page: back to it
    fout, override = "", ""
    gekozen = request.POST.get("medewerker", "")
    if request.method == "POST":
        override = request.POST.get("override_reden", "")
        medewerker = (
            Medewerker.objects.filter(gi=gi, pk=gekozen).first() if gekozen.isdigit() else None
        )
        if medewerker is None:
            fout = "Kies een jeugdbeschermer."
        else:
            try:
                services.jeugdbeschermer_toewijzen(
                    maatregel=maatregel,
                    medewerker=medewerker,
                    start=vandaag,
                    door=request.user,
                    override_reden=override,
                    kanaal=WEB,
                )
            except services.Weigering as weigering:
                fout = str(weigering)
            else:
                messages.success(
                    request, f"{medewerker} is nu de vaste jeugdbeschermer van {kind}."
                )
                return redirect("kind", pid=kind.pid) if van_kind else redirect("prioriteit")
    kandidaten = selectors.kandidaten(maatregel=maatregel, peildatum=vandaag)
    if not gekozen and kandidaten:
        gekozen = str(kandidaten[0].id)  # the best fit is preselected
    context = {
        "gi": gi,
        "kind": kind,
        "maatregel": maatregel,
        "kandidaten": kandidaten,
        "fout": fout,
        "gekozen": gekozen,
        "override": override,
        "van_kind": van_kind,
    }
    return render(request, "planning/toewijzen.html", context, status=400 if fout else 200)


@login_required
def voorstel(request: HttpRequest) -> HttpResponse:
    gi = eigen_gi(request)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    vandaag = timezone.localdate()
    if request.method == "POST":
        return voorstel_accepteren(request, gi, vandaag)
    uitkomst, regels = selectors.bulkvoorstel(
        gebruiker=request.user, gi=gi, peildatum=vandaag, kanaal=WEB
    )
    namen = weergavenamen(k.medewerker for k in uitkomst.koppelingen)
    rijen = [(regels[k.vraag], namen[k.medewerker], k) for k in uitkomst.koppelingen]
    wachten = [regels[w] for w in uitkomst.blijft_wachten]
    return render(request, "planning/voorstel.html", {"gi": gi, "rijen": rijen, "wachten": wachten})


def voorstel_accepteren(
    request: HttpRequest, gi: Organisatie, vandaag: date, terug: HttpResponse | None = None
) -> HttpResponse:
    """Accept the ticked matches, each in its own transaction; report what could not be done.
    Then back to the list (or ``terug``)."""
    gelukt, mislukt = 0, []
    for waarde in request.POST.getlist("koppeling"):
        maatregel_id, _, medewerker_id = waarde.partition(":")
        if not (maatregel_id.isdigit() and medewerker_id.isdigit()):  # not from the page
            mislukt.append(f"{waarde}: onbekend")
            continue
        maatregel = Maatregel.objects.filter(gi=gi, pk=maatregel_id).select_related("kind").first()
        medewerker = Medewerker.objects.filter(gi=gi, pk=medewerker_id).first()
        if maatregel is None or medewerker is None:
            mislukt.append(f"{waarde}: onbekend")
            continue
        try:
            services.jeugdbeschermer_toewijzen(
                maatregel=maatregel,
                medewerker=medewerker,
                start=vandaag,
                door=request.user,
                kanaal=WEB,
            )
            gelukt += 1
        except services.Weigering as weigering:
            mislukt.append(f"{maatregel.kind}: {weigering}")
    messages.success(request, f"{gelukt} kinderen hebben nu een vaste jeugdbeschermer.")
    for tekst in mislukt:
        messages.error(request, tekst)
    return terug or redirect("prioriteit")
