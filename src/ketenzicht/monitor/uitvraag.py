"""Reading and writing uitvraag files (CSV and XLSX) and storing a checked delivery."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from django.db import transaction

from ketenzicht.domain.uitvraag import KOLOMMEN, UITLEG, Fout, Uitvraagrij, controleer
from ketenzicht.monitor.models import Uitvraagcijfers, Uitvraaglevering
from ketenzicht.organisaties.models import Organisatie


class Geweigerd(ValueError):
    """The delivery was refused whole; ``fouten`` says why, one problem per line."""

    def __init__(self, fouten: list[Fout]) -> None:
        super().__init__(f"{len(fouten)} probleem/problemen; er is niets opgeslagen.")
        self.fouten = fouten


def lees_bestand(pad: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """Header and rows of a CSV (comma or semicolon) or XLSX file."""
    if pad.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        boek = load_workbook(pad, read_only=True, data_only=True)
        blad = boek["uitvraag"] if "uitvraag" in boek.sheetnames else boek.worksheets[0]
        regels = list(blad.iter_rows(values_only=True))
        boek.close()
        if not regels:
            return [], []
        kop = ["" if k is None else str(k).strip().lower() for k in regels[0]]
        rijen = [dict(zip(kop, r, strict=False)) for r in regels[1:]]
        return kop, rijen
    tekst = pad.read_text(encoding="utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(tekst.splitlines()[0] if tekst else ",", ",;")
    except csv.Error:
        dialect = csv.excel
    lezer = csv.DictReader(io.StringIO(tekst), dialect=dialect)
    kop = [k.strip().lower() for k in (lezer.fieldnames or [])]
    lezer.fieldnames = kop
    return kop, list(lezer)


def importeren(pad: Path, door: Any = None) -> list[Uitvraagrij]:
    """Check and store a delivery in one transaction; raises ``Geweigerd`` with every problem."""
    if pad.suffix.lower() not in (".csv", ".xlsx"):
        raise Geweigerd([Fout(None, None, None, f"{pad.name}: alleen .csv of .xlsx")])
    try:
        kop, rijen = lees_bestand(pad)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as fout:
        raise Geweigerd([Fout(None, None, None, f"{pad.name} is niet te lezen: {fout}")]) from None
    gis = {g.naam: g for g in Organisatie.objects.filter(type=Organisatie.Type.GI)}
    goed, fouten = controleer(kop, rijen, gis)
    if fouten:
        raise Geweigerd(fouten)
    if not goed:
        raise Geweigerd([Fout(None, None, None, f"{pad.name} bevat geen rijen")])
    with transaction.atomic():
        levering = Uitvraaglevering.objects.create(
            bestand=pad.name, geladen_door=door if door and door.is_authenticated else None
        )
        Uitvraagcijfers.objects.bulk_create(
            Uitvraagcijfers(
                levering=levering,
                gi=gis[r.gi],
                peildatum=r.peildatum,
                clienten=r.clienten,
                fte_formatie=r.fte_formatie,
                fte_beschikbaar=r.fte_beschikbaar,
                verloop_pct=r.verloop_pct,
                verzuim_pct=r.verzuim_pct,
                wachtlijst_start_aantal=r.wachtlijst_start_aantal,
                wachtlijst_start_dagen_gem=r.wachtlijst_start_dagen_gem,
                wachtlijst_intern_aantal=r.wachtlijst_intern_aantal,
                wachtlijst_intern_dagen_gem=r.wachtlijst_intern_dagen_gem,
            )
            for r in goed
        )
    return goed


def sjabloon(pad: Path, gis: list[str], peildatum: str) -> None:
    """An empty delivery for these GIs: CSV, or XLSX with an explanation sheet."""
    if pad.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        boek = Workbook()
        blad = boek.active
        assert blad is not None
        blad.title = "uitvraag"
        blad.append(list(KOLOMMEN))
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for gi in gis:
            blad.append([gi, peildatum])
        for i, kolom in enumerate(KOLOMMEN, start=1):
            blad.column_dimensions[blad.cell(1, i).column_letter].width = max(14, len(kolom) + 2)
        uitleg = boek.create_sheet("toelichting")
        uitleg.append(["kolom", "betekenis"])
        for kolom in KOLOMMEN:
            uitleg.append([kolom, UITLEG[kolom]])
        uitleg.column_dimensions["A"].width = 30
        uitleg.column_dimensions["B"].width = 90
        boek.save(pad)
        return
    with pad.open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(KOLOMMEN)
        for gi in gis:
            schrijver.writerow([gi, peildatum, *[""] * (len(KOLOMMEN) - 2)])
