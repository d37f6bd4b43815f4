"""The uitvraag (figures delivered by GIs not on the system), the published table reproduced,
and the public exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from ketenzicht.cli import main
from ketenzicht.domain.uitvraag import KOLOMMEN
from ketenzicht.monitor.models import Uitvraagcijfers
from ketenzicht.organisaties.models import Organisatie
from tests.integration.conftest import met_voortgang

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]

# The published national inputs (DOMAIN.md). Formation is not published in the sources; it is
# set at available / 0.88 (the ~88% availability of DOMAIN.md) and does not enter the checks.
GEPUBLICEERD = [
    [
        "Nederland",
        "2023-10-01",
        "32429",
        "2411.4",
        "2122",
        "16.2",
        "7.1",
        "319",
        "34",
        "1179",
        "36",
    ],
    ["Nederland", "2024-04-01", "32080", "2561.4", "2254", "15.0", "7.0", "518", "34", "825", "47"],
]


def schrijf_csv(pad: Path, rijen: list[list[str]], kop: list[str] | None = None) -> Path:
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(kop or list(KOLOMMEN))
        w.writerows(rijen)
    return pad


def test_gepubliceerde_tabel_precies_gereproduceerd(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    Organisatie.objects.create(naam="Nederland", type=Organisatie.Type.GI)
    bestand = schrijf_csv(tmp_path / "uitvraag.csv", GEPUBLICEERD)
    assert main(["uitvraag", "import", str(bestand)]) == 0
    assert "2 rijen opgeslagen" in capsys.readouterr().out
    uit = {}
    for peildatum in ("2023-10-01", "2024-04-01"):
        args = ["monitor", "--peildatum", peildatum, "--bron", "uitvraag", "--format", "json"]
        assert main(args) == 0
        uit[peildatum] = json.loads(capsys.readouterr().out)
    okt, apr = uit["2023-10-01"]["landelijk"], uit["2024-04-01"]["landelijk"]
    assert (okt["workload"], okt["totaal_wachtend"]) == (15.3, 1498)
    assert (apr["workload"], apr["totaal_wachtend"]) == (14.2, 1343)
    assert apr["wachtlijst_intern"] == {"aantal": 825, "gemiddelde_dagen": 47.0}
    assert uit["2024-04-01"]["gis"][0]["bron"] == "uitvraag"
    args = ["monitor", "--peildatum", "2024-04-01", "--bron", "uitvraag", "--vorige"]
    assert main([*args, "--format", "json"]) == 0
    verschil = json.loads(capsys.readouterr().out)
    assert verschil["vorige_peildatum"] == "2023-10-01"
    assert verschil["landelijk"]["verschil"]["totaal_wachtend"] == -155
    assert verschil["landelijk"]["verschil"]["workload"] == -1.1


def test_registratie_en_uitvraag_samen_met_herkomst(wereld, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    wereld.kind(wereld.gi_a, start=date(2026, 1, 5))  # GI Alfa registers in Ketenzicht
    rij = ["GI Beta", "2026-10-01", "1000", "80", "70", "15", "7", "10", "30", "20", "40"]
    schrijf_csv(tmp_path / "u.csv", [rij, ["GI Alfa", *rij[1:]]])
    assert main(["uitvraag", "import", str(tmp_path / "u.csv")]) == 0
    capsys.readouterr()
    assert main(["monitor", "--peildatum", "2026-10-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    bron = {g["gi"]: (g["bron"], g["clienten"]) for g in data["gis"]}
    # a GI that registers is computed from its registration, the other from its delivery
    assert bron == {"GI Alfa": ("registratie", 1), "GI Beta": ("uitvraag", 1000)}
    assert data["landelijk"]["clienten"] == 1001


FOUTEN = [
    (
        ["Nederland", "2024-04-01", "veel", "2561", "2254", "15", "7", "518", "34", "825", "47"],
        "rij 2, kolom clienten, waarde 'veel': geen geheel getal",
    ),
    (
        ["Nederland", "2024-04-01", "32080", "-5", "2254", "15", "7", "518", "34", "825", "47"],
        "rij 2, kolom fte_formatie, waarde '-5': moet 0 of meer zijn",
    ),
    (
        ["Nederland", "2024-04-01", "32080", "2000", "2254", "15", "7", "518", "34", "825", "47"],
        "rij 2, kolom fte_beschikbaar, waarde '2254': beschikbaar is meer dan de formatie (2000)",
    ),
    (
        ["Onbekend", "2024-04-01", "32080", "2561", "2254", "15", "7", "518", "34", "825", "47"],
        "rij 2, kolom gi, waarde 'Onbekend': onbekende GI",
    ),
    (
        ["Nederland", "1-4-2024", "32080", "2561", "2254", "15", "7", "518", "34", "825", "47"],
        "rij 2, kolom peildatum, waarde '1-4-2024': geen datum in de vorm JJJJ-MM-DD",
    ),
    (
        ["Nederland", "2024-04-01", "32080", "2561", "2254", "150", "7", "518", "34", "825", "47"],
        "rij 2, kolom verloop_pct, waarde '150': een percentage ligt tussen 0 en 100",
    ),
]


def test_foute_levering_wordt_geheel_geweigerd(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    Organisatie.objects.create(naam="Nederland", type=Organisatie.Type.GI)
    goed = GEPUBLICEERD[1]
    for rij, melding in FOUTEN:
        bestand = schrijf_csv(tmp_path / "fout.csv", [GEPUBLICEERD[0], rij])
        assert main(["uitvraag", "import", str(bestand)]) == 2
        fout = capsys.readouterr().err
        assert melding.replace("rij 2", "rij 3") in fout, fout
        assert "niets opgeslagen" in fout
    dubbel = schrijf_csv(tmp_path / "dubbel.csv", [goed, goed])
    assert main(["uitvraag", "import", str(dubbel)]) == 2
    assert "rij 3, kolom peildatum" in capsys.readouterr().err
    kop = [k for k in KOLOMMEN if k != "verzuim_pct"]
    zonder = schrijf_csv(tmp_path / "zonder.csv", [goed[:6] + goed[7:]], kop)
    assert main(["uitvraag", "import", str(zonder)]) == 2
    assert "kolom verzuim_pct: kolom ontbreekt" in capsys.readouterr().err
    # several problems in one file: each is reported
    bestand = schrijf_csv(tmp_path / "veel.csv", [FOUTEN[0][0], FOUTEN[3][0]])
    assert main(["uitvraag", "import", str(bestand)]) == 2
    fout = capsys.readouterr().err
    assert FOUTEN[0][1] in fout and FOUTEN[3][1].replace("rij 2", "rij 3") in fout
    assert not Uitvraagcijfers.objects.exists()


def test_sjabloon_xlsx_ingevuld_terug(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    Organisatie.objects.create(naam="Nederland", type=Organisatie.Type.GI)
    pad = tmp_path / "sjabloon.xlsx"
    assert main(["uitvraag", "sjabloon", "--uit", str(pad), "--peildatum", "2024-04-01"]) == 0
    boek = load_workbook(pad)
    assert [c.value for c in boek["uitvraag"][1]] == list(KOLOMMEN)
    assert boek["toelichting"]["A2"].value == "gi"
    blad = boek["uitvraag"]
    for i, waarde in enumerate(GEPUBLICEERD[1][2:], start=3):
        blad.cell(2, i, float(waarde))
    boek.save(pad)
    assert main(["uitvraag", "import", str(pad)]) == 0
    assert Uitvraagcijfers.objects.get().clienten == 32080


def test_exports_met_kleine_aantallen_en_een_pdf_met_grafieken(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    for naam in ("GI Klein", "GI Midden", "GI Groot"):
        Organisatie.objects.create(naam=naam, type=Organisatie.Type.GI)
    rijen = [
        ["GI Klein", "2024-04-01", "300", "25", "22", "15", "7", "3", "20", "12", "30"],
        ["GI Midden", "2024-04-01", "3000", "240", "210", "15", "7", "40", "34", "60", "44"],
        ["GI Groot", "2024-04-01", "9000", "700", "620", "15", "7", "120", "35", "200", "48"],
    ]
    assert main(["uitvraag", "import", str(schrijf_csv(tmp_path / "u.csv", rijen))]) == 0
    basis = ["monitor", "export", "--peildatum", "2024-04-01"]
    assert main([*basis, "--format", "csv", "--uit", str(tmp_path / "m.csv")]) == 0
    tabel = {r["gi"]: r for r in csv.DictReader((tmp_path / "m.csv").open(encoding="utf-8"))}
    assert tabel["GI Klein"]["wachtlijst_start"] == "<5"
    assert tabel["GI Klein"]["wachtlijst_start_dagen"] == ""
    # the small cell cannot be recovered from the national total or the row total
    assert tabel["GI Klein"]["totaal_wachtend"] == "x"
    assert "x" in (tabel["GI Midden"]["wachtlijst_start"], tabel["GI Groot"]["wachtlijst_start"])
    assert tabel["Landelijk"]["wachtlijst_start"] == "163"
    assert main([*basis, "--format", "xlsx", "--uit", str(tmp_path / "m.xlsx")]) == 0
    from openpyxl import load_workbook

    boek = load_workbook(tmp_path / "m.xlsx")
    assert boek.sheetnames == ["monitor", "definities"]
    assert any(r[0].value == "workload" for r in boek["definities"].iter_rows())
    assert main([*basis, "--format", "pdf", "--uit", str(tmp_path / "m.pdf")]) == 0
    import pypdfium2

    pdf = pypdfium2.PdfDocument(tmp_path / "m.pdf")
    assert len(pdf) == 2
    beeld = np.asarray(pdf[0].render(scale=1).to_pil().convert("L"))
    gekleurd = (beeld < 200).mean()
    assert gekleurd > 0.03, f"page 1 is (nearly) blank: {gekleurd:.1%} ink"
    assert (
        main([*basis, "--format", "csv", "--uit", str(tmp_path / "s.csv"), "--gis", "GI Groot"])
        == 0
    )
    gekozen = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert [r["gi"] for r in gekozen] == ["GI Groot", "Landelijk"]
    assert main([*basis, "--format", "csv", "--uit", str(tmp_path / "t.csv"), "--gis", "Nee"]) == 2


def test_trend_en_definities_voor_het_ministerie(wereld, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client
    from django.urls import reverse

    Organisatie.objects.create(naam="Nederland", type=Organisatie.Type.GI)
    main(["uitvraag", "import", str(schrijf_csv(tmp_path / "u.csv", GEPUBLICEERD))])
    c = Client()
    c.force_login(wereld.beleid)
    html = met_voortgang(c, reverse("monitor-trend")).content.decode()
    assert "01-10-2023" in html and "01-04-2024" in html
    assert "15,3" in html and "14,2" in html and "1.498" in html and "1.343" in html
    assert '"workload": [15.3, 14.2]' in html  # the chart data
    assert '"peildata": ["01-10-2023", "01-04-2024"]' in html  # its axis, dated as the table
    # the menu says where one is: the trend page is part of the monitor
    assert f'href="{reverse("monitor")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1
    definities = Client().get(reverse("definities")).content.decode()
    assert "Organisatieworkload" in definities
