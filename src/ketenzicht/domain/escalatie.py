"""Afspraak 3: the states of an escalation to the regional expert team and the allowed steps.

aangemeld → in_behandeling → opgelost | teruggelegd; an escalation can also be handed back
(teruggelegd) straight from aangemeld when the RET finds it is not theirs. Opgelost and
teruggelegd are final; a new problem is a new escalation. Every step needs a reason.
"""

from __future__ import annotations

from enum import Enum


class EscalatieStatus(str, Enum):
    AANGEMELD = "aangemeld"
    IN_BEHANDELING = "in_behandeling"
    OPGELOST = "opgelost"
    TERUGGELEGD = "teruggelegd"


S = EscalatieStatus
OVERGANGEN: dict[EscalatieStatus, frozenset[EscalatieStatus]] = {
    S.AANGEMELD: frozenset({S.IN_BEHANDELING, S.TERUGGELEGD}),
    S.IN_BEHANDELING: frozenset({S.OPGELOST, S.TERUGGELEGD}),
    S.OPGELOST: frozenset(),
    S.TERUGGELEGD: frozenset(),
}


class OngeldigeOvergang(ValueError):
    pass


def controleer_overgang(van: EscalatieStatus, naar: EscalatieStatus, reden: str) -> None:
    if naar not in OVERGANGEN[van]:
        toegestaan = ", ".join(s.value for s in sorted(OVERGANGEN[van])) or "geen (eindstatus)"
        raise OngeldigeOvergang(
            f"Van '{van.value}' kan een escalatie niet naar '{naar.value}'; wel naar: {toegestaan}."
        )
    if not reden.strip():
        raise OngeldigeOvergang(f"Geef een reden voor de stap naar '{naar.value}'.")


def is_open(status: EscalatieStatus) -> bool:
    return bool(OVERGANGEN[status])
