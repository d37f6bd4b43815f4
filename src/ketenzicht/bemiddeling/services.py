"""Writes for the zorgbemiddelingstafel: care requests, capacity reports, and the table's
decisions on proposed matches. Each is one transaction and audited; an accepted match locks
the offer's row first, so two tables accepting the last place at once cannot both get it."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.db import transaction

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling import selectors
from ketenzicht.bemiddeling.models import (
    GEMELD_DOOR_LENGTE,
    Aanbod,
    Besluit,
    Capaciteit,
    Hulpvraag,
)
from ketenzicht.doorbraak.services import _echte
from ketenzicht.ijw.codelijsten import codelijst
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind
from ketenzicht.organisaties.models import Organisatie

log = logging.getLogger(__name__)
MAX_AANTAL = 10_000  # places or waiting children of one offer; more is a typing error


def _categorie(code: str) -> str:
    if code not in codelijst(settings.IJW_MAP, "productcategorie"):
        raise Weigering(f"Onbekende productcategorie {code!r} (iJw JZ020).")
    return code


@transaction.atomic
def hulpvraag_registreren(
    *,
    kind: Kind,
    productcategorie: str,
    aangevraagd_door: Organisatie,
    aangevraagd_op: date,
    maatregel: Maatregel | None = None,
    referentie: str | None = None,
    toelichting: str = "",
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Hulpvraag:
    """A care request for a child in the region of the child's municipality. A GI's request
    for a child with a measure at that GI carries the measure."""
    regio = kind.gemeente.regio
    if regio is None:
        raise Weigering(f"De gemeente {kind.gemeente} hoort bij geen jeugdregio.")
    if maatregel is not None and maatregel.kind_id != kind.pk:
        raise Weigering("De maatregel hoort bij een ander kind.")
    if maatregel is None and aangevraagd_door.type == Organisatie.Type.GI:
        maatregel = (
            Maatregel.objects.filter(kind=kind, gi=aangevraagd_door, einde__isnull=True)
            .order_by("-start")
            .first()
        )
    referentie = referentie or f"HV-{uuid.uuid4().hex[:12].upper()}"
    if Hulpvraag.objects.filter(referentie=referentie).exists():
        raise Weigering(f"Er is al een hulpvraag met referentie {referentie!r}.")
    hulpvraag = Hulpvraag.objects.create(
        kind=kind,
        maatregel=maatregel,
        aangevraagd_door=aangevraagd_door,
        regio=regio,
        productcategorie=_categorie(productcategorie),
        aangevraagd_op=aangevraagd_op,
        referentie=referentie,
        toelichting=toelichting,
    )
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, f"hulpvraag {productcategorie}", kanaal)
    return hulpvraag


@transaction.atomic
def capaciteit_melden(
    *,
    regio: Organisatie,
    aanbod_id: int,
    geldig_van: date,
    plaatsen: int,
    bezet: int,
    verwacht_vrij: int = 0,
    verwacht_vrij_per: date | None = None,
    eigen_wachtlijst: int = 0,
    gemeld_door: str,
) -> Capaciteit:
    """A provider's new capacity report for an offer of ``regio``, as the table takes it down;
    the earlier reports stay (history) and the newest on a day applies from then on
    (``selectors.plaatsen``). Places already reserved by the table are not in ``bezet``: they
    are subtracted from what is free until the child's care starts."""
    try:
        aanbod = Aanbod.objects.get(pk=aanbod_id, vestiging__regio=regio)
    except Aanbod.DoesNotExist:
        raise Weigering("Dit aanbod is niet bekend in deze regio.") from None
    if min(plaatsen, bezet, verwacht_vrij, eigen_wachtlijst) < 0:
        raise Weigering("Aantallen zijn 0 of meer.")
    if max(plaatsen, eigen_wachtlijst) > MAX_AANTAL:
        raise Weigering(f"Aantallen zijn hoogstens {MAX_AANTAL:,}".replace(",", ".") + ".")
    if bezet > plaatsen:
        raise Weigering(f"Bezet ({bezet}) is meer dan het aantal plaatsen ({plaatsen}).")
    if verwacht_vrij > bezet:
        raise Weigering(
            f"Er kunnen niet meer plekken vrijkomen ({verwacht_vrij}) dan er bezet zijn ({bezet})."
        )
    if verwacht_vrij and verwacht_vrij_per is None:
        raise Weigering("Geef aan per wanneer de plekken vrijkomen.", veld="verwacht_vrij_per")
    if verwacht_vrij and verwacht_vrij_per is not None and verwacht_vrij_per <= geldig_van:
        raise Weigering(
            f"Vrij per {verwacht_vrij_per:%d-%m-%Y} ligt niet na de datum van de melding "
            f"({geldig_van:%d-%m-%Y}): plekken die al vrij zijn, zijn niet bezet."
        )
    if not gemeld_door.strip():
        raise Weigering("Geef aan wie de capaciteit meldde (aanbieder, en hoe).")
    if len(gemeld_door.strip()) > GEMELD_DOOR_LENGTE:
        raise Weigering(
            f"Gemeld door is hoogstens {GEMELD_DOOR_LENGTE} tekens.", veld="gemeld_door"
        )
    capaciteit = Capaciteit.objects.create(
        aanbod=aanbod,
        geldig_van=geldig_van,
        plaatsen=plaatsen,
        bezet=bezet,
        verwacht_vrij=verwacht_vrij,
        verwacht_vrij_per=verwacht_vrij_per if verwacht_vrij else None,
        eigen_wachtlijst=eigen_wachtlijst,
        gemeld_door=gemeld_door.strip(),
    )
    log.info("capaciteit gemeld voor aanbod %s vanaf %s", aanbod.pk, geldig_van)
    return capaciteit


def hulpvragen_verhuizen(kind: Kind, regio: Organisatie | None) -> int:
    """The child moved to a gemeente of ``regio``: its waiting care requests go to that
    region's table, keeping the day they were asked, so the wait counts on (a place already
    reserved stays with the table that reserved it). Returns how many went."""
    if regio is None:
        return 0
    return (
        Hulpvraag.objects.filter(kind=kind, status=Hulpvraag.Status.WACHTEND)
        .exclude(regio=regio)
        .update(regio=regio)
    )


def _wachtende(hulpvraag_id: int, regio: Organisatie) -> Hulpvraag:
    try:
        hv = (
            Hulpvraag.objects.select_for_update()
            .select_related("kind")
            .get(pk=hulpvraag_id, regio=regio)
        )
    except Hulpvraag.DoesNotExist:
        raise Weigering("Deze hulpvraag is niet bekend in deze regio.") from None
    if hv.status != Hulpvraag.Status.WACHTEND:
        raise Weigering(f"Deze hulpvraag wacht niet meer (status: {hv.get_status_display()}).")
    return hv


@transaction.atomic
def match_accepteren(
    *,
    regio: Organisatie,
    hulpvraag_id: int,
    aanbod_id: int,
    peildatum: date,
    score: int,
    redenen: Sequence[str],
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Besluit:
    """Accept a proposed match: reserve a place of the offer for the request. The offer's row is
    locked and its free places recounted inside the lock; no place, no reservation."""
    try:
        aanbod = Aanbod.objects.select_for_update().get(pk=aanbod_id, vestiging__regio=regio)
    except Aanbod.DoesNotExist:
        raise Weigering("Dit aanbod is niet bekend in deze regio.") from None
    hv = _wachtende(hulpvraag_id, regio)
    if hv.productcategorie != aanbod.productcategorie:
        raise Weigering("De zorgvorm van het aanbod past niet bij de hulpvraag.")
    vrij = selectors.plaatsen([aanbod.pk], peildatum)[aanbod.pk]
    if vrij.vrij_nu > 0:
        vrij_vanaf = peildatum
    elif vrij.verwacht_vrij_per is not None:
        vrij_vanaf = vrij.verwacht_vrij_per
    else:
        raise Weigering(f"Er is geen plek meer vrij bij {aanbod.naam}; vraag een nieuw voorstel.")
    besluit = Besluit.objects.create(
        hulpvraag=hv,
        aanbod=aanbod,
        soort=Besluit.Soort.AKKOORD,
        vrij_vanaf=vrij_vanaf,
        score=score,
        redenen="; ".join(redenen),
        door=_echte(door),
    )
    hv.status = Hulpvraag.Status.GERESERVEERD
    hv.save(update_fields=["status"])
    audit_kind(
        door, hv.kind, AuditRegel.Actie.SCHRIJVEN, f"plek gereserveerd: {aanbod.naam}", kanaal
    )
    return besluit


@transaction.atomic
def match_afwijzen(
    *,
    regio: Organisatie,
    hulpvraag_id: int,
    aanbod_id: int,
    peildatum: date,
    reden: str,
    score: int,
    redenen: Sequence[str],
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Besluit:
    """Decline a proposed match, with a reason; the pair is not proposed again."""
    if not reden.strip():
        raise Weigering("Geef een reden waarom deze match niet doorgaat.")
    hv = _wachtende(hulpvraag_id, regio)
    try:
        aanbod = Aanbod.objects.get(pk=aanbod_id, vestiging__regio=regio)
    except Aanbod.DoesNotExist:
        raise Weigering("Dit aanbod is niet bekend in deze regio.") from None
    besluit = Besluit.objects.create(
        hulpvraag=hv,
        aanbod=aanbod,
        soort=Besluit.Soort.AFGEWEZEN,
        reden=reden.strip(),
        vrij_vanaf=peildatum,
        score=score,
        redenen="; ".join(redenen),
        door=_echte(door),
    )
    audit_kind(door, hv.kind, AuditRegel.Actie.SCHRIJVEN, f"match afgewezen: {aanbod.naam}", kanaal)
    return besluit
