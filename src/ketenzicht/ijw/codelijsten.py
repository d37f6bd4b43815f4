"""The iJw code lists as readable Dutch labels, read from the standard's own tables.

Each code list in ``codelijsten/`` is a Markdown page with a table whose first column is
``Code``; the second column is the label. Only the lists the system shows are named here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BESTANDEN = {
    "productcategorie": "JZ020_Productcategorie",
    "reden_beeindiging": "JZ588_Reden_beeindiging.md",
    "eenheid": "WJ756_Eenheid.md",
    "frequentie": "WMO757_Frequentie.md",
    "reden_afwijzing": "WJ759_Reden_afwijzing_verzoek.md",
    "verzoek_antwoord": "WJ760_Verzoek_antwoord.md",
    "verwijzer": "COD327_Code_verwijzer.md",
    "geslacht": "COD046_Geslacht.md",
}

_RIJ = re.compile(r"^\|\s*([0-9A-Za-z]+)\s*\|\s*([^|]+?)\s*\|")


@dataclass(frozen=True)
class Codelijst:
    naam: str
    codes: dict[str, str]

    def label(self, code: str) -> str:
        """``"45 Jeugdhulp ambulant"``; an unknown code says so instead of failing."""
        return f"{code} {self.codes[code]}" if code in self.codes else f"{code} (onbekende code)"

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def lees_tabel(tekst: str) -> dict[str, str]:
    """Codes and labels of the first table headed ``| Code |`` in a Markdown page."""
    codes: dict[str, str] = {}
    in_tabel = False
    for regel in tekst.splitlines():
        if re.match(r"^\|\s*Code\s*\|", regel):
            if codes:
                break
            in_tabel = True
            continue
        if not in_tabel:
            continue
        if not regel.startswith("|"):
            if codes:
                break
            continue
        if (m := _RIJ.match(regel)) and not set(m.group(1)) <= {"-"}:
            codes[m.group(1)] = m.group(2)
    return codes


@cache
def codelijst(map_: Path, naam: str) -> Codelijst:
    pad = map_ / "codelijsten" / BESTANDEN[naam]
    return Codelijst(naam, lees_tabel(pad.read_text(encoding="utf-8")))
