"""Pages that write a child's record: a court decision arriving (intake), a measure ending, a
measure's registration corrected, and the child moving to another gemeente.

Thin: read the form, check the role, call the service, return with its refusal or success. Only
a GI's planner or functioneel beheerder registers (``services.TOEWIJZERS``)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.selectors import wachtende_hulpvragen
from ketenzicht.domain.bsn import Bsn, BsnOngeldig
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode
from ketenzicht.kinderen import inzage, selectors
from ketenzicht.kinderen.correctie import Correctie, maatregel_corrigeren
from ketenzicht.kinderen.intake import Beschikking, maatregel_intake
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.overdracht import maatregel_overdragen
from ketenzicht.kinderen.services import Weigering, maatregel_beeindigen, mag_toewijzen
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gemeenten, gi_van

WEB = AuditRegel.Kanaal.WEB
CODES = [  # each label with its code once ("…PIJ-maatregel (61)" has it already)
    (c.value, c.label if c.label.endswith(f"({c.value})") else f"{c.label} ({c.value})")
    for c in MaatregelCode
]


def _datumveld(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),  # what the input reads
    )


class NooitTerug(forms.TextInput):
    """A text box that never shows a value back: a refused form does not echo the BSN."""

    def format_value(self, value: object) -> None:
        return None


class IntakeFormulier(forms.Form):
    bsn = forms.CharField(
        label="BSN",
        max_length=11,
        help_text="9 cijfers, van de beschikking. Het BSN wordt versleuteld bewaard en nooit "
        "getoond, ook niet na een fout: vul het dan opnieuw in.",
        widget=NooitTerug(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    voornaam = forms.CharField(label="Voornaam", max_length=100)
    achternaam = forms.CharField(label="Achternaam", max_length=100)
    geboortedatum = _datumveld("Geboortedatum")
    gemeente = forms.ModelChoiceField(
        label="Woongemeente",
        queryset=gemeenten(),
        help_text="Waar het kind woont (woonplaatsbeginsel).",
    )
    code = forms.ChoiceField(label="Maatregel", choices=CODES)
    beschikking_datum = _datumveld("Datum beschikking", "De uitspraak van de kinderrechter.")
    start = _datumveld("Start", "Meestal de datum van de beschikking.")

    def clean_bsn(self) -> str:
        """The elfproef here already, so that every field's problem shows at once."""
        try:
            return Bsn(self.cleaned_data["bsn"]).cijfers
        except BsnOngeldig as fout:
            raise forms.ValidationError(str(fout)) from None

    def foutvelden(self) -> list[forms.BoundField]:
        return [veld for veld in self if veld.errors]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for veld in self.fields.values():  # NL Design System classes
            w = veld.widget
            if isinstance(w, forms.Select):
                w.attrs["class"] = "utrecht-select utrecht-select--html-select"
            else:
                w.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"


@login_required
@sensitive_post_parameters("bsn")
def nieuwe_maatregel(request: HttpRequest) -> HttpResponse:
    """Register a court decision: the child and its measure, at the user's own GI."""
    gi = gi_van(request.user)
    if gi is None or not mag_toewijzen(request.user):
        reden = "Alleen de planner of functioneel beheerder van een GI registreert maatregelen."
        return render(request, "web/geen_toegang.html", {"reden": reden}, status=403)
    vandaag = timezone.localdate()
    formulier = IntakeFormulier(
        request.POST or None, initial={"beschikking_datum": vandaag, "start": vandaag}
    )
    if request.method == "POST" and formulier.is_valid():
        d = formulier.cleaned_data
        try:
            intake = maatregel_intake(
                Beschikking.uit(d, d["gemeente"]), gi=gi, door=request.user, kanaal=WEB
            )
        except Weigering as fout:
            formulier.add_error(fout.veld if fout.veld in formulier.fields else None, str(fout))
        else:
            kind = intake.kind
            wie = (
                f"{kind.voornaam} {kind.achternaam}"
                if intake.nieuw_kind
                else f"{kind.voornaam} {kind.achternaam} (al bekend; naam zoals geregistreerd)"
            )
            messages.success(
                request,
                f"{intake.maatregel.get_code_display()} voor {wie} geregistreerd. Het kind staat "
                f"op Te verdelen; geef het uiterlijk {intake.jeugdbeschermer_uiterlijk:%d-%m-%Y} "
                "een vaste jeugdbeschermer, anders komt het op de wachtlijst bij de start.",
            )
            return redirect("kind", kind.pid)
    status = 400 if formulier.errors else 200
    return render(request, "web/nieuwe_maatregel.html", {"formulier": formulier}, status=status)


def _kind_voor_planner(request: HttpRequest, pid: UUID, doel: str) -> tuple[Kind, Organisatie]:
    """The child (its record opened for ``doel``, audited) and the GI of the planner or
    functioneel beheerder writing its measures; 404 for anyone else."""
    try:
        kind = selectors.kind_inzien(gebruiker=request.user, pid=pid, doel=doel, kanaal=WEB)
    except (Kind.DoesNotExist, inzage.RedenNodig):
        raise Http404("Geen kind gevonden.") from None
    gi = gi_van(request.user)
    if gi is None or not mag_toewijzen(request.user):
        raise Http404("Alleen de planner of functioneel beheerder schrijft maatregelen.")
    return kind, gi


@login_required
@require_POST
def maatregel_einde(request: HttpRequest, pid: UUID) -> HttpResponse:
    """End one of the child's measures at the user's GI, with a date and a reason."""
    kind, gi = _kind_voor_planner(request, pid, "maatregel beëindigen")
    try:
        gekozen = request.POST.get("maatregel", "")
        maatregel = (
            kind.maatregelen.filter(pk=int(gekozen), gi=gi, einde__isnull=True).first()
            if gekozen.isdigit()
            else None
        )
        if maatregel is None:
            raise Weigering("Kies een lopende maatregel van uw GI.")
        try:
            einde = date.fromisoformat(request.POST.get("einde", ""))
        except ValueError:
            raise Weigering("Vul bij 'einde' een datum in (JJJJ-MM-DD).") from None
        try:
            reden = EindeReden(request.POST.get("reden", ""))
        except ValueError:
            raise Weigering("Kies waarom de maatregel eindigt.") from None
        maatregel_beeindigen(maatregel=maatregel, einde=einde, reden=reden, door=request.user)
    except Weigering as fout:
        messages.error(request, str(fout))
    else:
        messages.success(
            request,
            f"{maatregel.get_code_display()} beëindigd per {einde:%d-%m-%Y} "
            f"({reden.label.lower()}).",
        )
    return redirect("kind", kind.pid)


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


def _fouten(formulier: forms.Form) -> str:
    """A form's errors in one line for a message: 'Start: Voer een geldige datum in.'."""
    return "; ".join(
        f"{formulier.fields[veld].label or veld}: {' '.join(str(f) for f in fouten)}"
        for veld, fouten in formulier.errors.items()
    )


def _melding(formulier: forms.Form, fout: Weigering) -> str:
    """A refusal as a message, after the label of the field it names: 'Start: …'."""
    veld = formulier.fields.get(fout.veld or "")
    return f"{veld.label}: {fout}" if veld is not None and veld.label else str(fout)


@login_required
@require_POST
def maatregel_correctie(request: HttpRequest, pid: UUID) -> HttpResponse:
    """Correct the code, beschikking or start of one of the child's measures at the user's GI,
    or the end of one that ended."""
    kind, gi = _kind_voor_planner(request, pid, "maatregel corrigeren")
    formulier = CorrectieFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(_fouten(formulier))
        d = formulier.cleaned_data
        maatregel = _eigen_maatregel(kind, gi, d["maatregel"])
        maatregel_corrigeren(maatregel, Correctie.uit(d), door=request.user, gezien=d["gezien"])
    except Weigering as fout:
        messages.error(request, _melding(formulier, fout))
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
    kind, _ = _kind_voor_planner(request, pid, "verhuizing registreren")
    formulier = VerhuizingFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(_fouten(formulier))
        d = formulier.cleaned_data
        andere_regio = d["gemeente"].regio_id != kind.gemeente.regio_id
        verhuizing_registreren(kind, d["gemeente"], per=d["per"], door=request.user)
    except Weigering as fout:
        messages.error(request, _melding(formulier, fout))
    else:
        tekst = (
            f"Verhuizing naar {d['gemeente'].naam} per {d['per']:%d-%m-%Y} geregistreerd: die "
            "gemeente ziet het kind nu en telt het vanaf die dag in haar regio."
        )
        if andere_regio and (n := wachtende_hulpvragen(kind)):
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
    kind, gi = _kind_voor_planner(request, pid, "maatregel overdragen")
    formulier = OverdrachtFormulier(request.POST)
    try:
        if not formulier.is_valid():
            raise Weigering(_fouten(formulier))
        d = formulier.cleaned_data
        maatregel = _eigen_maatregel(kind, gi, d["maatregel"])
        maatregel_overdragen(maatregel, d["gi"], per=d["per"], door=request.user)
    except Weigering as fout:
        messages.error(request, _melding(formulier, fout))
    else:
        messages.success(
            request,
            f"{maatregel.get_code_display()} overgedragen aan {d['gi'].naam} per "
            f"{d['per']:%d-%m-%Y}: die GI zet de maatregel voort en wijst een vaste "
            "jeugdbeschermer toe; de termijnen van de doorbraak lopen door vanaf de eerste start.",
        )
    return redirect("kind", kind.pid)
