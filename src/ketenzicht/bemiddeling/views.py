"""The zorgbemiddelingstafel's page: waiting requests, free places and the proposal, with
accept and decline per match, a "wat als" for temporary capacity, and a provider's new capacity
report taken down. Thin: parse, call, render."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling import samenvatting, selectors, services
from ketenzicht.bemiddeling.capaciteit_inlezen import (
    Fout,
    LijstGeweigerd,
    capaciteitslijst_inlezen,
)
from ketenzicht.bemiddeling.capaciteit_inlezen import capaciteitslijst as capaciteitslijst_csv
from ketenzicht.bemiddeling.models import GEMELD_DOOR_LENGTE
from ketenzicht.bemiddeling.voorstel import voorstel
from ketenzicht.domain.bemiddeling import MELDING_VERS_DAGEN
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.web.formulieren import fouten, geheel_getal, melding

WEB = AuditRegel.Kanaal.WEB
MAX_LIJST = 1_000_000  # bytes: a region's list is a few hundred rows


def _regio(request: HttpRequest) -> Organisatie:
    regio = selectors.regio_van(request.user)
    if regio is None:
        raise Http404("Alleen voor zorgbemiddelaars van een jeugdregio.")
    return regio


@login_required
def tafel(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    aanbod_id, aantal = (
        geheel_getal(request.GET.get("extra_aanbod")),
        geheel_getal(request.GET.get("extra_aantal")),
    )
    extra = [(aanbod_id, aantal)] if aanbod_id is not None and aantal else []
    try:
        uitkomst = voorstel(
            gebruiker=request.user,
            regio=regio,
            peildatum=timezone.localdate(),
            kanaal=WEB,
            extra=extra,
        )
    except LookupError as fout:
        messages.error(request, f"Wat als: {fout}")
        return redirect("bemiddeling")
    t = uitkomst.tafel
    gekozen_leeftijd = geheel_getal(request.GET.get("leeftijd"))
    gefilterd = selectors.gefilterd(
        t, productcategorie=request.GET.get("zorgvorm") or None, leeftijd=gekozen_leeftijd
    )
    vragen = {v.hulpvraag: v for v in t.vragen}
    aanbod = {a.aanbod: a for a in t.aanbod}
    zichtbaar = {v.hulpvraag for v in gefilterd.vragen}
    wachtend = [vragen[i] for i in uitkomst.voorstel.blijft_wachten if i in zichtbaar]
    return render(
        request,
        "bemiddeling/tafel.html",
        {
            "regio": regio,
            "peildatum": t.peildatum,
            "tafel": gefilterd,
            "matches": [
                (m, vragen[m.vraag], aanbod[m.aanbod])
                for m in uitkomst.voorstel.matches
                if m.vraag in zichtbaar
            ],
            "wachten": samenvatting.wachtgroepen(wachtend),
            "wachten_aantal": len(wachtend),
            "zorgvormen": sorted({(a.productcategorie, a.zorgvorm) for a in t.aanbod}),
            "gekozen_zorgvorm": request.GET.get("zorgvorm") or "",
            "gekozen_leeftijd": "" if gekozen_leeftijd is None else gekozen_leeftijd,
            "alle_aanbod": t.aanbod,
            "wat_als": uitkomst.met_extra,
            "wat_als_geholpen": [vragen[i] for i in uitkomst.extra_geholpen],
            "extra_aanbod": aanbod.get(aanbod_id or -1),
            "grafiek": samenvatting.per_zorgvorm(t),
            "verouderd": sum(a.verouderd for a in t.aanbod),
            "vers_dagen": MELDING_VERS_DAGEN,
        },
    )


@login_required
@require_POST
def besluit(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    hulpvraag, aanbod = (
        geheel_getal(request.POST.get("hulpvraag")),
        geheel_getal(request.POST.get("aanbod")),
    )
    score = geheel_getal(request.POST.get("score")) or 0
    redenen = request.POST.getlist("reden_voorstel")
    if hulpvraag is None or aanbod is None:
        messages.error(request, "Kies een match.")
        return redirect("bemiddeling")
    try:
        if request.POST.get("besluit") == "akkoord":
            b = services.match_accepteren(
                regio=regio,
                hulpvraag_id=hulpvraag,
                aanbod_id=aanbod,
                peildatum=timezone.localdate(),
                score=score,
                redenen=redenen,
                door=request.user,
                kanaal=WEB,
            )
            messages.success(
                request, f"Plek gereserveerd bij {b.aanbod.naam} vanaf {b.vrij_vanaf:%d-%m-%Y}."
            )
        else:
            b = services.match_afwijzen(
                regio=regio,
                hulpvraag_id=hulpvraag,
                aanbod_id=aanbod,
                peildatum=timezone.localdate(),
                reden=request.POST.get("reden", ""),
                score=score,
                redenen=redenen,
                door=request.user,
                kanaal=WEB,
            )
            messages.success(request, f"Match met {b.aanbod.naam} afgewezen: {b.reden}")
    except Weigering as fout:
        messages.error(request, str(fout))
    return redirect("bemiddeling")


class CapaciteitFormulier(forms.Form):
    """A provider's capacity report as the table takes it down (by phone, mail, or a list)."""

    aanbod = forms.IntegerField(label="Aanbod")
    geldig_van = forms.DateField(label="Stand op")
    plaatsen = forms.IntegerField(label="Plaatsen", min_value=0)
    bezet = forms.IntegerField(label="Bezet", min_value=0)
    verwacht_vrij = forms.IntegerField(label="Komen vrij", min_value=0, required=False)
    verwacht_vrij_per = forms.DateField(label="Vrij per", required=False)
    eigen_wachtlijst = forms.IntegerField(label="Eigen wachtlijst", min_value=0, required=False)
    gemeld_door = forms.CharField(label="Gemeld door", max_length=GEMELD_DOOR_LENGTE)


@login_required
@require_POST
def capaciteit(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    formulier = CapaciteitFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(fouten(formulier))
        d = formulier.cleaned_data
        c = services.capaciteit_melden(
            regio=regio,
            aanbod_id=d["aanbod"],
            geldig_van=d["geldig_van"],
            plaatsen=d["plaatsen"],
            bezet=d["bezet"],
            verwacht_vrij=d["verwacht_vrij"] or 0,
            verwacht_vrij_per=d["verwacht_vrij_per"],
            eigen_wachtlijst=d["eigen_wachtlijst"] or 0,
            gemeld_door=d["gemeld_door"],
        )
    except Weigering as fout:
        messages.error(request, f"Capaciteit niet opgeslagen. {melding(formulier, fout)}")
    else:
        messages.success(
            request,
            f"Capaciteit van {c.aanbod.naam} per {c.geldig_van:%d-%m-%Y} opgeslagen: "
            f"{c.bezet} van {c.plaatsen} plaatsen bezet. Het voorstel rekent ermee.",
        )
    return redirect(f"{reverse('bemiddeling')}#aanbod")


@login_required
def capaciteitslijst(request: HttpRequest) -> HttpResponse:
    """GET: the region's capacity list to send the providers (CSV). POST: the list back, read in
    whole or not at all (``capaciteit_inlezen``)."""
    regio = _regio(request)
    if request.method != "POST":
        antwoord = HttpResponse(
            "\ufeff" + capaciteitslijst_csv(regio), content_type="text/csv; charset=utf-8"
        )
        naam = f"capaciteit-{slugify(regio.naam)}-{timezone.localdate():%Y-%m-%d}.csv"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    bestand = request.FILES.get("lijst")
    try:
        if bestand is None:
            raise LijstGeweigerd([Fout(1, None, "kies het bestand met de lijst")])
        if (bestand.size or 0) > MAX_LIJST:
            raise LijstGeweigerd([Fout(1, None, "het bestand is groter dan 1 MB")])
        tekst = bestand.read().decode("utf-8")
        ingelezen = capaciteitslijst_inlezen(regio=regio, tekst=tekst)
    except UnicodeDecodeError:
        messages.error(request, "Lijst niet ingelezen: sla hem op als CSV UTF-8.")
    except LijstGeweigerd as fout:
        n = len(fout.fouten)
        wat = "1 fout" if n == 1 else f"{n} fouten"
        messages.error(request, f"Lijst niet ingelezen, niets opgeslagen ({wat}).")
        for f in fout.fouten[:20]:
            messages.error(request, str(f))
    else:
        messages.success(
            request,
            f"Lijst ingelezen: {len(ingelezen.opgeslagen)} meldingen van capaciteit opgeslagen, "
            f"{ingelezen.ongewijzigd} ongewijzigd. Het voorstel rekent ermee.",
        )
    return redirect(f"{reverse('bemiddeling')}#aanbod")
