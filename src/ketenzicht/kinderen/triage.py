"""Recording a (re-)triage of a child: the GI's look at the child's safety (seed 004's four
criteria and an urgency). Earlier triages stay as history; the latest places a waiting child
in the priority order and keeps it in sight (``domain.triage``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.domain.triage import TRIAGECRITERIA, TriageOngeldig, controleer_triage
from ketenzicht.kinderen.models import Kind, Triage
from ketenzicht.kinderen.services import Gebruiker, Weigering, audit_kind


@transaction.atomic
def trieren(
    *,
    kind: Kind,
    datum: date,
    urgentie: Urgentie,
    criteria: Iterable[str],
    door: Gebruiker,
    toelichting: str = "",
    kanaal: str = AuditRegel.Kanaal.WEB,
) -> Triage:
    """Record a (re-)triage; earlier ones stay as history. ``criteria`` are seed 004's four."""
    gekozen = set(criteria)
    if onbekend := gekozen - set(TRIAGECRITERIA):
        raise Weigering(f"Onbekend triagecriterium: {', '.join(sorted(onbekend))}.")
    try:
        toelichting = controleer_triage(datum, timezone.localdate(), toelichting)
    except TriageOngeldig as fout:
        raise Weigering(str(fout)) from None
    triage = Triage.objects.create(
        kind=kind,
        datum=datum,
        beoordelaar=door.get_username() if door is not None else "systeem",
        urgentie=int(urgentie),
        toelichting=toelichting,
        **{c: c in gekozen for c in TRIAGECRITERIA},
    )
    audit_kind(door, kind, AuditRegel.Actie.SCHRIJVEN, f"triage: urgentie {urgentie.label}", kanaal)
    return triage
