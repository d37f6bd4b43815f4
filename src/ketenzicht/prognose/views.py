"""The forecast page: choose a baseline and measures, watch the replications come in, read the
bands as charts beside the baseline. Aggregates only; thin over services and selectors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.prognose.kalibratie import TeWeinigHistorie
from ketenzicht.domain.prognose.parameters import Maatregel, OngeldigeParameters
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import lidmaatschap_van
from ketenzicht.prognose import export, selectors, services
from ketenzicht.prognose.models import Prognoserun

BASISLIJN = ("naam", "basis", "vanaf", "horizon", "runs")  # the form's other fields are measures


class PrognoseFormulier(forms.Form):
    naam = forms.CharField(max_length=120, initial="Mijn scenario", label="Naam")
    basis = forms.ChoiceField(
        label="Basis",
        choices=[
            ("kalibratie", "Gekalibreerd op de registratie"),
            ("standaard", "Landelijke standaardwaarden"),
        ],
        initial="kalibratie",
    )
    vanaf = forms.ChoiceField(
        label="Vanaf",
        help_text="Een maand in het verleden zet de monitor van de voorbije maanden naast de "
        "banden: zo ziet u hoe goed het model had voorspeld.",
    )
    horizon = forms.IntegerField(min_value=1, max_value=60, initial=24, label="Horizon (maanden)")
    runs = forms.IntegerField(
        min_value=1,
        max_value=services.MAX_RUNS,
        initial=50,
        label="Replicaties",
        help_text="Meer replicaties: gladdere banden, langer rekenen.",
    )
    vanaf_maand = forms.IntegerField(
        min_value=0,
        max_value=59,
        initial=3,
        label="Maatregelen vanaf maand",
        help_text="Het aantal maanden na de start van de prognose dat de maatregelen ingaan.",
    )
    extra_medewerkers = forms.IntegerField(
        min_value=0,
        max_value=5000,
        required=False,
        label="Extra medewerkers (fte)",
        help_text="Bijvoorbeeld 150 zij-instromers.",
    )
    zij_instroom = forms.BooleanField(
        required=False,
        initial=True,
        label="Zij-instroom (inwerken)",
        help_text="Aan: de extra medewerkers werken eerst in en tellen dan voor een deel.",
    )
    verloop_punten = forms.FloatField(
        min_value=-50,
        max_value=50,
        required=False,
        label="Verloop (procentpunten erbij)",
        help_text="Bijvoorbeeld −2: van 15% naar 13% per jaar.",
    )
    instroom_pct = forms.FloatField(
        min_value=-90,
        max_value=200,
        required=False,
        label="Instroom (% verandering)",
        help_text="Bijvoorbeeld −10: een tiende minder nieuwe maatregelen.",
    )
    norm_factor_pct = forms.FloatField(
        min_value=-80,
        max_value=100,
        required=False,
        label="Werklastnorm (% verandering)",
        help_text="Het plafond op de caseload; van 14 naar 12 cliënten per fte is −14,3.",
    )
    gi = forms.ChoiceField(
        required=False,
        label="Maatregelen alleen voor",
        help_text="Met de gekalibreerde basislijn is het land zijn GI's, elk met een eigen "
        "wachtlijst: een maatregel kan één GI betreffen.",
    )

    def __init__(self, *args: Any, deze_maand: date, gis: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if gis:  # the country: a measure may be for one GI
            self.fields["gi"].choices = [("", "Alle GI's"), *((g, g) for g in gis)]  # type: ignore[attr-defined]
        else:  # a GI forecasts itself
            del self.fields["gi"]
        maanden = [plus_maanden(deze_maand, -k) for k in range(services.TERUG_MAANDEN + 1)]
        veld = self.fields["vanaf"]
        veld.choices = [  # type: ignore[attr-defined]
            (m.isoformat(), date_format(m, "F Y") + (" (nu)" if k == 0 else ""))
            for k, m in enumerate(maanden)
        ]
        veld.initial = deze_maand.isoformat()
        for veld in self.fields.values():  # NL Design System classes
            w = veld.widget
            if isinstance(w, forms.Select):
                w.attrs["class"] = "utrecht-select utrecht-select--html-select"
            elif not isinstance(w, forms.CheckboxInput):
                w.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"


def _organisatie(request: HttpRequest) -> Organisatie | None:
    lid = lidmaatschap_van(request.user)
    return lid.organisatie if lid else None


def _maatregelen(d: dict[str, Any]) -> tuple[Maatregel, ...]:
    m = d["vanaf_maand"]
    uit = []
    if d.get("extra_medewerkers"):
        uit.append(
            Maatregel(m, extra_medewerkers=d["extra_medewerkers"], zij_instroom=d["zij_instroom"])
        )
    if d.get("verloop_punten"):
        uit.append(Maatregel(m, verloop_delta=d["verloop_punten"] / 100))
    if d.get("instroom_pct"):
        uit.append(Maatregel(m, instroom_factor=1 + d["instroom_pct"] / 100))
    if d.get("norm_factor_pct"):
        uit.append(Maatregel(m, norm_factor=1 + d["norm_factor_pct"] / 100))
    return tuple(replace(maatregel, onderdeel=d.get("gi") or None) for maatregel in uit)


@login_required
def pagina(request: HttpRequest) -> HttpResponse:
    organisatie = _organisatie(request)
    vandaag = timezone.localdate()
    gis = [] if services.gi_naam(organisatie) else selectors.gi_namen()
    formulier = PrognoseFormulier(request.POST or None, deze_maand=vandaag.replace(day=1), gis=gis)
    if request.method == "POST" and formulier.is_valid():
        d = formulier.cleaned_data
        vanaf = date.fromisoformat(d["vanaf"])
        try:
            scenario, toelichting = services.scenario_voor(
                naam=d["naam"],
                gekalibreerd=d["basis"] == "kalibratie",
                horizon=d["horizon"],
                maatregelen=_maatregelen(d),
                maand=vanaf,
                organisatie=organisatie,
            )
            run = services.aanvragen(
                scenario=scenario,
                runs=d["runs"],
                vanaf=vanaf,
                door=request.user,
                organisatie=organisatie,
                vandaag=vandaag,
                toelichting=toelichting,
            )
        except (TeWeinigHistorie, OngeldigeParameters, ValueError) as fout:
            formulier.add_error(None, f"Deze prognose kan niet: {fout}")
        else:
            return redirect("prognose-run", run_id=run.pk)
    return render(
        request,
        "prognose/pagina.html",
        {
            "formulier": formulier,
            "basislijn": BASISLIJN,
            "runs": selectors.runs_van(organisatie, request.user),
        },
    )


def _run(request: HttpRequest, run_id: int) -> Prognoserun:
    try:
        return selectors.zichtbare_run(run_id, _organisatie(request), request.user)
    except Prognoserun.DoesNotExist:
        raise Http404("Geen prognose van uw organisatie") from None


@login_required
def run_pagina(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _run(request, run_id)
    context = {"run": run, "aannamen": selectors.aannamen(run), **_fragment_context(run)}
    return render(request, "prognose/run.html", context)


def _fragment_context(run: Prognoserun) -> dict[str, Any]:
    pct = 100 * run.gedaan // max(run.runs, 1)
    return {"run": run, "pct": pct, "resultaat": selectors.resultaat(run) if run.klaar else None}


@login_required
@require_POST
def stap(request: HttpRequest, run_id: int) -> HttpResponse:
    """The next replications (htmx): progress while running, the charts when done."""
    run = services.stap(_run(request, run_id).pk)
    return render(request, "prognose/_stand.html", _fragment_context(run))


DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", export.als_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        export.als_xlsx,
    ),
}


@login_required
def download(request: HttpRequest, run_id: int, formaat: str) -> HttpResponse:
    """The finished forecast's bands as CSV or XLSX (``export``)."""
    run = _run(request, run_id)
    if formaat not in DOWNLOADS:
        raise Http404(f"Onbekend formaat {formaat!r}; kies csv of xlsx")
    soort, maak = DOWNLOADS[formaat]
    try:
        inhoud = maak(run)
    except export.NietKlaar as fout:
        return HttpResponse(f"Nog niet klaar: {fout}", status=409, content_type="text/plain")
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="prognose-{run.pk}.{formaat}"'
    return antwoord
