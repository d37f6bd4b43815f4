"""Writes about children, measures and vaste jeugdbeschermers. Each call is one atomic use case,
audited; errors are domain errors a user can act on."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.bsn import Bsn
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, Soort, ToewijzingEindeReden
from ketenzicht.domain.werklast import Werklastnorm
from ketenzicht.domain.zoeken import zoeknaam
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Gezin, Kind, Maatregel, Toewijzing
from ketenzicht.organisaties.models import Lidmaatschap, Medewerker, Organisatie
from ketenzicht.organisaties.selectors import lidmaatschap_van, werklastnorm

Gebruiker = AbstractBaseUser | AnonymousUser | None


class Weigering(ValueError):
    """A write the system refuses, with a message for the user (never containing a BSN) and,
    where it concerns one, the field (``veld``) a form or the API names."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.veld = veld


class BovenNorm(Weigering):
    """The assignment would take the caseworker over the workload norm; an override can."""


def audit_kind(door: Gebruiker, kind: Kind, actie: str, doel: str, kanaal: str) -> None:
    """One audit row for a write on ``kind``'s record (every use case writes one)."""
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
    door: Gebruiker,
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
        zoeknaam=zoeknaam(voornaam, achternaam),
        geboortedatum=geboortedatum,
        gemeente=gemeente,
    )
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, "registratie kind", kanaal)
    return kind


@transaction.atomic
def kind_naam_corrigeren(
    *,
    kind: Kind,
    voornaam: str,
    achternaam: str,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Kind:
    """Correct a child's name; the name it is found by changes with it."""
    if not voornaam.strip() or not achternaam.strip():
        raise Weigering("Vul zowel de voornaam als de achternaam in.")
    kind.voornaam, kind.achternaam = voornaam, achternaam
    kind.zoeknaam = zoeknaam(voornaam, achternaam)
    kind.save(update_fields=["voornaam", "achternaam", "zoeknaam"])
    audit_kind(door, kind, AuditRegel.Actie.SCHRIJVEN, "naam gecorrigeerd", kanaal)
    return kind


@transaction.atomic
def maatregel_registreren(
    *,
    kind: Kind,
    gi: Organisatie,
    code: MaatregelCode,
    beschikking_datum: date,
    start: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Maatregel:
    if gi.type != Organisatie.Type.GI:
        raise Weigering(f"{gi} is geen gecertificeerde instelling.")
    if start < beschikking_datum:
        raise Weigering("Een maatregel kan niet starten voor de beschikking van de kinderrechter.")
    maatregel = Maatregel.objects.create(
        kind=kind, gi=gi, code=code.value, beschikking_datum=beschikking_datum, start=start
    )
    audit_kind(
        door, kind, AuditRegel.Actie.SCHRIJVEN, f"maatregel {code.kort} geregistreerd", kanaal
    )
    return maatregel


def al_lopend(
    kind: Kind, gi: Organisatie, code: MaatregelCode, *, behalve: Maatregel | None = None
) -> str | None:
    """The refusal when ``kind`` already has a running ``code`` at the GI (a court decision
    registered twice), besides ``behalve``; ``None`` when it has not."""
    lopend = kind.maatregelen.filter(gi=gi, code=code.value, einde__isnull=True)
    if behalve is not None:
        lopend = lopend.exclude(pk=behalve.pk)
    if not lopend.exists():
        return None
    return f"Bij {gi} loopt voor dit kind al een {code.kort}."


def _lopende_toewijzing(maatregel: Maatregel) -> Toewijzing | None:
    return maatregel.toewijzingen.select_for_update().filter(einde__isnull=True).first()


def _beeindig(toewijzing: Toewijzing, einde: date, reden: ToewijzingEindeReden) -> None:
    if einde < toewijzing.start:
        raise Weigering(f"De toewijzing begon op {toewijzing.start}; ze kan niet eerder eindigen.")
    toewijzing.einde = einde
    toewijzing.einde_reden = reden.value
    toewijzing.einde_geregistreerd_op = timezone.now()
    toewijzing.save(update_fields=["einde", "einde_reden", "einde_geregistreerd_op"])


def _controleer_medewerker(maatregel: Maatregel, medewerker: Medewerker, start: date) -> None:
    if medewerker.gi_id != maatregel.gi_id:
        raise Weigering("De jeugdbeschermer werkt niet bij de GI die deze maatregel uitvoert.")
    rol = Rol(medewerker.rol)
    if not rol.heeft_caseload:
        raise Weigering(f"{medewerker} is {rol.value.replace('_', ' ')} en heeft geen caseload.")
    jr = maatregel.maatregelcode.soort is Soort.JEUGDRECLASSERING
    if jr != (rol is Rol.JEUGDRECLASSEERDER):
        nodig = "jeugdreclasseerder" if jr else "jeugdbeschermer"
        raise Weigering(f"Voor een {maatregel.maatregelcode.kort} is een {nodig} nodig.")
    if not medewerker.dienstverband.bevat(start):
        raise Weigering(f"{medewerker} is op {start} niet in dienst.")
    if (
        medewerker.perioden.filter(soort="ziek", van__lte=start)
        .filter(Q(tot__isnull=True) | Q(tot__gt=start))
        .exists()
    ):
        raise Weigering(f"{medewerker} is op {start} ziek gemeld.")


def caseload(medewerker: Medewerker, norm: Werklastnorm) -> float:
    """Weighted caseload now: the measures this person is the vaste jeugdbeschermer of."""
    codes = medewerker.toewijzingen.filter(einde__isnull=True).values_list(
        "maatregel__code", flat=True
    )
    return norm.caseload(MaatregelCode(c) for c in codes)


TOEWIJZERS = {Lidmaatschap.Rol.PLANNER, Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER}


def mag_verleden_registreren(door: Gebruiker) -> bool:
    """A leaving or joining date in the past changes monitor figures already published (kept
    "as known at" the moment before, ``--bekend-op``): the functioneel beheerder's to register,
    not the planner's."""
    lid = lidmaatschap_van(door) if door is not None else None
    return lid is not None and lid.rol == Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER


def mag_toewijzen(door: Gebruiker) -> bool:
    """Assigning a vaste jeugdbeschermer is the planner's (teamleider's) work, or the
    functioneel beheerder's; caseworkers see the lists but do not hand children to each other.
    ``None`` is the system itself (demo, import)."""
    if door is None:
        return True
    lid = lidmaatschap_van(door)
    return lid is not None and lid.rol in TOEWIJZERS


@transaction.atomic
def jeugdbeschermer_toewijzen(
    *,
    maatregel: Maatregel,
    medewerker: Medewerker,
    start: date,
    door: Gebruiker,
    override_reden: str = "",
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Toewijzing:
    """Make ``medewerker`` the vaste jeugdbeschermer from ``start``; a current one hands over.

    Refused when it would take the caseworker over the GI's workload norm, unless the planner
    gives an ``override_reden`` (stored and audited). The caseworker's row is locked for the rest
    of the transaction, so two planners assigning at once are serialised and cannot together push
    anyone over the cap (on SQLite, immediate transactions serialise all writers).
    """
    if not mag_toewijzen(door):
        raise Weigering("Een vaste jeugdbeschermer toewijzen doet de teamleider of planner.")
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    maatregel = Maatregel.objects.select_for_update().get(pk=maatregel.pk)
    _controleer_medewerker(maatregel, medewerker, start)
    if maatregel.einde is not None and start >= maatregel.einde:
        raise Weigering(f"De maatregel is geëindigd op {maatregel.einde}.")
    if start < maatregel.start:
        raise Weigering(f"De maatregel startte op {maatregel.start}; toewijzen kan niet eerder.")
    huidig = _lopende_toewijzing(maatregel)
    if huidig is not None and huidig.medewerker_id == medewerker.pk:
        raise Weigering(f"{medewerker} is al de vaste jeugdbeschermer.")
    norm = werklastnorm(maatregel.gi_id, start)
    nu, cap = caseload(medewerker, norm), norm.cap(float(medewerker.fte))
    erbij = norm.gewicht(maatregel.maatregelcode)
    override_reden = override_reden.strip()
    if nu + erbij > cap + 1e-9 and not override_reden:
        raise BovenNorm(
            f"{medewerker} heeft {nu:g} van {cap:g} (norm {norm.clienten_per_fte:g} per fte); "
            f"met dit kind wordt dat {nu + erbij:g}. Geef een reden om toch toe te wijzen."
        )
    if huidig is not None:
        _beeindig(huidig, start, ToewijzingEindeReden.OVERDRACHT)
    toewijzing = Toewijzing.objects.create(
        maatregel=maatregel,
        medewerker=medewerker,
        start=start,
        override_reden=override_reden if nu + erbij > cap + 1e-9 else "",
    )
    doel = "vaste jeugdbeschermer toegewezen"
    if toewijzing.override_reden:
        doel += f" boven de norm ({nu + erbij:g}/{cap:g}): {override_reden}"[: 200 - len(doel)]
    audit_kind(door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, doel, kanaal)
    return toewijzing


@transaction.atomic
def toewijzing_beeindigen(
    *,
    toewijzing: Toewijzing,
    einde: date,
    reden: ToewijzingEindeReden,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Toewijzing:
    """The vaste jeugdbeschermer stops (sickness, leaving): the child joins the internal list."""
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.einde is not None:
        raise Weigering(f"Deze toewijzing is al beëindigd op {toewijzing.einde}.")
    _beeindig(toewijzing, einde, reden)
    audit_kind(
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
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Maatregel:
    maatregel = Maatregel.objects.select_for_update().get(pk=maatregel.pk)
    if maatregel.einde is not None:
        raise Weigering(f"Deze maatregel is al beëindigd op {maatregel.einde}.")
    if einde < maatregel.start:
        raise Weigering(f"De maatregel startte op {maatregel.start}; ze kan niet eerder eindigen.")
    if einde > timezone.localdate():
        raise Weigering("De einddatum ligt na vandaag: registreer het einde als het er is.")
    if (huidig := _lopende_toewijzing(maatregel)) is not None:
        _beeindig(huidig, max(einde, huidig.start), ToewijzingEindeReden.EINDE_MAATREGEL)
    maatregel.einde = einde
    maatregel.einde_reden = reden.value
    maatregel.einde_geregistreerd_op = timezone.now()
    maatregel.save(update_fields=["einde", "einde_reden", "einde_geregistreerd_op"])
    audit_kind(door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, "maatregel beëindigd", kanaal)
    return maatregel
