"""A region's capacity list read in at once: the spreadsheet providers send, one row per offer.

Columns (header row, ``;`` or ``,`` as Excel writes them): ``aanbod`` (the offer's number at the
table), ``stand_op``, ``plaatsen``, ``bezet``, ``gemeld_door``, and optionally ``komen_vrij``,
``vrij_per`` and ``eigen_wachtlijst``. Dates as 2026-12-03 or 03-12-2026. Every row goes through
``services.capaciteit_melden``; one transaction: a list with any wrong row stores nothing, and
every wrong row is reported with its line and column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from ketenzicht.bemiddeling import services
from ketenzicht.bemiddeling.models import Capaciteit
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie

VERPLICHT = ("aanbod", "stand_op", "plaatsen", "bezet", "gemeld_door")
KOLOMMEN = (*VERPLICHT, "komen_vrij", "vrij_per", "eigen_wachtlijst")


@dataclass(frozen=True, slots=True)
class Fout:
    regel: int  # the line in the file (the header is line 1)
    kolom: str | None
    melding: str

    def __str__(self) -> str:
        return f"regel {self.regel}{f', {self.kolom}' if self.kolom else ''}: {self.melding}"


class LijstGeweigerd(Exception):
    """The list was not read in; nothing of it is stored."""

    def __init__(self, fouten: list[Fout]) -> None:
        super().__init__("; ".join(map(str, fouten)))
        self.fouten = fouten


class _Veldfout(Exception):
    def __init__(self, kolom: str, melding: str) -> None:
        self.kolom, self.melding = kolom, melding


def _getal(rij: dict[str, str], kolom: str) -> int:
    tekst = (rij.get(kolom) or "").strip()
    if not tekst:
        if kolom in VERPLICHT:
            raise _Veldfout(kolom, "leeg")
        return 0
    try:
        return int(tekst)
    except ValueError:
        raise _Veldfout(kolom, f"geen geheel getal: {tekst!r}") from None


def _datum(rij: dict[str, str], kolom: str) -> date | None:
    tekst = (rij.get(kolom) or "").strip()
    if not tekst:
        if kolom in VERPLICHT:
            raise _Veldfout(kolom, "leeg")
        return None
    delen = tekst.split("-")
    iso = "-".join(reversed(delen)) if len(delen) == 3 and len(delen[0]) == 2 else tekst
    try:  # 03-12-2026 as Dutch Excel writes it, or 2026-12-03
        return date.fromisoformat(iso)
    except ValueError:
        raise _Veldfout(kolom, f"geen datum (2026-12-03 of 03-12-2026): {tekst!r}") from None


def _lezer(tekst: str) -> csv.DictReader[str]:
    kop = tekst.split("\n", 1)[0]
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=";" if ";" in kop else ",")
    if not lezer.fieldnames:
        raise LijstGeweigerd([Fout(1, None, "het bestand is leeg")])
    lezer.fieldnames = [k.strip().lower() for k in lezer.fieldnames]
    ontbreekt = [k for k in VERPLICHT if k not in lezer.fieldnames]
    onbekend = [k for k in lezer.fieldnames if k and k not in KOLOMMEN]
    if ontbreekt or onbekend:
        delen = [f"ontbreekt: {', '.join(ontbreekt)}"] if ontbreekt else []
        delen += [f"onbekend: {', '.join(onbekend)}"] if onbekend else []
        raise LijstGeweigerd(
            [Fout(1, None, f"kolommen {'; '.join(delen)} (verwacht: {', '.join(KOLOMMEN)})")]
        )
    return lezer


def capaciteitslijst_inlezen(*, regio: Organisatie, tekst: str) -> list[Capaciteit]:
    """Store every row of the list as a capacity report of ``regio``'s table, or none."""
    lezer = _lezer(tekst.lstrip("\ufeff"))  # Excel starts a UTF-8 file with a BOM
    fouten: list[Fout] = []
    opgeslagen: list[Capaciteit] = []
    with transaction.atomic():
        for regel, rij in enumerate(lezer, start=2):
            try:
                verwacht_vrij_per = _datum(rij, "vrij_per")
                opgeslagen.append(
                    services.capaciteit_melden(
                        regio=regio,
                        aanbod_id=_getal(rij, "aanbod"),
                        geldig_van=_datum(rij, "stand_op"),  # type: ignore[arg-type]
                        plaatsen=_getal(rij, "plaatsen"),
                        bezet=_getal(rij, "bezet"),
                        verwacht_vrij=_getal(rij, "komen_vrij"),
                        verwacht_vrij_per=verwacht_vrij_per,
                        eigen_wachtlijst=_getal(rij, "eigen_wachtlijst"),
                        gemeld_door=rij.get("gemeld_door") or "",
                    )
                )
            except _Veldfout as fout:
                fouten.append(Fout(regel, fout.kolom, fout.melding))
            except Weigering as fout:
                kolom = {"verwacht_vrij_per": "vrij_per"}.get(fout.veld or "", fout.veld)
                fouten.append(Fout(regel, kolom, str(fout)))
        if not opgeslagen and not fouten:
            fouten.append(Fout(2, None, "geen regels onder de kop"))
        if fouten:  # raised inside the transaction: what the good rows stored goes too
            raise LijstGeweigerd(fouten)
    return opgeslagen
