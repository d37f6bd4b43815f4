"""Writes on a child's record in the doorbraakaanpak: milestones, agreements, escalation.

Thin: parse, check rights, call a service. Each comes from a form on the child's page and returns
there, with the service's refusal or success as a message."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.escalatie import EscalatieStatus
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.doorbraak import lijsten, services
from ketenzicht.doorbraak.models import Escalatie
from ketenzicht.doorbraak.rechten import rechten
from ketenzicht.kinderen import inzage
from ketenzicht.kinderen import selectors as kinderen
from ketenzicht.kinderen import triage as triage_
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.selectors import gi_van, lidmaatschap_van

WEB = AuditRegel.Kanaal.WEB


def _kind(request: HttpRequest, pid: UUID, doel: str) -> Kind:
    try:
        return kinderen.kind_inzien(gebruiker=request.user, pid=pid, doel=doel, kanaal=WEB)
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None
    except inzage.RedenNodig:  # the forms are on the child's page, which asks the reason first
        raise PermissionDenied("Open eerst het dossier, met een reden.") from None


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
def triage(request: HttpRequest, pid: UUID) -> HttpResponse:
    """A (re-)triage: the criteria that hold and the urgency, after a look at the child's
    safety; it also places the child in the priority order anew."""
    kind = _kind(request, pid, "triage registreren")
    if not rechten(request.user, kind).trieren:
        raise Http404("Alleen de GI van het kind trieert.")

    def werk() -> str:
        try:
            urgentie = Urgentie(int(request.POST.get("urgentie", "")))
        except ValueError:
            raise Weigering("Kies een urgentie: laag, midden, hoog of acuut.") from None
        t = triage_.trieren(
            kind=kind,
            datum=_datum(request, "datum"),
            urgentie=urgentie,
            criteria=request.POST.getlist("criteria"),
            toelichting=request.POST.get("toelichting", ""),
            door=request.user,
            kanaal=WEB,
        )
        return f"Triage van {t.datum:%d-%m-%Y} geregistreerd: urgentie {urgentie.label}."

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
