"""Writes about children, measures and vaste jeugdbeschermers. Each call is one atomic use case,
audited; errors are domain errors a user can act on."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.bsn import Bsn
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, ToewijzingEindeReden
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Gezin, Kind, Maatregel, Toewijzing
from ketenzicht.organisaties.models import Medewerker, Organisatie


class Weigering(ValueError):
    """A write the system refuses, with a message for the user (never containing a BSN)."""


def _log(door: AbstractBaseUser | None, kind: Kind, actie: str, doel: str, kanaal: str) -> None:
    log_toegang(gebruiker=door, kind_pids=[kind.pid], actie=actie, kanaal=kanaal, doel=doel)


@transaction.atomic
def kind_registreren(
    *,
    bsn: str,
    voornaam: str,
    achternaam: str,
    geboortedatum: date,
    gemeente: Organisatie,
    gezin: Gezin | None = None,
    door: AbstractBaseUser | None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Kind:
    """Register a child. Raises ``BsnOngeldig`` (message without the number) or ``Weigering``."""
    geldig = Bsn(bsn)
    sleutel = bsnopslag.zoeksleutel(geldig)
    if Kind.objects.filter(bsn_zoeksleutel=sleutel).exists():
        raise Weigering("Er is al een kind met dit BSN geregistreerd.")
    if gemeente.type != Organisatie.Type.GEMEENTE:
        raise Weigering(f"{gemeente} is geen gemeente.")
    if gezin is None:
        gezin = Gezin.objects.create(naam=achternaam)
    kind = Kind.objects.create(
        gezin=gezin,
        bsn_zoeksleutel=sleutel,
        bsn_versleuteld=bsnopslag.versleutel(geldig),
        voornaam=voornaam,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        gemeente=gemeente,
    )
    _log(door, kind, AuditRegel.Actie.AANMAKEN, "registratie kind", kanaal)
    return kind


@transaction.atomic
def maatregel_registreren(
    *,
    kind: Kind,
    gi: Organisatie,
    code: MaatregelCode,
    beschikking_datum: date,
    start: date,
    door: AbstractBaseUser | None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Maatregel:
    if gi.type != Organisatie.Type.GI:
        raise Weigering(f"{gi} is geen gecertificeerde instelling.")
    if start < beschikking_datum:
        raise Weigering("Een maatregel kan niet starten voor de beschikking van de kinderrechter.")
    maatregel = Maatregel.objects.create(
        kind=kind, gi=gi, code=code.value, beschikking_datum=beschikking_datum, start=start
    )
    _log(door, kind, AuditRegel.Actie.SCHRIJVEN, f"maatregel {code.kort} geregistreerd", kanaal)
    return maatregel


def _lopende_toewijzing(maatregel: Maatregel) -> Toewijzing | None:
    return maatregel.toewijzingen.select_for_update().filter(einde__isnull=True).first()


def _beeindig(toewijzing: Toewijzing, einde: date, reden: ToewijzingEindeReden) -> None:
    if einde < toewijzing.start:
        raise Weigering(f"De toewijzing begon op {toewijzing.start}; ze kan niet eerder eindigen.")
    toewijzing.einde = einde
    toewijzing.einde_reden = reden.value
    toewijzing.einde_geregistreerd_op = timezone.now()
    toewijzing.save(update_fields=["einde", "einde_reden", "einde_geregistreerd_op"])


@transaction.atomic
def jeugdbeschermer_toewijzen(
    *,
    maatregel: Maatregel,
    medewerker: Medewerker,
    start: date,
    door: AbstractBaseUser | None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Toewijzing:
    """Make ``medewerker`` the vaste jeugdbeschermer from ``start``; a current one hands over."""
    maatregel = Maatregel.objects.select_for_update().get(pk=maatregel.pk)
    if medewerker.gi_id != maatregel.gi_id:
        raise Weigering("De jeugdbeschermer werkt niet bij de GI die deze maatregel uitvoert.")
    if maatregel.einde is not None and start >= maatregel.einde:
        raise Weigering(f"De maatregel is geëindigd op {maatregel.einde}.")
    if start < maatregel.start:
        raise Weigering(f"De maatregel startte op {maatregel.start}; toewijzen kan niet eerder.")
    if (huidig := _lopende_toewijzing(maatregel)) is not None:
        _beeindig(huidig, start, ToewijzingEindeReden.OVERDRACHT)
    toewijzing = Toewijzing.objects.create(maatregel=maatregel, medewerker=medewerker, start=start)
    _log(
        door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, "vaste jeugdbeschermer toegewezen", kanaal
    )
    return toewijzing


@transaction.atomic
def toewijzing_beeindigen(
    *,
    toewijzing: Toewijzing,
    einde: date,
    reden: ToewijzingEindeReden,
    door: AbstractBaseUser | None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Toewijzing:
    """The vaste jeugdbeschermer stops (sickness, leaving): the child joins the internal list."""
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.einde is not None:
        raise Weigering(f"Deze toewijzing is al beëindigd op {toewijzing.einde}.")
    _beeindig(toewijzing, einde, reden)
    _log(
        door,
        toewijzing.maatregel.kind,
        AuditRegel.Actie.SCHRIJVEN,
        f"toewijzing beëindigd: {reden.value}",
        kanaal,
    )
    return toewijzing


@transaction.atomic
def maatregel_beeindigen(
    *,
    maatregel: Maatregel,
    einde: date,
    reden: EindeReden,
    door: AbstractBaseUser | None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Maatregel:
    maatregel = Maatregel.objects.select_for_update().get(pk=maatregel.pk)
    if maatregel.einde is not None:
        raise Weigering(f"Deze maatregel is al beëindigd op {maatregel.einde}.")
    if einde < maatregel.start:
        raise Weigering(f"De maatregel startte op {maatregel.start}; ze kan niet eerder eindigen.")
    if (huidig := _lopende_toewijzing(maatregel)) is not None:
        _beeindig(huidig, max(einde, huidig.start), ToewijzingEindeReden.EINDE_MAATREGEL)
    maatregel.einde = einde
    maatregel.einde_reden = reden.value
    maatregel.einde_geregistreerd_op = timezone.now()
    maatregel.save(update_fields=["einde", "einde_reden", "einde_geregistreerd_op"])
    _log(door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, "maatregel beëindigd", kanaal)
    return maatregel
