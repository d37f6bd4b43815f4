"""The forecast page as its users rely on it: a scenario with a measure is computed step by
step with progress, ends in bands beside the baseline, and only its organisation sees it. A
forecast from a past month puts the monitor of the months since beside the bands."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from ketenzicht.prognose import services
from ketenzicht.prognose.models import Prognoserun

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]

FORMULIER = {
    "naam": "150 zij-instromers",
    "basis": "standaard",
    "vanaf": "2026-11-01",  # this month (the frozen clock's)
    "horizon": "4",
    "runs": "3",
    "vanaf_maand": "1",
    "extra_medewerkers": "150",
    "zij_instroom": "on",
}


def test_prognose_in_stappen_met_voortgang_tot_de_banden(client, wereld, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client.force_login(wereld.beleid)
    antwoord = client.post(reverse("prognose"), FORMULIER)
    run = Prognoserun.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/prognose/{run.pk}/"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Replicaties: 0 van 3" in pagina and 'hx-trigger="load"' in pagina

    echte_stap = services.stap
    monkeypatch.setattr(services, "stap", lambda pk, seconden=0: echte_stap(pk, seconden=0))
    stappen = []
    for _ in range(5):
        fragment = client.post(reverse("prognose-stap", args=[run.pk])).content.decode()
        stappen.append(fragment)
        if 'data-testid="uitkomst"' in fragment:
            break
    assert "Replicaties: 1 van 3" in stappen[0] and "Replicaties: 2 van 3" in stappen[1]
    assert 'data-testid="uitkomst"' in stappen[2] and "Basislijn" in stappen[2]
    # children as a whole number, the workload with two decimals, shares as a percentage
    rijen = re.findall(r'scope="row">([^<]+)</th><td[^>]*>([^<]+)</td>', stappen[2])
    cellen = {html.unescape(titel): cel for titel, cel in rijen}
    assert re.fullmatch(r"\d+ \(\d+–\d+\)", cellen["Wachtlijst bij de start (> 5 werkdagen)"])
    assert re.fullmatch(
        r"\d+,\d\d \(\d+,\d\d–\d+,\d\d\)", cellen["Workload (cliënten per beschikbare fte)"]
    )
    assert re.fullmatch(r"\d+% \(\d+–\d+%\)", cellen["Aandeel met hulp binnen 3 maanden"])
    run.refresh_from_db()
    assert run.klaar and len(run.uitkomsten) == 3 and all("b" in u for u in run.uitkomsten)
    # one more step changes nothing
    client.post(reverse("prognose-stap", args=[run.pk]))
    run.refresh_from_db()
    assert len(run.uitkomsten) == 3


def test_meer_personeel_verlaagt_de_workload_tegen_de_basislijn(client, wereld) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.prognose.selectors import resultaat

    client.force_login(wereld.beleid)
    client.post(reverse("prognose"), FORMULIER)
    run = Prognoserun.objects.get()
    while not run.klaar:
        run = services.stap(run.pk, seconden=10)
    workload = next(g for g in resultaat(run)["grafiek"]["grafieken"] if g["naam"] == "workload")
    assert workload["p50"][-1] < workload["basis"][-1]


def test_een_andere_organisatie_ziet_de_prognose_niet(client, wereld) -> None:  # type: ignore[no-untyped-def]
    client.force_login(wereld.beleid)
    client.post(reverse("prognose"), FORMULIER)
    run = Prognoserun.objects.get()
    client.force_login(wereld.planner_a)
    assert client.get(reverse("prognose-run", args=[run.pk])).status_code == 404
    assert client.post(reverse("prognose-stap", args=[run.pk])).status_code == 404
    eigen = client.get(reverse("prognose"))
    assert list(eigen.context["runs"]) == [] and "Nog geen prognoses" in eigen.content.decode()
    client.force_login(wereld.beleid)
    assert [r.pk for r in client.get(reverse("prognose")).context["runs"]] == [run.pk]


def test_ongeldig_formulier_zegt_welk_veld(client, wereld) -> None:  # type: ignore[no-untyped-def]
    client.force_login(wereld.beleid)
    pagina = client.post(reverse("prognose"), {**FORMULIER, "runs": "500"}).content.decode()
    assert "Zorg ervoor dat deze waarde hoogstens 200 is" in pagina
    assert not Prognoserun.objects.exists()
    # a calibrated baseline without any registered history says so
    pagina = client.post(reverse("prognose"), {**FORMULIER, "basis": "kalibratie"}).content.decode()
    assert "Deze prognose kan niet" in pagina and "instroom" in pagina


def test_een_maatregel_voor_een_gi_alleen_op_het_land_in_zijn_gis(client, wereld) -> None:  # type: ignore[no-untyped-def]
    """The ministry may aim a measure at one GI; only the country calibrated as its GIs has
    them, so with the national defaults that is refused with the reason. A GI forecasts
    itself and is not asked."""
    client.force_login(wereld.beleid)
    formulier = client.get(reverse("prognose")).content.decode()
    assert (
        'id="id_gi"' in formulier and ">GI Alfa<" in formulier and ">Alle GI&#x27;s<" in formulier
    )
    pagina = client.post(reverse("prognose"), {**FORMULIER, "gi": "GI Alfa"}).content.decode()
    assert "Deze prognose kan niet: maatregelen alleen voor GI Alfa: alleen de gekalibreerde" in (
        pagina
    )
    assert not Prognoserun.objects.exists()
    pagina = client.post(reverse("prognose"), {**FORMULIER, "gi": "GI Onbekend"}).content.decode()
    assert "GI Onbekend is geen beschikbare keuze" in pagina

    client.force_login(wereld.planner_a)
    assert 'id="id_gi"' not in client.get(reverse("prognose")).content.decode()


def test_prognose_vanaf_een_voorbije_maand_zet_de_monitor_ernaast(
    client, wereld, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.prognose.selectors import resultaat
    from ketenzicht.prognose.waargenomen import waargenomen_op

    client.force_login(wereld.beleid)
    keuzes = client.get(reverse("prognose")).content.decode()
    assert 'value="2026-11-01" selected' in keuzes and "augustus 2026" in keuzes
    # from August 2026 on the frozen 20 November: the monitor of 1 September, 1 October and
    # 1 November is known, that of 1 December (the fourth month) is not yet
    client.post(reverse("prognose"), {**FORMULIER, "vanaf": "2026-08-01"})
    run = Prognoserun.objects.get()
    assert run.toets_maanden == 3

    echte_stap = services.stap
    monkeypatch.setattr(services, "stap", lambda pk, seconden=0: echte_stap(pk, seconden=0))
    stappen = []
    while 'data-testid="uitkomst"' not in (stappen or [""])[-1] and len(stappen) < 10:
        stappen.append(client.post(reverse("prognose-stap", args=[run.pk])).content.decode())
    # three replications, then the monitor one month a step, with its progress
    assert len(stappen) == 6
    assert "Monitor van de voorbije maanden ernaast: 1 van 3" in stappen[3]
    run.refresh_from_db()
    assert run.klaar
    for m, w in enumerate(run.waargenomen):
        echt = waargenomen_op(date(2026, 9 + m, 1))
        assert (w["maand"], w["wachtlijst_start"], w["workload"]) == (
            echt.peildatum.isoformat(),
            echt.wachtlijst_start,
            echt.workload,
        )

    r = resultaat(run)
    start = next(g for g in r["grafiek"]["grafieken"] if g["naam"] == "wachtlijst_start")
    assert start["waargenomen"][:3] == [w["wachtlijst_start"] for w in run.waargenomen]
    assert start["waargenomen"][3] is None  # December has not happened
    # the national defaults' band (hundreds waiting) against a test world of a few children:
    # every month below P10, held against the baseline since the measure was not taken
    toets = {t["naam"]: t for t in r["toets"]}
    assert toets["wachtlijst_start"] == {
        "naam": "wachtlijst_start",
        "titel": start["titel"],
        "maanden": 3,
        "binnen": 0,
        "onder": 3,
        "boven": 0,
        "heel_binnen_omhullende": False,
    }
    assert 'data-testid="toets"' in stappen[-1] and "0 van 3" in stappen[-1]
    # the envelope on the charts: never inside the P10–P90 band
    assert all(
        lo <= p10 <= p90 <= hi
        for lo, p10, p90, hi in zip(
            start["omhullende_laag"], start["p10"], start["p90"], start["omhullende_hoog"],
            strict=True,
        )
    )  # fmt: skip


def test_een_prognose_start_niet_in_de_toekomst_en_niet_verder_terug_dan_de_historie(
    wereld,
) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.domain.prognose.parameters import Scenario

    for vanaf in (date(2024, 10, 1), date(2026, 12, 1)):  # 25 months back, next month
        with pytest.raises(ValueError, match="vanaf: deze maand of tot 24 maanden terug"):
            services.aanvragen(
                scenario=Scenario("x"), runs=1, vanaf=vanaf, door=wereld.beleid,
                organisatie=None, vandaag=date(2026, 11, 20),
            )  # fmt: skip
    assert not Prognoserun.objects.exists()


def _twee_gis_uitgerekend(wereld, runs: int = 6) -> Prognoserun:  # type: ignore[no-untyped-def]
    """A finished forecast of a country of two GIs: Noord short of staff (420 places for ~600
    children), with 15 extra caseworkers from month 1, Zuid with room."""
    from dataclasses import replace

    from ketenzicht.domain.prognose.parameters import Maatregel, Onderdeel, Parameters, Scenario
    from ketenzicht.organisaties.selectors import lidmaatschap_van

    rustig = dict(
        instroom_per_maand=40, duur_dagen=450, begin_clienten=600, begin_wachtlijst_start=0,
        begin_wachtlijst_intern=0, horizon_maanden=12, start_direct=1.0, verloop_per_jaar=0.0,
        lang_ziek_per_jaar=0.0, kort_verzuim=0.0, norm=14.0,
    )  # fmt: skip
    vol = Parameters(**rustig, medewerkers=30)  # type: ignore[arg-type]
    ruim = Parameters(**rustig, medewerkers=80)  # type: ignore[arg-type]
    scenario = Scenario(
        "Noord erbij",
        replace(ruim, medewerkers=110),
        maatregelen=(Maatregel(1, extra_medewerkers=15, onderdeel="Noord"),),
        onderdelen=(Onderdeel("Zuid", ruim), Onderdeel("Noord", vol)),
    )
    lid = lidmaatschap_van(wereld.beleid)
    run = services.aanvragen(
        scenario=scenario, runs=runs, vanaf=date(2026, 11, 1), door=wereld.beleid,
        organisatie=lid.organisatie if lid else None, vandaag=date(2026, 11, 20),
    )  # fmt: skip
    while not run.klaar:
        run = services.stap(run.pk, seconden=10)
    return run


def test_het_land_per_gi_op_de_pagina_de_volle_gi_eerst_met_zijn_maatregel_tegen_de_basislijn(
    client, wereld
) -> None:  # type: ignore[no-untyped-def]
    """A forecast of the country as its GIs shows each GI's last month: the full GI first, its
    extra staff against its own baseline, the one with room without a list; the bands are
    those of the replications' stored values, and the parts add up to the whole."""
    from ketenzicht.domain.prognose.montecarlo import Band
    from ketenzicht.prognose.selectors import resultaat

    run = _twee_gis_uitgerekend(wereld)
    for u in run.uitkomsten:  # the parts' last months add up to the whole's
        for ind in ("wachtlijst_start", "wachtlijst_intern"):
            assert sum(d[ind] for d in u["s_delen"].values()) == u["s"][ind][-1]

    rijen = resultaat(run)["per_onderdeel"]
    assert [r["naam"] for r in rijen] == ["Noord", "Zuid"]  # the longest start list first
    noord, zuid = rijen
    assert noord["scenario"]["wachtlijst_start"] == Band.van(
        [u["s_delen"]["Noord"]["wachtlijst_start"] for u in run.uitkomsten]
    )
    # 15 more caseworkers take 210 more children: Noord's list falls against its baseline
    assert noord["scenario"]["wachtlijst_start"].p90 < noord["basis"]["wachtlijst_start"].p10
    assert noord["basis"]["wachtlijst_start"].p10 > 100
    assert zuid["scenario"]["wachtlijst_start"].p90 == 0 == zuid["basis"]["wachtlijst_start"].p90
    assert zuid["scenario"] == zuid["basis"]  # the measure did not reach Zuid: the same draws

    client.force_login(wereld.beleid)
    fragment = client.post(reverse("prognose-stap", args=[run.pk])).content.decode()
    assert 'data-testid="per-gi"' in fragment
    assert fragment.index(">Noord<") < fragment.index(">Zuid<")
    assert 'id="per-gi-wachtlijst_start"' in fragment and 'id="per-gi-workload"' in fragment


def test_de_banden_als_csv_en_excel_voor_wie_verder_rekent_in_een_spreadsheet(
    client, wereld
) -> None:  # type: ignore[no-untyped-def]
    """A finished forecast downloads as CSV (one tidy table) and XLSX (a sheet per month, per
    GI and what the columns mean), with the numbers the page shows; only its organisation may
    download it, and not before it is done."""
    import csv
    import io

    from openpyxl import load_workbook

    from ketenzicht.domain.prognose.montecarlo import INDICATOREN
    from ketenzicht.prognose.export import DEFINITIES
    from ketenzicht.prognose.selectors import resultaat

    assert set(DEFINITIES) == set(INDICATOREN)  # every column explained
    run = _twee_gis_uitgerekend(wereld, runs=4)
    client.force_login(wereld.beleid)
    pagina = client.get(reverse("prognose-run", args=[run.pk])).content.decode()
    assert (
        f"/prognose/{run.pk}/prognose.xlsx" in pagina
        and f"/prognose/{run.pk}/prognose.csv" in pagina
    )

    antwoord = client.get(reverse("prognose-download", args=[run.pk, "csv"]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    assert f'filename="prognose-{run.pk}.csv"' in antwoord["Content-Disposition"]
    rijen = list(csv.DictReader(io.StringIO(antwoord.content.decode())))
    totaal = [r for r in rijen if r["onderdeel"] == "totaal"]
    per_gi = [r for r in rijen if r["onderdeel"] != "totaal"]
    assert len(totaal) == 12 * len(INDICATOREN) and len(per_gi) == 2 * 4
    r = resultaat(run)
    laatste = next(t for t in r["tabel"] if t["titel"].startswith("Wachtlijst bij de start"))
    rij = next(
        x for x in totaal if x["maand"] == "2027-10" and x["indicator"] == "wachtlijst_start"
    )
    assert float(rij["p50"]) == laatste["scenario"].p50
    assert float(rij["basislijn_p90"]) == laatste["basis"].p90
    assert rij["monitor"] == ""  # the future: nothing seen yet
    noord = r["per_onderdeel"][0]
    rij = next(x for x in per_gi if x["onderdeel"] == "Noord" and x["indicator"] == "workload")
    assert (rij["maand"], float(rij["p10"]), float(rij["basislijn_p50"])) == (
        "2027-10",
        noord["scenario"]["workload"].p10,
        noord["basis"]["workload"].p50,
    )

    antwoord = client.get(reverse("prognose-download", args=[run.pk, "xlsx"]))
    assert antwoord.status_code == 200
    boek = load_workbook(io.BytesIO(antwoord.content))
    assert boek.sheetnames == ["per maand", "per GI", "toelichting"]
    assert boek["per maand"].max_row == 1 + 12 * len(INDICATOREN)
    assert [c.value for c in boek["per GI"][2]][:4] == [
        "Noord",
        "2027-10",
        "wachtlijst_start",
        noord["scenario"]["wachtlijst_start"].p10,
    ]
    assert "onderdeel=Noord" in str([c.value for c in boek["toelichting"]["B"]])

    assert client.get(reverse("prognose-download", args=[run.pk, "pdf"])).status_code == 404
    client.force_login(wereld.planner_a)  # another organisation
    assert client.get(reverse("prognose-download", args=[run.pk, "csv"])).status_code == 404
    client.force_login(wereld.beleid)
    Prognoserun.objects.filter(pk=run.pk).update(klaar=False, uitkomsten=run.uitkomsten[:2])
    antwoord = client.get(reverse("prognose-download", args=[run.pk, "csv"]))
    assert antwoord.status_code == 409 and "2 van 4 replicaties" in antwoord.content.decode()
