"""Reads about organisations, memberships and staff availability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import F, Q, QuerySet

from ketenzicht.domain.capaciteit import Beschikbaarheid, MedewerkerStand, Rol
from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.naamgenoten import Collega, onderscheiden
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.registratie import bekend_gecorrigeerd
from ketenzicht.domain.werklast import Werklastnorm as DomeinNorm
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Intrekking,
    Lidmaatschap,
    Medewerker,
    Organisatie,
    Werklastnorm,
)


def lidmaatschap_van(gebruiker: AbstractBaseUser | AnonymousUser) -> Lidmaatschap | None:
    if not gebruiker.is_authenticated:
        return None
    try:
        return Lidmaatschap.objects.select_related("organisatie").get(gebruiker_id=gebruiker.pk)
    except Lidmaatschap.DoesNotExist:
        return None


def gi_van(gebruiker: AbstractBaseUser | AnonymousUser) -> Organisatie | None:
    """The GI a user works for, or ``None`` for users of other organisations."""
    lid = lidmaatschap_van(gebruiker)
    if lid is None or lid.organisatie.type != Organisatie.Type.GI:
        return None
    return lid.organisatie


def weergavenamen(ids: Iterable[int]) -> dict[int, str]:
    """The name each of these caseworkers goes by on a page, told apart from a namesake at the
    same GI (``domain.naamgenoten``)."""
    gevraagd = set(ids)
    rijen = list(Medewerker.objects.filter(pk__in=gevraagd).values_list("gi_id", "naam"))
    naamgenoten = Medewerker.objects.filter(
        gi_id__in={gi for gi, _ in rijen}, naam__in={naam for _, naam in rijen}
    ).values_list("pk", "gi_id", "naam", "rol", "in_dienst_van")
    return onderscheiden((Collega(*r) for r in naamgenoten), gevraagd)


def gis(namen: Iterable[str] | None = None) -> list[Organisatie]:
    qs = Organisatie.objects.filter(type=Organisatie.Type.GI)
    if namen is not None:
        qs = qs.filter(naam__in=list(namen))
    return list(qs.order_by("naam"))


def gemeenten() -> QuerySet[Organisatie]:
    """Every gemeente, by name (for a form's choice)."""
    return Organisatie.objects.filter(type=Organisatie.Type.GEMEENTE).order_by("naam")


def gemeente_met_code(gemeentecode: str) -> Organisatie | None:
    """The gemeente with this CBS code ("GM0014"), or ``None``."""
    return Organisatie.objects.filter(
        type=Organisatie.Type.GEMEENTE, gemeentecode=gemeentecode
    ).first()


def gi_met_code_of_naam(tekst: str) -> Organisatie | None:
    """The GI with this AGB code or name, or ``None``."""
    return Organisatie.objects.filter(
        Q(agb_code=tekst) | Q(naam=tekst), type=Organisatie.Type.GI
    ).first()


def jeugdregios() -> list[str]:
    return list(
        Organisatie.objects.filter(type=Organisatie.Type.JEUGDREGIO)
        .order_by("naam")
        .values_list("naam", flat=True)
    )


def regio_van(gebruiker: AbstractBaseUser | AnonymousUser) -> str | None:
    """The jeugdregio of a jeugdregio's or gemeente's user (None for anyone else)."""
    lid = lidmaatschap_van(gebruiker)
    if lid is None:
        return None
    org = lid.organisatie
    if org.type == Organisatie.Type.JEUGDREGIO:
        return org.naam
    if org.type == Organisatie.Type.GEMEENTE and org.regio_id is not None:
        return Organisatie.objects.get(pk=org.regio_id).naam
    return None


def medewerker_standen(
    *, gi_ids: Iterable[int], peildatum: date, bekend_op: datetime | None = None
) -> dict[int, list[MedewerkerStand]]:
    """Per GI the staff relevant for ``peildatum``: in service then or during the year before,
    as known at ``bekend_op`` (a leaving date or a sickness's end registered later is ignored)."""
    jaar_eerder = peildatum - timedelta(days=365)
    nog_in_dienst = Q(uit_dienst_per__isnull=True) | Q(uit_dienst_per__gt=jaar_eerder)
    nog_afwezig = Q(tot__isnull=True) | Q(tot__gt=peildatum)
    if bekend_op is not None:
        nog_in_dienst |= Q(uit_dienst_geregistreerd_op__isnull=True)
        nog_in_dienst |= Q(uit_dienst_geregistreerd_op__gt=bekend_op)
        # also every sickness whose recovery date was withdrawn since: its end is then none,
        # or registered at the withdrawal
        nog_afwezig |= Q(tot_geregistreerd_op__isnull=True) | Q(tot_geregistreerd_op__gt=bekend_op)
    medewerkers = Medewerker.objects.filter(
        gi_id__in=list(gi_ids), in_dienst_van__lte=peildatum
    ).filter(nog_in_dienst)
    perioden = BeschikbaarheidsPeriode.objects.filter(
        medewerker__in=medewerkers, van__lte=peildatum
    ).filter(nog_afwezig)
    if bekend_op is not None:
        medewerkers = medewerkers.filter(geregistreerd_op__lte=bekend_op)
        perioden = perioden.filter(geregistreerd_op__lte=bekend_op)
    afwezig: dict[int, list[tuple[Beschikbaarheid, Periode]]] = defaultdict(list)
    beter = _ingetrokken_beter(perioden, bekend_op)
    for pid, mid, soort, van, tot, tot_geregistreerd in perioden.values_list(
        "id", "medewerker_id", "soort", "van", "tot", "tot_geregistreerd_op"
    ):
        einde = bekend_gecorrigeerd(tot, tot_geregistreerd, beter.get(pid, ()), bekend_op)
        afwezig[mid].append((Beschikbaarheid(soort), Periode(van, einde)))
    per_gi: dict[int, list[MedewerkerStand]] = defaultdict(list)
    ingetrokken = _ingetrokken_vertrek(medewerkers, bekend_op)
    rijen = medewerkers.values_list(
        "id",
        "gi_id",
        "rol",
        "fte",
        "in_dienst_van",
        "uit_dienst_per",
        "uit_dienst_geregistreerd_op",
    )
    for mid, gi_id, rol, fte, van, tot, tot_geregistreerd in rijen:
        dienst = Periode(
            van, bekend_gecorrigeerd(tot, tot_geregistreerd, ingetrokken.get(mid, ()), bekend_op)
        )
        per_gi[gi_id].append(
            MedewerkerStand(Rol(rol), float(fte), dienst, tuple(afwezig.get(mid, ())))
        )
    return per_gi


Intrekkingen = list[tuple[datetime, tuple[date, datetime | None]]]

# A joining withdrawn before the first day: the empty employment (``Periode.leeg``), never in
# service. Reads "as known at" keep it (before the withdrawal it stood); date-based ones skip it.
NOOIT_IN_DIENST = Q(uit_dienst_per=F("in_dienst_van"))


def _ingetrokken_vertrek(
    medewerkers: list[int] | QuerySet[Medewerker], bekend_op: datetime | None
) -> dict[int, Intrekkingen]:
    """Per caseworker the leaving dates withdrawn after ``bekend_op`` (few): when, and the date
    with the moment it had been registered — the corrections ``bekend_als`` reads."""
    if bekend_op is None:
        return {}
    return _intrekkingen(
        Intrekking.objects.filter(
            Q(medewerker_id__in=medewerkers),  # ids, or the caller's query as a subquery
            soort=Intrekking.Soort.UIT_DIENST,
            geregistreerd_op__gt=bekend_op,
        ),
        "medewerker_id",
    )


def _ingetrokken_beter(
    perioden: QuerySet[BeschikbaarheidsPeriode], bekend_op: datetime | None
) -> dict[int, Intrekkingen]:
    """Per sickness the recovery dates withdrawn after ``bekend_op`` (few), as
    ``_ingetrokken_vertrek`` gives the leaving dates."""
    if bekend_op is None:
        return {}
    gevraagd = Intrekking.objects.filter(
        soort=Intrekking.Soort.BETER,
        geregistreerd_op__gt=bekend_op,
        periode__in=perioden.values("pk"),
    )
    return _intrekkingen(gevraagd, "periode_id")


def _intrekkingen(qs: QuerySet[Intrekking], van: str) -> dict[int, Intrekkingen]:
    uit: dict[int, Intrekkingen] = defaultdict(list)
    for sleutel, moment, datum, geregistreerd in qs.values_list(
        van, "geregistreerd_op", "datum", "was_geregistreerd_op"
    ):
        uit[sleutel].append((moment, (datum, geregistreerd)))
    return uit


def werklastnorm(gi_id: int, peildatum: date) -> DomeinNorm:
    """The GI's norm valid on ``peildatum``; the national default when it has none."""
    norm = (
        Werklastnorm.objects.filter(gi_id=gi_id, geldig_van__lte=peildatum)
        .order_by("-geldig_van")
        .first()
    )
    if norm is None:
        return DomeinNorm()
    return DomeinNorm(
        clienten_per_fte=float(norm.clienten_per_fte),
        gewichten={
            Soort.JEUGDBESCHERMING: float(norm.gewicht_jeugdbescherming),
            Soort.VOOGDIJ: float(norm.gewicht_voogdij),
            Soort.JEUGDRECLASSERING: float(norm.gewicht_jeugdreclassering),
        },
        ziekte_drempel_dagen=norm.ziekte_drempel_dagen,
    )


def beschikbaarheid(
    medewerker_ids: Iterable[int], peildatum: date, bekend_op: datetime | None = None
) -> tuple[dict[int, date | None], dict[int, list[Periode]]]:
    """Per employee the leaving date and the sick periods begun by ``peildatum``, as known at
    ``bekend_op``."""
    ids = list(medewerker_ids)
    ingetrokken = _ingetrokken_vertrek(ids, bekend_op)
    uit = {
        mid: bekend_gecorrigeerd(per, geregistreerd, ingetrokken.get(mid, ()), bekend_op)
        for mid, per, geregistreerd in Medewerker.objects.filter(pk__in=ids).values_list(
            "id", "uit_dienst_per", "uit_dienst_geregistreerd_op"
        )
    }
    ziek: dict[int, list[Periode]] = defaultdict(list)
    rijen = BeschikbaarheidsPeriode.objects.filter(
        medewerker_id__in=ids, soort=Beschikbaarheid.ZIEK.value, van__lte=peildatum
    )
    if bekend_op is not None:
        rijen = rijen.filter(geregistreerd_op__lte=bekend_op)
    beter = _ingetrokken_beter(rijen, bekend_op)
    for pid, mid, van, tot, geregistreerd in rijen.values_list(
        "id", "medewerker_id", "van", "tot", "tot_geregistreerd_op"
    ):
        einde = bekend_gecorrigeerd(tot, geregistreerd, beter.get(pid, ()), bekend_op)
        ziek[mid].append(Periode(van, einde))
    return uit, ziek
