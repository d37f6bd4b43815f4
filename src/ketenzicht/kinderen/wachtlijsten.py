"""A GI's start and internal waitlists as the planner's page and the API show them: the rows,
their order (any column, either way), the counts; the children shown are audited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.wachtlijst import Wachtende, WachtSoort, wachtenden
from ketenzicht.kinderen.models import Kind
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gi_van


@dataclass(frozen=True, slots=True)
class WachtlijstRegel:
    """One row of a GI's waitlist as a planner sees it."""

    kind_pid: UUID
    naam: str
    gemeente: str
    maatregel: str
    soort: WachtSoort
    sinds: date
    dagen_wachtend: int


@dataclass(frozen=True, slots=True)
class Sortering:
    """A waitlist's order: a column, and whether it runs high to low. As text ``dagen`` or
    ``-dagen`` (the minus for high to low), the form the page's links carry."""

    kolom: str
    aflopend: bool

    @classmethod
    def van_tekst(cls, tekst: str) -> Sortering | None:
        kolom = tekst.removeprefix("-")
        return cls(kolom, tekst.startswith("-")) if kolom in WACHTLIJST_KOLOMMEN else None

    def __str__(self) -> str:
        return f"-{self.kolom}" if self.aflopend else self.kolom

    def na_klik(self, kolom: str) -> Sortering:
        """The order after a click on ``kolom``'s heading: the same column turns round, another
        starts in its own first direction (the longest wait, the newest, A to Z)."""
        if kolom == self.kolom:
            return Sortering(kolom, not self.aflopend)
        return Sortering(kolom, kolom in ("dagen", "sinds"))


WACHTLIJST_KOLOMMEN: dict[str, Callable[[WachtlijstRegel], str | int | date]] = {
    "kind": lambda r: r.naam.casefold(),
    "gemeente": lambda r: r.gemeente.casefold(),
    "maatregel": lambda r: r.maatregel,
    "sinds": lambda r: r.sinds,
    "dagen": lambda r: r.dagen_wachtend,
}
WACHTLIJST_STANDAARD = Sortering("sinds", aflopend=True)  # the newest on the list first


def gesorteerd(regels: list[WachtlijstRegel], sortering: Sortering) -> list[WachtlijstRegel]:
    """``regels`` in ``sortering``'s order; ties keep the order they came in (the newest first,
    as ``wachtlijst`` gives them)."""
    sleutel = WACHTLIJST_KOLOMMEN[sortering.kolom]
    return sorted(regels, key=sleutel, reverse=sortering.aflopend)


def wachtlijst_aantallen(*, gi: Organisatie, peildatum: date) -> dict[WachtSoort, int]:
    """How many children wait on each of the GI's lists at ``peildatum``: counts only, no child
    is named, so nothing is audited (the list shown beside them is)."""
    tel = Counter(w.soort for w in _wachtenden(gi, peildatum))
    return {soort: tel[soort] for soort in WachtSoort}


def _wachtenden(gi: Organisatie, peildatum: date) -> list[Wachtende]:
    """Who waits on either of the GI's lists at ``peildatum`` (not audited: the callers are)."""
    standen = maatregel_standen(peildatum=peildatum, gi_ids=[gi.pk])
    return wachtenden(standen, peildatum, NederlandseKalender())


def wachtlijst(
    *,
    gebruiker: AbstractBaseUser | AnonymousUser,
    gi: Organisatie,
    peildatum: date,
    soort: WachtSoort | None = None,
    kanaal: str,
) -> list[WachtlijstRegel]:
    """The GI's start and/or internal waitlist at ``peildatum``, newest first; audited per child."""
    if gi_van(gebruiker) != gi:
        raise PermissionError("Alleen medewerkers van de GI zien haar wachtlijst.")
    lijst = [w for w in _wachtenden(gi, peildatum) if soort in (None, w.soort)]
    kinderen = Kind.objects.select_related("gemeente").in_bulk([w.kind_id for w in lijst])
    regels = [
        WachtlijstRegel(
            kind_pid=kinderen[w.kind_id].pid,
            naam=str(kinderen[w.kind_id]),
            gemeente=kinderen[w.kind_id].gemeente.naam,
            maatregel=w.code.kort,
            soort=w.soort,
            sinds=w.sinds,
            dagen_wachtend=w.dagen_wachtend,
        )
        for w in lijst
    ]
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[r.kind_pid for r in regels],
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel="wachtlijstbeheer",
    )
    return regels
