"""The team's caseloads against the workload norm: per caseworker, the summary the planner
looks at first, the roles with room, and how often children changed jeugdbeschermer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from ketenzicht.domain.capaciteit import Rol
from ketenzicht.kinderen.models import Maatregel, Toewijzing
from ketenzicht.kinderen.services import caseload
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import weergavenamen, werklastnorm
from ketenzicht.planning.selectors import beschikbare_medewerkers, werkvoorraad


@dataclass(frozen=True, slots=True)
class Caseload:
    medewerker: Medewerker
    caseload: float
    cap: float

    @property
    def ruimte(self) -> float:
        return round(self.cap - self.caseload, 2)

    @property
    def boven_norm(self) -> bool:
        return self.caseload > self.cap

    @property
    def bijna(self) -> float:
        """From here on the caseload is close to the norm (the bar turns amber)."""
        return round(0.9 * self.cap, 2)


def caseloads(*, gi: Organisatie, peildatum: date) -> list[Caseload]:
    """Every available caseworker's load against their personal cap (FTE × norm)."""
    norm = werklastnorm(gi.pk, peildatum)
    voorraad = werkvoorraad(gi, norm)
    return [
        Caseload(m, round(voorraad.caseload.get(m.pk, 0.0), 2), norm.cap(float(m.fte)))
        for m in beschikbare_medewerkers(gi, peildatum)
    ]


def team_op_ruimte(*, gi: Organisatie, peildatum: date) -> list[tuple[Caseload, str]]:
    """Every available caseworker's load with the name they go by (told apart from a
    namesake), the least room first: the team page and the team API."""
    lijst = sorted(caseloads(gi=gi, peildatum=peildatum), key=lambda c: c.ruimte)
    namen = weergavenamen(c.medewerker.pk for c in lijst)
    return [(c, namen[c.medewerker.pk]) for c in lijst]


def caseload_van(medewerker: Medewerker, peildatum: date) -> Caseload:
    """One caseworker's load (their children, weighted by the GI's norm) against their cap,
    as the assignment service counts it."""
    norm = werklastnorm(medewerker.gi_id, peildatum)
    return Caseload(
        medewerker, round(caseload(medewerker, norm), 2), norm.cap(float(medewerker.fte))
    )


@dataclass(frozen=True, slots=True)
class TeamSamenvatting:
    medewerkers: int
    boven: int  # caseworkers above their norm
    plekken: list[tuple[str, int]]  # per role: children that fit within the norm, in whole places


def team_samenvatting(lijst: list[Caseload]) -> TeamSamenvatting:
    """How many are above their norm, and how many children more fit within it, per role."""
    plekken: dict[str, int] = defaultdict(int)
    for c in lijst:
        plekken[c.medewerker.rol] += max(0, int(c.ruimte))
    return TeamSamenvatting(len(lijst), sum(c.boven_norm for c in lijst), sorted(plekken.items()))


def rollen_met_ruimte(*, gi: Organisatie, peildatum: date) -> set[Rol]:
    """The roles of which at least one available caseworker has room for one more child."""
    return {Rol(c.medewerker.rol) for c in caseloads(gi=gi, peildatum=peildatum) if c.ruimte >= 1}


def wisselingen_per_kind(*, gi: Organisatie, peildatum: date) -> float | None:
    """GI indicator of the estafette (seed 002): changes of vaste jeugdbeschermer in the past 12
    months per child with a measure in execution at the GI."""
    jaar = peildatum - timedelta(days=365)
    lopend = Maatregel.objects.filter(gi=gi, start__lte=peildatum).filter(
        Q(einde__isnull=True) | Q(einde__gt=peildatum)
    )
    aantal = lopend.count()
    if not aantal:
        return None
    recent = Toewijzing.objects.filter(maatregel__gi=gi, start__gt=jaar, start__lte=peildatum)
    per_maatregel: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
    rijen = Toewijzing.objects.filter(
        maatregel_id__in=recent.values("maatregel_id"), start__lte=peildatum
    )
    for mid, start, pk, medewerker in rijen.values_list(
        "maatregel_id", "start", "pk", "medewerker_id"
    ):
        per_maatregel[mid].append((start, pk, medewerker))
    wissel = 0
    for reeks in per_maatregel.values():
        reeks.sort()
        wissel += sum(
            1
            for vorige, nu in zip(reeks, reeks[1:], strict=False)
            if nu[0] > jaar and nu[2] != vorige[2]
        )
    return round(wissel / aantal, 2)
