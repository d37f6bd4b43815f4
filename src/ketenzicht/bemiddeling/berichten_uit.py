"""iJw messages out of Ketenzicht: JW315 for a GI's request and JW301 for a municipality's
assignment, each validated against its XSD before it leaves (``ketenzicht.ijw.schrijven``).
Only the message's identification and a SHA-256 are kept, never its content (it holds a BSN)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.models import Hulpvraag, IjwBericht, JeugdhulpToewijzing
from ketenzicht.ijw import schrijven
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind
from ketenzicht.organisaties.models import Organisatie


def _volgnummer(afzender: str) -> str:
    """A BerichtIdentificatie unique per sender: ``KZ`` and a counter (max 12 characters)."""
    laatste = IjwBericht.objects.filter(afzender=afzender, richting="uit").aggregate(n=Max("pk"))
    return f"KZ{(laatste['n'] or 0) + 1:010d}"


def _client(kind: Kind) -> schrijven.Client:
    return schrijven.Client(
        bsn=bsnopslag.ontsleutel(kind.bsn_versleuteld).cijfers,
        geboortedatum=kind.geboortedatum,
        achternaam=kind.achternaam,
        voornamen=kind.voornaam,
    )


def _uit(
    soort: str, afzender: str, ontvanger: str, ident: str, dag: date, kind: Kind, xml: bytes
) -> None:
    IjwBericht.objects.create(
        soort=soort,
        richting=IjwBericht.Richting.UIT,
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=ident,
        dagtekening=dag,
        sha256=hashlib.sha256(xml).hexdigest(),
        kind=kind,
    )


def _gemeentecode(kind: Kind) -> str:
    return (kind.gemeente.gemeentecode or "")[2:]


@transaction.atomic
def jw315_schrijven(
    *, hulpvraag: Hulpvraag, dagtekening: date, door: Gebruiker, kanaal: str = AuditRegel.Kanaal.CLI
) -> bytes:
    """The GI's request for assignment for ``hulpvraag`` (to the child's municipality)."""
    gi = hulpvraag.aangevraagd_door
    if not gi.agb_code:
        raise Weigering(f"{gi} heeft geen AGB-code; die is nodig als afzender.")
    kind = hulpvraag.kind
    ident = _volgnummer(gi.agb_code)
    xml = schrijven.jw315(
        schrijven.Verzoek(
            afzender=gi.agb_code,
            ontvanger=_gemeentecode(kind),
            identificatie=ident,
            dagtekening=dagtekening,
            client=_client(kind),
            referentie=hulpvraag.referentie,
            productcategorie=hulpvraag.productcategorie,
            ingangsdatum=max(hulpvraag.aangevraagd_op, dagtekening),
        ),
        settings.IJW_MAP,
    )
    _uit("JW315", gi.agb_code, _gemeentecode(kind), ident, dagtekening, kind, xml)
    audit_kind(door, kind, AuditRegel.Actie.LEZEN, "iJw JW315 geschreven", kanaal)
    return xml


@transaction.atomic
def jw301_schrijven(
    *,
    hulpvraag: Hulpvraag,
    aanbieder: Organisatie,
    ingangsdatum: date,
    einddatum: date | None,
    moment: datetime,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.CLI,
) -> bytes:
    """The municipality's assignment of the requested product to ``aanbieder``; records it."""
    kind = hulpvraag.kind
    gemeente = kind.gemeente
    if not aanbieder.agb_code:
        raise Weigering(f"{aanbieder} heeft geen AGB-code; die is nodig als ontvanger.")
    nummer = (
        JeugdhulpToewijzing.objects.filter(gemeente=gemeente).aggregate(n=Max("toewijzingnummer"))[
            "n"
        ]
        or 0
    ) + 1
    code = _gemeentecode(kind)
    ident = _volgnummer(code)
    lokaal = timezone.localtime(moment)
    xml = schrijven.jw301(
        schrijven.Toewijzing(
            afzender=code,
            ontvanger=aanbieder.agb_code,
            identificatie=ident,
            dagtekening=lokaal.date(),
            client=_client(kind),
            toewijzingnummer=nummer,
            productcategorie=hulpvraag.productcategorie,
            toewijzingsdatum=lokaal.date(),
            toewijzingstijd=lokaal.time().replace(microsecond=0),
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
            referentie=hulpvraag.referentie,
        ),
        settings.IJW_MAP,
    )
    JeugdhulpToewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        kind=kind,
        hulpvraag=hulpvraag,
        toewijzingnummer=nummer,
        productcategorie=hulpvraag.productcategorie,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
    )
    _uit("JW301", code, aanbieder.agb_code, ident, lokaal.date(), kind, xml)
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, "iJw JW301 toewijzing geschreven", kanaal)
    return xml
