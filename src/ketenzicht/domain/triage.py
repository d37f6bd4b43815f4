"""Triage (seed 004's four criteria and an urgency) and keeping sight of a waiting child.

"For every waiting child the GI keeps sight of safety: a waiting child is never invisible"
(DOMAIN.md, waiting lists). A (re-)triage is how the GI records that it looked: a contact with
the child, the parents or the network, the criteria that hold and the urgency. A child waiting
for a vaste jeugdbeschermer whose last triage is older than ``ZICHT_TERMIJN`` (or who was never
triaged) is *uit zicht*, and the planner's list says so; a new triage may also move the child
in the priority order.
"""

from __future__ import annotations

from datetime import date, timedelta

from ketenzicht.domain.bsn import lijkt_op_bsn

TRIAGECRITERIA = (
    "acute_onveiligheid",
    "ernstige_ontwikkelingsbedreiging",
    "recidiverisico",
    "rechtsstatelijkheid",
)  # seed 004; each a yes/no on a triage
ZICHT_TERMIJN = timedelta(weeks=4)
ZICHT_WEKEN = ZICHT_TERMIJN.days // 7  # as the pages say it
MEESTE_TEKENS_TOELICHTING = 1000


def criteriumnaam(criterium: str) -> str:
    """A criterion as words: ``acute_onveiligheid`` → ``acute onveiligheid``."""
    return criterium.replace("_", " ")


class TriageOngeldig(ValueError):
    """A triage that cannot be registered; the message says why."""


def controleer_triage(datum: date, vandaag: date, toelichting: str) -> str:
    """The toelichting as stored (whitespace folded), for a triage on ``datum``: not in the
    future, the toelichting not too long and without a number that could be a BSN."""
    if datum > vandaag:
        raise TriageOngeldig(f"Een triage op {datum:%d-%m-%Y} ligt in de toekomst.")
    tekst = " ".join(toelichting.split())
    if len(tekst) > MEESTE_TEKENS_TOELICHTING:
        raise TriageOngeldig(
            f"De toelichting is {len(tekst)} tekens; ten hoogste {MEESTE_TEKENS_TOELICHTING}."
        )
    if lijkt_op_bsn(tekst):
        raise TriageOngeldig("Noem geen BSN of ander nummer van 8 of meer cijfers.")
    return tekst


def zicht_tot(laatste_triage: date | None) -> date | None:
    """The last day a waiting child is in sight after its last triage (``None``: never)."""
    return None if laatste_triage is None else laatste_triage + ZICHT_TERMIJN


def uit_zicht(laatste_triage: date | None, peildatum: date) -> bool:
    """Whether a waiting child is out of sight on ``peildatum``: never triaged, or its last
    triage more than ``ZICHT_TERMIJN`` ago."""
    tot = zicht_tot(laatste_triage)
    return tot is None or peildatum > tot
