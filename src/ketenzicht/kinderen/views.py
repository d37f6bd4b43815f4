"""Pages for the GI planner: the waitlists and a child's record."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.selectors import ziet_logging
from ketenzicht.domain.escalatie import OVERGANGEN, EscalatieStatus
from ketenzicht.domain.inzage import GELDIGHEID, INZAGEREDENEN, InzageredenOngeldig, lees_reden
from ketenzicht.domain.maatregelen import EindeReden
from ketenzicht.domain.normen import eerste_open
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.domain.triage import TRIAGECRITERIA, ZICHT_WEKEN, criteriumnaam
from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.domain.zoeken import ZoekvraagOngeldig
from ketenzicht.domain.zoeken import lees as zoeken_lezen
from ketenzicht.doorbraak.models import Afspraak, Mijlpaalregistratie
from ketenzicht.doorbraak.rechten import rechten
from ketenzicht.doorbraak.tijdlijn import tijdlijn as doorbraak_tijdlijn
from ketenzicht.kinderen import inzage, registreren, selectors, wachtlijsten
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import mag_toewijzen
from ketenzicht.kinderen.zoeken import zoek_kinderen
from ketenzicht.organisaties.selectors import gemeenten, gi_van, gis


@login_required
def wachtlijst(request: HttpRequest) -> HttpResponse:
    gi = gi_van(request.user)
    if gi is None:
        return render(request, "web/geen_toegang.html", status=403)
    try:
        soort = WachtSoort(request.GET.get("soort", WachtSoort.START.value))
    except ValueError:
        soort = WachtSoort.START
    sortering = (
        wachtlijsten.Sortering.van_tekst(request.GET.get("sorteer", ""))
        or wachtlijsten.WACHTLIJST_STANDAARD
    )
    peildatum = timezone.localdate()
    # only the list shown names children, so only its children are audited as seen
    regels = wachtlijsten.wachtlijst(
        gebruiker=request.user,
        gi=gi,
        peildatum=peildatum,
        soort=soort,
        kanaal=AuditRegel.Kanaal.WEB,
    )
    aantallen = wachtlijsten.wachtlijst_aantallen(gi=gi, peildatum=peildatum)
    context = {
        "gi": gi,
        "peildatum": peildatum,
        "soort": soort.value,
        "sorteer": str(sortering),
        "koppen": _koppen(soort, sortering),
        "volgorde": _volgorde(sortering),
        "regels": wachtlijsten.gesorteerd(regels, sortering),
        "aantal_start": aantallen[WachtSoort.START],
        "aantal_intern": aantallen[WachtSoort.INTERN],
    }
    # htmx swaps the counters with the list, so the one shown is the one marked
    sjabloon = (
        "web/_wachtlijsten.html" if request.headers.get("HX-Request") else "web/wachtlijst.html"
    )
    return render(request, sjabloon, context)


_KOPPEN = {
    "kind": "Kind",
    "gemeente": "Gemeente",
    "maatregel": "Maatregel",
    "sinds": "",  # named after the list: see _koppen
    "dagen": "Dagen wachtend",
}


def _volgorde(sortering: wachtlijsten.Sortering) -> str:
    """The order shown, in words, for the table's caption."""
    match sortering.kolom, sortering.aflopend:
        case "sinds", aflopend:
            return "nieuwste bovenaan" if aflopend else "oudste bovenaan"
        case "dagen", aflopend:
            return "langst wachtend bovenaan" if aflopend else "kortst wachtend bovenaan"
        case kolom, aflopend:
            return f"op {_KOPPEN[kolom].lower()}, {'Z–A' if aflopend else 'A–Z'}"


def _koppen(soort: WachtSoort, sortering: wachtlijsten.Sortering) -> list[dict[str, str]]:
    """The table's column headings: each a link to the list sorted on it, and the sorted one
    with its direction for ``aria-sort``."""
    koppen = []
    for kolom, tekst in _KOPPEN.items():
        if kolom == "sinds":
            tekst = "Maatregel gestart" if soort is WachtSoort.START else "Jeugdbeschermer gestopt"
        richting = ""
        if kolom == sortering.kolom:
            richting = "descending" if sortering.aflopend else "ascending"
        volgende = sortering.na_klik(kolom)
        koppen.append(
            {
                "kolom": kolom,
                "tekst": tekst,
                "href": f"?soort={soort.value}&sorteer={volgende}",
                "aria_sort": richting,
            }
        )
    return koppen


@login_required
@sensitive_post_parameters("q")
def zoeken(request: HttpRequest) -> HttpResponse:
    """Find a child by name, date of birth or BSN, among the children the user may see.

    The search is a POST: a name or a BSN in a URL would end up in access logs and browser
    history. htmx swaps in the results; without JavaScript the whole page comes back."""
    if not selectors.ziet_kinderen(request.user):
        reden = "Uw organisatie ziet geen individuele kinderen, dus ook geen zoekresultaten."
        return render(request, "web/geen_toegang.html", {"reden": reden}, status=403)
    context: dict[str, object] = {"q": ""}
    if request.method == "POST":
        tekst = request.POST.get("q", "")
        context["q"] = tekst
        try:
            vraag = zoeken_lezen(tekst)
        except ZoekvraagOngeldig as fout:
            context["fout"] = str(fout)
        else:
            context["resultaat"] = zoek_kinderen(
                gebruiker=request.user,
                vraag=vraag,
                peildatum=timezone.localdate(),
                kanaal=AuditRegel.Kanaal.WEB,
            )
            context["op_bsn"] = vraag.bsn is not None
    if request.headers.get("HX-Request"):  # htmx swaps only a 2xx answer: the error is a part
        return render(request, "web/_zoekresultaat.html", context)
    return render(request, "web/zoeken.html", context, status=400 if "fout" in context else 200)


def _reden_vragen(
    request: HttpRequest, pid: UUID, *, fout: InzageredenOngeldig | None = None
) -> HttpResponse:
    """The form asking why a record outside one's caseload is opened (``domain.inzage``)."""
    context = {
        "pid": pid,
        "redenen": INZAGEREDENEN,
        "gekozen": request.POST.get("reden", ""),
        "toelichting": request.POST.get("toelichting", ""),
        "fout": fout,
        "uren": int(GELDIGHEID.total_seconds() // 3600),
    }
    return render(request, "web/kind_reden.html", context, status=400 if fout else 403)


@login_required
def kind(request: HttpRequest, pid: UUID) -> HttpResponse:
    try:
        gevonden = selectors.kind_inzien(
            gebruiker=request.user, pid=pid, doel="inzage dossier", kanaal=AuditRegel.Kanaal.WEB
        )
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None
    except inzage.RedenNodig:
        return _reden_vragen(request, pid)
    d = selectors.dossier(gevonden)
    vandaag = timezone.localdate()
    tijdlijn = doorbraak_tijdlijn(gevonden, d.maatregelen, vandaag)
    registreerbaar = {code for code, _ in Mijlpaalregistratie.Code.choices}
    for m in d.maatregelen:
        m.mijlpalen_stand = tijdlijn.mijlpalen.get(m.pk, [])  # type: ignore[attr-defined]
        m.eerste_open = eerste_open(m.mijlpalen_stand, registreerbaar)  # type: ignore[attr-defined]
    overgangen = (
        sorted(s.value for s in OVERGANGEN[EscalatieStatus(tijdlijn.open_escalatie.status)])
        if tijdlijn.open_escalatie
        else []
    )
    gi = gi_van(request.user)
    toewijsbaar = (  # the measure a planner can give a (new) vaste jeugdbeschermer from here
        selectors.toe_te_wijzen_maatregel(gevonden, gi, vandaag)
        if gi is not None and mag_toewijzen(request.user)
        else None
    )
    geboren = gevonden.geboortedatum
    leeftijd = (
        vandaag.year - geboren.year - ((vandaag.month, vandaag.day) < (geboren.month, geboren.day))
    )
    return render(
        request,
        "web/kind.html",
        {
            "gi": gi,
            "kind": gevonden,
            "toewijsbaar": toewijsbaar.pk if toewijsbaar else None,
            "maatregelen": d.maatregelen,
            "wisselingen": d.wisselingen,
            "broers_zussen": d.gezinsleden_in_beeld,
            "wisselingen_gezin": d.wisselingen_gezin,
            "jeugdbeschermers_gezin": d.jeugdbeschermers_gezin,
            "leeftijd": leeftijd,
            "tijdlijn": tijdlijn,
            "peildatum": vandaag,
            "mag": rechten(request.user, gevonden),
            "afspraak_wie": Afspraak.Wie.choices,
            "registreerbaar": Mijlpaalregistratie.Code.choices,
            "overgangen": overgangen,
            "buiten_caseload": inzage.geldende_reden(request.user, gevonden),
            "ziet_logging": ziet_logging(request.user),
            "triages": d.triages,
            "urgenties": [(u.value, u.label) for u in Urgentie],
            "triagecriteria": [(c, criteriumnaam(c)) for c in TRIAGECRITERIA],
            "zicht_weken": ZICHT_WEKEN,
            # the GI whose running measures this user ends here (a planner's own)
            "beeindigt": gi.pk if gi is not None and mag_toewijzen(request.user) else None,
            "eindredenen": [(r.value, r.label) for r in EindeReden],
            "maatregelcodes": registreren.CODES,
            "woonplaatsen": list(gevonden.woonplaatsen.select_related("gemeente").reverse()),
            "gemeenten": gemeenten().exclude(pk=gevonden.gemeente_id),
            "andere_gis": [g for g in gis() if gi is None or g.pk != gi.pk],
        },
    )


@login_required
@require_POST
def inzage_reden(request: HttpRequest, pid: UUID) -> HttpResponse:
    """The reason for opening a record outside one's caseload; then the record itself."""
    try:
        gevonden = selectors.zichtbare_kinderen(request.user).get(pid=pid)
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None
    try:
        reden = lees_reden(request.POST.get("reden", ""), request.POST.get("toelichting", ""))
    except InzageredenOngeldig as fout:
        return _reden_vragen(request, pid, fout=fout)
    inzage.reden_geven(
        gebruiker=request.user, kind=gevonden, reden=reden, kanaal=AuditRegel.Kanaal.WEB
    )
    return redirect("kind", pid)
