"""A region's capacity list read in from the spreadsheet the providers send
(``ketenzicht capaciteit``): every row stored, or, with any wrong row, none, and every wrong
row named with its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketenzicht.bemiddeling.models import Aanbod, Capaciteit
from ketenzicht.cli import main
from ketenzicht.demo.laden import laad
from ketenzicht.organisaties.models import Organisatie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
REGIO = "Jeugdregio Groningen"


@pytest.fixture
def aanbod(vandaag) -> list[Aanbod]:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=vandaag, voortgang=lambda *_: None)
    regio = Organisatie.objects.get(naam=REGIO)
    return list(Aanbod.objects.filter(vestiging__regio=regio).order_by("pk")[:3])


def _lees(tmp_path: Path, capsys, regels: list[str], *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    bestand = tmp_path / "capaciteit.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8-sig")  # as Excel saves it
    code = main(["capaciteit", "--regio", REGIO, "--bestand", str(bestand), *extra])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_de_lijst_wordt_helemaal_ingelezen(tmp_path, capsys, aanbod) -> None:  # type: ignore[no-untyped-def]
    a, b, c = aanbod
    voor = Capaciteit.objects.count()
    code, uit, _ = _lees(
        tmp_path,
        capsys,
        [
            "aanbod;stand_op;plaatsen;bezet;komen_vrij;vrij_per;eigen_wachtlijst;gemeld_door",
            f"{a.pk};01-12-2026;6;4;0;;3;Kompas, mail",
            f"{b.pk};2026-12-01;5;5;1;15-12-2026;0;Timon, telefonisch",
            f"{c.pk};2026-11-30;8;2;;;;lijst van de regio",
        ],
        "--format",
        "json",
    )
    assert code == 0
    assert [r["aanbod"] for r in json.loads(uit)["opgeslagen"]] == [a.pk, b.pk, c.pk]
    assert Capaciteit.objects.count() == voor + 3
    nieuw = Capaciteit.objects.filter(aanbod=b).order_by("-geregistreerd_op", "-pk").first()
    assert nieuw is not None
    assert (nieuw.plaatsen, nieuw.bezet, nieuw.verwacht_vrij) == (5, 5, 1)
    assert nieuw.verwacht_vrij_per.isoformat() == "2026-12-15"
    assert nieuw.gemeld_door == "Timon, telefonisch"


def test_een_lijst_met_fouten_slaat_niets_op_en_noemt_elke_fout(tmp_path, capsys, aanbod) -> None:  # type: ignore[no-untyped-def]
    a, b, c = aanbod
    elders = Aanbod.objects.exclude(vestiging__regio__naam=REGIO).first()
    assert elders is not None
    voor = list(Capaciteit.objects.order_by("pk").values_list())
    code, _, fout = _lees(
        tmp_path,
        capsys,
        [
            "aanbod,stand_op,plaatsen,bezet,komen_vrij,vrij_per,eigen_wachtlijst,gemeld_door",
            f"{a.pk},2026-12-01,6,4,0,,3,goed",
            f"{b.pk},2026-12-01,5,7,0,,0,meer bezet dan plaatsen",
            f"{c.pk},31-02-2026,5,2,0,,0,geen datum",
            f"{c.pk},2026-12-01,5,2,1,,0,geen vrij-per",
            f"{elders.pk},2026-12-01,5,2,0,,0,andere regio",
            f"x{a.pk},2026-12-01,zes,2,0,,0,",
            f"{a.pk},2026-12-01,99999999999,2,0,,0,te veel",
            f"{a.pk},2026-12-01,5,2,0,,0,{'x' * 151}",
        ],
    )
    assert code == 2
    for tekst in (
        "regel 3: Bezet (7) is meer dan het aantal plaatsen (5).",
        "regel 4, stand_op: geen datum (2026-12-03 of 03-12-2026): '31-02-2026'",
        "regel 5, vrij_per: Geef aan per wanneer de plekken vrijkomen.",
        "regel 6: Dit aanbod is niet bekend in deze regio.",
        f"regel 7, aanbod: geen geheel getal: 'x{a.pk}'",
        "regel 8: Aantallen zijn hoogstens 10.000.",
        "regel 9, gemeld_door: Gemeld door is hoogstens 150 tekens.",
        "Niets opgeslagen: 7 fout(en).",
    ):
        assert tekst in fout, tekst
    assert list(Capaciteit.objects.order_by("pk").values_list()) == voor  # not even row 2


@pytest.mark.parametrize(
    ("regels", "fout"),
    [
        (["aanbod;plaatsen;bezet;gemeld_door"], "kolommen ontbreekt: stand_op"),
        (["aanbod;stand_op;plaatsen;bezet;gemeld_door;prijs"], "onbekend: prijs"),
        (["aanbod;stand_op;plaatsen;bezet;gemeld_door"], "regel 2: geen regels onder de kop"),
        ([], "regel 1: het bestand is leeg"),
    ],
)
def test_een_lijst_zonder_de_juiste_kop(tmp_path, capsys, aanbod, regels, fout) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _lees(tmp_path, capsys, regels)
    assert code == 2 and fout in err


def test_onbekende_regio_of_bestand(tmp_path, capsys, aanbod) -> None:  # type: ignore[no-untyped-def]
    assert main(["capaciteit", "--regio", "Nergens", "--bestand", "x.csv"]) == 2
    assert "onbekende jeugdregio 'Nergens'" in capsys.readouterr().err
    weg = str(tmp_path / "bestaat-niet.csv")
    assert main(["capaciteit", "--regio", REGIO, "--bestand", weg]) == 2
    assert "bestaat-niet.csv" in capsys.readouterr().err


def test_de_lijst_gaat_naar_de_aanbieders_en_komt_terug(client, aanbod, vandaag) -> None:  # type: ignore[no-untyped-def]
    """Download on the table page, change one row, upload: that row is a new report, the rows
    that came back as they went are left alone."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ketenzicht.demo.logins import DEMO_WACHTWOORD

    client.login(username="zbt1", password=DEMO_WACHTWOORD)
    lijst = client.get("/bemiddeling/capaciteit/lijst/")
    assert lijst["Content-Disposition"].startswith('attachment; filename="capaciteit-jeugdregio')
    tekst = lijst.content.decode("utf-8-sig")
    kop, *rijen = tekst.splitlines()
    assert kop.startswith("aanbod;naam;aanbieder;vestiging;stand_op;plaatsen;bezet")
    regio = Organisatie.objects.get(naam=REGIO)
    assert len(rijen) == Aanbod.objects.filter(vestiging__regio=regio).count()
    voor = Capaciteit.objects.count()

    def terug(regels: list[str]) -> str:
        bestand = SimpleUploadedFile("lijst.csv", "\n".join([kop, *regels]).encode("utf-8-sig"))
        pagina = client.post("/bemiddeling/capaciteit/lijst/", {"lijst": bestand}, follow=True)
        return pagina.content.decode()

    assert f"0 meldingen van capaciteit opgeslagen, {len(rijen)} ongewijzigd" in terug(rijen)
    assert Capaciteit.objects.count() == voor

    a = aanbod[0]
    cellen = next(r for r in rijen if r.startswith(f"{a.pk};")).split(";")
    cellen[4:7] = [vandaag.isoformat(), "9", "3"]  # stand_op, plaatsen, bezet
    cellen[-1] = "aanbieder, lijst van december"
    veranderd = [";".join(cellen) if r.startswith(f"{a.pk};") else r for r in rijen]
    assert f"1 meldingen van capaciteit opgeslagen, {len(rijen) - 1} ongewijzigd" in terug(
        veranderd
    )
    nieuw = Capaciteit.objects.filter(aanbod=a).latest("geregistreerd_op", "pk")
    assert (nieuw.plaatsen, nieuw.bezet, nieuw.gemeld_door) == (
        9,
        3,
        "aanbieder, lijst van december",
    )

    cellen[6] = "12"  # more occupied than places: nothing of the list is stored
    fout = terug([";".join(cellen)])
    assert "Lijst niet ingelezen, niets opgeslagen (1 fout)." in fout
    assert "regel 2: Bezet (12) is meer dan het aantal plaatsen (9)." in fout
    assert Capaciteit.objects.count() == voor + 1
    assert (
        "kies het bestand"
        in client.post("/bemiddeling/capaciteit/lijst/", follow=True).content.decode()
    )
    client.login(username="planner1", password=DEMO_WACHTWOORD)
    assert client.get("/bemiddeling/capaciteit/lijst/").status_code == 404
