"""Calibration on a real database: the estimates recover the process that generated the demo's
history, the calibrated baseline is a scenario file ``ketenzicht prognose`` runs as it is, and
``prognose toets`` puts the monitor's own months beside the forecast."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ketenzicht.cli import main
from ketenzicht.demo import generator
from ketenzicht.demo.laden import laad
from ketenzicht.domain.maatregelen import EindeReden, achttiende_verjaardag
from ketenzicht.domain.prognose.kalibratie import kalibreer
from ketenzicht.domain.prognose.scenariobestand import scenario_uit
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.services import maatregel_beeindigen
from ketenzicht.monitor.selectors import monitor
from ketenzicht.prognose.registratie import historie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
PEIL = date(2026, 5, 1)


@pytest.fixture
def demo(vandaag):  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=vandaag, voortgang=lambda *_: None)


@pytest.mark.usefixtures("demo")
def test_kalibratie_vindt_het_proces_van_de_demo_terug() -> None:
    k = kalibreer(historie(peildatum=PEIL))
    p = k.parameters
    assert abs(p.start_direct - generator.DIRECT_TOEGEWEZEN) < 0.06
    assert abs(p.intern_warm - generator.WARME_OVERDRACHT) < 0.08
    assert p.ziekte_drempel_dagen == generator.ZIEK_OVERDRACHT_NA
    assert p.inwerk_dagen == pytest.approx(generator.INWERK_DAGEN, abs=1)
    assert abs(p.verloop_per_jaar - generator.VERLOOP_PER_JAAR) < 0.07
    assert 0.6 < p.start_vertraging_dagen / generator.START_WACHT_GEM < 1.4
    # the start state is the monitor's, as registered on the peildatum
    stand = monitor(peildatum=PEIL, bron="registratie").landelijk
    assert (p.begin_clienten, p.begin_wachtlijst_start, p.begin_wachtlijst_intern) == (
        stand.clienten,
        stand.wachtlijst_start.aantal,
        stand.wachtlijst_intern.aantal,
    )
    assert {s.naam for s in k.schattingen} >= {"instroom_per_maand", "duur_dagen", "norm"}
    # the clients at the start with an OTS leave at the latest when their child turns 18: the
    # days until then of the running ones, from their birth dates; jeugdreclassering goes on
    typen = {t.naam: t for t in p.typen}
    ots = [
        (achttiende_verjaardag(m.kind.geboortedatum) - PEIL).days
        for m in Maatregel.objects.select_related("kind").filter(code="11", start__lte=PEIL)
        if m.einde is None or m.einde > PEIL
    ]
    assert typen["OTS"].achttien_dagen[0] == min(ots)
    assert typen["OTS"].achttien_dagen[-1] == max(ots)
    assert all(t.achttien_dagen == () for naam, t in typen.items() if naam.startswith("JR"))


@pytest.mark.usefixtures("demo")
def test_een_gi_wordt_gekalibreerd_met_de_instroom_van_alle_gis() -> None:
    """One GI's inflow trend is drawn towards the others': the history carries every GI's
    starts in the window, and only those (valid time: none after the peildatum)."""
    gi = "Jeugdbescherming Overijssel"
    h = historie(peildatum=PEIL, gi_naam=gi)
    begin = date(2024, 5, 1)
    assert set(h.starts_gis) == set(Maatregel.objects.values_list("gi__naam", flat=True).distinct())
    assert sorted(h.starts_gis[gi]) == sorted(
        m.start for m in h.maatregelen if begin <= m.start <= PEIL
    )
    assert all(begin <= d <= PEIL for starts in h.starts_gis.values() for d in starts)
    assert not historie(peildatum=PEIL).starts_gis  # the country is its own whole
    uitleg = next(s.uitleg for s in kalibreer(h).schattingen if s.naam == "instroom_per_maand")
    assert "naar de 3 GI's getrokken" in uitleg


@pytest.mark.usefixtures("demo")
def test_kalibratie_ziet_niets_van_na_de_peildatum() -> None:
    """A calibration on a past date gives the same answer after later facts are registered:
    measures that end, and the caseworkers of the children who had them."""
    eerder = kalibreer(historie(peildatum=PEIL)).parameters
    lopend = Maatregel.objects.filter(start__lte=PEIL, einde__isnull=True).order_by("pk")[:25]
    assert lopend
    for m in lopend:
        maatregel_beeindigen(
            maatregel=m, einde=date(2026, 6, 15), reden=EindeReden.OPGEHEVEN, door=None
        )
    assert kalibreer(historie(peildatum=PEIL)).parameters == eerder
    assert kalibreer(historie(peildatum=date(2026, 7, 1))).parameters != eerder


@pytest.mark.usefixtures("demo")
def test_gekalibreerde_basislijn_is_een_scenario_voor_prognose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = tmp_path / "basis.json"
    assert main(["prognose", "kalibreer", "--peildatum", "2026-05", "--uit", str(bestand)]) == 0
    inhoud = json.loads(bestand.read_text())
    assert inhoud["vanaf"] == "2026-05"
    assert inhoud["parameters"]["begin_clienten"] > 0
    assert any(r["naam"] == "start_direct" for r in inhoud["kalibratie"])
    capsys.readouterr()
    opties = ["--runs", "3", "--horizon-maanden", "4", "--werkers", "1", "--format", "json"]
    assert main(["prognose", "--scenario", str(bestand), *opties]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [m["maand"] for m in uit["maanden"]] == ["2026-05", "2026-06", "2026-07", "2026-08"]
    eerste = uit["maanden"][0]
    for naam in ("wachtlijst_start", "workload", "binnen_norm_veiligheidsplan"):
        assert eerste[naam]["p10"] <= eerste[naam]["p50"] <= eerste[naam]["p90"]


@pytest.mark.usefixtures("demo")
def test_het_land_wordt_per_gi_gekalibreerd_elke_gi_een_eigen_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    per_gi = tmp_path / "per_gi.json"
    een = tmp_path / "een.json"
    assert main(["prognose", "kalibreer", "--peildatum", "2026-05", "--uit", str(per_gi)]) == 0
    args = ["prognose", "kalibreer", "--peildatum", "2026-05", "--een-pool", "--uit", str(een)]
    assert main(args) == 0
    land = scenario_uit(json.loads(per_gi.read_text()))
    assert "onderdelen" not in json.loads(een.read_text())
    # the whole is the country's own calibration, read once from the GIs' histories together
    assert json.loads(een.read_text())["parameters"] == json.loads(per_gi.read_text())["parameters"]
    # every GI registering here is a part, its start state its own monitor's; they add up to
    # the country's
    opname = monitor(peildatum=PEIL, bron="registratie")
    assert [o.naam for o in land.onderdelen] == list(opname.per_gi)
    for o in land.onderdelen:
        eigen = opname.per_gi[o.naam]
        assert (o.parameters.begin_clienten, o.parameters.begin_wachtlijst_start) == (
            eigen.clienten,
            eigen.wachtlijst_start.aantal,
        )
        eigen_k = kalibreer(historie(peildatum=PEIL, gi_naam=o.naam), horizon_maanden=60)
        assert o.parameters == eigen_k.parameters
    assert (
        sum(o.parameters.begin_clienten for o in land.onderdelen) == land.parameters.begin_clienten
    )
    # FTE, each GI's rounded to a whole one
    fte = sum(o.parameters.medewerkers for o in land.onderdelen)
    assert abs(fte - land.parameters.medewerkers) <= len(land.onderdelen) / 2
    # the country's forecast starts from the sum of the GIs
    capsys.readouterr()
    opties = ["--runs", "4", "--horizon-maanden", "2", "--werkers", "1", "--format", "json"]
    assert main(["prognose", "--scenario", str(per_gi), *opties]) == 0
    eerste = json.loads(capsys.readouterr().out)["maanden"][0]
    assert abs(eerste["clienten"]["p50"] - land.parameters.begin_clienten) < 0.1 * (
        land.parameters.begin_clienten
    )


@pytest.mark.usefixtures("demo")
def test_toets_legt_de_monitor_naast_de_banden(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["prognose", "toets", "--peildatum", "2026-05", "--maanden", "6", "--runs", "40"]
    assert main([*args, "--werkers", "1", "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [m["maand"] for m in uit["maanden"]] == [f"2026-{k:02d}-01" for k in range(6, 12)]
    juni = uit["maanden"][0]["wachtlijst_start"]
    stand = monitor(peildatum=date(2026, 6, 1), bron="registratie").landelijk
    assert juni["waargenomen"] == stand.wachtlijst_start.aantal
    assert juni["binnen"] == (juni["p10"] <= juni["waargenomen"] <= juni["p90"])
    # the envelope: never narrower than P10–P90, and a month inside it is counted as such
    omh = juni["omhullende"]
    assert omh["laag"] <= juni["p10"] <= juni["p90"] <= omh["hoog"]
    assert juni["binnen_omhullende"] == (omh["laag"] <= juni["waargenomen"] <= omh["hoog"])
    # the workload unrounded: the published one decimal would decide inside or out
    werk = uit["maanden"][0]["workload"]["waargenomen"]
    assert werk == round(stand.clienten / stand.fte_beschikbaar, 3)
    assert round(werk, 1) == stand.workload
    # the calibrated model tracks the demo: most months inside the 80% band
    assert uit["binnen"]["wachtlijst_start"]["binnen"] >= 4
    assert uit["binnen"]["workload"]["binnen"] >= 4


@pytest.mark.usefixtures("demo")
def test_rollende_toets_telt_binnen_onder_en_boven_over_alle_peildata(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["prognose", "toets", "--peildatum", "2026-05", "--maanden", "3", "--runs", "20"]
    grafiek = tmp_path / "toets.png"
    assert (
        main(
            [
                *args,
                "--oorsprongen",
                "2",
                "--stap",
                "2",
                "--werkers",
                "1",
                "--format",
                "json",
                "--uit",
                str(grafiek),
            ]
        )  # fmt: skip
        == 0
    )
    captured = capsys.readouterr()
    uit = json.loads(captured.out)
    assert grafiek.read_bytes().startswith(b"\x89PNG") and str(grafiek) in captured.err
    assert [t["peildatum"] for t in uit["oorsprongen"]] == ["2026-03", "2026-05"]
    assert [m["maand"] for m in uit["oorsprongen"][0]["maanden"]] == [
        "2026-04-01", "2026-05-01", "2026-06-01"
    ]  # fmt: skip
    for naam, samen in uit["binnen"].items():
        per = [t["binnen"][naam] for t in uit["oorsprongen"]]
        for sleutel in ("binnen", "onder", "boven", "maanden"):
            assert samen[sleutel] == sum(p[sleutel] for p in per)
        assert samen["maanden"] == 6 == samen["binnen"] + samen["onder"] + samen["boven"]
        maanden = [m[naam] for t in uit["oorsprongen"] for m in t["maanden"]]
        assert samen["onder"] == sum(m["waargenomen"] < m["p10"] for m in maanden)
        assert samen["boven"] == sum(m["waargenomen"] > m["p90"] for m in maanden)
        # a backtest counts as whole when all its months fell inside; beside it, the model's
        # own chance of that, summed over the backtests
        assert samen["heel_binnen"] == sum(
            all(m[naam]["binnen"] for m in t["maanden"]) for t in uit["oorsprongen"]
        )
        assert 0 <= samen["verwacht_heel_binnen"] <= 2
        assert samen["verwacht_heel_binnen"] == pytest.approx(
            sum(p["verwacht_heel_binnen"] for p in per), abs=0.011
        )
        # the whole path inside the envelope, beside the envelopes' own share (about 0.8 each)
        assert samen["omhullende_binnen"] == sum(
            all(m[naam]["binnen_omhullende"] for m in t["maanden"]) for t in uit["oorsprongen"]
        )
        assert all(0.8 <= p["verwacht_omhullende_binnen"] <= 1 for p in per)
        assert samen["verwacht_omhullende_binnen"] == pytest.approx(
            sum(p["verwacht_omhullende_binnen"] for p in per), abs=0.011
        )
    # the months the two backtests share are the same monitor figures
    juni = [m for t in uit["oorsprongen"] for m in t["maanden"] if m["maand"] == "2026-06-01"]
    assert len(juni) == 2
    assert juni[0]["clienten"]["waargenomen"] == juni[1]["clienten"]["waargenomen"]


@pytest.mark.usefixtures("demo")
def test_fouten_in_kalibreer_en_toets_noemen_wat_er_mis_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["prognose", "kalibreer", "--gi", "Bestaat Niet"]) == 2
    assert "Onbekende GI: 'Bestaat Niet'" in capsys.readouterr().err
    assert main(["prognose", "toets", "--peildatum", "2026-10", "--maanden", "6"]) == 2
    assert "ligt na deze maand" in capsys.readouterr().err
    assert main(["prognose", "toets", "--peildatum", "2026-01", "--oorsprongen", "0"]) == 2
    assert "--oorsprongen en --stap zijn minstens 1" in capsys.readouterr().err
    assert main(["prognose", "kalibreer", "--peildatum", "2020-01"]) == 2
    assert "te weinig historie" in capsys.readouterr().err
    assert main(["prognose", "kalibreer", "--peildatum", "2026-12"]) == 2  # today 20 November
    assert "kalibreer --peildatum: 2026-12 is nog niet begonnen" in capsys.readouterr().err
    assert main(["prognose"]) == 2
    assert "--scenario FILE is nodig" in capsys.readouterr().err


@pytest.mark.usefixtures("demo")
def test_de_kalibratie_neemt_de_geregistreerde_werklastnorm_als_plafond() -> None:
    from ketenzicht.organisaties.models import Werklastnorm

    # the demo GIs register 17 per FTE, a jeugdreclassering client weighing 0.85: in clients
    # per FTE that is 17 / the mean weight of the measures running on the peildatum
    lopend = Maatregel.objects.filter(start__lte=PEIL).exclude(einde__lte=PEIL)
    gewichten = [generator.gewicht(m.maatregelcode) for m in lopend]
    verwacht = round(generator.NORM_CLIENTEN_PER_FTE * len(gewichten) / sum(gewichten), 1)
    k = kalibreer(historie(peildatum=PEIL))
    assert k.parameters.norm == verwacht
    assert "geregistreerde werklastnorm" in next(
        s.uitleg for s in k.schattingen if s.naam == "norm"
    )
    # a GI without a registered norm: the busiest caseloads stand in for it
    Werklastnorm.objects.filter(gi__naam="Jeugdbescherming Noord").delete()
    k = kalibreer(historie(peildatum=PEIL))
    assert "P95" in next(s.uitleg for s in k.schattingen if s.naam == "norm")


@pytest.mark.usefixtures("demo")
def test_de_kalibratie_kijkt_niet_verder_terug_dan_de_registratie(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The demo's GIs register from 21 November 2022: of the months before, the database
    holds only the measures and staff still there that day. A calibration early in the
    registration uses the whole months since, and so finds the demo's turnover, not the few
    who left in the part of the window that was registered."""
    from ketenzicht.organisaties.models import Organisatie

    h = historie(peildatum=date(2023, 9, 1))
    assert h.registratie_vanaf == date(2022, 11, 21)
    k = kalibreer(h)
    assert next(s.waarde for s in k.schattingen if s.naam == "venster") == "9 maanden"
    assert abs(k.parameters.verloop_per_jaar - generator.VERLOOP_PER_JAAR) < 0.07
    assert main(["prognose", "kalibreer", "--peildatum", "2023-03"]) == 2
    assert "pas volledig vanaf 21-11-2022: 3 hele maanden" in capsys.readouterr().err
    noord = ["--gi", "Jeugdbescherming Noord"]
    assert main(["prognose", "kalibreer", "--peildatum", "2022-06", *noord]) == 2
    assert (
        "registreerde Jeugdbescherming Noord nog niet volledig in Ketenzicht (pas vanaf "
        + ("21-11-2022)")
        in capsys.readouterr().err
    )
    assert main(["prognose", "kalibreer", "--peildatum", "2022-06"]) == 2
    assert "registreerde geen GI volledig in Ketenzicht" in capsys.readouterr().err

    # a GI that began later does not pull the others' trend with its first months
    laat = Organisatie.objects.get(naam="Jeugdbescherming Overijssel")
    laat.registratie_vanaf = date(2024, 1, 1)
    laat.save()
    ander = historie(peildatum=date(2024, 9, 1), gi_naam="Jeugdbescherming Gelderland")
    assert set(ander.starts_gis) == {"Jeugdbescherming Gelderland", "Jeugdbescherming Noord"}
    eigen = historie(peildatum=date(2025, 9, 1), gi_naam=laat.naam)
    assert eigen.venster_begin(24) == date(2024, 1, 1)
    assert set(eigen.starts_gis) == {g.naam for g in Organisatie.objects.filter(type="gi")}
    uitleg = next(s.uitleg for s in kalibreer(eigen).schattingen if s.naam == "venster")
    assert uitleg.startswith("vanaf 01-01-2024")
