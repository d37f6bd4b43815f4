"""Pages of the doorbraakaanpak. Thin: parse, check rights, call a selector or service, render.

Writes on a child's record come from forms on the child's page and return there."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.doorbraak import Maand
from ketenzicht.domain.escalatie import EscalatieStatus
from ketenzicht.doorbraak import lijsten, selectors, services
from ketenzicht.doorbraak.models import Escalatie
from ketenzicht.doorbraak.rechten import eigen_rij, rechten
from ketenzicht.kinderen import selectors as kinderen
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van

WEB = AuditRegel.Kanaal.WEB


def _kind(request: HttpRequest, pid: UUID, doel: str) -> Kind:
    try:
        return kinderen.kind_inzien(gebruiker=request.user, pid=pid, doel=doel, kanaal=WEB)
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None


def _datum(request: HttpRequest, veld: str) -> date:
    try:
        return date.fromisoformat(request.POST.get(veld, ""))
    except ValueError:
        raise Weigering(f"Vul bij '{veld}' een datum in (JJJJ-MM-DD).") from None


def _terug(request: HttpRequest, kind: Kind, werk: object) -> HttpResponse:
    """Run ``werk`` (a callable returning a success message); errors become a message too."""
    try:
        tekst = werk()  # type: ignore[operator]
    except Weigering as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, tekst)
    return redirect("kind", kind.pid)


@login_required
@require_POST
def mijlpaal(request: HttpRequest, pid: UUID) -> HttpResponse:
    kind = _kind(request, pid, "mijlpaal registreren")
    if not rechten(request.user, kind).mijlpalen:
        raise Http404("Alleen de GI registreert mijlpalen.")

    def werk() -> str:
        gekozen = request.POST.get("maatregel", "")
        maatregel = (
            kind.maatregelen.filter(pk=int(gekozen), gi=gi_van(request.user)).first()
            if gekozen.isdigit()
            else None
        )
        if maatregel is None:
            raise Weigering("Kies een maatregel van uw GI.")
        r = services.mijlpaal_registreren(
            maatregel=maatregel,
            mijlpaal=request.POST.get("mijlpaal", ""),
            datum=_datum(request, "datum"),
            wie=request.POST.get("wie", ""),
            door=request.user,
            kanaal=WEB,
        )
        return f"{r.get_mijlpaal_display()} geregistreerd op {r.datum:%d-%m-%Y}."

    return _terug(request, kind, werk)


@login_required
@require_POST
def afspraak(request: HttpRequest, pid: UUID) -> HttpResponse:
    kind = _kind(request, pid, "afspraak maken")
    if not rechten(request.user, kind).afspraken:
        raise Http404("U kunt voor dit kind geen afspraken maken.")

    def werk() -> str:
        a = services.afspraak_maken(
            kind=kind,
            wie=request.POST.get("wie", ""),
            wat=request.POST.get("wat", ""),
            uiterlijk=_datum(request, "uiterlijk"),
            door=request.user,
            kanaal=WEB,
        )
        return f"Afspraak vastgelegd: {a.get_wie_display()}, uiterlijk {a.uiterlijk:%d-%m-%Y}."

    return _terug(request, kind, werk)


@login_required
@require_POST
def afspraak_afronden(request: HttpRequest, pid: UUID, afspraak_id: int) -> HttpResponse:
    kind = _kind(request, pid, "afspraak afronden")
    if not rechten(request.user, kind).afspraken:
        raise Http404("U kunt voor dit kind geen afspraken afronden.")
    gevonden = kind.afspraken.filter(pk=afspraak_id).first()
    if gevonden is None:
        raise Http404("Geen afspraak gevonden.")

    def werk() -> str:
        a = services.afspraak_afronden(
            afspraak=gevonden,
            status=request.POST.get("status", ""),
            datum=timezone.localdate(),
            door=request.user,
            kanaal=WEB,
        )
        return f"Afspraak afgerond: {a.get_status_display().lower()}."

    return _terug(request, kind, werk)


@login_required
@require_POST
def escaleren(request: HttpRequest, pid: UUID) -> HttpResponse:
    kind = _kind(request, pid, "escaleren naar expertteam")
    if not rechten(request.user, kind).escaleren:
        raise Http404("U kunt dit kind niet aanmelden bij het expertteam.")

    def werk() -> str:
        team = lijsten.expertteam_voor(kind)
        if team is None:
            raise Weigering("De regio van dit kind heeft geen regionaal expertteam.")
        e = services.escaleren(
            kind=kind,
            expertteam=team,
            reden=request.POST.get("reden", ""),
            datum=timezone.localdate(),
            door=request.user,
            kanaal=WEB,
        )
        return f"Aangemeld bij {e.expertteam}."

    return _terug(request, kind, werk)


@login_required
@require_POST
def escalatie_stap(request: HttpRequest, pid: UUID, escalatie_id: int) -> HttpResponse:
    kind = _kind(request, pid, "escalatie behandelen")
    if not rechten(request.user, kind).escalatie_behandelen:
        raise Http404("Alleen het expertteam behandelt de escalatie.")
    lid = lidmaatschap_van(request.user)
    escalatie = Escalatie.objects.filter(
        pk=escalatie_id, kind=kind, expertteam=lid.organisatie if lid else None
    ).first()
    if escalatie is None:
        raise Http404("Geen escalatie gevonden.")

    def werk() -> str:
        try:
            naar = EscalatieStatus(request.POST.get("naar", ""))
        except ValueError:
            raise Weigering("Kies de nieuwe status.") from None
        e = services.escalatie_overgang(
            escalatie=escalatie,
            naar=naar,
            reden=request.POST.get("reden", ""),
            datum=timezone.localdate(),
            door=request.user,
            kanaal=WEB,
        )
        return f"Escalatie is nu: {e.get_status_display().lower()}."

    return _terug(request, kind, werk)


def _maand(request: HttpRequest) -> Maand:
    try:
        return Maand.lees(request.GET.get("maand", ""))
    except ValueError:
        vandaag = timezone.localdate()
        return Maand(vandaag.year, vandaag.month).vorige()  # the last complete month


NIVEAUS = {"gi": "GI", "regio": "Jeugdregio", "gemeente": "Gemeente"}


@login_required
def monitor(request: HttpRequest) -> HttpResponse:
    """The monthly doorbraak monitor: aggregates only, with a 12-month trend."""
    maand = _maand(request)
    niveau = request.GET.get("niveau", "gi")
    niveau = niveau if niveau in NIVEAUS else "gi"
    reeks = selectors.doorbraak(maanden=selectors.laatste_maanden(maand))
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
    }
    return render(request, "doorbraak/monitor.html", context)


@login_required
def achter_het_cijfer(request: HttpRequest) -> HttpResponse:
    """Drill-down: the children behind one of the user's own numbers (audited)."""
    maand = _maand(request)
    mijlpaal = request.GET.get("mijlpaal", "")
    lid = lidmaatschap_van(request.user)
    if lid is None or lid.organisatie.type not in (
        Organisatie.Type.GI,
        Organisatie.Type.GEMEENTE,
    ):
        return render(request, "web/geen_toegang.html", status=403)
    uitkomsten = selectors.achter_het_cijfer(
        gebruiker=request.user, maand=maand, mijlpaal=mijlpaal, kanaal=WEB
    )
    return render(
        request,
        "doorbraak/achter_het_cijfer.html",
        {"gi": gi_van(request.user), "maand": maand, "mijlpaal": mijlpaal, "rijen": uitkomsten},
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
    """The planner's signal list: deadlines overdue or due this week, by jeugdbeschermer."""
    gi = gi_van(request.user)
    if gi is None:
        return render(request, "web/geen_toegang.html", status=403)
    vandaag = timezone.localdate()
    per = lijsten.signalen(gebruiker=request.user, gi=gi, peildatum=vandaag, kanaal=WEB)
    return render(request, "doorbraak/signalen.html", {"gi": gi, "per": per, "peildatum": vandaag})


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
