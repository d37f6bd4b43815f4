"""Reads about children and measures. Reads of a child's record are audited here, at the one
place every entrypoint (page, API, CLI) goes through."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.inzage import auditdoel
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.registratie import bekend_einde
from ketenzicht.domain.wachtlijst import (
    MaatregelStand,
    effectieve_toewijzing,
)
from ketenzicht.kinderen import inzage
from ketenzicht.kinderen.historie import VASTLEGGING, correcties, gestart_voor, zoals_bekend
from ketenzicht.kinderen.models import Kind, Maatregel, Toewijzing, Triage
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import (
    beschikbaarheid,
    lidmaatschap_van,
    werklastnorm,
)


def zichtbare_kinderen(gebruiker: AbstractBaseUser | AnonymousUser) -> QuerySet[Kind]:
    """Children a user may see, by the organisation they work for:

    - a GI: children with a measure at that GI;
    - a gemeente: its residents with a measure (doorbraakaanpak afspraak 1 and 2: the gemeente
      has the regie, in consultation with the GI);
    - a regionaal expertteam: children escalated to that team (afspraak 3);
    - anyone else (ministry, jeugdregio): no individual children, aggregates only.
    """
    lid = lidmaatschap_van(gebruiker)
    if lid is None:
        return Kind.objects.none()
    org = lid.organisatie
    if org.type == Organisatie.Type.GI:
        return Kind.objects.filter(pk__in=Maatregel.objects.filter(gi=org).values("kind_id"))
    if org.type == Organisatie.Type.GEMEENTE:
        return Kind.objects.filter(gemeente=org, pk__in=Maatregel.objects.values("kind_id"))
    if org.type == Organisatie.Type.EXPERTTEAM:
        from ketenzicht.doorbraak.models import Escalatie

        return Kind.objects.filter(
            pk__in=Escalatie.objects.filter(expertteam=org).values("kind_id")
        )
    return Kind.objects.none()


def lopend_op(peildatum: date) -> Q:
    """The measures (or anything with ``start`` and ``einde``) running on ``peildatum``."""
    return Q(start__lte=peildatum) & (Q(einde__isnull=True) | Q(einde__gt=peildatum))


def toe_te_wijzen_maatregel(kind: Kind, gi: Organisatie, peildatum: date) -> Maatregel | None:
    """The measure a planner of ``gi`` gives the child a (new) vaste jeugdbeschermer for: its
    newest measure at that GI that has started and not ended."""
    return (
        kind.maatregelen.filter(gi=gi, start__lte=peildatum, einde__isnull=True)
        .order_by("-start", "-pk")
        .first()
    )


ORGANISATIES_MET_KINDEREN = frozenset(
    {Organisatie.Type.GI, Organisatie.Type.GEMEENTE, Organisatie.Type.EXPERTTEAM}
)  # the types for which zichtbare_kinderen can hold a child


def ziet_kinderen(gebruiker: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user's organisation sees individual children at all; the ministry and the
    jeugdregio see aggregates only."""
    lid = lidmaatschap_van(gebruiker)
    return lid is not None and lid.organisatie.type in ORGANISATIES_MET_KINDEREN


def kind_inzien(
    *, gebruiker: AbstractBaseUser | AnonymousUser, pid: UUID, doel: str, kanaal: str
) -> Kind:
    """A child's record for ``gebruiker``; raises ``Kind.DoesNotExist`` when not visible.

    The read is audited. A child the user may not see is indistinguishable from one that does
    not exist, so another GI's children cannot even be probed. A child of the user's GI that is
    not on their caseload raises ``inzage.RedenNodig`` until they give a reason
    (``domain.inzage``); the reads it allows are audited with it.
    """
    kind = zichtbare_kinderen(gebruiker).select_related("gemeente", "gezin").get(pid=pid)
    reden = inzage.grond(gebruiker, kind)
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[kind.pid],
        actie=AuditRegel.Actie.LEZEN,
        kanaal=kanaal,
        doel=auditdoel(doel, reden.reden if reden else None),
    )
    return kind


def _bekend(qs: QuerySet, bekend_op: datetime | None) -> QuerySet:
    return qs if bekend_op is None else qs.filter(geregistreerd_op__lte=bekend_op)


def maatregel_standen(
    *, peildatum: date, gi_ids: Iterable[int] | None = None, bekend_op: datetime | None = None
) -> list[MaatregelStand]:
    """Measures in execution at ``peildatum`` with their assignments, as known at ``bekend_op``."""
    qs = gestart_voor(Maatregel.objects.all(), tot=peildatum, bekend_op=bekend_op)
    if bekend_op is None:
        qs = qs.filter(Q(einde__isnull=True) | Q(einde__gt=peildatum))
    if gi_ids is not None:
        qs = qs.filter(gi_id__in=list(gi_ids))
    qs = _bekend(qs, bekend_op)
    gelezen = list(qs.values_list("id", "kind_id", "gi__naam", *VASTLEGGING))
    bekend = zoals_bekend({r[0]: r[3:] for r in gelezen}, bekend_op)  # type: ignore[misc]
    rijen = [(mid, k, gi, *bekend[mid][:1], *bekend[mid][2:]) for mid, k, gi, *_ in gelezen]
    looptijd = {r[0]: Periode(r[4], bekend_einde(r[5], r[6], bekend_op)) for r in rijen}
    lopend = {mid for mid, p in looptijd.items() if p.bevat(peildatum)}
    tw = _bekend(Toewijzing.objects.filter(maatregel__in=qs, start__lte=peildatum), bekend_op)
    rijen_tw = [
        r
        for r in tw.values_list(
            "maatregel_id",
            "medewerker_id",
            "medewerker__gi_id",
            "start",
            "einde",
            "einde_geregistreerd_op",
        )
        if r[0] in lopend
    ]
    uit_dienst, ziek = beschikbaarheid({r[1] for r in rijen_tw}, peildatum, bekend_op)
    drempels: dict[int, int] = {}
    toewijzingen: dict[int, list[Periode]] = defaultdict(list)
    for mid, medewerker, gi_id, start, einde, geregistreerd in rijen_tw:
        if gi_id not in drempels:
            drempels[gi_id] = werklastnorm(gi_id, peildatum).ziekte_drempel_dagen
        geregistreerd_einde = Periode(start, bekend_einde(einde, geregistreerd, bekend_op))
        toewijzingen[mid].append(
            effectieve_toewijzing(
                geregistreerd_einde,
                uit_dienst.get(medewerker),
                ziek.get(medewerker, []),
                drempels[gi_id],
            )
        )
    return [
        MaatregelStand(
            r[0], r[1], r[2], MaatregelCode(r[3]), looptijd[r[0]], tuple(toewijzingen[r[0]])
        )
        for r in rijen
        if r[0] in lopend
    ]


@dataclass(frozen=True)
class Dossier:
    """What a professional sees on a child's page."""

    kind: Kind
    maatregelen: list[Maatregel]
    wisselingen: int
    gezinsleden_in_beeld: int
    wisselingen_gezin: int  # summed over every child of the family
    jeugdbeschermers_gezin: int  # distinct vaste jeugdbeschermers the family has now
    triages: list[Triage] = field(default_factory=list)  # newest first


def wisselingen(toewijzingen: Iterable[Toewijzing]) -> int:
    """Changes of vaste jeugdbeschermer (the estafette of seed 002), across all measures."""
    return _wissels([t.medewerker_id for t in sorted(toewijzingen, key=lambda t: (t.start, t.pk))])


def _wissels(reeks: list[int]) -> int:
    return sum(1 for vorige, volgende in zip(reeks, reeks[1:], strict=False) if vorige != volgende)


def dossier(kind: Kind) -> Dossier:
    """The record of a child obtained through ``kind_inzien`` (which audited the read)."""
    maatregelen = list(
        kind.maatregelen.select_related("gi")
        .prefetch_related("toewijzingen__medewerker", "correcties")
        .order_by("-start")
    )
    alle = [t for m in maatregelen for t in m.toewijzingen.all()]
    for m in maatregelen:
        m.toewijzingen_chrono = sorted(m.toewijzingen.all(), key=lambda t: (t.start, t.pk))  # type: ignore[attr-defined]
        m.label = m.maatregelcode.label  # type: ignore[attr-defined]
        m.correctieregels = correcties(m)  # type: ignore[attr-defined]
    per_id = {m.pk: m for m in maatregelen}
    for m in maatregelen:  # a handover: both parts are the child's, so both are here
        if (vorige := per_id.get(m.overgenomen_van_id or 0)) is not None:
            m.overgenomen_van_gi = vorige.gi  # type: ignore[attr-defined]
            vorige.overgedragen_aan_gi = m.gi  # type: ignore[attr-defined]
    per_kind: dict[int, list[tuple[date, int, int]]] = {}
    nu: set[int] = set()
    rijen = Toewijzing.objects.filter(maatregel__kind__gezin_id=kind.gezin_id).values_list(
        "maatregel__kind_id", "start", "pk", "medewerker_id", "einde"
    )
    for kind_id, start, pk, medewerker_id, einde in rijen:
        per_kind.setdefault(kind_id, []).append((start, pk, medewerker_id))
        if einde is None:
            nu.add(medewerker_id)
    return Dossier(
        kind,
        maatregelen,
        wisselingen(alle),
        kind.gezin.kinderen.count(),
        wisselingen_gezin=sum(_wissels([m for *_, m in sorted(r)]) for r in per_kind.values()),
        jeugdbeschermers_gezin=len(nu),
        triages=list(kind.triages.order_by("-datum", "-geregistreerd_op")),
    )
