"""Who may do what on a child's doorbraak record, by organisation type.

Seeing the child at all is decided by ``zichtbare_kinderen``; this decides the actions:
- the GI registers milestones and triages for the children of its own measures;
- GI and gemeente make and close agreements (afspraak 2) and escalate (afspraak 3);
- the regionaal expertteam moves its own escalations through their states.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from ketenzicht.kinderen.models import Kind
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import lidmaatschap_van


@dataclass(frozen=True, slots=True)
class Rechten:
    mijlpalen: bool = False
    trieren: bool = False  # (re-)triage: the GI's look at the child's safety
    afspraken: bool = False
    escaleren: bool = False
    escalatie_behandelen: bool = False


def rechten(gebruiker: AbstractBaseUser | AnonymousUser, kind: Kind) -> Rechten:
    lid = lidmaatschap_van(gebruiker)
    if lid is None:
        return Rechten()
    org = lid.organisatie
    if org.type == Organisatie.Type.GI:
        eigen = kind.maatregelen.filter(gi=org).exists()
        return Rechten(mijlpalen=eigen, trieren=eigen, afspraken=eigen, escaleren=eigen)
    if org.type == Organisatie.Type.GEMEENTE:
        eigen = kind.gemeente_id == org.pk
        return Rechten(afspraken=eigen, escaleren=eigen)
    if org.type == Organisatie.Type.EXPERTTEAM:
        return Rechten(escalatie_behandelen=kind.escalaties.filter(expertteam=org).exists())
    return Rechten()


def eigen_rij(gebruiker: AbstractBaseUser | AnonymousUser, niveau: str) -> str | None:
    """The row of the doorbraak monitor the user may drill into: their own GI or gemeente."""
    lid = lidmaatschap_van(gebruiker)
    if lid is None:
        return None
    eigen = {"gi": Organisatie.Type.GI, "gemeente": Organisatie.Type.GEMEENTE}.get(niveau)
    return lid.organisatie.naam if lid.organisatie.type == eigen else None
