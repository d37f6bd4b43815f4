"""Writes for the doorbraakaanpak: milestones, agreements (afspraak 2) and escalations to the
regional expert team (afspraak 3). Each write is one transaction and one audit row."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.escalatie import EscalatieStatus, OngeldigeOvergang, controleer_overgang
from ketenzicht.doorbraak.models import Afspraak, Escalatie, EscalatieOvergang, Mijlpaalregistratie
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind
from ketenzicht.organisaties.models import Organisatie


def _echte(door: Gebruiker) -> Any:
    """The user to store as author; anonymous and system writes store none."""
    return door if door is not None and door.is_authenticated else None


@transaction.atomic
def mijlpaal_registreren(
    *,
    maatregel: Maatregel,
    mijlpaal: str,
    datum: date,
    wie: str,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
    bron: str = "registratie",
) -> Mijlpaalregistratie:
    """Record that a milestone was met. A later registration for the same milestone corrects an
    earlier one; the earlier stays, so past months can be recomputed as they were known."""
    if mijlpaal not in Mijlpaalregistratie.Code.values:
        keuzes = ", ".join(Mijlpaalregistratie.Code.values)
        raise Weigering(f"Onbekende mijlpaal {mijlpaal!r}; kies uit {keuzes}.")
    if datum < maatregel.start:
        raise Weigering(
            f"De datum {datum:%d-%m-%Y} ligt voor de start van de maatregel "
            f"({maatregel.start:%d-%m-%Y})."
        )
    if datum > timezone.localdate():
        raise Weigering(f"De datum {datum:%d-%m-%Y} ligt in de toekomst.")
    if not wie.strip():
        raise Weigering("Vul in wie het deed.")
    registratie = Mijlpaalregistratie.objects.create(
        maatregel=maatregel,
        mijlpaal=mijlpaal,
        datum=datum,
        door=wie.strip(),
        bron=bron,
        geregistreerd_door=_echte(door),
    )
    audit_kind(
        door, maatregel.kind, AuditRegel.Actie.SCHRIJVEN, f"mijlpaal {mijlpaal}: {datum}", kanaal
    )
    return registratie


@transaction.atomic
def afspraak_maken(
    *,
    kind: Kind,
    wie: str,
    wat: str,
    uiterlijk: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Afspraak:
    if wie not in Afspraak.Wie.values:
        raise Weigering(f"Onbekende partij {wie!r}; kies uit {', '.join(Afspraak.Wie.values)}.")
    if not wat.strip():
        raise Weigering("Beschrijf wat er is afgesproken.")
    afspraak = Afspraak.objects.create(
        kind=kind, wie=wie, wat=wat.strip(), uiterlijk=uiterlijk, gemaakt_door=_echte(door)
    )
    audit_kind(
        door, kind, AuditRegel.Actie.AANMAKEN, f"afspraak ({wie}) uiterlijk {uiterlijk}", kanaal
    )
    return afspraak


@transaction.atomic
def afspraak_afronden(
    *,
    afspraak: Afspraak,
    status: str,
    datum: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Afspraak:
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if afspraak.status != Afspraak.Status.OPEN:
        raise Weigering(f"Deze afspraak is al afgerond ({afspraak.get_status_display()}).")
    if status not in (Afspraak.Status.NAGEKOMEN, Afspraak.Status.NIET_NAGEKOMEN):
        raise Weigering("Een afspraak wordt nagekomen of niet nagekomen.")
    afspraak.status, afspraak.afgerond_op = status, datum
    afspraak.save(update_fields=["status", "afgerond_op"])
    audit_kind(door, afspraak.kind, AuditRegel.Actie.SCHRIJVEN, f"afspraak {status}", kanaal)
    return afspraak


@transaction.atomic
def escaleren(
    *,
    kind: Kind,
    expertteam: Organisatie,
    reden: str,
    datum: date,
    door: Gebruiker,
    maatregel: Maatregel | None = None,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Escalatie:
    """Afspraak 3: bring a child to the regional expert team. One open escalation per child;
    without ``maatregel`` it concerns the child's most recent running measure."""
    if expertteam.type != Organisatie.Type.EXPERTTEAM:
        raise Weigering(f"{expertteam} is geen regionaal expertteam.")
    if not reden.strip():
        raise Weigering("Geef de reden van de escalatie.")
    Kind.objects.select_for_update().get(pk=kind.pk)  # one escalation at a time per child
    open_ = kind.escalaties.filter(
        status__in=[EscalatieStatus.AANGEMELD, EscalatieStatus.IN_BEHANDELING]
    ).first()
    if open_ is not None:
        raise Weigering(f"Dit kind is al aangemeld bij {open_.expertteam} ({open_.status}).")
    if maatregel is None:
        maatregel = kind.maatregelen.filter(einde__isnull=True).order_by("-start").first()
    escalatie = Escalatie.objects.create(
        kind=kind,
        maatregel=maatregel,
        expertteam=expertteam,
        reden=reden.strip(),
        aangemeld_op=datum,
        aangemeld_door=_echte(door),
    )
    EscalatieOvergang.objects.create(
        escalatie=escalatie,
        naar=EscalatieStatus.AANGEMELD,
        reden=reden.strip(),
        datum=datum,
        door=_echte(door),
    )
    audit_kind(door, kind, AuditRegel.Actie.AANMAKEN, f"escalatie naar {expertteam}", kanaal)
    return escalatie


@transaction.atomic
def escalatie_overgang(
    *,
    escalatie: Escalatie,
    naar: EscalatieStatus,
    reden: str,
    datum: date,
    door: Gebruiker,
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Escalatie:
    """One step of the escalation's state machine, recorded and audited."""
    escalatie = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    van = EscalatieStatus(escalatie.status)
    try:
        controleer_overgang(van, naar, reden)
    except OngeldigeOvergang as fout:
        raise Weigering(str(fout)) from None
    EscalatieOvergang.objects.create(
        escalatie=escalatie,
        van=van.value,
        naar=naar.value,
        reden=reden.strip(),
        datum=datum,
        door=_echte(door),
    )
    escalatie.status = naar.value
    escalatie.save(update_fields=["status"])
    audit_kind(
        door,
        escalatie.kind,
        AuditRegel.Actie.SCHRIJVEN,
        f"escalatie {van.value} → {naar.value}: {reden.strip()[:80]}",
        kanaal,
    )
    return escalatie
