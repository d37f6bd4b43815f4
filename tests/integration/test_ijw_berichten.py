"""iJw messages in and out: each accepted file becomes facts; a file with a schema error, an
unknown BSN, an unknown code or a used BerichtIdentificatie is refused and changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from ketenzicht.bemiddeling.models import Hulpvraag, IjwBericht, JeugdhulpToewijzing, Zorgperiode
from ketenzicht.bemiddeling.services import hulpvraag_registreren
from ketenzicht.cli import main
from ketenzicht.doorbraak.models import Mijlpaalregistratie
from ketenzicht.ijw import lezen
from ketenzicht.kinderen.bsnopslag import ontsleutel
from ketenzicht.organisaties.models import Organisatie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]

NS = "http://www.istandaarden.nl/ijw/3_2/{}/schema"
B = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
CODE = {"jw305": "438", "jw307": "440", "jw319": "488"}


def _kop(soort: str, afzender: str, ontvanger: str, ident: str) -> str:
    return (
        f"<Header><BerichtCode>{CODE[soort]}</BerichtCode><BerichtVersie>3</BerichtVersie>"
        f"<BerichtSubversie>2</BerichtSubversie><Afzender>{afzender}</Afzender>"
        f"<Ontvanger>{ontvanger}</Ontvanger><BerichtIdentificatie><b:Identificatie>{ident}"
        "</b:Identificatie><b:Dagtekening>2026-11-20</b:Dagtekening></BerichtIdentificatie>"
        "<XsdVersie><b:BasisschemaXsdVersie>0.1.0</b:BasisschemaXsdVersie>"
        "<b:BerichtXsdVersie>0.1.0</b:BerichtXsdVersie></XsdVersie></Header>"
    )


def _client(bsn: str, producten: str) -> str:
    return (
        f"<Client><Bsn>{bsn}</Bsn><Geboortedatum><b:Datum>2015-03-01</b:Datum></Geboortedatum>"
        "<Geslacht>0</Geslacht><Naam><b:Geslachtsnaam><b:Achternaam>de Vries</b:Achternaam>"
        f"</b:Geslachtsnaam></Naam>{producten}</Client>"
    )


def bericht(soort: str, kop: str, romp: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Bericht xmlns="{NS.format(soort)}" '
        f'xmlns:b="{B}">{kop}{romp}</Bericht>'
    ).encode()


def jw305(bsn: str, ident: str, begin: str = "2026-11-18", cat: str = "45") -> bytes:
    product = (
        f"<StartProducten><StartProduct><Product><b:Categorie>{cat}</b:Categorie></Product>"
        f"<Begindatum>{begin}</Begindatum><StatusAanlevering>1</StatusAanlevering>"
        "</StartProduct></StartProducten>"
    )
    return bericht("jw305", _kop("jw305", "98000009", "9999", ident), _client(bsn, product))


def jw307(bsn: str, ident: str, reden: str = "31") -> bytes:
    product = (
        "<StopProducten><StopProduct><Product><b:Categorie>45</b:Categorie></Product>"
        f"<Begindatum>2026-11-18</Begindatum><RedenBeeindiging>{reden}</RedenBeeindiging>"
        "<Einddatum>2026-11-19</Einddatum><StatusAanlevering>1</StatusAanlevering>"
        "</StopProduct></StopProducten>"
    )
    return bericht("jw307", _kop("jw307", "98000009", "9999", ident), _client(bsn, product))


@pytest.fixture
def opzet(wereld):  # type: ignore[no-untyped-def]
    wereld.gi_a.agb_code = "98000001"
    wereld.gi_a.save()
    Organisatie.objects.create(
        naam="Aanbieder Test", type=Organisatie.Type.JEUGDHULPAANBIEDER, agb_code="98000009"
    )
    kind, maatregel = wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    return wereld, kind, maatregel


def _schrijf(tmp_path: Path, naam: str, inhoud: bytes) -> str:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    return str(pad)


def _telling() -> tuple[int, ...]:
    return (
        Hulpvraag.objects.count(),
        Zorgperiode.objects.count(),
        IjwBericht.objects.count(),
        Mijlpaalregistratie.objects.count(),
        JeugdhulpToewijzing.objects.count(),
    )


def test_jw315_rondreis_schrijven_en_lezen_maakt_hulpvraag_met_maatregel(
    opzet, tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    wereld, kind, maatregel = opzet
    hv = hulpvraag_registreren(
        kind=kind, productcategorie="35", aangevraagd_door=wereld.gi_a,
        aangevraagd_op=date(2026, 11, 20), door=None,
    )  # fmt: skip
    assert hv.maatregel == maatregel  # a GI's request carries the measure
    uit = tmp_path / "jw315.xml"
    assert (
        main(
            ["ijw", "schrijf", "--soort", "JW315", "--hulpvraag", hv.referentie, "--uit", str(uit)]
        )
        == 0
    )
    gelezen = lezen.lees(uit.read_bytes(), settings.IJW_MAP)
    assert gelezen.producten[0].referentie == hv.referentie
    assert gelezen.bsn == ontsleutel(kind.bsn_versleuteld).cijfers
    # the sender's own installation knows the message it wrote
    assert main(["ijw", "lees", str(uit)]) == 1
    assert "al verwerkt" in capsys.readouterr().out
    # the same request arriving at the receiving installation becomes a hulpvraag there
    hv.delete()
    IjwBericht.objects.all().delete()
    assert main(["ijw", "lees", str(uit)]) == 0
    assert "geaccepteerd (JW315" in capsys.readouterr().out
    nieuw = Hulpvraag.objects.get()
    assert nieuw.maatregel == maatregel and nieuw.productcategorie == "35"

    assert main(["ijw", "schrijf", "--soort", "JW301", "--hulpvraag", nieuw.referentie,
                 "--aanbieder", "98000009", "--uit", str(tmp_path / "jw301.xml")]) == 0  # fmt: skip
    jw301 = lezen.lees((tmp_path / "jw301.xml").read_bytes(), settings.IJW_MAP)
    assert jw301.kop.ontvanger == "98000009" and jw301.producten[0].toewijzingnummer == 1
    assert JeugdhulpToewijzing.objects.get().hulpvraag == nieuw


def test_jw305_markeert_hulpaanbod_en_jw307_beeindigt_met_reden(opzet, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    wereld, kind, maatregel = opzet
    bsn = ontsleutel(kind.bsn_versleuteld).cijfers
    start = _schrijf(tmp_path, "start.xml", jw305(bsn, "A1"))
    assert main(["ijw", "lees", start]) == 0
    uit = capsys.readouterr().out
    assert "mijlpaal hulpaanbod gehaald op 2026-11-18" in uit and bsn not in uit
    registratie = Mijlpaalregistratie.objects.get(maatregel=maatregel, mijlpaal="hulpaanbod")
    assert registratie.datum == date(2026, 11, 18) and registratie.bron == "iJw JW305"
    stop = _schrijf(tmp_path, "stop.xml", jw307(bsn, "A2"))
    assert main(["ijw", "lees", stop]) == 0
    assert "Levering is volgens plan beëindigd" in capsys.readouterr().out
    periode = Zorgperiode.objects.get()
    assert (periode.einddatum, periode.reden_beeindiging) == (date(2026, 11, 19), "31")


def test_ongeldige_bestanden_worden_geweigerd_en_veranderen_niets(opzet, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    wereld, kind, _ = opzet
    bsn = ontsleutel(kind.bsn_versleuteld).cijfers
    assert main(["ijw", "lees", _schrijf(tmp_path, "goed.xml", jw305(bsn, "B1"))]) == 0
    capsys.readouterr()
    voor = _telling()
    gevallen = {
        "schema.xml": (jw305(bsn, "B2").replace(b"<Geslacht>0", b"<Geslacht>7"), "regel 2"),
        "bsn.xml": (jw305("999999990", "B3"), "onbekend BSN"),
        "elfproef.xml": (jw305("123456789", "B4"), "elfproef"),
        "code.xml": (jw307(bsn, "B5", reden="99"), "RedenBeeindiging"),
        "dubbel.xml": (jw305(bsn, "B1"), "al verwerkt"),
        "agb.xml": (jw305(bsn, "B6").replace(b"98000009", b"98777777"), "onbekende AGB-code"),
        "xml.xml": (b"<Bericht>", "geen geldige XML"),
    }
    bestanden = [_schrijf(tmp_path, naam, inhoud) for naam, (inhoud, _) in gevallen.items()]
    assert main(["ijw", "lees", *bestanden]) == 1
    uit = capsys.readouterr().out
    for naam, (_, verwacht) in gevallen.items():
        blok = uit.split(f"{naam}: ")[1].split(".xml: ")[0]
        assert blok.startswith("geweigerd") and verwacht in blok, (naam, blok)
    assert bsn not in uit
    assert _telling() == voor


def test_jw319_wijst_hulpvraag_af_met_reden(opzet, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    wereld, kind, _ = opzet
    hv = hulpvraag_registreren(
        kind=kind, productcategorie="45", aangevraagd_door=wereld.gi_a,
        aangevraagd_op=date(2026, 11, 20), door=None,
    )  # fmt: skip
    romp = (
        f"<Antwoord><ReferentieAanbieder>{hv.referentie}</ReferentieAanbieder>"
        "<VerzoekAntwoord>1</VerzoekAntwoord><RedenAfwijzingVerzoek>3</RedenAfwijzingVerzoek></Antwoord>"
    )
    xml = bericht("jw319", _kop("jw319", "9999", "98000001", "C1"), romp)
    assert main(["ijw", "lees", _schrijf(tmp_path, "antwoord.xml", xml)]) == 0
    hv.refresh_from_db()
    assert hv.status == "afgewezen" and "Geen contract" in hv.toelichting
