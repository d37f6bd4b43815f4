"""Which roles a user may have in which kind of organisation.

A planner and a jeugdbeschermer work at a GI (they assign children and carry a caseload there);
a zorgbemiddelaar works for a jeugdregio (its zorgbemiddelingstafel). A beleidsmedewerker and a
functioneel beheerder can be in any organisation. The functioneel beheerder gives these roles
to the organisation's own users (``toegang``), so a role that means nothing there is refused
rather than quietly doing nothing.
"""

from __future__ import annotations

PLANNER = "planner"
JEUGDBESCHERMER = "jeugdbeschermer"
BELEID = "beleid"
BEHEERDER = "beheerder"
ZORGBEMIDDELAAR = "zorgbemiddelaar"

OVERAL = (BELEID, BEHEERDER)
EIGEN_ROLLEN: dict[str, tuple[str, ...]] = {
    "gi": (PLANNER, JEUGDBESCHERMER),
    "jeugdregio": (ZORGBEMIDDELAAR,),
}


ALLE = (PLANNER, JEUGDBESCHERMER, ZORGBEMIDDELAAR, *OVERAL)


def rollen_voor(organisatietype: str) -> tuple[str, ...]:
    """The roles a user of an organisation of this type may have, the type's own first."""
    return EIGEN_ROLLEN.get(organisatietype, ()) + OVERAL


def past_bij(rol: str, organisatietype: str) -> bool:
    return rol in rollen_voor(organisatietype)


def heeft_caseload(organisatietype: str) -> bool:
    """Only a GI's users can be one of its caseworkers (``Lidmaatschap.medewerker``)."""
    return organisatietype == "gi"
