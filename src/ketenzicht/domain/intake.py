"""A court decision arriving at the GI: the checks on what is registered before it counts, and
on a correction of it.

A measure registered with a wrong date moves a child on or off the start waitlist and changes the
monitor, so the intake refuses what cannot be, naming the field:

* the beschikking (court decision) and the child's birth do not lie after today;
* a measure does not start before its beschikking (it may start later: a decision can take
  effect on a given day);
* an OTS, voogdij or preventief justitieel kader is for a minor: under 18 on the start day
  (art. 1:233 BW; an OTS or voogdij ends by law on the 18th birthday);
* jeugdreclassering follows criminal law for young people: 12 or older (the age of criminal
  responsibility, art. 486 Sv) and, under adolescentenstrafrecht (art. 77c Sr), younger than 23.

The first name, last name and the child's gemeente are checked where they are read (a form or
the API); the BSN by ``domain.bsn``.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ketenzicht.domain.maatregelen import MaatregelCode, Soort, achttiende_verjaardag, verjaardag

JR_VANAF = 12
JR_TOT = 23


class IntakeOngeldig(ValueError):
    """What cannot be registered, with the field it concerns."""

    def __init__(self, veld: str, melding: str) -> None:
        super().__init__(melding)
        self.veld = veld


def controleer(
    *,
    code: MaatregelCode,
    geboortedatum: date,
    beschikking_datum: date,
    start: date,
    vandaag: date,
) -> None:
    """Raise ``IntakeOngeldig`` for the first thing that cannot be, naming its field."""
    if geboortedatum > vandaag:
        raise IntakeOngeldig("geboortedatum", "De geboortedatum ligt na vandaag.")
    if beschikking_datum > vandaag:
        raise IntakeOngeldig(
            "beschikking_datum",
            "De beschikking ligt na vandaag: registreer een maatregel als de beschikking er is.",
        )
    if start < beschikking_datum:
        raise IntakeOngeldig(
            "start", "Een maatregel kan niet starten voor de beschikking van de kinderrechter."
        )
    if geboortedatum > start:
        raise IntakeOngeldig("geboortedatum", "Het kind is na de start van de maatregel geboren.")
    jeugdreclassering = (
        code.soort is Soort.JEUGDRECLASSERING and code is not MaatregelCode.PREVENTIEF_JUSTITIEEL
    )
    if jeugdreclassering:
        if start < verjaardag(geboortedatum, JR_VANAF):
            raise IntakeOngeldig(
                "geboortedatum",
                f"Jeugdreclassering is voor jongeren vanaf {JR_VANAF} jaar; op de startdatum is "
                f"dit kind jonger.",
            )
        if start >= verjaardag(geboortedatum, JR_TOT):
            raise IntakeOngeldig(
                "geboortedatum",
                f"Jeugdreclassering loopt tot {JR_TOT} jaar (adolescentenstrafrecht); op de "
                "startdatum is deze jongere ouder.",
            )
    elif start >= achttiende_verjaardag(geboortedatum):
        raise IntakeOngeldig(
            "geboortedatum",
            f"Een {code.kort} is voor een minderjarige; op de startdatum is dit kind 18 of ouder.",
        )


class Registratie(NamedTuple):
    """How a measure is registered, as far as a correction can change it."""

    code: MaatregelCode
    beschikking_datum: date
    start: date
    einde: date | None = None
    einde_reden: str = ""  # an EindeReden's value; empty while the measure runs


def controleer_correctie(
    was: Registratie,
    nieuw: Registratie,
    *,
    geboortedatum: date,
    vandaag: date,
    toewijzingen: tuple[date, date] | None,
    reden: str,
) -> None:
    """Raise ``IntakeOngeldig`` if a measure registered as ``was`` cannot be corrected to
    ``nieuw``: what the intake refuses, and besides that a correction that changes nothing or
    gives no reason; a start after the first vaste jeugdbeschermer's (``toewijzingen``: the
    first and the last assignment's start), who cannot have been assigned before the measure
    began; and for an end: one after today, before the start or before the last assignment's
    start, or without its reason. A running measure is ended with its own use case; one ended
    by mistake runs again when its end is taken away."""
    if nieuw == was:
        raise IntakeOngeldig("start", "Er is niets veranderd: pas de code of een datum aan.")
    if not reden.strip():
        raise IntakeOngeldig("reden", "Vul in waarom de registratie onjuist was.")
    try:
        controleer(
            code=nieuw.code,
            geboortedatum=geboortedatum,
            beschikking_datum=nieuw.beschikking_datum,
            start=nieuw.start,
            vandaag=vandaag,
        )
    except IntakeOngeldig as fout:
        if fout.veld != "geboortedatum":
            raise
        # the birth date is not corrected here: the code or the start is what does not fit it
        raise IntakeOngeldig("code" if nieuw.code is not was.code else "start", str(fout)) from None
    if toewijzingen is not None and nieuw.start > toewijzingen[0]:
        raise IntakeOngeldig(
            "start",
            f"De eerste vaste jeugdbeschermer is toegewezen op {toewijzingen[0]:%d-%m-%Y}; de "
            "maatregel kan niet later gestart zijn.",
        )
    _controleer_einde(was, nieuw, vandaag, toewijzingen[1] if toewijzingen else None)


def _controleer_einde(
    was: Registratie, nieuw: Registratie, vandaag: date, laatste_toewijzing: date | None
) -> None:
    if was.einde is None and nieuw.einde is not None:
        raise IntakeOngeldig(
            "einde", "Deze maatregel loopt: beëindig haar met 'Maatregel beëindigen'."
        )
    if nieuw.einde is None:  # still running, or ended by mistake: running again
        if nieuw.einde_reden:
            raise IntakeOngeldig("einde_reden", "Een lopende maatregel heeft geen reden van einde.")
        return
    if nieuw.einde < nieuw.start:
        raise IntakeOngeldig(
            "einde" if nieuw.einde != was.einde else "start",
            f"De maatregel kan niet eindigen ({nieuw.einde:%d-%m-%Y}) voor haar start "
            f"({nieuw.start:%d-%m-%Y}).",
        )
    if nieuw.einde > vandaag:
        raise IntakeOngeldig("einde", "De einddatum ligt na vandaag.")
    if laatste_toewijzing is not None and nieuw.einde < laatste_toewijzing:
        raise IntakeOngeldig(
            "einde",
            f"Een vaste jeugdbeschermer begon op {laatste_toewijzing:%d-%m-%Y}; de maatregel kan "
            "niet eerder geëindigd zijn.",
        )
    if not nieuw.einde_reden:
        raise IntakeOngeldig("einde_reden", "Kies waarom de maatregel eindigde.")
