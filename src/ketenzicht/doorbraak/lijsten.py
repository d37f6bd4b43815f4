"""Reads about children for the doorbraakaanpak: the gemeente's afspraak-1 list, the planner's
signal list, one caseworker's children with their next deadline and the RET's worklist (a
measure's milestone status is in ``mijlpalen``, a child's timeline in ``tijdlijn``).

Aggregates (the monthly monitor) contain no child; every list that shows children goes through
``zichtbare_kinderen`` and is audited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Q

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain import normen
from ketenzicht.domain.escalatie import EscalatieStatus
from ketenzicht.doorbraak.mijlpalen import KindMetMijlpalen, bijna_dagen, met_mijlpalen
from ketenzicht.doorbraak.models import Escalatie
from ketenzicht.kinderen.models import Kind, Maatregel, Toewijzing
from ketenzicht.kinderen.selectors import lopend_op, zichtbare_kinderen
from ketenzicht.kinderen.services import Gebruiker
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import weergavenamen


def _gezien(gebruiker: Gebruiker, kind_pids: Iterable[UUID], kanaal: str, doel: str) -> None:
    """Audit that ``gebruiker`` saw these children in a list, for ``doel``."""
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=kind_pids,
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel=doel,
    )


def niet_tijdig(
    *, gebruiker: Gebruiker, gemeente: Organisatie, peildatum: date, kanaal: str
) -> list[KindMetMijlpalen]:
    """Afspraak 1: the gemeente's children with a measure for whom any milestone is overdue."""
    maatregelen = (
        Maatregel.objects.filter(lopend_op(peildatum), kind__gemeente=gemeente)
        .filter(kind__in=zichtbare_kinderen(gebruiker))  # type: ignore[arg-type]
        .select_related("kind__gemeente", "gi")
        .order_by("start", "pk")
    )
    lijst = [k for k in met_mijlpalen(maatregelen, peildatum, bijna_dagen(peildatum)) if k.te_laat]
    _gezien(
        gebruiker, [k.kind_pid for k in lijst], kanaal, "doorbraakaanpak afspraak 1: niet tijdig"
    )
    return lijst


@dataclass(frozen=True, slots=True)
class Signaal:
    kind: KindMetMijlpalen
    stand: normen.MijlpaalStand


ZONDER_JEUGDBESCHERMER = "Zonder vaste jeugdbeschermer"


@dataclass(frozen=True, slots=True)
class Signaallijst:
    """The planner's signal list: the overview names every jeugdbeschermer with a deadline past
    or due and counts them (no child named), ``getoond`` holds the sections asked for."""

    overzicht: list[SignaalTelling]
    getoond: dict[str, list[Signaal]]


def signaallijst(
    *,
    gebruiker: Gebruiker,
    gi: Organisatie,
    peildatum: date,
    kanaal: str,
    wie: Collection[str] | None = None,
    dagen: int = 7,
) -> Signaallijst:
    """Milestones overdue or due within ``dagen``, per jeugdbeschermer (children without one
    under ``ZONDER_JEUGDBESCHERMER``), most overdue first. Only the sections of ``wie`` are
    shown (all when ``None``), and only their children are audited as seen."""
    maatregelen = (
        Maatregel.objects.filter(lopend_op(peildatum), gi=gi)
        .select_related("kind__gemeente", "gi")
        .order_by("pk")
    )
    per_id: dict[int | None, list[Signaal]] = defaultdict(list)
    tot = peildatum + timedelta(days=dagen)
    for k in met_mijlpalen(maatregelen, peildatum, bijna_dagen(peildatum)):
        for s in k.standen:
            if s.status.gehaald or s.vervaldatum is None or s.vervaldatum > tot:
                continue
            per_id[k.jeugdbeschermer_id].append(Signaal(k, s))
    namen = weergavenamen(mid for mid in per_id if mid is not None)
    per = {
        ZONDER_JEUGDBESCHERMER if mid is None else namen[mid]: lijst
        for mid, lijst in per_id.items()
    }
    getoond = {naam: per[naam] for naam in sorted(per) if wie is None or naam in wie}
    for lijst in getoond.values():
        lijst.sort(key=lambda g: (g.stand.vervaldatum or date.max, g.kind.naam))
    _gezien(
        gebruiker,
        sorted({g.kind.kind_pid for lijst in getoond.values() for g in lijst}, key=str),
        kanaal,
        "signaallijst termijnen",
    )
    return Signaallijst(_overzicht(per), getoond)


@dataclass(frozen=True, slots=True)
class KindInCaseload:
    """A child in one caseworker's caseload: since when, and the first deadline still to meet
    (None: every milestone due so far is met, or the next one counts from one not met yet)."""

    kind: KindMetMijlpalen
    sinds: date
    volgende: normen.MijlpaalStand | None

    @property
    def te_laat(self) -> bool:
        return self.volgende is not None and self.volgende.status is normen.Status.TE_LAAT


def kinderen_van(
    *,
    gebruiker: Gebruiker,
    medewerker: Medewerker,
    peildatum: date,
    kanaal: str,
    doel: str = "mijn kinderen",
) -> list[KindInCaseload]:
    """The children ``medewerker`` is the vaste jeugdbeschermer of on ``peildatum``: a deadline
    past first (the longest overdue first), then by the next deadline, then by name. Audited
    as seen by ``gebruiker`` (the caseworker themselves, or their planner) for ``doel``."""
    sinds = dict(
        Toewijzing.objects.filter(medewerker=medewerker, start__lte=peildatum)
        .filter(Q(einde__isnull=True) | Q(einde__gt=peildatum))
        .values_list("maatregel_id", "start")
    )
    maatregelen = (
        Maatregel.objects.filter(lopend_op(peildatum), pk__in=list(sinds))
        .select_related("kind__gemeente", "gi")
        .order_by("pk")
    )
    uit = [
        KindInCaseload(k, sinds[k.maatregel_id], normen.volgende_termijn(k.standen))
        for k in met_mijlpalen(maatregelen, peildatum, bijna_dagen(peildatum))
    ]
    uit.sort(
        key=lambda m: (
            not m.te_laat,
            m.volgende.vervaldatum if m.volgende and m.volgende.vervaldatum else date.max,
            m.kind.naam,
        )
    )
    _gezien(gebruiker, [m.kind.kind_pid for m in uit], kanaal, doel)
    return uit


@dataclass(frozen=True, slots=True)
class SignaalTelling:
    """One jeugdbeschermer's line in the overview above the signal list."""

    naam: str
    te_laat: int
    deze_week: int
    langst_te_laat_dagen: int
    medewerker_id: int | None = None  # None: the children without a jeugdbeschermer


def _overzicht(per: dict[str, list[Signaal]]) -> list[SignaalTelling]:
    """Per jeugdbeschermer: deadlines past and due this week, the most overdue first."""
    rijen = []
    for naam, lijst in per.items():
        laat = [g.stand.dagen_te_laat for g in lijst if g.stand.status is normen.Status.TE_LAAT]
        ids = {g.kind.jeugdbeschermer_id for g in lijst}
        rijen.append(
            SignaalTelling(
                naam,
                len(laat),
                len(lijst) - len(laat),
                max(laat, default=0),
                ids.pop() if len(ids) == 1 else None,
            )
        )
    return sorted(rijen, key=lambda r: (-r.te_laat, -r.langst_te_laat_dagen, r.naam))


def werklijst_ret(
    *, gebruiker: Gebruiker, expertteam: Organisatie, kanaal: str, ook_afgerond: bool = False
) -> list[Escalatie]:
    """The RET's worklist: its escalations, open ones first and oldest first."""
    qs = Escalatie.objects.filter(expertteam=expertteam).select_related(
        "kind__gemeente", "maatregel__gi"
    )
    if not ook_afgerond:
        qs = qs.filter(status__in=[EscalatieStatus.AANGEMELD, EscalatieStatus.IN_BEHANDELING])
    lijst = list(qs.order_by("aangemeld_op", "pk"))
    _gezien(gebruiker, [e.kind.pid for e in lijst], kanaal, "werklijst regionaal expertteam")
    return lijst


def expertteam_voor(kind: Kind) -> Organisatie | None:
    """The RET of the child's jeugdregio."""
    regio_id = kind.gemeente.regio_id
    if regio_id is None:
        return None
    return (
        Organisatie.objects.filter(type=Organisatie.Type.EXPERTTEAM, regio_id=regio_id)
        .order_by("pk")
        .first()
    )


def gemeenten_van(gi: Organisatie) -> list[Organisatie]:
    """The gemeenten where the GI's children live, for choosing an afspraak-1 list."""
    return list(
        Organisatie.objects.filter(
            type=Organisatie.Type.GEMEENTE,
            pk__in=Kind.objects.filter(maatregelen__gi=gi).values("gemeente"),
        ).order_by("naam")
    )
