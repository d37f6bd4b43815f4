"""Reads of what was registered about a child's measures and where it lived, as known at a
moment: a measure's corrections (``MaatregelCorrectie``) and a child's moves (``Woonplaats``).
Every figure "as known at" a moment reads through here, so a correction or a move registered
later never changes it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from ketenzicht.domain import woonplaats
from ketenzicht.domain.intake import Registratie
from ketenzicht.domain.registratie import bekend_als
from ketenzicht.kinderen.models import Kind, Maatregel, MaatregelCorrectie, Woonplaats

# A measure's code, beschikking_datum, start, einde and its registration moment: what a
# correction changes and the "as known at" reads need.
Vastlegging = tuple[str, date, date, date | None, datetime | None]
VASTLEGGING = ("code", "beschikking_datum", "start", "einde", "einde_geregistreerd_op")


def gestart_voor(
    qs: QuerySet[Maatregel], *, na: date | None = None, tot: date, bekend_op: datetime | None
) -> QuerySet[Maatregel]:
    """``qs`` narrowed to measures started in ``[na, tot]`` — as known at ``bekend_op``: then a
    measure corrected afterwards is kept too (its start then may lie in the range; the caller
    sorts that out with ``zoals_bekend``)."""
    binnen = Q(start__lte=tot) if na is None else Q(start__gte=na, start__lte=tot)
    if bekend_op is None:
        return qs.filter(binnen)
    later = MaatregelCorrectie.objects.filter(
        maatregel=OuterRef("pk"), geregistreerd_op__gt=bekend_op
    )
    return qs.filter(binnen | Exists(later))


def zoals_bekend(
    rijen: dict[int, Vastlegging], bekend_op: datetime | None
) -> dict[int, Vastlegging]:
    """Each measure's registration (``VASTLEGGING``) as known at ``bekend_op``: corrections
    registered afterwards are undone (``domain.registratie.bekend_als``). The end still has to
    be read through ``bekend_einde``: it may have been registered after ``bekend_op``."""
    if bekend_op is None:
        return rijen
    later: dict[int, list[tuple[datetime, Vastlegging]]] = defaultdict(list)
    for mid, moment, *was in MaatregelCorrectie.objects.filter(
        geregistreerd_op__gt=bekend_op  # few: read them all rather than list every measure
    ).values_list("maatregel_id", "geregistreerd_op", *(f"was_{v}" for v in VASTLEGGING)):
        if mid in rijen:
            later[mid].append((moment, (was[0], was[1], was[2], was[3], was[4])))
    return {mid: bekend_als(r, later.get(mid, ()), bekend_op) for mid, r in rijen.items()}


def wat(voor: Registratie, na: Registratie) -> str:
    """What a correction changed, in words: 'start 01-10-2026 → 05-10-2026'."""
    delen = []
    if voor.code != na.code:
        delen.append(f"maatregel {voor.code.kort} → {na.code.kort}")
    for naam, van, naar in (
        ("beschikking", voor.beschikking_datum, na.beschikking_datum),
        ("start", voor.start, na.start),
        ("einde", voor.einde, na.einde),
    ):
        if van != naar:
            delen.append(f"{naam} {_datum(van)} → {_datum(naar)}")
    if voor.einde_reden != na.einde_reden and voor.einde_reden and na.einde_reden:
        delen.append(f"reden einde {voor.einde_reden} → {na.einde_reden}")
    return ", ".join(delen)


def _datum(dag: date | None) -> str:
    return "geen (loopt)" if dag is None else f"{dag:%d-%m-%Y}"


@dataclass(frozen=True, slots=True)
class Correctieregel:
    """One correction of a measure's registration, as the child's page and API show it."""

    geregistreerd_op: datetime
    door: str
    wat: str  # 'start 01-10-2026 → 05-10-2026'
    reden: str


def correcties(maatregel: Maatregel) -> list[Correctieregel]:
    """The corrections of a measure, oldest first, each with what it changed."""
    rij = list(maatregel.correcties.all())
    na = [c.was for c in rij[1:]] + [maatregel.registratie]
    return [
        Correctieregel(c.geregistreerd_op, c.door, wat(c.was, n), c.reden)
        for c, n in zip(rij, na[: len(rij)], strict=True)
    ]


# Where a child lived: its gemeente's name and that gemeente's jeugdregio (None: in none).
Plaats = tuple[str, str | None]


def plaatsen_op(
    wanneer: Iterable[tuple[int, date]], bekend_op: datetime | None = None
) -> dict[tuple[int, date], Plaats]:
    """For each (child, day) the gemeente the child lived in on that day and its jeugdregio, as
    known at ``bekend_op`` (``domain.woonplaats.gemeente_op``); a child that never moved lives
    where its record says. Children without a gemeente are left out."""
    paren = set(wanneer)
    ids = {kind for kind, _ in paren}
    plaats = ("gemeente__naam", "gemeente__regio__naam")
    nu: dict[int, Plaats] = {}
    rij = sorted(ids)
    for i in range(0, len(rij), 5000):  # a national set of children: within SQLite's limit
        for kind, naam, regio in Kind.objects.filter(
            pk__in=rij[i : i + 5000], gemeente__isnull=False
        ).values_list("pk", *plaats):
            nu[kind] = (naam, regio)
    verhuisd: dict[int, list[woonplaats.Woonplaats[Plaats]]] = defaultdict(list)
    for kind, van, moment, naam, regio in Woonplaats.objects.values_list(  # few: read them all
        "kind_id", "van", "geregistreerd_op", *plaats
    ):
        if kind in ids:
            verhuisd[kind].append(woonplaats.Woonplaats(van, moment, (naam, regio)))
    uit = {}
    for kind, dag in paren:
        daar = woonplaats.gemeente_op(verhuisd.get(kind, ()), dag, bekend_op) or nu.get(kind)
        if daar is not None:
            uit[kind, dag] = daar
    return uit


def gemeenten_op(
    kind_ids: Iterable[int], dag: date, bekend_op: datetime | None = None
) -> dict[int, str]:
    """The name of the gemeente each child lived in on ``dag``, as known at ``bekend_op``
    (``plaatsen_op``). Children without a gemeente are left out."""
    woonde = plaatsen_op(((kind, dag) for kind in kind_ids), bekend_op)
    return {kind: naam for (kind, _), (naam, _) in woonde.items()}
