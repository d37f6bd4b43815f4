"""Reads for the zorgbemiddelingstafel: the region's waiting requests in priority order, with
their reasons, and its free and soon-free places. Showing a child in a list is audited. The
proposal on top of this view is in ``bemiddeling.voorstel``."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.bemiddeling.models import Aanbod, Besluit, Capaciteit, Hulpvraag
from ketenzicht.domain import bemiddeling as domein
from ketenzicht.domain.prioriteit import Prioriteitsregels, Urgentie, Wachtend, rangschik
from ketenzicht.ijw.codelijsten import codelijst
from ketenzicht.kinderen.models import Maatregel, Triage
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import lidmaatschap_van

Gebruiker = AbstractBaseUser | AnonymousUser | None


@dataclass(frozen=True, slots=True)
class Vraagregel:
    hulpvraag: int
    referentie: str
    kind_pid: str
    kind: str  # first name and initial, what the table needs to talk about the child
    leeftijd: int
    gemeente: str
    productcategorie: str
    zorgvorm: str
    maatregel: str | None
    urgentie: Urgentie | None
    dagen_wachtend: int
    positie: int
    redenen: tuple[str, ...]
    breedte: float
    lengte: float
    uitgesloten: frozenset[int]


@dataclass(frozen=True, slots=True)
class Aanbodregel:
    aanbod: int
    naam: str
    aanbieder: str
    productcategorie: str
    zorgvorm: str
    leeftijd_van: int
    leeftijd_tot: int
    vestiging: str
    met_verblijf: bool
    plaatsen: int
    bezet: int
    gereserveerd: int
    vrij_nu: int
    verwacht_vrij: int
    verwacht_vrij_per: date | None
    eigen_wachtlijst: int
    breedte: float
    lengte: float
    gemeld_van: date | None = None  # the newest capacity report: from when, and who gave it
    gemeld_door: str = ""
    verouderd: bool = False  # ask the provider again (``domein.melding_verouderd``)


@dataclass(frozen=True, slots=True)
class Tafel:
    regio: Organisatie
    peildatum: date
    vragen: tuple[Vraagregel, ...]
    aanbod: tuple[Aanbodregel, ...]


def regio_van(gebruiker: Gebruiker) -> Organisatie | None:
    """The region whose table a user works at: only a jeugdregio's zorgbemiddelaars see
    individual requests; other regional staff see aggregates only."""
    lid = lidmaatschap_van(gebruiker) if gebruiker is not None else None
    if lid is None or lid.rol != lid.Rol.ZORGBEMIDDELAAR:
        return None
    if lid.organisatie.type == Organisatie.Type.JEUGDREGIO:
        return lid.organisatie
    return None


def zorgvorm(categorie: str) -> str:
    return codelijst(settings.IJW_MAP, "productcategorie").label(categorie)


def _leeftijd(geboren: date, op: date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def _urgenties(kind_ids: Iterable[int], peildatum: date) -> dict[int, Urgentie]:
    uit: dict[int, Urgentie] = {}
    for t in Triage.objects.filter(kind_id__in=list(kind_ids), datum__lte=peildatum).order_by(
        "kind_id", "datum", "geregistreerd_op"
    ):
        uit[t.kind_id] = Urgentie(t.urgentie)
    return uit


def lopende_maatregelen(kind_ids: Iterable[int], peildatum: date) -> dict[int, Maatregel]:
    """Per child the earliest-started measure running at the peildatum, if any."""
    uit: dict[int, Maatregel] = {}
    for m in Maatregel.objects.filter(
        Q(einde__isnull=True) | Q(einde__gt=peildatum),
        kind_id__in=list(kind_ids),
        start__lte=peildatum,
    ).order_by("start", "pk"):
        uit.setdefault(m.kind_id, m)
    return uit


def _vragen(regio: Organisatie, peildatum: date) -> list[Vraagregel]:
    hulpvragen = list(
        Hulpvraag.objects.filter(
            regio=regio, status=Hulpvraag.Status.WACHTEND, aangevraagd_op__lte=peildatum
        ).select_related("kind__gemeente")
    )
    kind_ids = {h.kind_id for h in hulpvragen}
    urgenties = _urgenties(kind_ids, peildatum)
    maatregelen = {
        k: m.maatregelcode.kort for k, m in lopende_maatregelen(kind_ids, peildatum).items()
    }
    uitgesloten: dict[int, set[int]] = defaultdict(set)
    for hv, aanbod in Besluit.objects.filter(
        hulpvraag__in=hulpvragen, soort=Besluit.Soort.AFGEWEZEN
    ).values_list("hulpvraag_id", "aanbod_id"):
        uitgesloten[hv].add(aanbod)
    per_id = {h.pk: h for h in hulpvragen}
    regels = Prioriteitsregels(marge_zonder_maatregel=settings.PRIORITEIT_MARGE_ZONDER_MAATREGEL)
    wachtend = [
        Wachtend(
            id=str(h.pk),
            maatregel=maatregelen.get(h.kind_id),
            urgentie=urgenties.get(h.kind_id),
            werkdagen_tot_termijn=None,
            dagen_wachtend=(peildatum - h.aangevraagd_op).days,
        )
        for h in hulpvragen
    ]
    uit = []
    for pos in rangschik(wachtend, regels):
        h = per_id[int(pos.wachtend.id)]
        k = h.kind
        uit.append(
            Vraagregel(
                hulpvraag=h.pk,
                referentie=h.referentie,
                kind_pid=str(k.pid),
                kind=f"{k.voornaam} {k.achternaam[:1]}.",
                leeftijd=_leeftijd(k.geboortedatum, peildatum),
                gemeente=k.gemeente.naam,
                productcategorie=h.productcategorie,
                zorgvorm=zorgvorm(h.productcategorie),
                maatregel=pos.wachtend.maatregel,
                urgentie=pos.wachtend.urgentie,
                dagen_wachtend=pos.wachtend.dagen_wachtend,
                positie=pos.positie,
                redenen=pos.redenen,
                breedte=k.gemeente.breedtegraad or 0.0,
                lengte=k.gemeente.lengtegraad or 0.0,
                uitgesloten=frozenset(uitgesloten.get(h.pk, ())),
            )
        )
    return uit


@dataclass(frozen=True, slots=True)
class Plaatsen:
    """An offer's newest capacity report at the peildatum, its reservations, and what is free."""

    capaciteit: Capaciteit | None
    gereserveerd: int
    vrij_nu: int
    verwacht_vrij: int  # soon free, after reservations

    @property
    def verwacht_vrij_per(self) -> date | None:
        c = self.capaciteit
        return c.verwacht_vrij_per if c is not None and self.verwacht_vrij else None


def nieuwste_meldingen(aanbod_ids: Iterable[int], peildatum: date) -> dict[int, Capaciteit]:
    """Per offer the capacity report that applies at ``peildatum`` (the history stays): the
    latest ``geldig_van`` on or before it, of those the last registered."""
    uit: dict[int, Capaciteit] = {}
    for c in Capaciteit.objects.filter(
        aanbod_id__in=list(aanbod_ids), geldig_van__lte=peildatum
    ).order_by("aanbod_id", "geldig_van", "geregistreerd_op", "pk"):
        uit[c.aanbod_id] = c
    return uit


def plaatsen(aanbod_ids: Iterable[int], peildatum: date) -> dict[int, Plaatsen]:
    """Per offer: the report that applies (``nieuwste_meldingen``) and the places held by
    accepted matches whose care has not started yet (``domein.vrije_plaatsen``)."""
    ids = list(aanbod_ids)
    capaciteit = nieuwste_meldingen(ids, peildatum)
    reserveringen = Counter(
        Besluit.objects.filter(
            aanbod_id__in=ids,
            soort=Besluit.Soort.AKKOORD,
            hulpvraag__status=Hulpvraag.Status.GERESERVEERD,
        ).values_list("aanbod_id", flat=True)
    )
    uit = {}
    for i in ids:
        rapport, res = capaciteit.get(i), reserveringen.get(i, 0)
        nu, straks = (
            domein.vrije_plaatsen(
                plaatsen=rapport.plaatsen,
                bezet=rapport.bezet,
                verwacht_vrij=rapport.verwacht_vrij,
                verwacht_vrij_per=rapport.verwacht_vrij_per,
                gereserveerd=res,
                peildatum=peildatum,
            )
            if rapport is not None
            else (0, 0)
        )
        uit[i] = Plaatsen(rapport, res, nu, straks)
    return uit


def _aanbod(regio: Organisatie, peildatum: date) -> list[Aanbodregel]:
    aanbod = list(
        Aanbod.objects.filter(vestiging__regio=regio, geregistreerd_op__date__lte=peildatum)
        .select_related("aanbieder", "vestiging")
        .order_by("productcategorie", "aanbieder__naam", "naam")
    )
    per_aanbod = plaatsen((a.pk for a in aanbod), peildatum)
    uit = []
    for a in aanbod:
        p = per_aanbod[a.pk]
        c = p.capaciteit
        uit.append(
            Aanbodregel(
                aanbod=a.pk,
                naam=a.naam,
                aanbieder=a.aanbieder.naam,
                productcategorie=a.productcategorie,
                zorgvorm=zorgvorm(a.productcategorie),
                leeftijd_van=a.leeftijd_van,
                leeftijd_tot=a.leeftijd_tot,
                vestiging=a.vestiging.naam,
                met_verblijf=a.met_verblijf,
                plaatsen=c.plaatsen if c else 0,
                bezet=c.bezet if c else 0,
                gereserveerd=p.gereserveerd,
                vrij_nu=p.vrij_nu,
                verwacht_vrij=p.verwacht_vrij,
                verwacht_vrij_per=p.verwacht_vrij_per,
                eigen_wachtlijst=c.eigen_wachtlijst if c else 0,
                breedte=a.vestiging.breedtegraad or 0.0,
                lengte=a.vestiging.lengtegraad or 0.0,
                gemeld_van=c.geldig_van if c else None,
                gemeld_door=c.gemeld_door if c else "",
                verouderd=domein.melding_verouderd(c.geldig_van if c else None, peildatum),
            )
        )
    return uit


def tafel(
    *,
    gebruiker: Gebruiker,
    regio: Organisatie,
    peildatum: date,
    kanaal: str,
) -> Tafel:
    """The table's view of ``regio``: every waiting request ranked by the priority rule, with
    its reasons, and every offer with its free and soon-free places."""
    vragen = _vragen(regio, peildatum)
    aanbod = _aanbod(regio, peildatum)
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[v.kind_pid for v in vragen],  # type: ignore[misc]
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel=f"zorgbemiddelingstafel {regio.naam}",
    )
    return Tafel(regio=regio, peildatum=peildatum, vragen=tuple(vragen), aanbod=tuple(aanbod))


def gefilterd(t: Tafel, *, productcategorie: str | None, leeftijd: int | None) -> Tafel:
    """Requests and offers of one zorgvorm and/or one age (an offer fits the ages in its range)."""
    vragen, aanbod = list(t.vragen), list(t.aanbod)
    if productcategorie:
        vragen = [v for v in vragen if v.productcategorie == productcategorie]
        aanbod = [a for a in aanbod if a.productcategorie == productcategorie]
    if leeftijd is not None:
        vragen = [v for v in vragen if v.leeftijd == leeftijd]
        aanbod = [a for a in aanbod if a.leeftijd_van <= leeftijd <= a.leeftijd_tot]
    return replace(t, vragen=tuple(vragen), aanbod=tuple(aanbod))
