"""The planner withdraws a sickness, a leaving date or a joining registered by mistake — the
wrong colleague, not ill after all, a resignation taken back, a candidate who withdrew — with
the reason why.

Nothing is deleted (``organisaties.models.Intrekking``): a withdrawn sickness, and the
employment of a withdrawn joining, stays as an empty period; a withdrawn leaving date is kept
beside the caseworker, so a figure "as known at" a
moment before the withdrawal stays what it was. From the withdrawal on, every list reads the
caseworker as available: children whose vaste relation the sickness had ended (after the GI's
threshold) and who were not given to a colleague since are theirs again.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ketenzicht.domain.afwezigheid import (
    AfwezigheidOngeldig,
    controleer_intrekking_betermelding,
    controleer_intrekking_indiensttreding,
    controleer_intrekking_vertrek,
    controleer_intrekking_ziekte,
    laatste_ziekte,
    relatie_eindigt_op,
    relaties_eindigen_bij,
)
from ketenzicht.domain.perioden import Periode
from ketenzicht.kinderen.services import Gebruiker, Weigering
from ketenzicht.organisaties.models import Intrekking, Medewerker
from ketenzicht.organisaties.selectors import werklastnorm
from ketenzicht.organisaties.services import einde_geregistreerd
from ketenzicht.planning.afwezigheid import (
    aantal_kinderen,
    als_dag,
    overgedragen,
    relaties_beeindigen,
    vergrendeld,
    ziekten_van,
)

log = logging.getLogger(__name__)
WAT = tuple(Intrekking.Soort.values)  # "ziek", "beter", "uit_dienst", "in_dienst"


@transaction.atomic
def intrekken(
    *, medewerker: Medewerker, wat: str, reden: str, door: Gebruiker, per: date | None = None
) -> str:
    """Withdraw ``medewerker``'s running sickness (``wat="ziek"``), the recovery date of the
    latest sickness (``"beter"``; ``per`` the right date, or none: still ill), leaving date
    (``"uit_dienst"``) or joining (``"in_dienst"``, before their first day), registered by
    mistake; returns what it means for their children.
    Raises ``Weigering`` naming the field (``wat``, ``per`` or ``reden``), or without one when
    ``door`` may not (not a planner of the caseworker's GI)."""
    medewerker = vergrendeld(medewerker, door)
    if per is not None and wat != Intrekking.Soort.BETER:
        raise Weigering("Een juiste datum hoort alleen bij het intrekken van beter per.", "per")
    try:
        if wat == Intrekking.Soort.ZIEK:
            return _ziekte_intrekken(medewerker, reden.strip(), door)
        if wat == Intrekking.Soort.BETER:
            return _betermelding_intrekken(medewerker, per, reden.strip(), door)
        if wat == Intrekking.Soort.UIT_DIENST:
            return _vertrek_intrekken(medewerker, reden.strip(), door)
        if wat == Intrekking.Soort.IN_DIENST:
            return _indiensttreding_intrekken(medewerker, reden.strip(), door)
    except AfwezigheidOngeldig as fout:
        raise Weigering(str(fout), fout.veld) from None
    raise Weigering(
        "Kies de ziekmelding, de betermelding, de datum uit dienst of de indiensttreding.", "wat"
    )


def _ziekte_intrekken(medewerker: Medewerker, reden: str, door: Gebruiker) -> str:
    ziekten = ziekten_van(medewerker)
    ziekte = controleer_intrekking_ziekte([Periode(z.van, z.tot) for z in ziekten], reden)
    rij = next(z for z in ziekten if z.van == ziekte.van and z.tot is None)
    nu = timezone.now()
    Intrekking.objects.create(
        medewerker=medewerker,
        soort=Intrekking.Soort.ZIEK,
        datum=rij.van,
        was_geregistreerd_op=rij.geregistreerd_op,
        reden=reden,
        door=_naam(door),
        geregistreerd_op=nu,
    )
    rij.tot, rij.tot_geregistreerd_op = rij.van, nu  # the empty period: never ill
    rij.save(update_fields=["tot", "tot_geregistreerd_op"])
    log.info("ziekmelding van medewerker %s ingetrokken", medewerker.pk)
    vandaag = timezone.localdate()
    tekst = f"De ziekmelding van {medewerker.naam} sinds {als_dag(rij.van)} is ingetrokken"
    n = aantal_kinderen(medewerker, vandaag)
    drempel = werklastnorm(medewerker.gi_id, rij.van).ziekte_drempel_dagen
    if n and relatie_eindigt_op(rij.van, drempel) <= vandaag:
        wie = (
            "het kind dat nog niet aan een collega was"
            if n == 1
            else f"de {n} kinderen die nog niet aan een collega waren"
        )
        return (
            f"{tekst}: {wie} gegeven, {'staat' if n == 1 else 'staan'} niet meer op de interne "
            f"wachtlijst; {medewerker.naam} is weer hun vaste jeugdbeschermer."
        )
    return f"{tekst}; {medewerker.naam} houdt de eigen kinderen." if n else f"{tekst}."


def _betermelding_intrekken(
    medewerker: Medewerker, per: date | None, reden: str, door: Gebruiker
) -> str:
    ziekten = ziekten_van(medewerker)
    perioden = [Periode(z.van, z.tot) for z in ziekten]
    laatste = laatste_ziekte(perioden)  # the GI's threshold when it began
    drempel = werklastnorm(medewerker.gi_id, laatste.van if laatste else timezone.localdate())
    ziekte = controleer_intrekking_betermelding(perioden, per, drempel.ziekte_drempel_dagen, reden)
    rij = ziekten[perioden.index(ziekte)]
    was: date = rij.tot  # type: ignore[assignment]
    Intrekking.objects.create(
        medewerker=medewerker,
        soort=Intrekking.Soort.BETER,
        datum=was,
        periode=rij,
        was_geregistreerd_op=rij.tot_geregistreerd_op,
        reden=reden,
        door=_naam(door),
    )
    rij.tot = per
    rij.tot_geregistreerd_op = einde_geregistreerd(per) if per is not None else None
    rij.save(update_fields=["tot", "tot_geregistreerd_op"])
    log.info("betermelding van medewerker %s ingetrokken", medewerker.pk)
    tekst = f"Beter per {als_dag(was)} van {medewerker.naam} is ingetrokken"
    if per is None:
        return f"{tekst}; {medewerker.naam} is weer ziek gemeld sinds {als_dag(rij.van)}."
    tekst = f"{tekst}; {medewerker.naam} is beter per {als_dag(per)}"
    geeindigd = relaties_eindigen_bij(rij.van, was, per, drempel.ziekte_drempel_dagen)
    n = relaties_beeindigen(medewerker, geeindigd, door) if geeindigd else 0
    if not n:
        return f"{tekst}."
    assert geeindigd is not None
    return (
        f"{tekst}. De ziekte duurde dus langer dan {drempel.ziekte_drempel_dagen} dagen: "
        f"{overgedragen(n, geeindigd)}."
    )


def _vertrek_intrekken(medewerker: Medewerker, reden: str, door: Gebruiker) -> str:
    per = controleer_intrekking_vertrek(medewerker.dienstverband, timezone.localdate(), reden)
    Intrekking.objects.create(
        medewerker=medewerker,
        soort=Intrekking.Soort.UIT_DIENST,
        datum=per,
        was_geregistreerd_op=medewerker.uit_dienst_geregistreerd_op,
        reden=reden,
        door=_naam(door),
    )
    medewerker.uit_dienst_per = medewerker.uit_dienst_geregistreerd_op = None
    medewerker.save(update_fields=["uit_dienst_per", "uit_dienst_geregistreerd_op"])
    log.info("datum uit dienst van medewerker %s ingetrokken", medewerker.pk)
    tekst = f"Het vertrek van {medewerker.naam} per {als_dag(per)} is ingetrokken"
    n = aantal_kinderen(medewerker, timezone.localdate())
    return f"{tekst}; {medewerker.naam} houdt de eigen kinderen." if n else f"{tekst}."


def _indiensttreding_intrekken(medewerker: Medewerker, reden: str, door: Gebruiker) -> str:
    vandaag = timezone.localdate()
    per = controleer_intrekking_indiensttreding(medewerker.dienstverband, vandaag, reden)
    nu = timezone.now()
    Intrekking.objects.create(
        medewerker=medewerker,
        soort=Intrekking.Soort.IN_DIENST,
        datum=per,
        was_geregistreerd_op=medewerker.geregistreerd_op,
        reden=reden,
        door=_naam(door),
        geregistreerd_op=nu,
    )
    # the empty employment [per, per): never in service, and "as known at" a moment before
    # now (the end was not registered yet) the joining still stands as it did
    medewerker.uit_dienst_per, medewerker.uit_dienst_geregistreerd_op = per, nu
    medewerker.save(update_fields=["uit_dienst_per", "uit_dienst_geregistreerd_op"])
    log.info("indiensttreding van medewerker %s ingetrokken", medewerker.pk)
    return (
        f"De indiensttreding van {medewerker.naam} per {als_dag(per)} is ingetrokken; "
        f"{medewerker.naam} komt niet in dienst."
    )


def _naam(door: Gebruiker) -> str:
    return getattr(door, "username", "") or "onbekend"


def ingetrokken(medewerker: Medewerker) -> QuerySet[Intrekking]:
    """Every withdrawal for ``medewerker``, the newest first."""
    return medewerker.intrekkingen.order_by("-geregistreerd_op", "-pk")
