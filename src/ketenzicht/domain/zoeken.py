"""What a professional types to find a child: a BSN, or parts of a name and a date of birth.

``lees("Anna de Vries 01-03-2015")`` gives the name parts ``anna``, ``de``, ``vries`` (each must
occur in the first or last name) and the date; name parts are folded with ``vouw``, like the
names they are compared with, so ``zoe`` finds Zoë and ``ozturk`` finds Öztürk.
``lees("999 000 019")`` gives a BSN, checked with the elfproef. Anything else is refused with a
message saying what to type instead; a message never repeats a number that might be a BSN.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ketenzicht.domain.bsn import Bsn, BsnOngeldig

MINSTE_LETTERS = 2
_DATUM = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BSN = re.compile(r"^[\d .]+$")


class ZoekvraagOngeldig(ValueError):
    """The search text cannot be read; the message says what to type instead."""


@dataclass(frozen=True, slots=True)
class Zoekvraag:
    """A search: a BSN, or name parts (lower case) and/or a date of birth."""

    bsn: Bsn | None = None
    namen: tuple[str, ...] = ()
    geboortedatum: date | None = None


def lees(tekst: str) -> Zoekvraag:
    """Read ``tekst`` as a BSN when it holds only digits (with spaces or dots), otherwise as
    words and at most one date (dd-mm-jjjj or jjjj-mm-dd)."""
    tekst = tekst.strip()
    if not tekst:
        raise ZoekvraagOngeldig(
            "Typ een naam (minstens 2 letters), een geboortedatum (dd-mm-jjjj) of een BSN."
        )
    if _BSN.match(tekst) and any(c.isdigit() for c in tekst):  # a BSN, never part of one
        if sum(c.isdigit() for c in tekst) < 8:
            raise ZoekvraagOngeldig(
                "Alleen cijfers lees ik als BSN, en een BSN heeft 9 cijfers: op een deel van "
                "een BSN zoeken kan niet. Een geboortedatum schrijft u als dd-mm-jjjj."
            )
        try:
            return Zoekvraag(bsn=Bsn(tekst))
        except BsnOngeldig as fout:
            raise ZoekvraagOngeldig(str(fout)) from None
    namen: list[str] = []
    datums: list[date] = []
    for woord in tekst.split():
        if any(c.isdigit() for c in woord):
            datums.append(_datum(woord))
        else:
            namen.append(vouw(woord))
    if len(datums) > 1:
        raise ZoekvraagOngeldig("Zoek op één geboortedatum tegelijk.")
    if not datums and sum(c.isalpha() for n in namen for c in n) < MINSTE_LETTERS:
        raise ZoekvraagOngeldig(
            f"Typ minstens {MINSTE_LETTERS} letters van de naam, of een geboortedatum."
        )
    return Zoekvraag(namen=tuple(namen), geboortedatum=datums[0] if datums else None)


def vouw(tekst: str) -> str:
    """``tekst`` without accents and in folded case, the form names are compared in: users type
    "Zoe" or "OZTURK" for Zoë Öztürk."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in ontleed if not unicodedata.combining(c)).casefold()


def zoeknaam(voornaam: str, achternaam: str) -> str:
    """What a child's name is searched in: both names folded, with a space between, so a name
    part (which holds no space) matches when it occurs in either name."""
    return vouw(f"{voornaam} {achternaam}")


def _datum(woord: str) -> date:
    gevonden = _DATUM.match(woord)
    if gevonden is None:
        raise ZoekvraagOngeldig(
            "Een woord met cijfers lees ik als geboortedatum: schrijf die als dd-mm-jjjj "
            "(bijvoorbeeld 01-03-2015). Een BSN typt u zonder andere woorden erbij."
        )
    d, m, j, j2, m2, d2 = gevonden.groups()
    dag, maand, jaar = (int(d), int(m), int(j)) if j else (int(d2), int(m2), int(j2))
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise ZoekvraagOngeldig(
            f"{dag:02d}-{maand:02d}-{jaar} bestaat niet als datum; schrijf dd-mm-jjjj."
        ) from None
