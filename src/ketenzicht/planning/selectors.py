"""Reads for the GI planner: the ranked list of children to assign, the candidates for a child
and the bulk proposal (the team's caseloads are in ``bezetting``). Lists showing children are
audited like every other read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode, Soort
from ketenzicht.domain.prioriteit import Prioriteitsregels, Urgentie, Wachtend, rangschik
from ketenzicht.domain.triage import uit_zicht
from ketenzicht.domain.verdeling import Aanbod, Voorstel, Vraag, voorstel
from ketenzicht.domain.wachtlijst import WachtSoort, wachtenden, werkdagen_tot_termijn
from ketenzicht.domain.werklast import Kandidaat, Werklastnorm, rangschik_kandidaten
from ketenzicht.kinderen.models import Kind, Maatregel, Toewijzing, Triage
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import weergavenamen, werklastnorm

Gebruiker = AbstractBaseUser | AnonymousUser | None


@dataclass(frozen=True, slots=True)
class Regel:
    """A child to assign, at its place in the priority order."""

    positie: int
    kind_pid: UUID
    naam: str
    gemeente: str
    maatregel_id: int
    maatregel: str
    soort: WachtSoort
    sinds: date
    dagen_wachtend: int
    urgentie: Urgentie | None
    redenen: tuple[str, ...]
    rol: Rol  # who can take the child: a jeugdbeschermer or a jeugdreclasseerder
    getrieerd_op: date | None = None  # the last triage: the last time the GI looked
    uit_zicht: bool = False  # never triaged, or not in ``ZICHT_TERMIJN`` (domain.triage)


def regels() -> Prioriteitsregels:
    return Prioriteitsregels(marge_zonder_maatregel=settings.PRIORITEIT_MARGE_ZONDER_MAATREGEL)


def laatste_triages(kind_ids: list[int], peildatum: date) -> dict[int, tuple[Urgentie, date]]:
    """The urgency and date of each child's newest triage on or before ``peildatum``."""
    uit: dict[int, tuple[Urgentie, date]] = {}
    rijen = (
        Triage.objects.filter(kind_id__in=kind_ids, datum__lte=peildatum)
        .order_by("kind_id", "datum", "geregistreerd_op")
        .values_list("kind_id", "urgentie", "datum")
    )
    for kind_id, urgentie, datum in rijen:
        uit[kind_id] = (Urgentie(urgentie), datum)  # the last one per child wins
    return uit


def te_verdelen(
    *,
    gebruiker: Gebruiker,
    gi: Organisatie,
    peildatum: date,
    kanaal: str,
    soorten: frozenset[WachtSoort] = frozenset(WachtSoort),
) -> list[Regel]:
    """Every child of the GI without a vaste jeugdbeschermer, ranked by the priority rule. A
    peildatum after today is refused (``LookupError``): who waits then, nobody knows yet."""
    vandaag = timezone.localdate()
    if peildatum > vandaag:
        raise LookupError(
            f"--peildatum {peildatum.isoformat()} ligt na vandaag ({vandaag.isoformat()}): wie "
            "dan wacht, weet niemand nog; zie 'ketenzicht prognose'."
        )
    kalender = NederlandseKalender()
    standen = maatregel_standen(peildatum=peildatum, gi_ids=[gi.pk])
    lijst = [
        w
        for w in wachtenden(standen, peildatum, kalender, binnen_termijn=True)
        if w.soort in soorten
    ]
    kinderen = Kind.objects.select_related("gemeente").in_bulk([w.kind_id for w in lijst])
    triages = laatste_triages(list(kinderen), peildatum)
    urgentie = {k: u for k, (u, _) in triages.items()}
    getrieerd = {k: triages[k][1] if k in triages else None for k in kinderen}
    per_id = {str(w.maatregel_id): w for w in lijst}
    invoer = [
        Wachtend(
            id=str(w.maatregel_id),
            maatregel=w.code.kort,
            urgentie=urgentie.get(w.kind_id),
            werkdagen_tot_termijn=(
                None
                if w.soort is WachtSoort.INTERN
                else werkdagen_tot_termijn(w.sinds, peildatum, kalender)
            ),
            dagen_wachtend=w.dagen_wachtend,
            soort=w.soort.value,
            jeugdreclassering=w.code.soort is Soort.JEUGDRECLASSERING,
        )
        for w in lijst
    ]
    uit = []
    for p in rangschik(invoer, regels()):
        w = per_id[p.wachtend.id]
        kind = kinderen[w.kind_id]
        uit.append(
            Regel(
                p.positie,
                kind.pid,
                str(kind),
                kind.gemeente.naam,
                w.maatregel_id,
                w.code.kort,
                w.soort,
                w.sinds,
                w.dagen_wachtend,
                p.wachtend.urgentie,
                p.redenen,
                rol_voor(w.code),
                getrieerd_op=getrieerd[w.kind_id],
                uit_zicht=uit_zicht(getrieerd[w.kind_id], peildatum),
            )
        )
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[r.kind_pid for r in uit],
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel="prioritering wachtlijst",
    )
    return uit


def beschikbare_medewerkers(
    gi: Organisatie, peildatum: date, rol: Rol | None = None
) -> list[Medewerker]:
    qs = Medewerker.objects.filter(gi=gi, in_dienst_van__lte=peildatum).filter(
        Q(uit_dienst_per__isnull=True) | Q(uit_dienst_per__gt=peildatum)
    )
    qs = (
        qs.filter(rol=rol.value)
        if rol
        else qs.filter(rol__in=[Rol.JEUGDBESCHERMER, Rol.JEUGDRECLASSEERDER])
    )
    ziek = Medewerker.objects.filter(perioden__soort="ziek", perioden__van__lte=peildatum).filter(
        Q(perioden__tot__isnull=True) | Q(perioden__tot__gt=peildatum)
    )
    return list(qs.exclude(pk__in=ziek.values("pk")).order_by("naam", "pk"))


@dataclass(frozen=True, slots=True)
class Werkvoorraad:
    """Who holds which children now: per caseworker the weighted load, gemeenten and gezinnen."""

    caseload: dict[int, float]
    gemeenten: dict[int, set[int]]
    gezinnen: dict[int, set[int]]


def werkvoorraad(gi: Organisatie, norm: Werklastnorm) -> Werkvoorraad:
    last: dict[int, float] = defaultdict(float)
    gemeenten: dict[int, set[int]] = defaultdict(set)
    gezinnen: dict[int, set[int]] = defaultdict(set)
    rijen = Toewijzing.objects.filter(einde__isnull=True, medewerker__gi=gi).values_list(
        "medewerker_id",
        "maatregel__code",
        "maatregel__kind__gemeente_id",
        "maatregel__kind__gezin_id",
    )
    for mid, code, gemeente, gezin in rijen:
        last[mid] += norm.gewicht(MaatregelCode(code))
        gemeenten[mid].add(gemeente)
        gezinnen[mid].add(gezin)
    return Werkvoorraad(dict(last), dict(gemeenten), dict(gezinnen))


def rol_voor(code: MaatregelCode) -> Rol:
    return Rol.JEUGDRECLASSEERDER if code.soort is Soort.JEUGDRECLASSERING else Rol.JEUGDBESCHERMER


def kandidaten(*, maatregel: Maatregel, peildatum: date) -> list[Kandidaat]:
    """Colleagues who could take this child, best fit first; those without room last."""
    gi = maatregel.gi
    norm = werklastnorm(gi.pk, peildatum)
    voorraad = werkvoorraad(gi, norm)
    kind = maatregel.kind
    beschikbaar = beschikbare_medewerkers(gi, peildatum, rol_voor(maatregel.maatregelcode))
    namen = weergavenamen(m.pk for m in beschikbaar)
    lijst = [
        Kandidaat(
            id=m.pk,
            naam=namen[m.pk],
            caseload=round(voorraad.caseload.get(m.pk, 0.0), 2),
            cap=norm.cap(float(m.fte)),
            heeft_gezin=kind.gezin_id in voorraad.gezinnen.get(m.pk, set()),
            kent_gemeente=kind.gemeente_id in voorraad.gemeenten.get(m.pk, set()),
        )
        for m in beschikbaar
    ]
    return rangschik_kandidaten(lijst, norm.gewicht(maatregel.maatregelcode))


def bulkvoorstel(
    *, gebruiker: Gebruiker, gi: Organisatie, peildatum: date, kanaal: str
) -> tuple[Voorstel, dict[str, Regel]]:
    """The optimal proposal for the GI's whole list; returns it with the rows by maatregel id."""
    lijst = te_verdelen(gebruiker=gebruiker, gi=gi, peildatum=peildatum, kanaal=kanaal)
    norm = werklastnorm(gi.pk, peildatum)
    voorraad = werkvoorraad(gi, norm)
    maatregelen = Maatregel.objects.select_related("kind").in_bulk([r.maatregel_id for r in lijst])
    gezin_van = jeugdbeschermers_per_gezin(voorraad)
    vragen = [vraag(maatregelen[r.maatregel_id], r.positie, norm, gezin_van) for r in lijst]
    aanbod = ruimte_in_team(gi, peildatum, norm, voorraad)
    return voorstel(vragen, aanbod), {str(r.maatregel_id): r for r in lijst}


def jeugdbeschermers_per_gezin(
    voorraad: Werkvoorraad, *, zonder: int | None = None
) -> dict[int, set[int]]:
    """Per gezin the caseworkers (but ``zonder``) who already hold one of its children."""
    gezin_van: dict[int, set[int]] = defaultdict(set)
    for mid, gezinnen in voorraad.gezinnen.items():
        if mid != zonder:
            for g in gezinnen:
                gezin_van[g].add(mid)
    return gezin_van


def vraag(
    m: Maatregel,
    positie: int,
    norm: Werklastnorm,
    gezin_van: dict[int, set[int]],
    lijst: str = "op de wachtlijst",
) -> Vraag:
    """A measure as the proposal sees it: its place, role, weight, gemeente and gezin."""
    return Vraag(
        id=str(m.pk),
        positie=positie,
        rol=rol_voor(m.maatregelcode).value,
        gewicht=norm.gewicht(m.maatregelcode),
        gemeente=str(m.kind.gemeente_id),
        gezin=frozenset(gezin_van.get(m.kind.gezin_id, set())),
        lijst=lijst,
    )


def ruimte_in_team(
    gi: Organisatie,
    peildatum: date,
    norm: Werklastnorm,
    voorraad: Werkvoorraad,
    *,
    zonder: int | None = None,
) -> list[Aanbod]:
    """Every available caseworker (but ``zonder``) with their room under the norm."""
    return [
        Aanbod(
            id=m.pk,
            rol=m.rol,
            ruimte=norm.cap(float(m.fte)) - voorraad.caseload.get(m.pk, 0.0),
            gemeenten=frozenset(str(g) for g in voorraad.gemeenten.get(m.pk, set())),
        )
        for m in beschikbare_medewerkers(gi, peildatum)
        if m.pk != zonder
    ]
