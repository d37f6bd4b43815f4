"""Opening a record outside one's own caseload (``domain.inzage``): whether a reason is needed,
the reason given, and the GI's review of them.

``grond`` is asked by ``selectors.kind_inzien`` on every read of a record, whatever the
channel; ``reden_geven`` records a reason; ``buiten_caseload`` is the review list.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel, InzageBuitenCaseload
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.inzage import GELDIGHEID, Inzagereden, Reden, is_eigen_kind
from ketenzicht.kinderen.models import Kind, Toewijzing
from ketenzicht.kinderen.services import TOEWIJZERS
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from ketenzicht.organisaties.selectors import lidmaatschap_van, weergavenamen


class RedenNodig(Exception):
    """The child is visible to the user's GI but not on their caseload: a reason first."""


def grond(gebruiker: AbstractBaseUser | AnonymousUser, kind: Kind) -> Reden | None:
    """``None`` when the user opens this (visible) record freely: not a GI member, a planner or
    functioneel beheerder, or the child is their own. Otherwise the reason they gave that still
    holds; raises ``RedenNodig`` when there is none."""
    lid = lidmaatschap_van(gebruiker)
    # those who divide the work (TOEWIJZERS) open any record of their GI without a reason
    if lid is None or lid.organisatie.type != Organisatie.Type.GI or lid.rol in TOEWIJZERS:
        return None
    if lid.medewerker_id is not None:
        perioden = Toewijzing.objects.filter(
            maatregel__kind=kind, maatregel__gi=lid.organisatie, medewerker_id=lid.medewerker_id
        ).values_list("start", "einde")
        if is_eigen_kind(perioden, timezone.localdate()):
            return None
    gegeven = geldende_reden(gebruiker, kind)
    if gegeven is None:
        raise RedenNodig
    return Reden(Inzagereden(gegeven.reden), gegeven.toelichting)


def geldende_reden(
    gebruiker: AbstractBaseUser | AnonymousUser, kind: Kind
) -> InzageBuitenCaseload | None:
    """The user's reason for this child that holds now (the newest), if any."""
    nu = timezone.now()
    return (
        InzageBuitenCaseload.objects.filter(
            gebruiker_id=gebruiker.pk, kind_pid=kind.pid, tijdstip__lte=nu, geldig_tot__gt=nu
        )
        .order_by("-tijdstip")
        .first()
    )


def reden_geven(
    *, gebruiker: AbstractBaseUser | AnonymousUser, kind: Kind, reden: Reden, kanaal: str
) -> InzageBuitenCaseload:
    """Record the reason ``gebruiker`` gives to open ``kind``'s record (a child visible to their
    organisation); it holds for ``GELDIGHEID``. The next read is audited with it."""
    lid = lidmaatschap_van(gebruiker)
    if lid is None:
        raise Kind.DoesNotExist
    nu = timezone.now()
    return InzageBuitenCaseload.objects.create(
        tijdstip=nu,
        geldig_tot=nu + GELDIGHEID,
        gebruiker_id=gebruiker.pk,
        gebruikersnaam=gebruiker.get_username(),
        organisatie=lid.organisatie.naam,
        kind_pid=kind.pid,
        reden=reden.reden.value,
        toelichting=reden.toelichting,
        kanaal=kanaal,
    )


@dataclass(frozen=True, slots=True)
class Inzageregel:
    tijdstip: datetime
    gebruikersnaam: str
    medewerker: str  # the caseworker the login is linked to, or ""
    kind_pid: object
    kind_naam: str
    reden: str
    toelichting: str
    kanaal: str


@dataclass(frozen=True, slots=True)
class Inzageoverzicht:
    sinds: date
    regels: list[Inzageregel]
    per_gebruiker: list[tuple[str, int]]  # most first


def buiten_caseload(
    *, gebruiker: AbstractBaseUser | AnonymousUser, gi: Organisatie, sinds: date, kanaal: str
) -> Inzageoverzicht:
    """Every reason given at ``gi`` since ``sinds``, newest first, and how many per user. The
    children named are audited as seen in a list."""
    rijen = list(
        InzageBuitenCaseload.objects.filter(
            organisatie=gi.naam, tijdstip__date__gte=sinds
        ).values_list("tijdstip", "gebruikersnaam", "kind_pid", "reden", "toelichting", "kanaal")
    )
    kinderen = {k.pid: k for k in Kind.objects.filter(pid__in={r[2] for r in rijen})}
    leden = dict(
        Lidmaatschap.objects.filter(
            gebruiker__username__in={r[1] for r in rijen}, medewerker__isnull=False
        ).values_list("gebruiker__username", "medewerker_id")
    )
    namen = weergavenamen(leden.values())
    regels = [
        Inzageregel(
            tijdstip=tijdstip,
            gebruikersnaam=wie,
            medewerker=namen.get(leden.get(wie, -1), ""),
            kind_pid=pid,
            kind_naam=str(kinderen[pid]) if pid in kinderen else "",
            reden=Inzagereden(reden).label,
            toelichting=toelichting,
            kanaal=kanaal_,
        )
        for tijdstip, wie, pid, reden, toelichting, kanaal_ in rijen
    ]
    tel: dict[str, int] = {}
    for r in regels:
        tel[r.gebruikersnaam] = tel.get(r.gebruikersnaam, 0) + 1
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=kinderen,
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel="controle inzage buiten caseload",
    )
    per_gebruiker = sorted(tel.items(), key=lambda t: (-t[1], t[0]))
    return Inzageoverzicht(sinds=sinds, regels=regels, per_gebruiker=per_gebruiker)


def als_csv(overzicht: Inzageoverzicht) -> str:
    """The review as a file to keep, newest first: the child by its pseudonymous id only."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(
        ["tijdstip", "gebruiker", "medewerker", "kind", "reden", "toelichting", "kanaal"]
    )
    for r in overzicht.regels:
        schrijver.writerow(
            [
                timezone.localtime(r.tijdstip).isoformat(timespec="seconds"),
                r.gebruikersnaam,
                r.medewerker,
                r.kind_pid,
                r.reden,
                r.toelichting,
                r.kanaal,
            ]
        )
    return uit.getvalue()
