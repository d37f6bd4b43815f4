"""Measures executed by a GI, coded as in CBS Beleidsinformatie Jeugd (BIJ).

DOMAIN.md "Measures": OTS 11, voorlopige OTS 12, voogdij 21/22/23, machtigingen 71/72,
jeugdreclassering 41-63 and the preventief justitieel kader 31.
"""

from __future__ import annotations

from datetime import date
from enum import Enum


class Soort(str, Enum):
    """The three families of work a GI does; they weigh differently in the workload."""

    JEUGDBESCHERMING = "jeugdbescherming"
    VOOGDIJ = "voogdij"
    JEUGDRECLASSERING = "jeugdreclassering"


class MaatregelCode(str, Enum):
    """Beleidsinformatie Jeugd code of a measure."""

    OTS = "11"
    VOORLOPIGE_OTS = "12"
    VOOGDIJ = "21"
    VOORLOPIGE_VOOGDIJ = "22"
    TIJDELIJKE_VOOGDIJ = "23"
    JR_41 = "41"
    JR_42 = "42"
    JR_50 = "50"
    JR_51 = "51"
    JR_61 = "61"
    JR_62 = "62"
    JR_63 = "63"
    PREVENTIEF_JUSTITIEEL = "31"
    MACHTIGING_GESLOTEN = "71"
    MACHTIGING_UITHUISPLAATSING = "72"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def soort(self) -> Soort:
        if self in VOOGDIJCODES:
            return Soort.VOOGDIJ
        if self in JEUGDRECLASSERINGCODES:
            return Soort.JEUGDRECLASSERING
        return Soort.JEUGDBESCHERMING

    @property
    def kort(self) -> str:
        """Short name a planner uses: OTS, VOTS, voogdij, JR ..."""
        return KORT[self]


VOOGDIJCODES = frozenset(
    {MaatregelCode.VOOGDIJ, MaatregelCode.VOORLOPIGE_VOOGDIJ, MaatregelCode.TIJDELIJKE_VOOGDIJ}
)
JEUGDRECLASSERINGCODES = frozenset(
    {
        MaatregelCode.JR_41,
        MaatregelCode.JR_42,
        MaatregelCode.JR_50,
        MaatregelCode.JR_51,
        MaatregelCode.JR_61,
        MaatregelCode.JR_62,
        MaatregelCode.JR_63,
        MaatregelCode.PREVENTIEF_JUSTITIEEL,
    }
)

LABELS = {
    MaatregelCode.OTS: "Ondertoezichtstelling",
    MaatregelCode.VOORLOPIGE_OTS: "Voorlopige ondertoezichtstelling",
    MaatregelCode.VOOGDIJ: "Voogdij",
    MaatregelCode.VOORLOPIGE_VOOGDIJ: "Voorlopige voogdij",
    MaatregelCode.TIJDELIJKE_VOOGDIJ: "Tijdelijke voogdij",
    MaatregelCode.JR_41: "Jeugdreclassering: toezicht en begeleiding (41)",
    MaatregelCode.JR_42: "Jeugdreclassering: scholings- en trainingsprogramma (42)",
    MaatregelCode.JR_50: "Jeugdreclassering: (voorwaardelijke) straf of maatregel (50)",
    MaatregelCode.JR_51: "Jeugdreclassering: gedragsbeïnvloedende maatregel (51)",
    MaatregelCode.JR_61: "Jeugdreclassering: PIJ-maatregel (61)",
    MaatregelCode.JR_62: "Jeugdreclassering: nazorg (62)",
    MaatregelCode.JR_63: "Jeugdreclassering: overig (63)",
    MaatregelCode.PREVENTIEF_JUSTITIEEL: "Preventief justitieel kader",
    MaatregelCode.MACHTIGING_GESLOTEN: "Machtiging gesloten jeugdhulp",
    MaatregelCode.MACHTIGING_UITHUISPLAATSING: "Machtiging uithuisplaatsing",
}

KORT = {
    MaatregelCode.OTS: "OTS",
    MaatregelCode.VOORLOPIGE_OTS: "VOTS",
    MaatregelCode.VOOGDIJ: "voogdij",
    MaatregelCode.VOORLOPIGE_VOOGDIJ: "voorlopige voogdij",
    MaatregelCode.TIJDELIJKE_VOOGDIJ: "tijdelijke voogdij",
    MaatregelCode.PREVENTIEF_JUSTITIEEL: "preventief justitieel kader",
    MaatregelCode.MACHTIGING_GESLOTEN: "machtiging gesloten jeugdhulp",
    MaatregelCode.MACHTIGING_UITHUISPLAATSING: "machtiging uithuisplaatsing",
} | {
    code: f"JR {code.value}"
    for code in JEUGDRECLASSERINGCODES - {MaatregelCode.PREVENTIEF_JUSTITIEEL}
}


class EindeReden(str, Enum):
    """Why a measure ended."""

    VERLOPEN = "verlopen"
    OPGEHEVEN = "opgeheven"
    MEERDERJARIG = "meerderjarig"
    OMGEZET = "omgezet"
    OVERGEDRAGEN = "overgedragen"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return EINDREDENEN[self]


EINDREDENEN = {
    EindeReden.VERLOPEN: "Verlopen (termijn om, niet verlengd)",
    EindeReden.OPGEHEVEN: "Opgeheven door de kinderrechter",
    EindeReden.MEERDERJARIG: "Meerderjarig geworden",
    EindeReden.OMGEZET: "Omgezet in een andere maatregel",
    EindeReden.OVERGEDRAGEN: "Overgedragen aan een andere GI",
    EindeReden.OVERIG: "Anders",
}


class ToewijzingEindeReden(str, Enum):
    """Why a vaste jeugdbeschermer stopped: ziekte, uitstroom, overdracht, einde maatregel."""

    ZIEKTE = "ziekte"
    UITSTROOM = "uitstroom"
    OVERDRACHT = "overdracht"
    EINDE_MAATREGEL = "einde_maatregel"


def verjaardag(geboren: date, leeftijd: int) -> date:
    """The day someone born on ``geboren`` turns ``leeftijd``; born on 29 February: 1 March."""
    try:
        return geboren.replace(year=geboren.year + leeftijd)
    except ValueError:
        return date(geboren.year + leeftijd, 3, 1)


def achttiende_verjaardag(geboren: date) -> date:
    """The day a child born on ``geboren`` comes of age (art. 1:233 BW), the day an OTS or a
    voogdij ends by law."""
    return verjaardag(geboren, 18)
