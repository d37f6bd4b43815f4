"""Reads for the zorgbemiddelingstafel: the region's waiting requests in priority order, its
free and soon-free places, and the optimal proposal. Showing a child in a list is audited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.bemiddeling.models import Aanbod, Besluit, Capaciteit, Hulpvraag
from ketenzicht.domain import bemiddeling as domein
from ketenzicht.domain.maatregelen import MaatregelCode
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


def _lopende_maatregelen(kind_ids: Iterable[int], peildatum: date) -> dict[int, str]:
    uit: dict[int, str] = {}
    for kind_id, code in Maatregel.objects.filter(
        Q(einde__isnull=True) | Q(einde__gt=peildatum),
        kind_id__in=list(kind_ids),
        start__lte=peildatum,
    ).values_list("kind_id", "code"):
        uit.setdefault(kind_id, MaatregelCode(code).kort)
    return uit


def _vragen(regio: Organisatie, peildatum: date) -> list[Vraagregel]:
    hulpvragen = list(
        Hulpvraag.objects.filter(
            regio=regio, status=Hulpvraag.Status.WACHTEND, aangevraagd_op__lte=peildatum
        ).select_related("kind__gemeente")
    )
    kind_ids = {h.kind_id for h in hulpvragen}
    urgenties = _urgenties(kind_ids, peildatum)
    maatregelen = _lopende_maatregelen(kind_ids, peildatum)
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


def gereserveerd(aanbod_ids: Iterable[int]) -> dict[int, int]:
    """Places held by accepted matches whose care has not started yet, per offer."""
    uit: dict[int, int] = defaultdict(int)
    for aanbod_id in Besluit.objects.filter(
        aanbod_id__in=list(aanbod_ids),
        soort=Besluit.Soort.AKKOORD,
        hulpvraag__status=Hulpvraag.Status.GERESERVEERD,
    ).values_list("aanbod_id", flat=True):
        uit[aanbod_id] += 1
    return uit


def laatste_capaciteit(aanbod_ids: Iterable[int], peildatum: date) -> dict[int, Capaciteit]:
    uit: dict[int, Capaciteit] = {}
    for c in Capaciteit.objects.filter(
        aanbod_id__in=list(aanbod_ids), geldig_van__lte=peildatum
    ).order_by("aanbod_id", "geldig_van", "geregistreerd_op"):
        uit[c.aanbod_id] = c
    return uit


def vrije_plaatsen(
    c: Capaciteit | None, bezet_door_reservering: int, peildatum: date
) -> tuple[int, int]:
    """(free now, soon free) for a capacity report after reservations; reservations take the
    places free now first. Places reported to come free by the peildatum count as free now."""
    if c is None:
        return 0, 0
    nu, straks = c.plaatsen - c.bezet, c.verwacht_vrij
    if straks and c.verwacht_vrij_per is not None and c.verwacht_vrij_per <= peildatum:
        nu, straks = nu + straks, 0
    nu -= bezet_door_reservering
    if nu < 0:
        straks, nu = max(0, straks + nu), 0
    return nu, straks


def _aanbod(regio: Organisatie, peildatum: date) -> list[Aanbodregel]:
    aanbod = list(
        Aanbod.objects.filter(vestiging__regio=regio, geregistreerd_op__date__lte=peildatum)
        .select_related("aanbieder", "vestiging")
        .order_by("productcategorie", "aanbieder__naam", "naam")
    )
    ids = [a.pk for a in aanbod]
    cap = laatste_capaciteit(ids, peildatum)
    res = gereserveerd(ids)
    uit = []
    for a in aanbod:
        c = cap.get(a.pk)
        nu, straks = vrije_plaatsen(c, res.get(a.pk, 0), peildatum)
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
                gereserveerd=res.get(a.pk, 0),
                vrij_nu=nu,
                verwacht_vrij=straks,
                verwacht_vrij_per=c.verwacht_vrij_per if c and straks else None,
                eigen_wachtlijst=c.eigen_wachtlijst if c else 0,
                breedte=a.vestiging.breedtegraad or 0.0,
                lengte=a.vestiging.lengtegraad or 0.0,
            )
        )
    return uit


def tafel(
    *,
    gebruiker: Gebruiker,
    regio: Organisatie,
    peildatum: date,
    kanaal: str,
    productcategorie: str | None = None,
    leeftijd: int | None = None,
) -> Tafel:
    """The table's view of ``regio``: every waiting request ranked by the priority rule, with
    its reasons, and every offer with its free and soon-free places; optionally filtered."""
    vragen = _vragen(regio, peildatum)
    aanbod = _aanbod(regio, peildatum)
    if productcategorie:
        vragen = [v for v in vragen if v.productcategorie == productcategorie]
        aanbod = [a for a in aanbod if a.productcategorie == productcategorie]
    if leeftijd is not None:
        vragen = [v for v in vragen if v.leeftijd == leeftijd]
        aanbod = [a for a in aanbod if a.leeftijd_van <= leeftijd <= a.leeftijd_tot]
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[v.kind_pid for v in vragen],  # type: ignore[misc]
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel=f"zorgbemiddelingstafel {regio.naam}",
    )
    return Tafel(regio=regio, peildatum=peildatum, vragen=tuple(vragen), aanbod=tuple(aanbod))


def pools(aanbod: Sequence[Aanbodregel], peildatum: date) -> list[domein.Pool]:
    horizon = peildatum + timedelta(days=settings.BEMIDDELING_HORIZON_DAGEN)
    uit = []
    for a in aanbod:
        basis = domein.Pool(
            aanbod=a.aanbod,
            productcategorie=a.productcategorie,
            leeftijd_van=a.leeftijd_van,
            leeftijd_tot=a.leeftijd_tot,
            breedte=a.breedte,
            lengte=a.lengte,
            aantal=a.vrij_nu,
            vrij_vanaf=peildatum,
        )
        if a.vrij_nu > 0:
            uit.append(basis)
        per = a.verwacht_vrij_per
        if a.verwacht_vrij > 0 and per is not None and per <= horizon:
            uit.append(
                replace(
                    basis, aantal=a.verwacht_vrij, vrij_vanaf=per, wachtdagen=(per - peildatum).days
                )
            )
    return uit


def domeinvragen(vragen: Sequence[Vraagregel]) -> list[domein.Vraag]:
    return [
        domein.Vraag(
            id=v.hulpvraag,
            positie=v.positie,
            productcategorie=v.productcategorie,
            leeftijd=v.leeftijd,
            breedte=v.breedte,
            lengte=v.lengte,
            uitgesloten=v.uitgesloten,
        )
        for v in vragen
    ]


@dataclass(frozen=True, slots=True)
class Uitkomst:
    tafel: Tafel
    voorstel: domein.Voorstel
    extra_geholpen: tuple[int, ...] = ()


def voorstel(
    *,
    gebruiker: Gebruiker,
    regio: Organisatie,
    peildatum: date,
    kanaal: str,
    extra: Sequence[domein.Pool] = (),
) -> Uitkomst:
    """The optimal proposal for the region; with ``extra`` (temporary places, "wat als") also
    which waiting requests those places would help."""
    t = tafel(gebruiker=gebruiker, regio=regio, peildatum=peildatum, kanaal=kanaal)
    vragen = domeinvragen(t.vragen)
    aanbod = pools(t.aanbod, peildatum)
    geholpen: tuple[int, ...] = ()
    if extra:
        v, geholpen = domein.wat_als(vragen, aanbod, extra, max_km=settings.BEMIDDELING_MAX_KM)
    else:
        v = domein.voorstel(vragen, aanbod, max_km=settings.BEMIDDELING_MAX_KM)
    return Uitkomst(t, _uitgelegd(v, t), geholpen)


def _uitgelegd(v: domein.Voorstel, t: Tafel) -> domein.Voorstel:
    """Each match's reasons in full: the priority reasons of the request, then the fit."""
    per_vraag = {r.hulpvraag: r for r in t.vragen}
    matches = []
    for m in v.matches:
        r = per_vraag[m.vraag]
        fit = tuple(
            f"zorgvorm past: {r.zorgvorm}" if reden.startswith("zorgvorm") else reden
            for reden in m.redenen
        )
        matches.append(replace(m, redenen=(*fit[:1], *r.redenen, *fit[1:])))
    return replace(v, matches=tuple(matches))
