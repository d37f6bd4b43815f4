"""The monitor page: aggregates only, for every logged-in user (ministry included)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from ketenzicht.domain.monitor import DEFINITIES, Indicatoren
from ketenzicht.monitor.bewaren import Bewaarplaats
from ketenzicht.monitor.export import gebieden_csv
from ketenzicht.monitor.gebieden import gebieden as gebieden_op
from ketenzicht.monitor.gebieden import stap as gebieden_stap
from ketenzicht.monitor.selectors import (
    buiten_bereik,
    landelijk_verschil,
    met_vergelijking,
    peildata,
    reeks,
    stap,
    te_berekenen,
)
from ketenzicht.organisaties.selectors import gi_van, gis, jeugdregios, regio_van

KOPPEN = [
    "",
    "Cliënten",
    "FTE formatie",
    "FTE beschikbaar",
    "Workload",
    "Wachtlijst start",
    "gem. dagen",
    "Interne wachtlijst",
    "gem. dagen",
    "Totaal wachtend",
    "Verloop %",
    "Verzuim %",
]


def _gevraagde_peildatum(request: HttpRequest) -> tuple[date, str]:
    """The ``?peildatum=`` asked, or today with why when it is no date or has no monitor."""
    vandaag = timezone.localdate()
    gevraagd = request.GET.get("peildatum", "")
    try:
        peildatum = date.fromisoformat(gevraagd) if gevraagd else vandaag
    except ValueError:
        return vandaag, f"Peildatum {gevraagd!r} is geen datum (jjjj-mm-dd)."
    if reden := buiten_bereik(peildatum, "%d-%m-%Y"):
        return vandaag, f"Peildatum {peildatum:%d-%m-%Y} {reden}; de pagina toont vandaag."
    return peildatum, ""


@login_required
def monitor_pagina(request: HttpRequest) -> HttpResponse:
    """The indicators per GI and nationally at a peildatum, with the national change since six
    months before. Figures not yet kept are computed first, one peildatum per request, with
    progress shown (``monitor_stap``; ``?direct=1`` computes them at once)."""
    peildatum, fout = _gevraagde_peildatum(request)
    data = met_vergelijking(peildatum)
    titels = {"titel": "Monitor", "kop": "Monitor jeugdbescherming", "wat": "de monitor"}
    plaats = Bewaarplaats()
    if eerst := _eerst_berekenen(request, data, plaats, "monitor-stap", titels, fout):
        return eerst
    uitkomst, *eerder = reeks(data, plaats=plaats)  # eerder: none when nothing to compare with
    verschil = landelijk_verschil(uitkomst, eerder[0]) if eerder else None
    anders = bool(eerder) and verschil is None and bool(uitkomst.per_gi)  # other GIs then
    rijen = [
        *((naam, i, uitkomst.bron.get(naam, "")) for naam, i in uitkomst.per_gi.items()),
        ("Landelijk", uitkomst.landelijk, ""),
    ]
    grafiek = {
        "gis": list(uitkomst.per_gi),
        "workload": [i.workload for i in uitkomst.per_gi.values()],
        "start": [i.wachtlijst_start.aantal for i in uitkomst.per_gi.values()],
        "intern": [i.wachtlijst_intern.aantal for i in uitkomst.per_gi.values()],
        "landelijk_workload": uitkomst.landelijk.workload,
    }
    context = {
        "gi": gi_van(request.user),
        "peildatum": peildatum,
        "rijen": rijen,
        "koppen": KOPPEN,
        "grafiek": grafiek,
        "vorige": eerder[0].peildatum if eerder else None,
        "verschil": verschil,
        "andere_gis": anders,
        "verloop_onbekend": any(i.verloop_pct is None for _, i, _ in rijen),
        "leeg": not uitkomst.per_gi,
        "fout": fout,
    }
    return render(request, "web/monitor.html", context, status=400 if fout else 200)


@login_required
def trend(request: HttpRequest) -> HttpResponse:
    """The indicators over all peildata, nationally or for one GI, as a table and as charts.
    Peildata not yet computed are computed first, one per request, with progress shown
    (``trend_stap``; ``?direct=1``, offered without JavaScript, computes them all at once)."""
    data = peildata(timezone.localdate())
    titels = {
        "titel": "Monitor: trend",
        "kop": "Monitor jeugdbescherming: trend",
        "wat": "de trend",
    }
    plaats = Bewaarplaats()
    if eerst := _eerst_berekenen(request, data, plaats, "monitor-trend-stap", titels):
        return eerst
    monitors = reeks(data, plaats=plaats)
    namen = sorted({n for m in monitors for n in m.per_gi})
    gekozen = request.GET.get("gi", "")
    gekozen = gekozen if gekozen in namen else ""
    punten: list[tuple[date, Indicatoren, str]] = []
    for m in monitors:
        if not m.per_gi:  # no GI registered or delivered then: no figures, not zeros
            continue
        i = m.per_gi.get(gekozen) if gekozen else m.landelijk
        if i is not None:
            punten.append((m.peildatum, i, m.bron.get(gekozen, "")))
    grafiek = {
        "peildata": [f"{d:%d-%m-%Y}" for d, _, _ in punten],
        "workload": [i.workload for _, i, _ in punten],
        "fte_beschikbaar": [i.fte_beschikbaar for _, i, _ in punten],
        "fte_formatie": [i.fte_formatie for _, i, _ in punten],
        "start": [i.wachtlijst_start.aantal for _, i, _ in punten],
        "intern": [i.wachtlijst_intern.aantal for _, i, _ in punten],
    }
    context = {
        "gi": gi_van(request.user),
        "namen": namen,
        "gekozen": gekozen,
        "punten": punten,
        "grafiek": grafiek,
        "verloop_onbekend": any(i.verloop_pct is None for _, i, _ in punten),
    }
    return render(request, "web/monitor_trend.html", context)


@login_required
def trend_stap(request: HttpRequest) -> HttpResponse:
    """One step of computing the trend (``_stap``)."""
    return _stap(request, peildata(timezone.localdate()), "monitor-trend", "monitor-trend-stap")


@login_required
def monitor_stap(request: HttpRequest) -> HttpResponse:
    """One step of computing the monitor page's peildata (``_stap``)."""
    peildatum, _ = _gevraagde_peildatum(request)
    return _stap(request, met_vergelijking(peildatum), "monitor", "monitor-stap")


def _eerst_berekenen(
    request: HttpRequest,
    data: list[date],
    plaats: Bewaarplaats,
    stap_naam: str,
    titels: dict[str, str],
    fout: str = "",
) -> HttpResponse | None:
    """The page showing progress while the peildata of ``data`` not yet kept are computed, one
    per step (``stap_naam``); ``None`` when all are kept or ``?direct=1`` asks to compute them
    at once. ``titels``: the page's ``titel``, ``kop`` and ``wat`` appears when done."""
    open_ = te_berekenen(data, plaats=plaats)
    if not open_ or request.GET.get("direct"):
        return None
    context = {
        **titels,
        "fout": fout,
        "voortgang": _voortgang(request, stap_naam, len(data), len(open_)),
        "direct": f"?{_met(request, direct='1')}",
    }
    return render(request, "web/monitor_berekenen.html", context, status=400 if fout else 200)


def _stap(request: HttpRequest, data: list[date], pagina: str, stap_naam: str) -> HttpResponse:
    """One step: the next peildatum of ``data`` not yet kept is computed. Answers the progress
    so far, or, with every peildatum kept, has the page load again (it then shows its figures);
    when nothing is kept, has the page compute them all at once."""
    open_ = stap(data)
    if open_ is None:  # not kept: all at once
        antwoord = HttpResponse("<p class='utrecht-paragraph'>Alles in één keer…</p>")
        antwoord["HX-Redirect"] = f"{reverse(pagina)}?{_met(request, direct='1')}"
        return antwoord
    if not open_:
        antwoord = HttpResponse(
            "<p class='utrecht-paragraph'>Klaar; de cijfers worden getoond.</p>"
        )
        antwoord["HX-Refresh"] = "true"
        return antwoord
    voortgang = _voortgang(request, stap_naam, len(data), len(open_))
    return render(request, "web/_voortgang.html", {"voortgang": voortgang})


def _voortgang(request: HttpRequest, stap: str, totaal: int, open_: int) -> dict[str, object]:
    """What ``web/_voortgang.html`` shows: peildata done of all, and the step to ask next (with
    the request's own query, so the step computes what the page asked)."""
    return {
        "klaar": totaal - open_,
        "totaal": totaal,
        "volgende": f"{reverse(stap)}?{_met(request)}",
    }


def _met(request: HttpRequest, **erbij: str) -> str:
    query = request.GET.copy()
    query.update(erbij)
    return query.urlencode()


@login_required
def gebieden(request: HttpRequest, formaat: str = "html") -> HttpResponse:
    """Waiting children by where they live: a row per jeugdregio, or per gemeente of one
    (``?regio=``; a gemeente's or jeugdregio's user opens on their own). As CSV with counts
    under the threshold hidden, like every monitor download."""
    peildatum, fout = _gevraagde_peildatum(request)
    regios = jeugdregios()
    regio = request.GET.get("regio", None if "regio" in request.GET else regio_van(request.user))
    if regio and regio not in regios:
        fout, regio = f"Onbekende jeugdregio {regio!r}; de pagina toont alle jeugdregio's.", None
    uitkomst = gebieden_op(peildatum=peildatum, regio_naam=regio or None)
    if formaat == "csv" and not fout:
        antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
        wat = "regio" if uitkomst.regio is None else slugify(uitkomst.regio)
        antwoord["Content-Disposition"] = (
            f'attachment; filename="wachtenden-per-{wat}-{peildatum.isoformat()}.csv"'
        )
        gebieden_csv(uitkomst, antwoord)  # type: ignore[arg-type]
        return antwoord
    rijen = list(uitkomst.per_gebied.items())
    grafiek = {
        "gebieden": [naam for naam, _ in rijen],
        "start": [c.wachtlijst_start.aantal for _, c in rijen],
        "intern": [c.wachtlijst_intern.aantal for _, c in rijen],
        "aandeel": [c.aandeel_wachtend_pct for _, c in rijen],
        "aandeel_totaal": uitkomst.totaal.aandeel_wachtend_pct,
    }
    context = {
        "peildatum": peildatum,
        "regio": uitkomst.regio,
        "regios": regios,
        "rijen": rijen,
        "totaal": uitkomst.totaal,
        "niet_geteld": uitkomst.niet_geteld,
        "grafiek": grafiek,
        "fout": fout,
        "drempel": settings.MONITOR_DREMPEL,
    }
    return render(request, "web/monitor_gebieden.html", context, status=400 if fout else 200)


@login_required
def gebieden_trend(request: HttpRequest) -> HttpResponse:
    """The page's area over all the monitor's peildata, loaded after the page. Peildata not
    yet counted are counted one per request first, each answer showing the progress and
    asking for the next."""
    regio = request.GET.get("regio") or None
    if regio is not None and regio not in jeugdregios():
        return HttpResponse(f"Onbekende jeugdregio {regio!r}.", status=400)
    data = peildata(timezone.localdate())
    plaats = Bewaarplaats()
    open_ = gebieden_stap(data, plaats)
    if open_:  # (None: not kept, so all at once below)
        voortgang = _voortgang(request, "monitor-gebieden-trend", len(data), len(open_))
        return render(request, "web/_voortgang.html", {"voortgang": voortgang})
    punten = []
    aantal_gis = len(gis())
    for peildatum in data:
        g = gebieden_op(peildatum=peildatum, regio_naam=regio, plaats=plaats)
        if len(g.niet_geteld) < aantal_gis:  # some GI counted then
            punten.append((peildatum, g.totaal, g.niet_geteld))
    grafiek = {
        "peildata": [f"{d:%d-%m-%Y}" for d, _, _ in punten],
        "start": [c.wachtlijst_start.aantal for _, c, _ in punten],
        "intern": [c.wachtlijst_intern.aantal for _, c, _ in punten],
    }
    context = {"punten": punten, "grafiek": grafiek, "regio": regio}
    return render(request, "web/_gebieden_trend.html", context)


def definities(request: HttpRequest) -> HttpResponse:
    """What every indicator means; public, like the published monitor's explanation."""
    return render(request, "web/definities.html", {"definities": DEFINITIES})
