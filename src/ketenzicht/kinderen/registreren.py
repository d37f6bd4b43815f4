"""Pages that write a child's measures: a court decision arriving (intake) and a measure ending
(correcting a measure, a move and a handover: ``wijzigen``).

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
from ketenzicht.domain.bsn import Bsn, BsnOngeldig
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode
from ketenzicht.kinderen import inzage, selectors
from ketenzicht.kinderen.intake import Beschikking, maatregel_intake
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import Weigering, maatregel_beeindigen, mag_toewijzen
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


def kind_voor_planner(request: HttpRequest, pid: UUID, doel: str) -> tuple[Kind, Organisatie]:
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
    kind, gi = kind_voor_planner(request, pid, "maatregel beëindigen")
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
