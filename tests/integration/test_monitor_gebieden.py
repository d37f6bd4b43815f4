"""Waiting children per jeugdregio and gemeente: CLI, API and page agree with the monitor."""

from __future__ import annotations

import csv
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.cli import main
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from tests.integration.conftest import met_voortgang
from tests.integration.test_monitor_en_cli import PEIL, demo  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def uitvoer(capsys, *args: str) -> dict:  # type: ignore[no-untyped-def]
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def ingelogd(org: Organisatie) -> Client:
    user = get_user_model().objects.create_user(username=f"u{org.pk}", password="x-geheim-1")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=Lidmaatschap.Rol.BELEID)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.usefixtures("demo")
def test_de_regios_samen_zijn_het_landelijke_cijfer_van_de_monitor(capsys) -> None:  # type: ignore[no-untyped-def]
    per_regio = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL)
    landelijk = uitvoer(capsys, "monitor", "--peildatum", PEIL)["landelijk"]

    assert per_regio["niveau"] == "regio" and per_regio["regio"] is None
    namen = [g["naam"] for g in per_regio["gebieden"]]
    assert namen == sorted(
        Organisatie.objects.filter(type="jeugdregio").values_list("naam", flat=True)
    )
    totaal = per_regio["totaal"]
    for sleutel in ("clienten", "wachtlijst_start", "wachtlijst_intern", "totaal_wachtend"):
        assert totaal[sleutel] == landelijk[sleutel]
    assert totaal["totaal_wachtend"] > 0
    assert sum(g["totaal_wachtend"] for g in per_regio["gebieden"]) == totaal["totaal_wachtend"]
    assert per_regio["niet_geteld"] == []


@pytest.mark.usefixtures("demo")
def test_per_gemeente_telt_een_regio_uit(capsys) -> None:  # type: ignore[no-untyped-def]
    per_regio = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL)
    drukste = max(per_regio["gebieden"], key=lambda g: g["totaal_wachtend"])

    per_gemeente = uitvoer(
        capsys, "monitor", "gebieden", "--peildatum", PEIL, "--regio", drukste["naam"]
    )

    assert per_gemeente["niveau"] == "gemeente" and per_gemeente["regio"] == drukste["naam"]
    assert {g["naam"] for g in per_gemeente["gebieden"]} == set(
        Organisatie.objects.filter(regio__naam=drukste["naam"], type="gemeente").values_list(
            "naam", flat=True
        )
    )
    assert per_gemeente["totaal"] == {k: v for k, v in drukste.items() if k != "naam"}
    kort = drukste["naam"].removeprefix("Jeugdregio ")  # the region's own name will do
    assert uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL, "--regio", kort) == (
        per_gemeente
    )


@pytest.mark.usefixtures("demo")
def test_een_gi_die_nog_niet_volledig_registreert_telt_niet_mee_en_wordt_genoemd(capsys) -> None:  # type: ignore[no-untyped-def]
    voor = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL)
    gi = Organisatie.objects.filter(type="gi").order_by("naam").first()
    per_gi = uitvoer(capsys, "monitor", "--peildatum", PEIL, "--gi", gi.naam)["gis"][0]
    assert main(["gi", "registratie", "--gi", gi.naam, "--vanaf", "2026-07-01"]) == 0
    capsys.readouterr()

    na = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL)

    assert na["niet_geteld"] == [gi.naam]
    assert na["totaal"]["clienten"] == voor["totaal"]["clienten"] - per_gi["clienten"]
    assert (
        na["totaal"]["totaal_wachtend"]
        == voor["totaal"]["totaal_wachtend"] - per_gi["totaal_wachtend"]
    )


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (["--peildatum", PEIL, "--regio", "Jeugdregio Atlantis"], "Onbekende jeugdregio"),
        (["--peildatum", "2999-01-01"], "ligt na vandaag"),
    ],
)
def test_foute_vraag_geeft_een_melding_en_exit_2(capsys, extra: list[str], melding: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["monitor", "gebieden", *extra]) == 2
    fout = capsys.readouterr()
    assert fout.out == "" and melding in fout.err


@pytest.mark.usefixtures("demo")
def test_api_geeft_wat_de_cli_geeft(capsys) -> None:  # type: ignore[no-untyped-def]
    regio = Organisatie.objects.filter(type="jeugdregio").order_by("naam").first()
    client = ingelogd(Organisatie.objects.get(type="ministerie"))
    url = reverse("api-monitor-gebieden")

    for extra in ([], ["--regio", regio.naam]):
        cli = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL, *extra)
        params = {"peildatum": PEIL, **({"regio": regio.naam} if extra else {})}
        assert client.get(url, params).json() == cli

    fout = client.get(url, {"peildatum": "1-6-2026"})
    assert fout.status_code == 400 and "peildatum" in fout.json()
    assert client.get(url, {"peildatum": PEIL, "regio": "Nergens"}).status_code == 400
    assert Client().get(url, {"peildatum": PEIL}).status_code in (401, 403)


@pytest.mark.usefixtures("demo")
def test_pagina_opent_voor_een_gemeente_op_de_eigen_regio(capsys) -> None:  # type: ignore[no-untyped-def]
    gemeente = (
        Organisatie.objects.filter(type="gemeente", inwonende_kinderen__isnull=False)
        .select_related("regio")
        .first()
    )
    url = reverse("monitor-gebieden")

    pagina = ingelogd(gemeente).get(url, {"peildatum": PEIL})

    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert f"Wachtenden per gemeente — {gemeente.regio.naam}" in html
    assert gemeente.naam in html and 'data-testid="alle-regios"' in html
    cli = uitvoer(
        capsys, "monitor", "gebieden", "--peildatum", PEIL, "--regio", gemeente.regio.naam
    )
    assert pagina.context["totaal"].totaal_wachtend == cli["totaal"]["totaal_wachtend"]

    ministerie = ingelogd(Organisatie.objects.get(type="ministerie"))
    alle = ministerie.get(url, {"peildatum": PEIL})
    assert alle.status_code == 200 and alle.context["regio"] is None
    assert len(alle.context["rijen"]) == Organisatie.objects.filter(type="jeugdregio").count()
    fout = ministerie.get(url, {"peildatum": PEIL, "regio": "Nergens"})
    assert fout.status_code == 400 and "Onbekende jeugdregio" in fout.content.decode()


@pytest.mark.usefixtures("demo")
def test_csv_verbergt_kleine_aantallen_en_wat_ze_verraadt(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    regio = (
        Organisatie.objects.filter(type="jeugdregio", gemeenten__inwonende_kinderen__isnull=False)
        .distinct()
        .order_by("naam")
        .first()
    )
    json_uit = uitvoer(capsys, "monitor", "gebieden", "--peildatum", PEIL, "--regio", regio.naam)
    bestand = tmp_path / "gebieden.csv"
    assert (
        main(
            [
                "monitor",
                "gebieden",
                "--peildatum",
                PEIL,
                "--regio",
                regio.naam,
                "--format",
                "csv",
                "--uit",
                str(bestand),
            ]
        )
        == 0
    )
    capsys.readouterr()
    rijen = list(csv.DictReader(bestand.open(encoding="utf-8")))

    verwacht = {g["naam"]: g for g in json_uit["gebieden"]} | {regio.naam: json_uit["totaal"]}
    assert [r["gebied"] for r in rijen] == list(verwacht)
    verborgen = 0
    for r in rijen:
        echt = verwacht[r["gebied"]]
        for kolom in ("clienten", "wachtlijst_start", "wachtlijst_intern", "totaal_wachtend"):
            aantal = echt[kolom]["aantal"] if kolom.startswith("wachtlijst") else echt[kolom]
            if 0 < aantal < 5:
                assert r[kolom] == "<5"
            if r[kolom] in ("<5", "x"):
                verborgen += 1
            else:
                assert int(r[kolom]) == aantal
        for kolom in ("wachtlijst_start", "wachtlijst_intern"):
            if r[kolom] in ("<5", "x"):
                assert r[f"{kolom}_dagen"] == ""
        if r["totaal_wachtend"] in ("<5", "x") or r["clienten"] in ("<5", "x"):
            assert r["aandeel_wachtend_pct"] == ""
    assert verborgen > 0  # a klein demo has gemeenten with few children waiting

    client = ingelogd(Organisatie.objects.get(type="ministerie"))
    download = client.get(reverse("monitor-gebieden-csv"), {"peildatum": PEIL, "regio": regio.naam})
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert download.content == bestand.read_bytes()


@pytest.mark.usefixtures("demo")
def test_trend_telt_elke_peildatum_op_zoals_de_monitor(capsys) -> None:  # type: ignore[no-untyped-def]
    client = ingelogd(Organisatie.objects.get(type="ministerie"))

    trend = met_voortgang(client, reverse("monitor-gebieden-trend"))

    assert trend.status_code == 200
    punten = trend.context["punten"]
    assert len(punten) >= 2
    for peildatum, totaal, niet_geteld in punten:
        landelijk = uitvoer(capsys, "monitor", "--peildatum", peildatum.isoformat())["landelijk"]
        assert totaal.wachtlijst_start.aantal == landelijk["wachtlijst_start"]["aantal"]
        assert totaal.wachtlijst_intern.aantal == landelijk["wachtlijst_intern"]["aantal"]
        assert niet_geteld == []
    assert 'id="grafiek-gebieden-trend"' in trend.content.decode()
    regio = Organisatie.objects.filter(type="jeugdregio").order_by("naam").first()
    per_regio = met_voortgang(client, reverse("monitor-gebieden-trend"), {"regio": regio.naam})
    laatste_datum, laatste, _ = per_regio.context["punten"][-1]
    cli = uitvoer(
        capsys,
        "monitor",
        "gebieden",
        "--peildatum",
        laatste_datum.isoformat(),
        "--regio",
        regio.naam,
    )
    assert laatste.totaal_wachtend == cli["totaal"]["totaal_wachtend"]
    fout = client.get(reverse("monitor-gebieden-trend"), {"regio": "Nergens"})
    assert fout.status_code == 400
