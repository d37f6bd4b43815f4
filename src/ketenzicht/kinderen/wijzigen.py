"""Pages that change what is registered about a child, each from its own form on the child's
page: a measure's registration corrected, the child moving to another gemeente, a measure
handed over to another GI.

Thin, as ``registreren``: read the form, call the service, return with its refusal (after the
label of the field it names) or success."""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ketenzicht.domain.maatregelen import EindeReden
from ketenzicht.kinderen.correctie import Correctie, maatregel_corrigeren
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.overdracht import maatregel_overdragen
from ketenzicht.kinderen.registreren import CODES, kind_voor_planner
from ketenzicht.kinderen.services import Weigering
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gemeenten
from ketenzicht.web.formulieren import fouten, melding


class CorrectieFormulier(forms.Form):
    """A measure's registration as it should have been (the child's page, per measure)."""

    maatregel = forms.IntegerField()
    gezien = forms.IntegerField(min_value=0)  # corrections the user saw: another's is not lost
    code = forms.ChoiceField(label="Maatregel", choices=CODES)
    beschikking_datum = forms.DateField(label="Datum beschikking")
    start = forms.DateField(label="Start")
    reden = forms.CharField(label="Waarom", max_length=1000)
    einde = forms.DateField(label="Einde", required=False)  # an ended measure only
    einde_reden = forms.ChoiceField(
        label="Reden einde",
        required=False,
        choices=[("", "")] + [(r.value, r.label) for r in EindeReden],
    )

    heropenen = forms.BooleanField(label="Loopt nog (ten onrechte beëindigd)", required=False)


def _eigen_maatregel(kind: Kind, gi: Organisatie, maatregel_id: int) -> Maatregel:
    """One of the child's measures at the user's GI, as a form chose it."""
    maatregel = kind.maatregelen.filter(pk=maatregel_id, gi=gi).first()
    if maatregel is None:
        raise Weigering("Kies een maatregel van uw GI.")
    return maatregel


@login_required
@require_POST
def maatregel_correctie(request: HttpRequest, pid: UUID) -> HttpResponse:
    """Correct the code, beschikking or start of one of the child's measures at the user's GI,
    or the end of one that ended."""
    kind, gi = kind_voor_planner(request, pid, "maatregel corrigeren")
    formulier = CorrectieFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(fouten(formulier))
        d = formulier.cleaned_data
        maatregel = _eigen_maatregel(kind, gi, d["maatregel"])
        maatregel_corrigeren(maatregel, Correctie.uit(d), door=request.user, gezien=d["gezien"])
    except Weigering as fout:
        messages.error(request, melding(formulier, fout))
    else:
        messages.success(
            request, f"Registratie van de {maatregel.get_code_display()} gecorrigeerd."
        )
    return redirect("kind", kind.pid)


class VerhuizingFormulier(forms.Form):
    gemeente = forms.ModelChoiceField(label="Nieuwe woongemeente", queryset=gemeenten())
    per = forms.DateField(label="Woont daar sinds")


@login_required
@require_POST
def verhuizing(request: HttpRequest, pid: UUID) -> HttpResponse:
    """Register that the child lives in another gemeente from a day."""
    kind, _ = kind_voor_planner(request, pid, "verhuizing registreren")
    formulier = VerhuizingFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(fouten(formulier))
        d = formulier.cleaned_data
        verhuisd = verhuizing_registreren(kind, d["gemeente"], per=d["per"], door=request.user)
    except Weigering as fout:
        messages.error(request, melding(formulier, fout))
    else:
        tekst = (
            f"Verhuizing naar {d['gemeente'].naam} per {d['per']:%d-%m-%Y} geregistreerd: die "
            "gemeente ziet het kind nu en telt het vanaf die dag in haar regio."
        )
        if n := verhuisd.hulpvragen_mee:
            wat = "De wachtende hulpvraag staat" if n == 1 else f"De {n} wachtende hulpvragen staan"
            tekst += f" {wat} nu aan de zorgbemiddelingstafel van {d['gemeente'].regio}."
        messages.success(request, tekst)
    return redirect("kind", kind.pid)


class OverdrachtFormulier(forms.Form):
    maatregel = forms.IntegerField()
    gi = forms.ModelChoiceField(
        label="Naar GI", queryset=Organisatie.objects.filter(type=Organisatie.Type.GI)
    )
    per = forms.DateField(label="Overgedragen per")


@login_required
@require_POST
def maatregel_overdracht(request: HttpRequest, pid: UUID) -> HttpResponse:
    """Hand one of the child's running measures at the user's GI over to another GI."""
    kind, gi = kind_voor_planner(request, pid, "maatregel overdragen")
    formulier = OverdrachtFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(fouten(formulier))
        d = formulier.cleaned_data
        maatregel = _eigen_maatregel(kind, gi, d["maatregel"])
        maatregel_overdragen(maatregel, d["gi"], per=d["per"], door=request.user)
    except Weigering as fout:
        messages.error(request, melding(formulier, fout))
    else:
        messages.success(
            request,
            f"{maatregel.get_code_display()} overgedragen aan {d['gi'].naam} per "
            f"{d['per']:%d-%m-%Y}: die GI zet de maatregel voort en wijst een vaste "
            "jeugdbeschermer toe; de termijnen van de doorbraak lopen door vanaf de eerste start.",
        )
    return redirect("kind", kind.pid)
