"""A court decision arriving at the GI: the checks on what is registered before it counts.

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
