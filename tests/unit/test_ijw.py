"""iJw 3.2 messages: what Ketenzicht writes validates against the standard's XSDs; what it reads
is refused with the line of every problem; the code lists read as Dutch labels."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from ketenzicht.ijw import lezen, schrijven
from ketenzicht.ijw.codelijsten import codelijst, lees_tabel

MAP = Path(__file__).resolve().parents[3] / "shared" / "ijw"
pytestmark = pytest.mark.skipif(not MAP.exists(), reason=f"iJw-map ontbreekt: {MAP}")

CLIENT = schrijven.Client("999990019", date(2015, 3, 1), "de Vries", "Sem")


def jw315(**kw) -> bytes:  # type: ignore[no-untyped-def]
    velden = dict(
        afzender="98000001", ontvanger="0014", identificatie="KZ1", dagtekening=date(2026, 11, 20),
        client=CLIENT, referentie="HV-1", productcategorie="35", ingangsdatum=date(2026, 11, 23),
    )  # fmt: skip
    return schrijven.jw315(schrijven.Verzoek(**{**velden, **kw}), MAP)


def test_geschreven_jw315_en_jw301_valideren_en_lezen_terug() -> None:
    b = lezen.lees(jw315(), MAP)
    assert (b.kop.soort, b.kop.afzender, b.kop.ontvanger) == ("JW315", "98000001", "0014")
    assert b.bsn == "999990019" and b.producten[0].categorie == "35"
    assert "999990019" not in repr(b)  # a parsed message never prints its BSN
    xml = schrijven.jw301(
        schrijven.Toewijzing(
            "0014",
            "98001001",
            "KZ2",
            date(2026, 11, 20),
            CLIENT,
            7,
            "45",
            date(2026, 11, 20),
            time(10, 5),
            date(2026, 11, 23),
            None,
            "HV-1",
        ),  # fmt: skip
        MAP,
    )
    t = lezen.lees(xml, MAP)
    assert t.kop.soort == "JW301" and t.producten[0].toewijzingnummer == 7
    assert t.producten[0].referentie == "HV-1"


def test_schemafout_noemt_regel_en_element() -> None:
    kapot = jw315().replace(b"<Bsn>999990019</Bsn>", b"<Bsn>12</Bsn>")
    with pytest.raises(lezen.OngeldigBericht) as fout:
        lezen.lees(kapot, MAP)
    (f,) = fout.value.fouten
    assert f.regel == 19 and "Bsn" in f.tekst


def test_onbekende_productcategorie_wordt_geweigerd() -> None:
    with pytest.raises(lezen.OngeldigBericht) as fout:
        lezen.lees(jw315().replace(b">35<", b">99<"), MAP)
    assert "Categorie" in str(fout.value) and "'99'" in str(fout.value)


def test_schrijven_weigert_eigen_ongeldig_bericht() -> None:
    with pytest.raises(RuntimeError, match="ongeldig bericht"):
        jw315(ontvanger="GM0014")  # a CBS code with prefix is not an iJw gemeentecode


def test_entiteiten_worden_niet_opgelost() -> None:
    kwaad = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw315/schema">&e;</Bericht>'
    )
    with pytest.raises(lezen.OngeldigBericht) as fout:
        lezen.lees(kwaad, MAP)
    assert "DOCTYPE" in str(fout.value) and "root" not in str(fout.value)


def test_onbekend_berichttype() -> None:
    with pytest.raises(lezen.OngeldigBericht, match="onbekend berichttype"):
        lezen.lees(b"<Bericht xmlns='urn:x'/>", MAP)


def test_codelijsten_als_leesbare_labels() -> None:
    assert codelijst(MAP, "productcategorie").label("45") == "45 Jeugdhulp ambulant"
    assert codelijst(MAP, "reden_beeindiging").label("31") == (
        "31 Levering is volgens plan beëindigd"
    )
    assert codelijst(MAP, "eenheid").codes["14"] == "Etmaal"
    assert codelijst(MAP, "frequentie").codes["2"] == "Per week"
    assert codelijst(MAP, "productcategorie").label("00") == "00 (onbekende code)"


def test_lees_tabel_neemt_alleen_de_eerste_codetabel() -> None:
    tekst = (
        "| Code | Betekenis |\n|---|---|\n| 1 | Een |\n| 2 | Twee |\n\n| Code | X |\n| 9 | Nee |"
    )
    assert lees_tabel(tekst) == {"1": "Een", "2": "Twee"}
