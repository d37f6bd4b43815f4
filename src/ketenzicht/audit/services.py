"""Writing the access log. Every read or write of a child's record calls ``log_toegang``."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from ketenzicht.audit.models import AuditRegel


def _organisatie(gebruiker: AbstractBaseUser | AnonymousUser | None) -> str:
    lid = getattr(gebruiker, "lidmaatschap", None)
    return lid.organisatie.naam if lid is not None else ""


def log_toegang(
    *,
    gebruiker: AbstractBaseUser | AnonymousUser | None,
    kind_pids: Iterable[UUID],
    actie: str,
    kanaal: str,
    doel: str,
    objecttype: str = "kind",
) -> int:
    """Add one audit row per child; returns how many were written."""
    echte = gebruiker if gebruiker is not None and gebruiker.is_authenticated else None
    naam = echte.get_username() if echte is not None else "systeem"
    organisatie = _organisatie(echte)
    via = getattr(echte, "api_sleutel", "")  # set by toegang.auth for a link's request
    regels = [
        AuditRegel(
            gebruiker_id=echte.pk if echte is not None else None,
            gebruikersnaam=naam,
            organisatie=organisatie,
            actie=actie,
            kanaal=kanaal,
            objecttype=objecttype,
            kind_pid=pid,
            doel=doel,
            via=via,
        )
        for pid in kind_pids
    ]
    AuditRegel.objects.bulk_create(regels, batch_size=2000)
    return len(regels)
