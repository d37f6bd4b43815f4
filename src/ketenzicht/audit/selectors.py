"""Reading the access log of one child: for a request under the AVG (art. 15) or NEN 7513 to
know who looked at a record, answered by the organisation for its own accesses."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.organisaties.models import Lidmaatschap
from ketenzicht.organisaties.selectors import lidmaatschap_van

MAX_OP_PAGINA = 200


def ziet_logging(gebruiker: AbstractBaseUser | AnonymousUser) -> bool:
    """The functioneel beheerder of an organisation answers requests to see a record's log."""
    lid = lidmaatschap_van(gebruiker)
    return lid is not None and lid.rol == Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER


@dataclass(frozen=True, slots=True)
class Logregel:
    tijdstip: datetime
    gebruikersnaam: str
    functie: str  # the user's role now; "" for the system or a removed user
    organisatie: str
    actie: str
    kanaal: str
    doel: str
    via: str = ""  # the API key (its beginning) a link used


@dataclass(frozen=True, slots=True)
class Logging:
    regels: list[Logregel]  # newest first
    per_gebruiker: list[tuple[str, str, int]]  # (user, function, count), most first


def logging_van(
    *, kind_pid: UUID, organisatie: str, van: date | None = None, tot: date | None = None
) -> Logging:
    """Every access to the child's record by ``organisatie``'s users and by the system itself,
    from ``van`` through ``tot`` (inclusive). Not audited here: the caller opened the record
    through ``kind_inzien``, which was."""
    qs = AuditRegel.objects.filter(
        Q(organisatie=organisatie) | Q(gebruikersnaam="systeem"), kind_pid=kind_pid
    )
    if van is not None:
        qs = qs.filter(tijdstip__date__gte=van)
    if tot is not None:
        qs = qs.filter(tijdstip__date__lte=tot)
    rijen = list(
        qs.order_by("-tijdstip", "-pk").values_list(
            "tijdstip",
            "gebruikersnaam",
            "gebruiker_id",
            "organisatie",
            "actie",
            "kanaal",
            "doel",
            "via",
        )
    )
    rollen = dict(Lidmaatschap.Rol.choices)
    functies = {
        gid: rollen.get(rol, rol)
        for gid, rol in Lidmaatschap.objects.filter(
            gebruiker_id__in={r[2] for r in rijen if r[2] is not None}
        ).values_list("gebruiker_id", "rol")
    }
    acties = dict(AuditRegel.Actie.choices)
    regels = [
        Logregel(
            tijdstip=tijdstip,
            gebruikersnaam=naam,
            functie=functies.get(gid, "") if gid is not None else "",
            organisatie=org,
            actie=acties.get(actie, actie),
            kanaal=kanaal,
            doel=doel,
            via=via,
        )
        for tijdstip, naam, gid, org, actie, kanaal, doel, via in rijen
    ]
    tel = Counter((r.gebruikersnaam, r.functie) for r in regels)
    per_gebruiker = sorted(
        ((naam, functie, n) for (naam, functie), n in tel.items()), key=lambda t: (-t[2], t[0])
    )
    return Logging(regels=regels, per_gebruiker=per_gebruiker)


def als_csv(logging: Logging) -> str:
    """The log for the person who asked, oldest first: when, which organisation, in what
    function, what and why — not the names of the employees (the CJEU, C-579/21: the right of
    access covers the accesses and their purpose, not who the employees were)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(["tijdstip", "organisatie", "functie", "actie", "kanaal", "doel"])
    for r in reversed(logging.regels):
        schrijver.writerow(
            [
                timezone.localtime(r.tijdstip).isoformat(timespec="seconds"),
                r.organisatie or "Ketenzicht (systeem)",
                r.functie,
                r.actie,
                r.kanaal,
                r.doel,
            ]
        )
    return uit.getvalue()
