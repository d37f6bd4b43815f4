"""iJw messages into Ketenzicht's facts (writing them: ``berichten_uit``).

In: JW315 becomes a care request (hulpvraag), JW301 an assignment, JW319 answers a request,
JW305 starts a care period and marks the hulpaanbod milestone of a child with a measure,
JW307 ends the care period with its reden beëindiging. A file is checked whole first — schema,
code lists, known sender and receiver, known BSN, unused BerichtIdentificatie — and written in
one transaction, so a refused file changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.models import (
    Hulpvraag,
    IjwBericht,
    JeugdhulpToewijzing,
    Zorgperiode,
)
from ketenzicht.bemiddeling.selectors import lopende_maatregelen
from ketenzicht.bemiddeling.services import hulpvraag_registreren
from ketenzicht.domain.bsn import Bsn, BsnOngeldig
from ketenzicht.domain.normen import HULPAANBOD
from ketenzicht.doorbraak.services import mijlpaal_registreren
from ketenzicht.ijw import lezen
from ketenzicht.ijw.codelijsten import codelijst
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gemeente_met_code


class BerichtGeweigerd(Weigering):
    def __init__(self, fouten: list[str]) -> None:
        super().__init__("; ".join(fouten))
        self.fouten = fouten


@dataclass(frozen=True, slots=True)
class Verwerkt:
    soort: str
    identificatie: str
    feiten: tuple[str, ...]  # what the message changed, in words (no BSN)


def _gemeente(code: str) -> Organisatie | None:
    return gemeente_met_code(f"GM{code}")


def _agb(code: str) -> Organisatie | None:
    return Organisatie.objects.filter(agb_code=code).first()


def _kind(bsn: str | None, fouten: list[str]) -> Kind | None:
    try:
        geldig = Bsn(bsn or "")
    except BsnOngeldig:
        fouten.append("Client/Bsn: geen geldig BSN (elfproef)")
        return None
    kind = Kind.objects.filter(bsn_zoeksleutel=bsnopslag.zoeksleutel(geldig)).first()
    if kind is None:
        fouten.append("Client/Bsn: onbekend BSN, geen kind met dit BSN geregistreerd")
    return kind


def _partijen(kop: lezen.Kop, fouten: list[str]) -> tuple[Organisatie | None, Organisatie | None]:
    """(gemeente, aanbieder or GI): who sends and who receives depends on the message."""
    gemeente_code, agb = (
        (kop.afzender, kop.ontvanger)
        if kop.soort in ("JW301", "JW319")
        else (kop.ontvanger, kop.afzender)
    )
    gemeente, aanbieder = _gemeente(gemeente_code), _agb(agb)
    if gemeente is None:
        fouten.append(f"Header: onbekende gemeentecode {gemeente_code!r}")
    if aanbieder is None:
        fouten.append(f"Header: onbekende AGB-code {agb!r}")
    return gemeente, aanbieder


def bericht_verwerken(
    *, inhoud: bytes, door: Gebruiker, kanaal: str = AuditRegel.Kanaal.CLI
) -> Verwerkt:
    """Read one message and turn it into facts, or refuse it whole (``OngeldigBericht`` for the
    schema and code lists, ``BerichtGeweigerd`` for what the system does not know)."""
    bericht = lezen.lees(inhoud, settings.IJW_MAP)
    kop = bericht.kop
    with transaction.atomic():
        fouten: list[str] = []
        if IjwBericht.objects.filter(
            afzender=kop.afzender, identificatie=kop.identificatie, dagtekening=kop.dagtekening
        ).exists():
            fouten.append(
                f"Header/BerichtIdentificatie: {kop.identificatie!r} van {kop.dagtekening} is "
                f"al verwerkt (afzender {kop.afzender})"
            )
        gemeente, aanbieder = _partijen(kop, fouten)
        kind = None if kop.soort == "JW319" else _kind(bericht.bsn, fouten)
        if fouten or gemeente is None or aanbieder is None:
            raise BerichtGeweigerd(fouten)
        verwerk = {
            "JW315": _jw315,
            "JW301": _jw301,
            "JW319": _jw319,
            "JW305": _jw305,
            "JW307": _jw307,
        }[kop.soort]
        feiten, kind = verwerk(bericht, kind, gemeente, aanbieder, door, kanaal)
        IjwBericht.objects.create(
            soort=kop.soort,
            richting=IjwBericht.Richting.IN,
            afzender=kop.afzender,
            ontvanger=kop.ontvanger,
            identificatie=kop.identificatie,
            dagtekening=kop.dagtekening,
            sha256=hashlib.sha256(inhoud).hexdigest(),
            kind=kind,
        )
    return Verwerkt(kop.soort, kop.identificatie, tuple(feiten))


Feiten = tuple[list[str], Kind | None]


def _categorie(p: lezen.Product, i: int) -> str:
    if p.categorie is None:
        raise BerichtGeweigerd([f"product {i}: Product/Categorie ontbreekt"])
    return p.categorie


def _jw315(b, kind, gemeente, aanbieder, door, kanaal) -> Feiten:  # type: ignore[no-untyped-def]
    feiten = []
    for i, p in enumerate(b.producten, start=1):
        hv = hulpvraag_registreren(
            kind=kind,
            productcategorie=_categorie(p, i),
            aangevraagd_door=aanbieder,
            aangevraagd_op=b.kop.dagtekening,
            referentie=p.referentie,
            door=door,
            kanaal=kanaal,
        )
        feiten.append(f"hulpvraag {hv.referentie}: {_label(hv.productcategorie)}")
    return feiten, kind


def _jw301(b, kind, gemeente, aanbieder, door, kanaal) -> Feiten:  # type: ignore[no-untyped-def]
    feiten = []
    for i, p in enumerate(b.producten, start=1):
        if JeugdhulpToewijzing.objects.filter(
            gemeente=gemeente, toewijzingnummer=p.toewijzingnummer
        ).exists():
            raise BerichtGeweigerd(
                [f"product {i}: toewijzingnummer {p.toewijzingnummer} bestaat al"]
            )
        hv = Hulpvraag.objects.filter(referentie=p.referentie, kind=kind).first()
        JeugdhulpToewijzing.objects.create(
            gemeente=gemeente,
            aanbieder=aanbieder,
            kind=kind,
            hulpvraag=hv,
            toewijzingnummer=p.toewijzingnummer,
            productcategorie=_categorie(p, i),
            ingangsdatum=p.ingangsdatum,
            einddatum=p.einddatum,
        )
        feiten.append(f"toewijzing {p.toewijzingnummer}: {_label(p.categorie)} aan {aanbieder}")
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, "iJw JW301 toewijzing", kanaal)
    return feiten, kind


def _jw319(b, kind, gemeente, aanbieder, door, kanaal) -> Feiten:  # type: ignore[no-untyped-def]
    a = b.antwoord
    hv = Hulpvraag.objects.select_for_update().filter(referentie=a.referentie).first()
    if hv is None:
        raise BerichtGeweigerd(
            [f"Antwoord/ReferentieAanbieder: onbekende hulpvraag {a.referentie!r}"]
        )
    antwoord = codelijst(settings.IJW_MAP, "verzoek_antwoord").codes[a.verzoek_antwoord]
    tekst = f"gemeente: {antwoord.lower()}"
    if a.reden_afwijzing:
        tekst += f" ({codelijst(settings.IJW_MAP, 'reden_afwijzing').codes[a.reden_afwijzing]})"
    if a.verzoek_antwoord == "1":
        hv.status = Hulpvraag.Status.AFGEWEZEN
    hv.toelichting = f"{hv.toelichting}\n{tekst}".strip()
    hv.save(update_fields=["status", "toelichting"])
    audit_kind(door, hv.kind, AuditRegel.Actie.SCHRIJVEN, f"iJw JW319: {tekst}", kanaal)
    return [f"hulpvraag {hv.referentie}: {tekst}"], hv.kind


def _jw305(b, kind, gemeente, aanbieder, door, kanaal) -> Feiten:  # type: ignore[no-untyped-def]
    feiten = []
    for i, p in enumerate(b.producten, start=1):
        categorie = _categorie(p, i)
        if p.begindatum > timezone.localdate():
            raise BerichtGeweigerd([f"product {i}: Begindatum {p.begindatum} ligt in de toekomst"])
        Zorgperiode.objects.create(
            kind=kind,
            aanbieder=aanbieder,
            productcategorie=categorie,
            toewijzingnummer=p.toewijzingnummer,
            begindatum=p.begindatum,
        )
        feiten.append(f"zorg gestart {p.begindatum}: {_label(categorie)} bij {aanbieder}")
        Hulpvraag.objects.filter(
            kind=kind,
            productcategorie=categorie,
            status__in=[Hulpvraag.Status.WACHTEND, Hulpvraag.Status.GERESERVEERD],
        ).update(status=Hulpvraag.Status.GESTART)
        maatregel = lopende_maatregelen([kind.pk], p.begindatum).get(kind.pk)
        if maatregel is not None:
            mijlpaal_registreren(
                maatregel=maatregel,
                mijlpaal=HULPAANBOD,
                datum=p.begindatum,
                wie=aanbieder.naam,
                door=door,
                kanaal=kanaal,
                bron="iJw JW305",
            )
            feiten.append(f"mijlpaal hulpaanbod gehaald op {p.begindatum}")
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, "iJw JW305 start zorg", kanaal)
    return feiten, kind


def _jw307(b, kind, gemeente, aanbieder, door, kanaal) -> Feiten:  # type: ignore[no-untyped-def]
    feiten = []
    for i, p in enumerate(b.producten, start=1):
        periode = (
            Zorgperiode.objects.select_for_update()
            .filter(
                kind=kind,
                aanbieder=aanbieder,
                productcategorie=_categorie(p, i),
                begindatum=p.begindatum,
                einddatum__isnull=True,
            )
            .first()
        )
        if periode is None:
            raise BerichtGeweigerd(
                [f"product {i}: geen lopende zorg met begindatum {p.begindatum} bij {aanbieder}"]
            )
        if p.einddatum < periode.begindatum:
            raise BerichtGeweigerd([f"product {i}: Einddatum ligt voor de Begindatum"])
        periode.einddatum = p.einddatum
        periode.reden_beeindiging = p.reden_beeindiging
        periode.einde_geregistreerd_op = timezone.now()
        periode.save()
        reden = codelijst(settings.IJW_MAP, "reden_beeindiging").label(p.reden_beeindiging)
        feiten.append(f"zorg beëindigd {p.einddatum}: {reden}")
    audit_kind(door, kind, AuditRegel.Actie.SCHRIJVEN, "iJw JW307 einde zorg", kanaal)
    return feiten, kind


def _label(categorie: str | None) -> str:
    return codelijst(settings.IJW_MAP, "productcategorie").label(categorie or "")
