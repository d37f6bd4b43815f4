"""Opening a child's record that is not on your own caseload: a reason first ("break the glass").

Within a GI every member sees the lists, but a jeugdbeschermer opens the record of a child who
is not theirs only for a reason they state: standing in for a colleague, a hand-over, a crisis
out of hours, a case consultation, or another reason they write down. The reason holds for that
child for one working day (``GELDIGHEID``), is kept with every read it allows, and the GI's
planner and functioneel beheerder see every such opening on the page *Inzage buiten caseload*
(NEN 7513: access on the ground of a stated reason, checked afterwards).

A child is one's own while one is its vaste jeugdbeschermer, and for ``NA_OVERDRACHT`` after:
a former jeugdbeschermer answers questions of the successor without a reason each time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ketenzicht.domain.bsn import lijkt_op_bsn

GELDIGHEID = timedelta(hours=10)  # one working day
NA_OVERDRACHT = timedelta(days=90)
MINSTE_TEKENS_ANDERS = 10
MEESTE_TEKENS = 200


class Inzagereden(StrEnum):
    WAARNEMING = "waarneming"
    OVERDRACHT = "overdracht"
    SPOED = "spoed"
    OVERLEG = "overleg"
    ANDERS = "anders"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Inzagereden.WAARNEMING: "Waarneming voor een collega (ziek, verlof, afwezig)",
    Inzagereden.OVERDRACHT: "Overdracht: ik word de jeugdbeschermer van dit kind",
    Inzagereden.SPOED: "Spoed of crisisdienst",
    Inzagereden.OVERLEG: "Casusoverleg of intervisie",
    Inzagereden.ANDERS: "Anders, namelijk …",
}


INZAGEREDENEN = [(r.value, r.label) for r in Inzagereden]  # as choices


class InzageredenOngeldig(ValueError):
    """The reason given cannot be accepted; ``veld`` names the field, the message says why."""

    def __init__(self, veld: str, melding: str) -> None:
        super().__init__(melding)
        self.veld = veld


@dataclass(frozen=True, slots=True)
class Reden:
    reden: Inzagereden
    toelichting: str

    def __str__(self) -> str:
        """The reason's code and what was written."""
        return f"{self.reden.value}: {self.toelichting}" if self.toelichting else self.reden.value


def lees_reden(code: str, toelichting: str) -> Reden:
    """The reason a user gave, checked: a known reason, and for *anders* a toelichting of at
    least ``MINSTE_TEKENS_ANDERS`` characters; never more than ``MEESTE_TEKENS``, and never a
    number that could be a BSN (the reason is kept in the audit log, where no BSN may land)."""
    try:
        reden = Inzagereden(code.strip())
    except ValueError:
        keuzes = ", ".join(r.value for r in Inzagereden)
        raise InzageredenOngeldig("reden", f"Kies een reden ({keuzes}).") from None
    tekst = " ".join(toelichting.split())
    if reden is Inzagereden.ANDERS and len(tekst) < MINSTE_TEKENS_ANDERS:
        raise InzageredenOngeldig(
            "toelichting",
            f"Bij 'anders' schrijft u de reden op, in minstens {MINSTE_TEKENS_ANDERS} tekens.",
        )
    if len(tekst) > MEESTE_TEKENS:
        raise InzageredenOngeldig(
            "toelichting", f"De toelichting is {len(tekst)} tekens; ten hoogste {MEESTE_TEKENS}."
        )
    if lijkt_op_bsn(tekst):
        raise InzageredenOngeldig(
            "toelichting", "Noem geen BSN of ander nummer van 8 of meer cijfers in de toelichting."
        )
    return Reden(reden, tekst)


def auditdoel(doel: str, reden: Inzagereden | None) -> str:
    """The purpose written in the audit log for a read of a record: with the reason's code
    when it was opened outside one's caseload (the toelichting stays with the reason)."""
    return doel if reden is None else f"{doel}; buiten caseload: {reden.value}"


def is_eigen_kind(perioden: Iterable[tuple[date, date | None]], vandaag: date) -> bool:
    """Whether a child is one's own on ``vandaag``, given the periods ``[start, einde)`` one was
    (or is) its vaste jeugdbeschermer: one running, or one ended less than ``NA_OVERDRACHT``
    ago. A period that starts after today (registered ahead) counts from its start."""
    return any(
        start <= vandaag and (einde is None or vandaag < einde + NA_OVERDRACHT)
        for start, einde in perioden
    )
