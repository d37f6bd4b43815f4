"""The planner registers a caseworker's sickness, recovery and leaving (``domain.afwezigheid``),
and sees who is away and what it does to their children.

The registration is all there is to do: from the day sickness reaches the GI's threshold, or
the leaving date, the waitlists count the children as waiting internally
(``wachtlijst.effectieve_toewijzing``), and *Te verdelen* offers them to colleagues.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ketenzicht.domain.afwezigheid import (
    AfwezigheidOngeldig,
    controleer_betermelding,
    controleer_vertrek,
    controleer_ziekmelding,
    intrekbaar,
    laatste_ziekte,
    relatie_eindigt_op,
    relaties_eindigen_bij,
)
from ketenzicht.domain.capaciteit import Beschikbaarheid, Rol
from ketenzicht.domain.maatregelen import ToewijzingEindeReden
from ketenzicht.domain.perioden import Periode
from ketenzicht.kinderen.models import Toewijzing
from ketenzicht.kinderen.services import (
    Gebruiker,
    Weigering,
    mag_toewijzen,
    mag_verleden_registreren,
    toewijzing_beeindigen,
)
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Intrekking,
    Medewerker,
    Organisatie,
)
from ketenzicht.organisaties.selectors import gi_van, werklastnorm
from ketenzicht.organisaties.services import VERLEDEN, einde_geregistreerd

log = logging.getLogger(__name__)
ZIEK = Beschikbaarheid.ZIEK.value


def vergrendeld(medewerker: Medewerker, door: Gebruiker) -> Medewerker:
    """The caseworker's row, locked for the rest of the transaction, so that two planners
    registering at once are serialised; only a planner of the caseworker's own GI."""
    if not mag_toewijzen(door):
        raise Weigering("Afwezigheid registreren doet de teamleider of planner.")
    if door is not None and gi_van(door) != medewerker.gi:
        raise Weigering("Alleen voor medewerkers van uw eigen GI.")
    return Medewerker.objects.select_for_update().get(pk=medewerker.pk)


def ziekten_van(medewerker: Medewerker) -> list[BeschikbaarheidsPeriode]:
    return list(medewerker.perioden.filter(soort=ZIEK).order_by("van"))


def aantal_kinderen(medewerker: Medewerker, peildatum: date) -> int:
    """How many children ``medewerker`` is registered as the vaste jeugdbeschermer of."""
    return (
        Toewijzing.objects.filter(medewerker=medewerker, start__lte=peildatum)
        .filter(Q(einde__isnull=True) | Q(einde__gt=peildatum))
        .count()
    )


def als_dag(dag: date) -> str:
    return f"{dag:%d-%m-%Y}"


@transaction.atomic
def ziek_melden(*, medewerker: Medewerker, van: date, door: Gebruiker) -> str:
    """Register ``medewerker`` sick from ``van``; returns what it means for their children."""
    medewerker = vergrendeld(medewerker, door)
    ziekten = ziekten_van(medewerker)
    try:
        controleer_ziekmelding(
            van,
            medewerker.dienstverband,
            [Periode(z.van, z.tot) for z in ziekten],
        )
    except AfwezigheidOngeldig as fout:
        raise Weigering(str(fout)) from None
    BeschikbaarheidsPeriode.objects.create(medewerker=medewerker, soort=ZIEK, van=van)
    log.info("medewerker %s ziek gemeld per %s", medewerker.pk, van)
    drempel = werklastnorm(medewerker.gi_id, van).ziekte_drempel_dagen
    n = aantal_kinderen(medewerker, van)
    return (
        f"{medewerker.naam} is ziek gemeld per {als_dag(van)}. Duurt het {drempel} dagen, dan gaan "
        f"{'het kind' if n == 1 else f'de {n} kinderen'} van {medewerker.naam} op "
        f"{als_dag(relatie_eindigt_op(van, drempel))} naar de interne wachtlijst."
        if n
        else f"{medewerker.naam} is ziek gemeld per {als_dag(van)}."
    )


@transaction.atomic
def beter_melden(*, medewerker: Medewerker, per: date, door: Gebruiker) -> str:
    """End ``medewerker``'s running sickness: at work again from ``per``."""
    medewerker = vergrendeld(medewerker, door)
    ziekten = ziekten_van(medewerker)
    try:
        ziekte = controleer_betermelding(per, [Periode(z.van, z.tot) for z in ziekten])
    except AfwezigheidOngeldig as fout:
        raise Weigering(str(fout)) from None
    rij = next(z for z in ziekten if z.van == ziekte.van and z.tot is None)
    rij.tot = per
    rij.tot_geregistreerd_op = einde_geregistreerd(per)
    rij.save(update_fields=["tot", "tot_geregistreerd_op"])
    log.info("medewerker %s beter gemeld per %s", medewerker.pk, per)
    drempel = werklastnorm(medewerker.gi_id, ziekte.van).ziekte_drempel_dagen
    geeindigd = relaties_eindigen_bij(ziekte.van, None, per, drempel)
    if geeindigd is None:
        return f"{medewerker.naam} is beter gemeld per {als_dag(per)} en houdt de eigen kinderen."
    n = relaties_beeindigen(medewerker, geeindigd, door)
    tekst = (
        f"{medewerker.naam} is beter gemeld per {als_dag(per)}. De ziekte duurde langer dan "
        f"{drempel} dagen"
    )
    if not n:
        return tekst + "."
    return (
        f"{tekst}: {overgedragen(n, geeindigd)}. "
        f"Wijs ze opnieuw toe, ook aan {medewerker.naam} zelf als dat past."
    )


def relaties_beeindigen(medewerker: Medewerker, geeindigd: date, door: Gebruiker) -> int:
    """A sickness that lasted the threshold ended the vaste relations on ``geeindigd``
    (``wachtlijst.effectieve_toewijzing``); register those ends once it is over, so the
    children no longer count in this caseload and can be given back. Returns how many."""
    open_ = Toewijzing.objects.filter(
        medewerker=medewerker, einde__isnull=True, start__lt=geeindigd
    )
    n = 0
    for toewijzing in open_.select_related("maatregel__kind"):
        toewijzing_beeindigen(
            toewijzing=toewijzing, einde=geeindigd, reden=ToewijzingEindeReden.ZIEKTE, door=door
        )
        n += 1
    return n


def overgedragen(n: int, geeindigd: date) -> str:
    """What ``relaties_beeindigen`` did, for the planner's message."""
    wie = "het kind dat nog niet was" if n == 1 else f"de {n} kinderen die nog niet waren"
    staat = "staat" if n == 1 else "staan"
    return f"{wie} overgedragen, {staat} sinds {als_dag(geeindigd)} op de interne wachtlijst"


@transaction.atomic
def uit_dienst_melden(*, medewerker: Medewerker, per: date, door: Gebruiker) -> str:
    """Register that ``medewerker`` leaves: ``per`` is the first day no longer employed."""
    medewerker = vergrendeld(medewerker, door)
    vandaag = timezone.localdate()
    try:
        controleer_vertrek(
            per, medewerker.dienstverband, vandaag, verleden=mag_verleden_registreren(door)
        )
    except AfwezigheidOngeldig as fout:
        raise Weigering(str(fout)) from None
    medewerker.uit_dienst_per = per
    medewerker.uit_dienst_geregistreerd_op = einde_geregistreerd(per)
    medewerker.save(update_fields=["uit_dienst_per", "uit_dienst_geregistreerd_op"])
    log.info("medewerker %s uit dienst per %s", medewerker.pk, per)
    n = aantal_kinderen(medewerker, vandaag)
    tekst = f"{medewerker.naam} is uit dienst per {als_dag(per)}."
    if per < vandaag:
        tekst += VERLEDEN.format(dag=als_dag(per))
    if n:
        tekst += (
            f" {'Het kind' if n == 1 else f'De {n} kinderen'} van {medewerker.naam} gaan dan "
            "naar de interne wachtlijst; wijs ze eerder toe om de wisseling voor te zijn."
        )
    return tekst


ACTIES = ("ziek", "beter", "uit_dienst")


def melden(actie: str, *, medewerker: Medewerker, datum: date, door: Gebruiker) -> str:
    """One of ``ACTIES`` from ``datum``: what the page and the API both offer."""
    if actie == "ziek":
        return ziek_melden(medewerker=medewerker, van=datum, door=door)
    if actie == "beter":
        return beter_melden(medewerker=medewerker, per=datum, door=door)
    if actie == "uit_dienst":
        return uit_dienst_melden(medewerker=medewerker, per=datum, door=door)
    raise Weigering("Kies ziek, beter of uit dienst.")


@dataclass(frozen=True, slots=True)
class Afwezige:
    medewerker: Medewerker
    reden: str  # "ziek" or "vertrekt"
    sinds: date  # sick since, or the leaving date
    relatie_eindigt: date  # the day the children go to the internal waitlist
    kinderen: int


def afwezigen(*, gi: Organisatie, peildatum: date) -> list[Afwezige]:
    """Caseworkers of ``gi`` sick on ``peildatum`` or leaving after it, with the day their
    children go (or went) to the internal waitlist; that day first."""
    rollen = [Rol.JEUGDBESCHERMER.value, Rol.JEUGDRECLASSEERDER.value]
    in_dienst = Medewerker.objects.filter(gi=gi, rol__in=rollen, in_dienst_van__lte=peildatum)
    uit: list[Afwezige] = []
    ziek = BeschikbaarheidsPeriode.objects.filter(
        medewerker__in=in_dienst.filter(
            Q(uit_dienst_per__isnull=True) | Q(uit_dienst_per__gt=peildatum)
        ),
        soort=ZIEK,
        van__lte=peildatum,
    ).filter(Q(tot__isnull=True) | Q(tot__gt=peildatum))
    drempel = werklastnorm(gi.pk, peildatum).ziekte_drempel_dagen
    for z in ziek.select_related("medewerker"):
        eindigt = relatie_eindigt_op(z.van, drempel)
        n = aantal_kinderen(z.medewerker, peildatum)
        uit.append(Afwezige(z.medewerker, "ziek", z.van, eindigt, n))
    for m in in_dienst.filter(uit_dienst_per__gt=peildatum):
        per: date = m.uit_dienst_per  # type: ignore[assignment]
        uit.append(Afwezige(m, "vertrekt", per, per, aantal_kinderen(m, peildatum)))
    return sorted(uit, key=lambda a: (a.relatie_eindigt, a.medewerker.naam))


@dataclass(frozen=True, slots=True)
class Stand:
    """A caseworker's availability as their page shows it."""

    ziek_sinds: date | None
    relatie_eindigt: date | None  # while sick: the day the children go to the internal list
    uit_dienst_per: date | None
    nooit_in_dienst: bool = False  # the joining was withdrawn (planning.intrekking)
    intrekbaar: frozenset[str] = frozenset()  # domain.afwezigheid.intrekbaar, on the peildatum
    laatste_ziekte: Periode | None = None  # the latest sickness (not withdrawn), if any

    @property
    def eerst_intrekbaar(self) -> str | None:
        """What the withdrawal form selects at first: the first withdrawable, in the order of
        ``Intrekking.Soort``."""
        return next((w for w in Intrekking.Soort.values if w in self.intrekbaar), None)


def stand_van(medewerker: Medewerker, peildatum: date) -> Stand:
    if medewerker.dienstverband.leeg:
        return Stand(None, None, None, nooit_in_dienst=True)
    perioden = [Periode(z.van, z.tot) for z in ziekten_van(medewerker)]
    intrekken = frozenset(intrekbaar(perioden, medewerker.dienstverband, peildatum))
    laatste = laatste_ziekte(perioden)
    ziekte = (
        medewerker.perioden.filter(soort=ZIEK, van__lte=peildatum)
        .filter(Q(tot__isnull=True) | Q(tot__gt=peildatum))
        .order_by("-van")
        .first()
    )
    if ziekte is None:
        return Stand(
            None, None, medewerker.uit_dienst_per, intrekbaar=intrekken, laatste_ziekte=laatste
        )
    drempel = werklastnorm(medewerker.gi_id, peildatum).ziekte_drempel_dagen
    eindigt = relatie_eindigt_op(ziekte.van, drempel)
    return Stand(
        ziekte.van,
        eindigt,
        medewerker.uit_dienst_per,
        intrekbaar=intrekken,
        laatste_ziekte=laatste,
    )
