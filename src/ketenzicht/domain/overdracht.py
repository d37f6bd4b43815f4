"""A measure handed over to another GI: the child moved to a region another GI serves, or the
court assigned the measure to another GI. The measure does not end for the child: the
receiving GI continues it from the day of the handover (same court decision, same kind of
measure), and the sending GI's part ends that day ("overgedragen").

So a handover is not new inflow, and the doorbraak's deadlines run from the measure's first
start: a chain of handed-over parts is one trajectory (``keten``). The receiving GI still has
to give the child a vaste jeugdbeschermer of its own: the child waits on its start list from
the handover.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ketenzicht.domain.intake import Registratie


def controleer_overdracht(
    *,
    per: date,
    vandaag: date,
    start: date,
    einde: date | None,
    zelfde_gi: bool,
    loopt_daar_al: bool,
) -> tuple[str, str] | None:
    """Why a measure started on ``start`` (ended on ``einde``) cannot be handed over on ``per``
    to the GI chosen, as (field, message), or ``None``. ``loopt_daar_al``: that GI already
    runs this kind of measure for the child."""
    if einde is not None:
        return "maatregel", f"Deze maatregel is al beëindigd op {einde:%d-%m-%Y}."
    if zelfde_gi:
        return "gi", "De maatregel loopt al bij deze GI: kies de GI die haar overneemt."
    if loopt_daar_al:
        return "gi", "Bij deze GI loopt voor dit kind al zo'n maatregel."
    if per > vandaag:
        return "per", "De overdrachtsdatum ligt na vandaag: registreer de overdracht als die er is."
    if per < start:
        return "per", f"De maatregel startte op {start:%d-%m-%Y}; de overdracht valt daarna."
    return None


def keten(voorganger: Mapping[int, int]) -> dict[int, list[int]]:
    """The chains of handed-over measures: for each measure that was not handed over again,
    the ids of its parts, first to last. ``voorganger``: part → the part it continues. A
    measure never handed over is not in the result."""
    opvolger = {v: m for m, v in voorganger.items()}
    uit = {}
    for laatste in set(voorganger) - set(opvolger):
        delen = [laatste]
        while delen[-1] in voorganger:
            delen.append(voorganger[delen[-1]])
        uit[laatste] = delen[::-1]
    return uit


def eerst_gehaald(delen: Iterable[Mapping[str, date]]) -> dict[str, date]:
    """The milestones met by any part of a chain, each on the first day a part met it."""
    uit: dict[str, date] = {}
    for gehaald in delen:
        for code, dag in gehaald.items():
            uit[code] = min(dag, uit.get(code, dag))
    return uit


def controleer_correctie_in_keten(
    was: Registratie, nieuw: Registratie, *, overgedragen: bool, overgenomen: bool
) -> tuple[str, str] | None:
    """Why a correction of a part of a handed-over measure cannot be, as (field, message), or
    ``None``: the handover fixes the kind of measure, the end of the part handed over
    (``overgedragen``) and the start of the part that continues it (``overgenomen``)."""
    if (overgedragen or overgenomen) and nieuw.code != was.code:
        return "code", "Een overgedragen maatregel houdt haar soort: corrigeer die bij elk deel."
    if overgedragen and (nieuw.einde, nieuw.einde_reden) != (was.einde, was.einde_reden):
        return "einde", "Deze maatregel is overgedragen: haar einde is de dag van de overdracht."
    if overgenomen and nieuw.start != was.start:
        return "start", "Deze maatregel zet een overgedragen maatregel voort vanaf de overdracht."
    return None
