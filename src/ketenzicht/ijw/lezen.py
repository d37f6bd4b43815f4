"""Reading iJw messages: parse safely, validate against the XSD, check the code lists, and turn
the parts the chain uses into plain values. Nothing here writes anything.

Every problem is a ``Fout`` with the line it is on, so a sender can find it; a file with any
``Fout`` is refused whole (``OngeldigBericht``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from lxml import etree

from ketenzicht.ijw.codelijsten import codelijst

NS_BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
SOORTEN = ("JW301", "JW305", "JW307", "JW315", "JW319")


def namespace(soort: str) -> str:
    return f"http://www.istandaarden.nl/ijw/3_2/{soort.lower()}/schema"


@dataclass(frozen=True, slots=True)
class Fout:
    regel: int | None
    tekst: str

    def __str__(self) -> str:
        return f"regel {self.regel}: {self.tekst}" if self.regel else self.tekst


class OngeldigBericht(ValueError):
    def __init__(self, fouten: list[Fout]) -> None:
        super().__init__("; ".join(str(f) for f in fouten))
        self.fouten = fouten


@dataclass(frozen=True, slots=True)
class Kop:
    soort: str
    afzender: str  # AGB code (aanbieder/GI) or 4-digit gemeentecode
    ontvanger: str
    identificatie: str
    dagtekening: date


@dataclass(frozen=True, slots=True)
class Product:
    categorie: str | None = None
    code: str | None = None
    referentie: str | None = None
    toewijzingnummer: int | None = None
    ingangsdatum: date | None = None  # requested / assigned start
    einddatum: date | None = None
    begindatum: date | None = None  # JW305/JW307: care actually started
    reden_beeindiging: str | None = None


@dataclass(frozen=True, slots=True)
class Antwoord:
    """JW319: the municipality's answer to a request for assignment."""

    referentie: str
    verzoek_antwoord: str
    reden_afwijzing: str | None


@dataclass(frozen=True, slots=True)
class Bericht:
    kop: Kop
    bsn: str | None = field(default=None, repr=False)  # never in a log line
    geboortedatum: date | None = None
    achternaam: str | None = None
    producten: tuple[Product, ...] = ()
    antwoord: Antwoord | None = None


def _parser() -> etree.XMLParser:
    # No entities, no DTD, no network: a message is data, never instructions.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def schema(map_: Path, soort: str) -> etree.XMLSchema:
    pad = map_ / "xsd" / f"{soort}.xsd"
    if not pad.exists():
        raise FileNotFoundError(f"XSD voor {soort} niet gevonden: {pad}")
    return etree.XMLSchema(etree.parse(str(pad), _parser()))


def _soort(wortel: etree._Element) -> str | None:
    ns = etree.QName(wortel).namespace or ""
    return next((s for s in SOORTEN if ns == namespace(s)), None)


def valideer(inhoud: bytes, map_: Path) -> tuple[str, etree._Element]:
    """The message type and parsed root, or ``OngeldigBericht`` with every schema error."""
    try:
        wortel = etree.fromstring(inhoud, _parser())
    except etree.XMLSyntaxError as fout:
        raise OngeldigBericht([Fout(fout.lineno, f"geen geldige XML: {fout.msg}")]) from None
    if wortel.getroottree().docinfo.doctype:
        raise OngeldigBericht([Fout(1, "een DOCTYPE (met entiteiten) is in iJw niet toegestaan")])
    soort = _soort(wortel)
    if soort is None or etree.QName(wortel).localname != "Bericht":
        ns = etree.QName(wortel).namespace
        ondersteund = ", ".join(SOORTEN)
        raise OngeldigBericht(
            [Fout(wortel.sourceline, f"onbekend berichttype (namespace {ns!r}); ken {ondersteund}")]
        )
    xsd = schema(map_, soort)
    if not xsd.validate(wortel):
        raise OngeldigBericht(
            [Fout(e.line, f"{soort}.xsd: {_zonder_ns(e.message)}") for e in xsd.error_log]
        )
    return soort, wortel


def _zonder_ns(tekst: str) -> str:
    """Schema messages name elements as ``{namespace}Naam``; the name alone reads better."""
    import re

    return re.sub(r"\{https?://[^}]*\}", "", tekst)


def lees(inhoud: bytes, map_: Path) -> Bericht:
    """Validate and read one message; raises ``OngeldigBericht`` with every problem found."""
    soort, wortel = valideer(inhoud, map_)

    def tekst(el: etree._Element, pad: str) -> str | None:
        gevonden = el.find(_pad(pad))
        return gevonden.text.strip() if gevonden is not None and gevonden.text else None

    def datum(el: etree._Element, pad: str) -> date | None:
        waarde = tekst(el, pad)
        return date.fromisoformat(waarde) if waarde else None

    kop = Kop(
        soort=soort,
        afzender=tekst(wortel, "m:Header/m:Afzender") or "",
        ontvanger=tekst(wortel, "m:Header/m:Ontvanger") or "",
        identificatie=tekst(wortel, "m:Header/m:BerichtIdentificatie/m:Identificatie") or "",
        dagtekening=datum(wortel, "m:Header/m:BerichtIdentificatie/m:Dagtekening") or date.min,
    )
    if soort == "JW319":
        a = wortel.find(_pad("m:Antwoord"))
        antwoord = Antwoord(
            referentie=tekst(a, "m:ReferentieAanbieder") or "",
            verzoek_antwoord=tekst(a, "m:VerzoekAntwoord") or "",
            reden_afwijzing=tekst(a, "m:RedenAfwijzingVerzoek"),
        )
        _controleer_codes(map_, [], antwoord)
        return Bericht(kop=kop, antwoord=antwoord)
    client = wortel.find(_pad("m:Client"))
    producten = tuple(
        Product(
            categorie=tekst(p, "m:Product/m:Categorie"),
            code=tekst(p, "m:Product/m:Code"),
            referentie=tekst(p, "m:ReferentieAanbieder"),
            toewijzingnummer=int(n) if (n := tekst(p, "m:ToewijzingNummer")) else None,
            ingangsdatum=datum(p, "m:ToewijzingIngangsdatum") or datum(p, "m:Ingangsdatum"),
            einddatum=datum(p, "m:ToewijzingEinddatum") or datum(p, "m:Einddatum"),
            begindatum=datum(p, "m:Begindatum"),
            reden_beeindiging=tekst(p, "m:RedenBeeindiging"),
        )
        for p in client.iterfind(_pad(".//m:" + _PRODUCT[soort]))
    )
    _controleer_codes(map_, producten, None, regels=_regels(client, soort))
    return Bericht(
        kop=kop,
        bsn=tekst(client, "m:Bsn"),
        geboortedatum=datum(client, "m:Geboortedatum/m:Datum"),
        achternaam=tekst(client, "m:Naam/m:Geslachtsnaam/m:Achternaam"),
        producten=producten,
    )


_PRODUCT = {
    "JW315": "AangevraagdProduct",
    "JW301": "ToegewezenProduct",
    "JW305": "StartProduct",
    "JW307": "StopProduct",
}


def _pad(pad: str) -> str:
    """Message elements are in the message's namespace, the parts of shared types in the
    basisschema's: the reader matches the name in any namespace (the XSD already checked)."""
    return pad.replace("m:", "{*}")


def _regels(client: etree._Element, soort: str) -> list[int]:
    return [p.sourceline for p in client.iterfind(_pad(".//m:" + _PRODUCT[soort]))]


def _controleer_codes(
    map_: Path,
    producten: tuple[Product, ...] | list[Product],
    antwoord: Antwoord | None,
    regels: list[int] | None = None,
) -> None:
    """Codes must be on the iJw code lists (the XSD checks most, the lists are leading)."""
    fouten: list[Fout] = []
    cat = codelijst(map_, "productcategorie")
    reden = codelijst(map_, "reden_beeindiging")
    for i, p in enumerate(producten):
        regel = regels[i] if regels else None
        if p.categorie is not None and p.categorie not in cat:
            fouten.append(Fout(regel, f"onbekende productcategorie {p.categorie!r} (JZ020)"))
        if p.reden_beeindiging is not None and p.reden_beeindiging not in reden:
            fouten.append(
                Fout(regel, f"onbekende reden beëindiging {p.reden_beeindiging!r} (JZ588)")
            )
    if antwoord is not None:
        if antwoord.verzoek_antwoord not in codelijst(map_, "verzoek_antwoord"):
            fouten.append(Fout(None, f"onbekend verzoekantwoord {antwoord.verzoek_antwoord!r}"))
        r = antwoord.reden_afwijzing
        if r is not None and r not in codelijst(map_, "reden_afwijzing"):
            fouten.append(Fout(None, f"onbekende reden afwijzing {r!r} (WJ759)"))
    if fouten:
        raise OngeldigBericht(fouten)
