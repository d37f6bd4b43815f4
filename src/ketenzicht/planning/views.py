"""The GI planner's pages: the ranked list, assigning a vaste jeugdbeschermer, the bulk proposal
and the team's caseloads; and the jeugdbeschermer's own: their children and deadlines. Thin:
parse, call a selector or service, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.doorbraak import lijsten
from ketenzicht.kinderen import inzage, services
from ketenzicht.kinderen import selectors as kinderen
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van, weergavenamen
from ketenzicht.planning import afwezigheid, bezetting, selectors

WEB = AuditRegel.Kanaal.WEB


def _gi(request: HttpRequest) -> Organisatie:
    gi = gi_van(request.user)
    if gi is None:
        raise Http404("Alleen voor medewerkers van een GI.")
    return gi


def _alleen_planner(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/alleen_planner.html", {"gi": gi_van(request.user)}, status=403)


@login_required
def prioriteit(request: HttpRequest) -> HttpResponse:
    gi = _gi(request)
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
        },
    )


def _open_maatregel(gi: Organisatie, kind: Kind, vandaag: date) -> Maatregel:
    maatregel = kinderen.toe_te_wijzen_maatregel(kind, gi, vandaag)
    if maatregel is None:
        raise Http404("Dit kind heeft geen lopende maatregel bij deze GI.")
    return maatregel


@login_required
def toewijzen(request: HttpRequest, pid: UUID) -> HttpResponse:
    gi = _gi(request)
    if not services.mag_toewijzen(request.user):
        return _alleen_planner(request)
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
        medewerker = Medewerker.objects.filter(gi=gi, pk=gekozen).first() if gekozen else None
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
    gi = _gi(request)
    if not services.mag_toewijzen(request.user):
        return _alleen_planner(request)
    vandaag = timezone.localdate()
    if request.method == "POST":
        return _voorstel_accepteren(request, gi, vandaag)
    uitkomst, regels = selectors.bulkvoorstel(
        gebruiker=request.user, gi=gi, peildatum=vandaag, kanaal=WEB
    )
    namen = weergavenamen(k.medewerker for k in uitkomst.koppelingen)
    rijen = [(regels[k.vraag], namen[k.medewerker], k) for k in uitkomst.koppelingen]
    wachten = [regels[w] for w in uitkomst.blijft_wachten]
    return render(request, "planning/voorstel.html", {"gi": gi, "rijen": rijen, "wachten": wachten})


def _voorstel_accepteren(request: HttpRequest, gi: Organisatie, vandaag: date) -> HttpResponse:
    """Accept the ticked matches, each in its own transaction; report what could not be done."""
    gelukt, mislukt = 0, []
    for waarde in request.POST.getlist("koppeling"):
        maatregel_id, _, medewerker_id = waarde.partition(":")
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
    return redirect("prioriteit")


@login_required
def team(request: HttpRequest) -> HttpResponse:
    gi = _gi(request)
    vandaag = timezone.localdate()
    lijst = sorted(bezetting.caseloads(gi=gi, peildatum=vandaag), key=lambda c: c.ruimte)
    namen = weergavenamen(c.medewerker.pk for c in lijst)
    context = {
        "gi": gi,
        "caseloads": [(c, namen[c.medewerker.pk]) for c in lijst],
        "samenvatting": bezetting.team_samenvatting(lijst),
        # one scale for every bar, so that the rows compare
        "schaal": max([1.0, *(max(c.cap, c.caseload) for c in lijst)]),
        "wisselingen": bezetting.wisselingen_per_kind(gi=gi, peildatum=vandaag),
        "norm": selectors.werklastnorm(gi.pk, vandaag),
        "ziet_inzage": _ziet_inzage(request),
        "afwezigen": afwezigheid.afwezigen(gi=gi, peildatum=vandaag),
        "peildatum": vandaag,
    }
    return render(request, "planning/team.html", context)


def _ziet_inzage(request: HttpRequest) -> bool:
    """Whether the user reviews the records opened outside one's caseload."""
    lid = lidmaatschap_van(request.user)
    return lid is not None and lid.rol in inzage.VRIJE_INZAGE


@login_required
def mijn_kinderen(request: HttpRequest) -> HttpResponse:
    """A jeugdbeschermer's own caseload: their children, the deadlines past first, and their
    load against the norm. For a user linked to a caseworker of their GI."""
    lid = lidmaatschap_van(request.user)
    medewerker = lid.medewerker if lid is not None else None
    if medewerker is None:
        return render(request, "planning/geen_medewerker.html", status=403)
    return _kinderen_van(request, medewerker, eigen=True)


@login_required
def kinderen_van(request: HttpRequest, medewerker_id: int) -> HttpResponse:
    """The same for one caseworker of the planner's own GI, from the team page."""
    gi = _gi(request)
    medewerker = Medewerker.objects.filter(gi=gi, pk=medewerker_id).first()
    if medewerker is None:
        raise Http404("Geen medewerker van uw GI.")
    return _kinderen_van(request, medewerker, eigen=False)


def _kinderen_van(request: HttpRequest, medewerker: Medewerker, *, eigen: bool) -> HttpResponse:
    vandaag = timezone.localdate()
    kinderen = lijsten.kinderen_van(
        gebruiker=request.user,
        medewerker=medewerker,
        peildatum=vandaag,
        kanaal=WEB,
        doel="mijn kinderen" if eigen else "kinderen van een medewerker",
    )
    context = {
        "gi": gi_van(request.user),
        "medewerker": medewerker,
        "eigen": eigen,
        "kinderen": kinderen,
        "te_laat": sum(k.te_laat for k in kinderen),
        "caseload": bezetting.caseload_van(medewerker, vandaag),
        "peildatum": vandaag,
        "stand": afwezigheid.stand_van(medewerker, vandaag),
        "mag_afwezigheid": not eigen and services.mag_toewijzen(request.user),
        "drempel": selectors.werklastnorm(medewerker.gi_id, vandaag).ziekte_drempel_dagen,
    }
    return render(request, "planning/mijn_kinderen.html", context)


_AFWEZIGHEID: dict[str, Callable[[Medewerker, date, services.Gebruiker], str]] = {
    "ziek": lambda m, dag, door: afwezigheid.ziek_melden(medewerker=m, van=dag, door=door),
    "beter": lambda m, dag, door: afwezigheid.beter_melden(medewerker=m, per=dag, door=door),
    "uit_dienst": lambda m, dag, door: afwezigheid.uit_dienst_melden(
        medewerker=m, per=dag, door=door
    ),
}


@login_required
@require_POST
def afwezigheid_melden(request: HttpRequest, medewerker_id: int) -> HttpResponse:
    """Sick, better or leaving from a date, for a caseworker of the planner's own GI."""
    gi = _gi(request)
    medewerker = Medewerker.objects.filter(gi=gi, pk=medewerker_id).first()
    if medewerker is None:
        raise Http404("Geen medewerker van uw GI.")
    if not services.mag_toewijzen(request.user):
        return _alleen_planner(request)
    melden = _AFWEZIGHEID.get(request.POST.get("actie", ""))
    try:
        if melden is None:
            raise services.Weigering("Kies ziek, beter of uit dienst.")
        try:
            dag = date.fromisoformat(request.POST.get("datum", ""))
        except ValueError:
            raise services.Weigering("Vul bij 'datum' een datum in (JJJJ-MM-DD).") from None
        tekst = melden(medewerker, dag, request.user)
    except services.Weigering as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, tekst)
    return redirect("kinderen-van", medewerker.pk)


INZAGE_PERIODEN = (7, 30, 90)  # days the review page looks back


@login_required
def inzage_buiten_caseload(request: HttpRequest) -> HttpResponse:
    """The planner's and functioneel beheerder's review of records opened outside one's own
    caseload (``domain.inzage``): who, which child, why, when."""
    gi = _gi(request)
    if not _ziet_inzage(request):
        return render(request, "planning/alleen_planner.html", {"gi": gi}, status=403)
    try:
        dagen = int(request.GET.get("dagen", "30"))
    except ValueError:
        dagen = 30
    if dagen not in INZAGE_PERIODEN:
        dagen = 30
    overzicht = inzage.buiten_caseload(
        gebruiker=request.user,
        gi=gi,
        sinds=timezone.localdate() - timedelta(days=dagen - 1),
        kanaal=WEB,
    )
    context = {
        "gi": gi,
        "dagen": dagen,
        "perioden": INZAGE_PERIODEN,
        "overzicht": overzicht,
        "schaal": max([1, *(n for _, n in overzicht.per_gebruiker)]),
    }
    return render(request, "planning/inzage.html", context)
