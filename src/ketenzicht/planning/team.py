"""The team's pages: each caseworker's caseload against the norm, one caseworker's children
(their own *Mijn kinderen*, or as their planner sees them), registering a new colleague,
registering one sick, better or leaving and handing their children over, and the review of
records opened outside one's caseload. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ketenzicht.domain.afwezigheid import MEESTE_INWERKWEKEN
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.doorbraak import lijsten
from ketenzicht.kinderen import inzage, services
from ketenzicht.organisaties.models import Intrekking, Medewerker
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van, weergavenamen
from ketenzicht.planning import afwezigheid, bezetting, intrekking, selectors
from ketenzicht.planning import overdracht as overdracht_
from ketenzicht.planning.indienst import in_dienst_nemen, komende_collegas
from ketenzicht.planning.views import (
    WEB,
    alleen_planner,
    collega,
    eigen_gi,
    voorstel_accepteren,
)

NIEUW_SINDS = timedelta(days=7)  # on a caseworker's list, children who came this last week


@login_required
def overdracht(request: HttpRequest, medewerker_id: int) -> HttpResponse:
    """A proposal to hand a (sick or leaving) caseworker's children to colleagues with room,
    before they wait; accept all, some or none."""
    gi = eigen_gi(request)
    medewerker = collega(gi, medewerker_id)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    vandaag = timezone.localdate()
    if request.method == "POST":
        terug = redirect("kinderen-van", medewerker.pk)
        return voorstel_accepteren(request, gi, vandaag, terug)
    uitkomst, kinderen = overdracht_.overdrachtsvoorstel(
        gebruiker=request.user, medewerker=medewerker, peildatum=vandaag, kanaal=WEB
    )
    positie = {mid: i for i, mid in enumerate(kinderen, start=1)}
    regels = {
        mid: {"maatregel_id": k.kind.maatregel_id, "positie": positie[mid], "naam": k.kind.naam}
        for mid, k in kinderen.items()
    }
    namen = weergavenamen(k.medewerker for k in uitkomst.koppelingen)
    context = {
        "gi": gi,
        "titel": f"Overdracht van de kinderen van {medewerker.naam}",
        "uitleg": (
            f"Een optimale verdeling van de {len(kinderen)} kinderen van {medewerker.naam} over "
            "collega's met ruimte onder de werklastnorm, vanaf vandaag: een verstreken termijn "
            "eerst, dan gezin, gemeente en ruimte. Vink uit wat u niet wilt."
        ),
        "rijen": [(regels[k.vraag], namen[k.medewerker], k) for k in uitkomst.koppelingen],
        "wachten": [regels[w] for w in uitkomst.blijft_wachten],
        "terug": medewerker,
    }
    return render(request, "planning/voorstel.html", context)


@login_required
def team(request: HttpRequest) -> HttpResponse:
    gi = eigen_gi(request)
    vandaag = timezone.localdate()
    team = bezetting.team_op_ruimte(gi=gi, peildatum=vandaag)
    lijst = [c for c, _ in team]
    context = {
        "gi": gi,
        "caseloads": team,
        "samenvatting": bezetting.team_samenvatting(lijst),
        # one scale for every bar, so that the rows compare
        "schaal": max([1.0, *(max(c.cap, c.caseload) for c in lijst)]),
        "wisselingen": bezetting.wisselingen_per_kind(gi=gi, peildatum=vandaag),
        "norm": selectors.werklastnorm(gi.pk, vandaag),
        "ziet_inzage": services.mag_toewijzen(request.user),
        "afwezigen": afwezigheid.afwezigen(gi=gi, peildatum=vandaag),
        "komend": komende_collegas(gi=gi, peildatum=vandaag),
        "peildatum": vandaag,
        "rollen": [r.value for r in sorted(Rol, key=lambda r: not r.heeft_caseload)],
        "meeste_inwerkweken": MEESTE_INWERKWEKEN,
        "mag_verleden": services.mag_verleden_registreren(request.user),
    }
    return render(request, "planning/team.html", context)


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
    gi = eigen_gi(request)
    medewerker = collega(gi, medewerker_id)
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
    stand = afwezigheid.stand_van(medewerker, vandaag)
    context = {
        "gi": gi_van(request.user),
        "medewerker": medewerker,
        "eigen": eigen,
        "kinderen": kinderen,
        "te_laat": sum(k.te_laat for k in kinderen),
        "caseload": bezetting.caseload_van(medewerker, vandaag),
        "peildatum": vandaag,
        "stand": stand,
        "sinds_nieuw": vandaag - NIEUW_SINDS,  # children who came in the last week are marked
        "mag_afwezigheid": (
            not eigen and not stand.nooit_in_dienst and services.mag_toewijzen(request.user)
        ),
        "drempel": selectors.werklastnorm(medewerker.gi_id, vandaag).ziekte_drempel_dagen,
        "ingetrokken": intrekking.ingetrokken(medewerker) if not eigen else [],
    }
    return render(request, "planning/mijn_kinderen.html", context)


@login_required
@require_POST
def afwezigheid_melden(request: HttpRequest, medewerker_id: int) -> HttpResponse:
    """Sick, better or leaving from a date, for a caseworker of the planner's own GI."""
    gi = eigen_gi(request)
    medewerker = collega(gi, medewerker_id)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    try:
        tekst = afwezigheid.melden(
            request.POST.get("actie", ""),
            medewerker=medewerker,
            datum=_datum(request),
            door=request.user,
        )
    except services.Weigering as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, tekst)
    return redirect("kinderen-van", medewerker.pk)


@login_required
@require_POST
def afwezigheid_intrekken(request: HttpRequest, medewerker_id: int) -> HttpResponse:
    """Withdraw a sickness, a leaving date or a joining registered by mistake, with the
    reason; back to the caseworker's page, or to the team page for a joining."""
    gi = eigen_gi(request)
    medewerker = collega(gi, medewerker_id)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    wat = request.POST.get("wat", "")
    try:
        tekst = intrekking.intrekken(
            medewerker=medewerker,
            wat=wat,
            reden=request.POST.get("reden", ""),
            door=request.user,
            per=_juiste_datum(request.POST.get("per", "")) if wat == "beter" else None,
        )
    except services.Weigering as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, tekst)
    if wat == Intrekking.Soort.IN_DIENST:
        return redirect("team")
    return redirect("kinderen-van", medewerker.pk)


def _juiste_datum(tekst: str) -> date | None:
    """The form's right recovery date (empty: none, still ill)."""
    try:
        return date.fromisoformat(tekst) if tekst.strip() else None
    except ValueError:
        raise services.Weigering(
            f"De juiste datum beter {tekst!r} is geen datum (jjjj-mm-dd).", "per"
        ) from None


@login_required
@require_POST
def nieuwe_collega(request: HttpRequest) -> HttpResponse:
    """A colleague joining the planner's own GI from a date, with onboarding if zij-instromer."""
    gi = eigen_gi(request)
    if not services.mag_toewijzen(request.user):
        return alleen_planner(request)
    try:
        try:
            rol = Rol(request.POST.get("rol", ""))
            fte = Decimal(request.POST.get("fte", "").replace(",", "."))
            inwerkweken = int(request.POST.get("inwerkweken", "") or 0)
        except (ValueError, InvalidOperation):
            raise services.Weigering(
                "Kies een rol en vul fte en weken inwerken als getal in."
            ) from None
        medewerker, tekst = in_dienst_nemen(
            gi=gi,
            naam=request.POST.get("naam", ""),
            rol=rol,
            fte=fte,
            per=_datum(request),
            inwerkweken=inwerkweken,
            door=request.user,
        )
    except services.Weigering as fout:
        messages.error(request, str(fout))
        return redirect("team")
    messages.success(request, tekst)
    return redirect("kinderen-van", medewerker.pk)


def _datum(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.POST.get("datum", ""))
    except ValueError:
        raise services.Weigering("Vul bij 'datum' een datum in (JJJJ-MM-DD).") from None


INZAGE_PERIODEN = (7, 30, 90)  # days the review page looks back


@login_required
def inzage_buiten_caseload(request: HttpRequest, formaat: str = "html") -> HttpResponse:
    """The planner's and functioneel beheerder's review of records opened outside one's own
    caseload (``domain.inzage``): who, which child, why, when; also as CSV for the archive."""
    gi = eigen_gi(request)
    if not services.mag_toewijzen(request.user):  # those who divide the work review it
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
    if formaat == "csv":
        antwoord = HttpResponse(inzage.als_csv(overzicht), content_type="text/csv; charset=utf-8")
        naam = f"inzage-buiten-caseload-{timezone.localdate():%Y%m%d}-{dagen}d.csv"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    context = {
        "gi": gi,
        "dagen": dagen,
        "perioden": INZAGE_PERIODEN,
        "overzicht": overzicht,
        "schaal": max([1, *(n for _, n in overzicht.per_gebruiker)]),
    }
    return render(request, "planning/inzage.html", context)
