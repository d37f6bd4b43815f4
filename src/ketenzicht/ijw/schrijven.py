"""Writing iJw messages: JW315 (a GI's request for assignment) and JW301 (a municipality's
assignment). Every message is validated against its own XSD before it is returned, so the
system never hands out a message the standard would refuse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from ketenzicht.ijw.lezen import NS_BASIS, OngeldigBericht, namespace, valideer

XSD_VERSIE = "0.1.0"
B = ElementMaker(namespace=NS_BASIS)  # parts of the basisschema's shared types
BERICHTCODE = {"JW315": "446", "JW301": "436"}
VERWIJZER_GI = "04"  # COD327: gecertificeerde instelling
NAAMGEBRUIK_EIGEN = "1"  # COD700
ADRES_BRP = "01"  # COD757
GESLACHT_ONBEKEND = "0"  # COD046: the child's record keeps no sex


@dataclass(frozen=True, slots=True)
class Client:
    bsn: str
    geboortedatum: date
    achternaam: str
    voornamen: str = ""


@dataclass(frozen=True, slots=True)
class Verzoek:
    """A JW315: the GI (``afzender``, AGB) asks the municipality (``ontvanger``) to assign."""

    afzender: str
    ontvanger: str  # 4-digit gemeentecode
    identificatie: str
    dagtekening: date
    client: Client
    referentie: str
    productcategorie: str
    ingangsdatum: date
    commentaar: str = ""


@dataclass(frozen=True, slots=True)
class Toewijzing:
    """A JW301: the municipality assigns a product to a provider or GI (``ontvanger``, AGB)."""

    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: date
    client: Client
    toewijzingnummer: int
    productcategorie: str
    toewijzingsdatum: date
    toewijzingstijd: time
    ingangsdatum: date
    einddatum: date | None = None
    referentie: str | None = None


def _kop(e: ElementMaker, soort: str, afzender: str, ontvanger: str, ident: str, dag: date):  # type: ignore[no-untyped-def]
    return e.Header(
        e.BerichtCode(BERICHTCODE[soort]),
        e.BerichtVersie("3"),
        e.BerichtSubversie("2"),
        e.Afzender(afzender),
        e.Ontvanger(ontvanger),
        e.BerichtIdentificatie(B.Identificatie(ident), B.Dagtekening(dag.isoformat())),
        e.XsdVersie(B.BasisschemaXsdVersie(XSD_VERSIE), B.BerichtXsdVersie(XSD_VERSIE)),
    )


def _naam(e: ElementMaker, c: Client, volledig: bool):  # type: ignore[no-untyped-def]
    delen = [B.Geslachtsnaam(B.Achternaam(c.achternaam))]
    if c.voornamen:
        delen.append(B.Voornamen(c.voornamen))
    if volledig:
        delen.append(B.NaamGebruik(NAAMGEBRUIK_EIGEN))
    return e.Naam(*delen)


def _klaar(wortel: etree._Element, map_: Path) -> bytes:
    inhoud: bytes = etree.tostring(
        wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    try:
        valideer(inhoud, map_)
    except OngeldigBericht as fout:  # a bug in this module, never the user's input
        raise RuntimeError(f"Ketenzicht maakte een ongeldig bericht: {fout}") from fout
    return inhoud


def jw315(v: Verzoek, map_: Path) -> bytes:
    e = ElementMaker(
        namespace=namespace("JW315"), nsmap={None: namespace("JW315"), "ijw": NS_BASIS}
    )
    product = [
        e.ReferentieAanbieder(v.referentie),
        e.Product(B.Categorie(v.productcategorie)),
        e.ToewijzingIngangsdatum(v.ingangsdatum.isoformat()),
        e.Verwijzer(B.Type(VERWIJZER_GI)),
    ]
    if v.commentaar:
        product.append(e.Commentaar(v.commentaar))
    wortel = e.Bericht(
        _kop(e, "JW315", v.afzender, v.ontvanger, v.identificatie, v.dagtekening),
        e.Client(
            e.Bsn(v.client.bsn),
            e.Geboortedatum(B.Datum(v.client.geboortedatum.isoformat())),
            e.Geslacht(GESLACHT_ONBEKEND),
            _naam(e, v.client, volledig=False),
            e.AangevraagdeProducten(e.AangevraagdProduct(*product)),
        ),
    )
    return _klaar(wortel, map_)


def jw301(t: Toewijzing, map_: Path) -> bytes:
    e = ElementMaker(
        namespace=namespace("JW301"), nsmap={None: namespace("JW301"), "ijw": NS_BASIS}
    )
    product = [e.ToewijzingNummer(str(t.toewijzingnummer))]
    if t.referentie:
        product.append(e.ReferentieAanbieder(t.referentie))
    product += [
        e.Product(B.Categorie(t.productcategorie)),
        e.Toewijzingsdatum(t.toewijzingsdatum.isoformat()),
        e.Toewijzingstijd(t.toewijzingstijd.strftime("%H:%M:%S")),
        e.Ingangsdatum(t.ingangsdatum.isoformat()),
    ]
    if t.einddatum:
        product.append(e.Einddatum(t.einddatum.isoformat()))
    wortel = e.Bericht(
        _kop(e, "JW301", t.afzender, t.ontvanger, t.identificatie, t.dagtekening),
        e.Client(
            e.Bsn(t.client.bsn),
            e.Geboortedatum(B.Datum(t.client.geboortedatum.isoformat())),
            e.Geslacht(GESLACHT_ONBEKEND),
            _naam(e, t.client, volledig=True),
            e.Contactgegevens(e.Contact(e.Soort(ADRES_BRP))),
            e.ToegewezenProducten(e.ToegewezenProduct(*product)),
        ),
    )
    return _klaar(wortel, map_)
