"""The zorgbemiddelingstafel's page: waiting requests, free places and the proposal, with
accept and decline per match and a "wat als" for temporary capacity. Thin: parse, call, render."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling import selectors, services
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie

WEB = AuditRegel.Kanaal.WEB


def _regio(request: HttpRequest) -> Organisatie:
    regio = selectors.regio_van(request.user)
    if regio is None:
        raise Http404("Alleen voor zorgbemiddelaars van een jeugdregio.")
    return regio


def _int(tekst: str | None) -> int | None:
    try:
        return int(tekst) if tekst not in (None, "") else None
    except ValueError:
        return None


def _extra(request: HttpRequest, uitkomst: selectors.Uitkomst) -> list:  # type: ignore[type-arg]
    aanbod_id, aantal = _int(request.GET.get("extra_aanbod")), _int(request.GET.get("extra_aantal"))
    per_aanbod = {a.aanbod: a for a in uitkomst.tafel.aanbod}
    if aanbod_id not in per_aanbod or not aantal or aantal < 1:
        return []
    a = replace(per_aanbod[aanbod_id], vrij_nu=aantal, verwacht_vrij=0)  # type: ignore[index]
    return selectors.pools([a], uitkomst.tafel.peildatum)


@login_required
def tafel(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    vandaag = timezone.localdate()
    categorie = request.GET.get("zorgvorm") or None
    leeftijd = _int(request.GET.get("leeftijd"))
    uitkomst = selectors.voorstel(
        gebruiker=request.user, regio=regio, peildatum=vandaag, kanaal=WEB
    )
    extra = _extra(request, uitkomst)
    wat_als = None
    if extra:
        wat_als = selectors.voorstel(
            gebruiker=request.user, regio=regio, peildatum=vandaag, kanaal=WEB, extra=extra
        )
    vragen = {v.hulpvraag: v for v in uitkomst.tafel.vragen}
    aanbod = {a.aanbod: a for a in uitkomst.tafel.aanbod}
    gefilterd = selectors.tafel(
        gebruiker=request.user,
        regio=regio,
        peildatum=vandaag,
        kanaal=WEB,
        productcategorie=categorie,
        leeftijd=leeftijd,
    )
    zichtbaar = {v.hulpvraag for v in gefilterd.vragen}
    matches = [
        (m, vragen[m.vraag], aanbod[m.aanbod])
        for m in uitkomst.voorstel.matches
        if m.vraag in zichtbaar
    ]
    zorgvormen = sorted({(a.productcategorie, a.zorgvorm) for a in uitkomst.tafel.aanbod})
    return render(
        request,
        "bemiddeling/tafel.html",
        {
            "regio": regio,
            "peildatum": vandaag,
            "tafel": gefilterd,
            "matches": matches,
            "wachten": [vragen[i] for i in uitkomst.voorstel.blijft_wachten if i in zichtbaar],
            "zorgvormen": zorgvormen,
            "gekozen_zorgvorm": categorie or "",
            "gekozen_leeftijd": leeftijd if leeftijd is not None else "",
            "alle_aanbod": uitkomst.tafel.aanbod,
            "wat_als": wat_als,
            "wat_als_geholpen": [vragen[i] for i in wat_als.extra_geholpen] if wat_als else [],
            "extra_aanbod": aanbod.get(_int(request.GET.get("extra_aanbod")) or -1),
            "grafiek": _grafiek(uitkomst.tafel),
        },
    )


def _grafiek(t: selectors.Tafel) -> dict[str, list]:  # type: ignore[type-arg]
    labels = sorted({v.zorgvorm for v in t.vragen} | {a.zorgvorm for a in t.aanbod})
    return {
        "labels": labels,
        "wachtend": [sum(v.zorgvorm == z for v in t.vragen) for z in labels],
        "vrij": [sum(a.vrij_nu for a in t.aanbod if a.zorgvorm == z) for z in labels],
        "straks": [sum(a.verwacht_vrij for a in t.aanbod if a.zorgvorm == z) for z in labels],
    }


@login_required
@require_POST
def besluit(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    hulpvraag, aanbod = _int(request.POST.get("hulpvraag")), _int(request.POST.get("aanbod"))
    score = _int(request.POST.get("score")) or 0
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
