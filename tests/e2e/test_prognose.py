"""A policy maker at the ministry asks for a forecast of a measure in a real browser: fills in
the form, sees the replications come in and reads the fan charts beside the baseline."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ketenzicht.demo.laden import laad
from ketenzicht.domain.normen import plus_maanden
from tests.e2e.conftest import inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("klok")
def test_ministerie_berekent_een_prognose_en_ziet_de_banden(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "ministerie")
    pagina.goto(f"{live_server.url}/prognose/")
    pagina.fill("#id_naam", "Zij-instroom 20")
    pagina.select_option("#id_basis", "kalibratie")
    pagina.fill("#id_horizon", "6")
    pagina.fill("#id_runs", "12")
    pagina.fill("#id_extra_medewerkers", "20")
    pagina.click("button:has-text('Bereken prognose')")
    pagina.wait_for_selector("[data-testid=voortgang], [data-testid=uitkomst]")
    pagina.wait_for_selector("[data-testid=uitkomst]", timeout=60_000)
    tabel = pagina.inner_text("[data-testid=uitkomst] table")
    assert "Basislijn" in tabel and "Workload" in tabel
    # what the calibrated baseline assumes, and how each was estimated, folded under the title
    aannamen = pagina.text_content("[data-testid=aannamen]") or ""
    assert "Nieuwe maatregelen per maand" in aannamen
    assert "Plafond op de caseload" in aannamen and "geregistreerde werklastnorm" in aannamen
    for naam in ("wachtlijst_start", "workload", "binnen_norm_hulpaanbod"):
        getekend = pagina.evaluate(f"!!Chart.getChart('prognose-{naam}')")
        assert getekend, naam
    # shares as percentages, other numbers the Dutch way, as in the table
    schaal = "Chart.getChart('prognose-{}').scales.y.ticks.map(t => t.label)"
    aandelen = pagina.evaluate(schaal.format("binnen_norm_hulpaanbod"))
    assert aandelen and all(t.endswith("%") for t in aandelen), aandelen
    assert pagina.evaluate("Chart.getChart('prognose-workload').options.locale") == "nl-NL"
    # the country as its GIs: each GI a row and a bar from P10 to P90, beside its baseline
    per_gi = pagina.inner_text("[data-testid=per-gi]")
    gis = pagina.evaluate("Chart.getChart('per-gi-wachtlijst_start').data.labels")
    assert len(gis) >= 2 and all(gi in per_gi for gi in gis)
    balken = pagina.evaluate(
        "Object.fromEntries(Chart.getChart('per-gi-workload').data.datasets"
        ".map(d => [d.label, d.data]))"
    )
    assert len(balken["Scenario P10–P90"]) == len(gis) == len(balken["Basislijn mediaan"])
    assert all(lo <= hi for lo, hi in balken["Scenario P10–P90"])
    # and the same to go on with in a spreadsheet
    with pagina.expect_download() as download:
        pagina.click("[data-testid=downloads] >> text=Excel (xlsx)")
    assert download.value.suggested_filename.endswith(".xlsx")
    assert download.value.failure() is None
    pagina.goto(f"{live_server.url}/prognose/")
    assert "Zij-instroom 20" in pagina.inner_text("[data-testid=prognoses]")


@pytest.mark.usefixtures("klok")
def test_een_prognose_van_drie_maanden_terug_toont_wat_er_gebeurde(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "ministerie")
    pagina.goto(f"{live_server.url}/prognose/")
    deze_maand = timezone.localdate().replace(day=1)
    vanaf = plus_maanden(deze_maand, -3)
    pagina.fill("#id_naam", "Toets")
    pagina.select_option("#id_vanaf", vanaf.isoformat())
    pagina.fill("#id_horizon", "6")
    pagina.fill("#id_runs", "8")
    pagina.click("button:has-text('Bereken prognose')")
    pagina.wait_for_selector("[data-testid=uitkomst]", timeout=60_000)
    toets = pagina.inner_text("[data-testid=toets]")
    assert "van 3" in toets and "Wachtlijst bij de start" in toets
    # the monitor of the three months since, as points on the chart; the rest not yet
    punten = pagina.evaluate(
        "Chart.getChart('prognose-wachtlijst_start').data.datasets"
        ".find(d => d.label === 'Werkelijk (monitor)').data"
    )
    assert len(punten) == 6 and all(p is not None for p in punten[:3]) and punten[3:] == [None] * 3
    # the envelope around the band: never inside P10–P90; the table says whether the three
    # months gone by lay inside the envelope of those months
    reeksen = pagina.evaluate(
        "Object.fromEntries(Chart.getChart('prognose-wachtlijst_start').data.datasets"
        ".map(d => [d.label, d.data]))"
    )
    laag, hoog = reeksen["Omhullende (80% van de hele reeksen)"], reeksen["Omhullende boven"]
    assert all(
        lo <= p10 <= p90 <= hi
        for lo, p10, p90, hi in zip(laag, reeksen["P10"], reeksen["P90"], hoog, strict=True)
    )
    assert "Alle maanden binnen de omhullende" in toets


@pytest.mark.usefixtures("klok")
def test_ministerie_geeft_een_gi_extra_mensen_en_alleen_die_gi_verandert(
    live_server, pagina
) -> None:  # type: ignore[no-untyped-def]
    """The country calibrated as its GIs: 20 caseworkers more for one GI lower its workload
    against its own baseline, and every other GI is exactly its baseline (same draws, the
    measure does not reach them)."""
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "ministerie")
    pagina.goto(f"{live_server.url}/prognose/")
    gis = pagina.eval_on_selector_all("#id_gi option", "os => os.map(o => o.value)")[1:]
    gekozen = gis[0]
    pagina.fill("#id_naam", "Eén GI erbij")
    pagina.fill("#id_horizon", "6")
    pagina.fill("#id_runs", "8")
    pagina.fill("#id_vanaf_maand", "0")
    pagina.fill("#id_extra_medewerkers", "20")
    pagina.select_option("#id_gi", gekozen)
    pagina.click("button:has-text('Bereken prognose')")
    pagina.wait_for_selector("[data-testid=uitkomst]", timeout=60_000)
    data = pagina.evaluate(
        "(() => { const c = Chart.getChart('per-gi-workload').data; return {labels: c.labels,"
        " sets: Object.fromEntries(c.datasets.map(d => [d.label, d.data]))}; })()"
    )
    scenario = {p["y"]: p["x"] for p in data["sets"]["Scenario mediaan"]}
    basis = {p["y"]: p["x"] for p in data["sets"]["Basislijn mediaan"]}
    assert set(scenario) == set(data["labels"]) and gekozen in scenario and len(scenario) >= 2
    assert scenario[gekozen] < basis[gekozen]
    assert all(scenario[gi] == basis[gi] for gi in scenario if gi != gekozen)
