"""The monitor through the CLI: JSON contract, workload check, stable past peildata."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ketenzicht.cli import main
from ketenzicht.demo.laden import laad
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.maatregelen import MaatregelCode, ToewijzingEindeReden
from ketenzicht.kinderen import services
from ketenzicht.kinderen.models import Maatregel, Toewijzing
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Medewerker, Organisatie
from tests.integration.conftest import in_beheer_wijzigen, met_voortgang

pytestmark = pytest.mark.django_db
TOT = date(2026, 11, 20)
PEIL = "2026-06-01"


@pytest.fixture
def demo(db: None) -> None:
    laad(schaal="klein", seed=5, tot=TOT, voortgang=lambda *_: None)


def monitor_json(capsys, *extra: str) -> dict:  # type: ignore[no-untyped-def]
    assert main(["monitor", "--peildatum", PEIL, "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.usefixtures("demo")
def test_json_vorm_en_workload(capsys) -> None:  # type: ignore[no-untyped-def]
    data = monitor_json(capsys)
    assert data["peildatum"] == PEIL
    assert len(data["gis"]) == 3
    for rij in [*data["gis"], data["landelijk"]]:
        for sleutel in (
            "clienten",
            "fte_formatie",
            "fte_beschikbaar",
            "workload",
            "totaal_wachtend",
        ):
            assert sleutel in rij
        assert set(rij["wachtlijst_start"]) == {"aantal", "gemiddelde_dagen"}
        assert rij["workload"] == round(rij["clienten"] / rij["fte_beschikbaar"], 1)
        assert (
            rij["totaal_wachtend"]
            == rij["wachtlijst_start"]["aantal"] + rij["wachtlijst_intern"]["aantal"]
        )
    n = data["landelijk"]
    assert n["clienten"] == sum(g["clienten"] for g in data["gis"]) > 0
    assert n["workload"] == round(n["clienten"] / n["fte_beschikbaar"], 1)


@pytest.mark.usefixtures("demo")
def test_een_gi_en_onbekende_gi(capsys) -> None:  # type: ignore[no-untyped-def]
    alle = monitor_json(capsys)
    naam = alle["gis"][1]["gi"]
    een = monitor_json(capsys, "--gi", naam)
    assert [g["gi"] for g in een["gis"]] == [naam]
    assert een["gis"][0] == alle["gis"][1] and een["landelijk"] == alle["landelijk"]
    assert main(["monitor", "--peildatum", PEIL, "--gi", "Bestaat Niet"]) == 2
    assert "Onbekende GI" in capsys.readouterr().err


@pytest.mark.usefixtures("demo")
def test_zelfde_verleden_na_nieuwe_gebeurtenissen(capsys) -> None:  # type: ignore[no-untyped-def]
    voor = monitor_json(capsys)
    na_peil = date.fromisoformat(PEIL) + timedelta(days=10)
    gi = Organisatie.objects.filter(type="gi").first()
    lopend = (
        Toewijzing.objects.filter(einde__isnull=True, maatregel__gi=gi)
        .select_related("maatregel")
        .first()
    )
    services.toewijzing_beeindigen(
        toewijzing=lopend,
        einde=max(na_peil, lopend.start),
        reden=ToewijzingEindeReden.UITSTROOM,
        door=None,
    )
    kind = Maatregel.objects.filter(gi=gi).first().kind
    services.maatregel_registreren(
        kind=kind,
        gi=gi,
        code=MaatregelCode.JR_41,
        beschikking_datum=na_peil,
        start=na_peil,
        door=None,
    )
    mw = Medewerker.objects.create(
        gi=gi, naam="Nieuw", rol=Rol.JEUGDBESCHERMER.value, fte=1, in_dienst_van=na_peil
    )
    BeschikbaarheidsPeriode.objects.create(medewerker=mw, soort="ziek", van=na_peil)
    assert monitor_json(capsys) == voor


@pytest.mark.usefixtures("demo")
def test_bekend_op_herhaalt_cijfer_na_correctie_met_terugwerkende_kracht(capsys) -> None:  # type: ignore[no-untyped-def]
    voor = monitor_json(capsys)
    moment = datetime.now(ZoneInfo("Europe/Amsterdam"))
    peil = date.fromisoformat(PEIL)
    lopend = Toewijzing.objects.filter(
        start__lt=peil - timedelta(days=30), einde__isnull=True
    ).first()
    services.toewijzing_beeindigen(
        toewijzing=lopend,
        einde=peil - timedelta(days=20),
        reden=ToewijzingEindeReden.ZIEKTE,
        door=None,
    )
    gecorrigeerd = monitor_json(capsys)
    assert (
        gecorrigeerd["landelijk"]["wachtlijst_intern"]["aantal"]
        == voor["landelijk"]["wachtlijst_intern"]["aantal"] + 1
    )
    assert monitor_json(capsys, "--bekend-op", moment.isoformat()) == voor


def _vaste_jeugdbeschermer_op_peildatum() -> Medewerker:
    """A caseworker in service and at work with a child whose measure runs past PEIL."""
    peil = date.fromisoformat(PEIL)
    toewijzing = (
        Toewijzing.objects.filter(
            start__lt=peil - timedelta(days=60),
            einde__isnull=True,
            maatregel__einde__isnull=True,
            medewerker__uit_dienst_per__isnull=True,
            medewerker__perioden__isnull=True,
        )
        .select_related("medewerker")
        .first()
    )
    assert toewijzing is not None
    return toewijzing.medewerker


@pytest.mark.usefixtures("demo")
def test_bekend_op_negeert_een_vertrek_dat_later_met_terugwerkende_kracht_is_geregistreerd(
    capsys, admin_client
) -> None:  # type: ignore[no-untyped-def]
    voor = monitor_json(capsys)
    moment = datetime.now(ZoneInfo("Europe/Amsterdam"))
    mw = _vaste_jeugdbeschermer_op_peildatum()
    vertrek = date.fromisoformat(PEIL) - timedelta(days=30)
    in_beheer_wijzigen(admin_client, mw, uit_dienst_per=vertrek.isoformat())

    mw.refresh_from_db()
    assert mw.uit_dienst_per == vertrek and mw.uit_dienst_geregistreerd_op > moment
    na = monitor_json(capsys)
    assert (
        na["landelijk"]["wachtlijst_intern"]["aantal"]
        > voor["landelijk"]["wachtlijst_intern"]["aantal"]
    )
    assert na["landelijk"]["fte_beschikbaar"] < voor["landelijk"]["fte_beschikbaar"]
    assert monitor_json(capsys, "--bekend-op", moment.isoformat()) == voor


@pytest.mark.usefixtures("demo")
def test_bekend_op_negeert_een_later_geregistreerd_einde_van_ziekte(capsys, admin_client) -> None:  # type: ignore[no-untyped-def]
    peil = date.fromisoformat(PEIL)
    mw = _vaste_jeugdbeschermer_op_peildatum()
    BeschikbaarheidsPeriode.objects.create(
        medewerker=mw, soort="ziek", van=peil - timedelta(days=60)
    )
    ziek = monitor_json(capsys)
    moment = datetime.now(ZoneInfo("Europe/Amsterdam"))
    # the sickness turns out to have lasted ten days, registered only now
    in_beheer_wijzigen(
        admin_client, mw, **{"perioden-0-tot": (peil - timedelta(days=50)).isoformat()}
    )

    periode = mw.perioden.get()
    assert periode.tot_geregistreerd_op > moment
    beter = monitor_json(capsys)
    assert (
        beter["landelijk"]["wachtlijst_intern"]["aantal"]
        < ziek["landelijk"]["wachtlijst_intern"]["aantal"]
    )
    assert monitor_json(capsys, "--bekend-op", moment.isoformat()) == ziek


def test_registratiemomenten_zijn_in_beheer_niet_te_wijzigen(admin_client) -> None:  # type: ignore[no-untyped-def]
    gi = Organisatie.objects.create(naam="GI Beheer", type="gi")
    mw = Medewerker.objects.create(
        gi=gi, naam="Sam", rol=Rol.JEUGDBESCHERMER.value, fte=1, in_dienst_van=date(2024, 1, 1)
    )
    geregistreerd = mw.geregistreerd_op
    in_beheer_wijzigen(
        admin_client,
        mw,
        geregistreerd_op="2020-01-01 00:00:00",
        uit_dienst_geregistreerd_op="2020-01-01 00:00:00",
    )
    mw.refresh_from_db()
    assert mw.geregistreerd_op == geregistreerd and mw.uit_dienst_geregistreerd_op is None


@pytest.mark.usefixtures("demo")
def test_tabel_noemt_landelijk(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["monitor", "--peildatum", PEIL]) == 0
    uit = capsys.readouterr().out
    assert "Landelijk" in uit and f"peildatum {PEIL}" in uit


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_peildatum_na_vandaag_wordt_geweigerd(capsys) -> None:  # type: ignore[no-untyped-def]
    # the clock stands at 20 November 2026: the 21st has not happened yet, the 20th has
    assert main(["monitor", "--peildatum", "2026-11-21", "--format", "json"]) == 2
    fout = capsys.readouterr()
    assert fout.out == "" and "2026-11-21 ligt na vandaag (2026-11-20)" in fout.err
    assert (
        main(
            [
                "monitor",
                "export",
                "--peildatum",
                "2027-03-01",
                "--format",
                "csv",
                "--uit",
                "/dev/null",
            ]
        )
        == 2
    )
    assert "ligt na vandaag" in capsys.readouterr().err
    assert main(["monitor", "--peildatum", "2026-11-20", "--format", "json"]) == 0
    assert main(["monitor", "--peildatum", "2014-12-31"]) == 2
    assert "ligt voor de Jeugdwet" in capsys.readouterr().err


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_pagina_met_peildatum_na_vandaag_zegt_dat_en_toont_vandaag(client) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User
    from django.urls import reverse

    client.force_login(User.objects.get(username="ministerie"))
    vandaag = met_voortgang(client, reverse("monitor"))
    assert vandaag.status_code == 200 and b"monitor-fout" not in vandaag.content
    for gevraagd, melding in (
        ("2027-03-01", "Peildatum 01-03-2027 ligt na vandaag"),
        ("1 maart", "is geen datum"),
        ("0001-01-01", "ligt voor de Jeugdwet (01-01-2015)"),
    ):
        pagina = met_voortgang(client, reverse("monitor"), {"peildatum": gevraagd})
        assert pagina.status_code == 400
        html = pagina.content.decode()
        assert melding in html and "Peildatum 20 november 2026" in html
        # the figures shown are today's, the same as asked without a date
        assert pagina.context["rijen"] == vandaag.context["rijen"]
    # the first half year after the Jeugdwet has no earlier peildatum to compare with
    vroeg = met_voortgang(client, reverse("monitor"), {"peildatum": "2015-03-01"})
    assert vroeg.status_code == 200 and vroeg.context["verschil"] is None
    assert 'data-testid="verschil"' not in vroeg.content.decode()


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_pagina_schrijft_het_verschil_met_teken_en_decimale_komma(client) -> None:  # type: ignore[no-untyped-def]
    import re

    from django.contrib.auth.models import User
    from django.urls import reverse

    from ketenzicht.domain.monitor import verschil
    from ketenzicht.monitor.selectors import monitor

    client.force_login(User.objects.get(username="ministerie"))
    html = met_voortgang(client, reverse("monitor"), {"peildatum": PEIL}).content.decode()
    regel = re.search(r'data-testid="verschil">(.*?)</p>', html, re.S)
    assert regel is not None
    d = verschil(
        monitor(peildatum=date(2026, 6, 1)).landelijk,
        monitor(peildatum=date(2025, 12, 1)).landelijk,
    )

    def nl(x: float, decimalen: int) -> str:
        tekst = f"{abs(x):,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return tekst if round(x, decimalen) == 0 else ("+" if x > 0 else "−") + tekst

    assert f"fte beschikbaar {nl(d['fte_beschikbaar'], 1)}," in regel.group(1)
    assert f"workload {nl(d['workload'], 1)}," in regel.group(1)
    assert f"totaal wachtend {nl(d['totaal_wachtend'], 0)}." in regel.group(1)


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_api_geeft_de_monitor_zoals_de_cli(client, capsys) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User
    from django.urls import reverse

    url = reverse("api-monitor")
    assert client.get(url, {"peildatum": PEIL}).status_code in (401, 403)  # logged-in users only
    client.force_login(User.objects.get(username="ministerie"))
    assert client.get(url, {"peildatum": PEIL}).json() == monitor_json(capsys)
    naam = monitor_json(capsys)["gis"][0]["gi"]
    een = client.get(url, {"peildatum": PEIL, "gi": naam}).json()
    assert [g["gi"] for g in een["gis"]] == [naam]
    for vraag, veld, tekst in (
        ({"peildatum": "1-6-2026"}, "peildatum", "geen datum"),
        ({"peildatum": "2026-11-21"}, "monitor", "ligt na vandaag"),
        ({"peildatum": PEIL, "gi": "Bestaat Niet"}, "monitor", "Onbekende GI"),
        ({"peildatum": PEIL, "bron": "gok"}, "monitor", "Onbekende bron"),
    ):
        fout = client.get(url, vraag)
        assert fout.status_code == 400 and tekst in fout.json()[veld], vraag
    # the answer is cached, but a new fact shows at once
    gi = Organisatie.objects.get(naam=naam)
    voor = client.get(url, {"peildatum": PEIL, "gi": naam}).json()["gis"][0]["clienten"]
    services.maatregel_registreren(
        kind=Maatregel.objects.filter(gi=gi).first().kind,
        gi=gi,
        code=MaatregelCode.JR_41,
        beschikking_datum=date(2026, 5, 20),
        start=date(2026, 5, 20),
        door=None,
    )
    na = client.get(url, {"peildatum": PEIL, "gi": naam}).json()["gis"][0]["clienten"]
    assert na == voor + 1


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_verloop_is_onbekend_zolang_de_registratie_geen_jaar_loopt(client, capsys) -> None:  # type: ignore[no-untyped-def]
    """The demo's GIs register from the first day of its history: turnover over a year that
    began before it is unknown, in the CLI and on the trend page, which says why."""
    from django.contrib.auth.models import User
    from django.urls import reverse

    begin = set(Organisatie.objects.filter(type="gi").values_list("registratie_vanaf", flat=True))
    assert begin == {TOT - timedelta(days=4 * 365)}
    assert main(["monitor", "--peildatum", "2023-10-01", "--format", "json"]) == 0
    vroeg = json.loads(capsys.readouterr().out)
    assert [g["verloop_pct"] for g in [*vroeg["gis"], vroeg["landelijk"]]] == [None] * 4
    assert main(["monitor", "--peildatum", "2024-04-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["landelijk"]["verloop_pct"] > 5

    client.force_login(User.objects.get(username="ministerie"))
    pagina = met_voortgang(client, reverse("monitor-trend"))
    verloop = {d: i.verloop_pct for d, i, _ in pagina.context["punten"]}
    assert verloop[date(2023, 4, 1)] is None and verloop[date(2023, 10, 1)] is None
    assert all(v is not None for d, v in verloop.items() if d >= date(2024, 4, 1))
    assert 'data-testid="verloop-onbekend"' in pagina.content.decode()


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_voor_de_registratie_telt_een_gi_alleen_met_wat_hij_aanleverde(client, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before a GI registers everything, Ketenzicht holds only what was still running when it
    began: its figures of then are the ones it delivered, or there are none. A national change
    over a peildatum on which other GIs counted is no change in the chain, so none is given."""
    from decimal import Decimal

    from django.contrib.auth.models import User
    from django.urls import reverse

    from ketenzicht.monitor.models import Uitvraagcijfers, Uitvraaglevering

    assert main(["monitor", "--peildatum", "2022-10-01"]) == 0
    assert "Geen cijfers: op deze peildatum registreerde geen GI" in capsys.readouterr().out
    noord = Organisatie.objects.get(naam="Jeugdbescherming Noord")
    Uitvraagcijfers.objects.create(
        levering=Uitvraaglevering.objects.create(bestand="noord.csv"),
        gi=noord,
        peildatum=date(2022, 10, 1),
        clienten=210,
        fte_formatie=Decimal("17"),
        fte_beschikbaar=Decimal("15"),
        verloop_pct=Decimal("14"),
        verzuim_pct=Decimal("7"),
        wachtlijst_start_aantal=4,
        wachtlijst_start_dagen_gem=Decimal("30"),
        wachtlijst_intern_aantal=6,
        wachtlijst_intern_dagen_gem=Decimal("40"),
    )
    uit = monitor_json(capsys, "--vorige", "2022-10-01")
    assert uit["vorige_peildatum"] == "2022-10-01" and len(uit["gis"]) == 3
    assert uit["landelijk"]["verschil"] is None  # then only Noord counted, now all three
    assert [g["verschil"] is not None for g in uit["gis"]] == [False, True, False]
    assert main(["monitor", "--peildatum", "2022-10-01", "--format", "json"]) == 0
    toen = json.loads(capsys.readouterr().out)
    assert [(g["gi"], g["bron"], g["clienten"]) for g in toen["gis"]] == [
        ("Jeugdbescherming Noord", "uitvraag", 210)
    ]

    client.force_login(User.objects.get(username="ministerie"))
    leeg = met_voortgang(client, reverse("monitor"), {"peildatum": "2022-09-01"}).content.decode()
    assert 'data-testid="geen-cijfers"' in leeg and 'data-testid="monitor"' not in leeg
    eerste = met_voortgang(client, reverse("monitor"), {"peildatum": "2023-04-01"}).content.decode()
    assert 'data-testid="andere-gis"' in eerste and 'data-testid="verschil"' not in eerste
    later = met_voortgang(client, reverse("monitor"), {"peildatum": "2024-04-01"}).content.decode()
    assert 'data-testid="verschil"' in later and 'data-testid="andere-gis"' not in later
    # a peildatum on which no GI counted is left out of the trend, not drawn as zeros; moving
    # the registration's first day shows at once (the cached monitors are not reused)
    voor = [d for d, _, _ in met_voortgang(client, reverse("monitor-trend")).context["punten"]]
    assert voor[:2] == [date(2022, 10, 1), date(2023, 4, 1)]
    Organisatie.objects.filter(type="gi").update(registratie_vanaf=date(2023, 5, 1))
    trend = met_voortgang(client, reverse("monitor-trend")).context["punten"]
    assert [d for d, _, _ in trend][:2] == [date(2022, 10, 1), date(2023, 10, 1)]
    assert trend[0][1].clienten == 210 and all(i.clienten > 0 for _, i, _ in trend)


@pytest.mark.usefixtures("bevroren_klok")
def test_pagina_toont_verloop_en_verzuim_nul_als_nul_en_onbekend_als_streep(wereld, client) -> None:  # type: ignore[no-untyped-def]
    """Nobody left GI Alfa: its turnover is 0,0, not unknown. GI Beta began registering
    three months ago: its turnover is unknown, and the page says why."""
    from django.urls import reverse

    for gi in (wereld.gi_a, wereld.gi_b):
        wereld.medewerker(gi)
        wereld.kind(gi, start=date(2026, 9, 1))
    Organisatie.objects.filter(pk=wereld.gi_b.pk).update(registratie_vanaf=date(2026, 8, 1))
    client.force_login(wereld.beleid)
    pagina = met_voortgang(client, reverse("monitor"), {"peildatum": "2026-11-01"})
    rijen = {naam: i for naam, i, _ in pagina.context["rijen"]}
    assert rijen["GI Alfa"].verloop_pct == 0.0 and rijen["GI Beta"].verloop_pct is None
    html = pagina.content.decode()
    assert "Verloop %" in html and "Verzuim %" in html
    cellen = [c.strip() for c in html.split('numeric-data">')[1:]]
    alfa, beta = cellen[:11], cellen[11:22]  # eleven figures a row, verloop and verzuim last
    assert [c.split("<")[0] for c in alfa[9:]] == ["0,0", "0,0"]
    assert [c.split("<")[0] for c in beta[9:]] == ["—", "0,0"]
    assert 'data-testid="verloop-onbekend"' in html
