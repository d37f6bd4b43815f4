"""The monitor's figures at a peildatum, kept between requests and reused for as long as
nothing registered since can have changed them.

A figure at peildatum P depends only on facts dated on or before P: a measure that started or
ended, an assignment, a sickness, a leaving date, a move, a figure delivered for P. Every fact
carries the moment it was registered (an end, the moment its end was), so a figure computed
with what was known at moment K is still current when every fact registered after K is dated
after P: an assignment made today does not change last October's figures. (Before, any new
fact set aside every peildatum, and a trend of nine peildata was computed anew, about 25 s
for the country, on the first visit after every registration.)

Checked whole, because they carry no registration moment: a GI's first day of registering
everything (``registratie_vanaf``), and every edit and deletion under /beheer/ (the admin's
log). A deletion anywhere else shows as fewer rows registered up to K than when the figure
was computed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from hashlib import sha256
from typing import Any, TypeVar

from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.db.models import Count, Max, Min, Model, Q
from django.utils import timezone

from ketenzicht.domain.registratie import nog_geldig
from ketenzicht.kinderen.models import Maatregel, MaatregelCorrectie, Toewijzing, Woonplaats
from ketenzicht.monitor.models import Uitvraagcijfers
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Intrekking,
    Medewerker,
    Organisatie,
    Werklastnorm,
)

T = TypeVar("T")

# A registration still in an open transaction when a computation began is not in its figures;
# it counts as registered after the computation's moment as long as it was made this long
# before it (a write in Ketenzicht takes well under a second; an iJw batch, seconds).
MARGE = timedelta(minutes=10)
BEWAARTIJD = 7 * 24 * 3600  # seconds; a figure no one asked for in a week is dropped

# Per fact table: (its registration moment, the days a fact so registered touches). A fact
# registered after K touches the figures of every peildatum on or after the earliest of them.
# A withdrawal (organisaties.Intrekking) touches the day it names and, for a recovery date,
# every day from its sickness's first (the sickness runs again, or ends on another day); a
# withdrawn sickness also ends on its first day, registered then; a leaving date or a joining
# is withdrawn only before it takes effect, so it touches no day up to today.
Geraakt = tuple[tuple[type[Model], tuple[tuple[str, tuple[str, ...]], ...]], ...]
GERAAKT: Geraakt = (
    (Maatregel, (("geregistreerd_op", ("start",)), ("einde_geregistreerd_op", ("einde",)))),
    (
        # a correction changes the measure from the earlier of its starts before and after
        MaatregelCorrectie,
        (("geregistreerd_op", ("was_start", "maatregel__start")),),
    ),
    (Toewijzing, (("geregistreerd_op", ("start",)), ("einde_geregistreerd_op", ("einde",)))),
    (Woonplaats, (("geregistreerd_op", ("van",)),)),
    (
        Medewerker,
        (
            ("geregistreerd_op", ("in_dienst_van",)),
            ("uit_dienst_geregistreerd_op", ("uit_dienst_per",)),
        ),
    ),
    (
        BeschikbaarheidsPeriode,
        (("geregistreerd_op", ("van",)), ("tot_geregistreerd_op", ("tot",))),
    ),
    (Uitvraagcijfers, (("geregistreerd_op", ("peildatum",)),)),
    (Werklastnorm, (("geregistreerd_op", ("geldig_van",)),)),
    (Intrekking, (("geregistreerd_op", ("datum", "periode__van")),)),
)


@dataclass(frozen=True, slots=True)
class Feiten:
    """What a kind of kept figure depends on: the fact tables with their registration moments
    and the days a fact so registered touches (``GERAAKT``'s form), and what carries no
    registration moment, checked whole (``vast``). The monitor's are ``MONITOR``; the doorbraak
    monitor's (``doorbraak.selectors.FEITEN``) are those about measures, the milestones and
    the norm sets."""

    geraakt: Geraakt
    vast: Callable[[], tuple[object, ...]]


def vast() -> tuple[object, ...]:
    """What carries no registration moment: the GIs' first days of registering everything,
    and the admin's log (every edit and deletion under /beheer/)."""
    log = LogEntry.objects.aggregate(n=Count("pk"), t=Max("action_time"))
    gis = Organisatie.objects.filter(type=Organisatie.Type.GI).order_by("pk")
    return (log["n"], log["t"], *gis.values_list("pk", "registratie_vanaf"))


MONITOR = Feiten(GERAAKT, vast)


def versie(feiten: Feiten = MONITOR) -> tuple[object, ...]:
    """Changes whenever a fact that feeds the figures is registered, ended, corrected,
    withdrawn or deleted, and with everything ``vast`` covers: per fact table the number of
    rows and the latest of each registration moment."""
    uit: list[object] = []
    for model, registraties in feiten.geraakt:
        momenten = {veld: Max(veld) for veld, _ in registraties}
        uit.extend(model.objects.aggregate(n=Count("pk"), **momenten).values())  # type: ignore[attr-defined]
    return (*uit, *feiten.vast())


@dataclass(frozen=True, slots=True)
class Sinds:
    """What was registered after a moment K, as far as the monitor can tell."""

    vroegst: date | None  # the earliest day any fact registered after K touches; None: none
    tot_dan: tuple[int, ...]  # per table, the facts registered up to K (fewer: one deleted)


def sinds(moment: datetime, feiten: Feiten = MONITOR) -> Sinds:
    """One query per fact table: the earliest day touched by what was registered after
    ``moment``, and how many facts were registered up to it."""
    vroegst: list[date] = []
    tot_dan: list[int] = []
    for model, registraties in feiten.geraakt:
        hoofd = registraties[0][0]
        velden: dict[str, Any] = {"tot_dan": Count("pk", filter=Q(**{f"{hoofd}__lte": moment}))}
        for i, (registratie, dagen) in enumerate(registraties):
            for j, dag in enumerate(dagen):
                velden[f"d{i}_{j}"] = Min(dag, filter=Q(**{f"{registratie}__gt": moment}))
        rij = model.objects.aggregate(**velden)  # type: ignore[attr-defined]
        tot_dan.append(rij.pop("tot_dan"))
        vroegst.extend(d for d in rij.values() if d is not None)
    return Sinds(min(vroegst, default=None), tuple(tot_dan))


@dataclass(frozen=True, slots=True)
class Bewaard:
    bekend_tot: datetime  # K: every fact registered up to this moment is in ``waarde``
    versie: tuple[object, ...]  # ``versie()`` when it was computed
    vast: tuple[object, ...]
    tot_dan: tuple[int, ...]
    waarde: object


class Bewaarplaats:
    """Kept figures for the peildata of one request, depending on ``feiten`` (the monitor's
    unless given): ``versie``, ``vast`` and each moment's ``sinds`` are read once, however
    many peildata are asked."""

    def __init__(self, feiten: Feiten = MONITOR) -> None:
        self.feiten = feiten
        self._versie: tuple[object, ...] | None = None
        self._vast: tuple[object, ...] | None = None
        self._sinds: dict[datetime, Sinds] = {}
        self._bekend_tot: datetime | None = None

    def haal(self, sleutel: Hashable, peildatum: date, bereken: Callable[[], T]) -> T:
        """The figure under ``sleutel`` (for ``peildatum``): kept, if nothing registered since
        it was computed can have changed it; else ``bereken()``, kept from now on."""
        [waarde] = self.haal_samen([(sleutel, peildatum)], lambda _: [bereken()])
        return waarde

    def haal_samen(
        self,
        gevraagd: Sequence[tuple[Hashable, date]],
        bereken: Callable[[list[int]], Sequence[T]],
    ) -> list[T]:
        """The figure under each (sleutel, peildatum) of ``gevraagd``, as ``haal`` finds it;
        those not kept all by one ``bereken(open)``, which is given their positions in
        ``gevraagd`` and answers their figures in that order (one read of the facts for
        several peildata), kept from now on."""
        uit: dict[int, T] = {}
        for i, (sleutel, peildatum) in enumerate(gevraagd):
            bewaard: Bewaard | None = cache.get(_naam(sleutel))
            if bewaard is not None and self._geldig(bewaard, peildatum):
                uit[i] = bewaard.waarde  # type: ignore[assignment]
        open_ = [i for i in range(len(gevraagd)) if i not in uit]
        if open_:
            if self._bekend_tot is None:
                self._bekend_tot = timezone.now() - MARGE
            versie, vast_ = self.versie(), self.vast()  # read before the facts: one after shows
            waarden = bereken(open_)
            tot_dan = self.sinds(self._bekend_tot).tot_dan
            for i, waarde in zip(open_, waarden, strict=True):
                bewaard = Bewaard(self._bekend_tot, versie, vast_, tot_dan, waarde)
                cache.set(_naam(gevraagd[i][0]), bewaard, BEWAARTIJD)
                uit[i] = waarde
        return [uit[i] for i in range(len(gevraagd))]

    def bewaard(self, sleutel: Hashable, peildatum: date) -> bool:
        """Whether ``haal`` would answer from what is kept, without computing anything."""
        bewaard: Bewaard | None = cache.get(_naam(sleutel))
        return bewaard is not None and self._geldig(bewaard, peildatum)

    def _geldig(self, bewaard: Bewaard, peildatum: date) -> bool:
        if bewaard.vast != self.vast():
            return False
        if bewaard.versie == self.versie():
            return True  # no fact registered, ended or withdrawn since
        nu = self.sinds(bewaard.bekend_tot)
        return nu.tot_dan == bewaard.tot_dan and nog_geldig(peildatum, nu.vroegst)

    def versie(self) -> tuple[object, ...]:
        if self._versie is None:
            self._versie = versie(self.feiten)
        return self._versie

    def vast(self) -> tuple[object, ...]:
        if self._vast is None:
            self._vast = self.feiten.vast()
        return self._vast

    def sinds(self, moment: datetime) -> Sinds:
        if moment not in self._sinds:
            self._sinds[moment] = sinds(moment, self.feiten)
        return self._sinds[moment]


def _naam(sleutel: Hashable) -> str:
    return "monitor-bewaard:" + sha256(repr(sleutel).encode()).hexdigest()
