"""A region's capacity list, out to the providers and read in at once: one row per offer.

``capaciteitslijst`` writes the list with each offer's newest report; the providers change what
changed. Columns (header row, ``;`` or ``,`` as Excel writes them): ``aanbod`` (the offer's number
at the table), ``stand_op``, ``plaatsen``, ``bezet``, ``gemeld_door``, and optionally
``komen_vrij``, ``vrij_per`` and ``eigen_wachtlijst``; ``naam``, ``aanbieder`` and ``vestiging``
are for the reader and not read. Dates as 2026-12-03 or 03-12-2026. A row equal to the offer's
newest report is left alone (the list came back unchanged there); every other row goes through
``services.capaciteit_melden``, in one transaction: a list with any wrong row stores nothing,
and every wrong row is reported with its line and column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from ketenzicht.bemiddeling import selectors, services
from ketenzicht.bemiddeling.models import Aanbod, Capaciteit
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie

VERPLICHT = ("aanbod", "stand_op", "plaatsen", "bezet", "gemeld_door")
KOLOMMEN = (*VERPLICHT, "komen_vrij", "vrij_per", "eigen_wachtlijst")
TER_INFO = ("naam", "aanbieder", "vestiging")
LIJST = (  # the list written out: the columns of ``_velden`` after the offer and its names
    "aanbod",
    *TER_INFO,
    "stand_op",
    "plaatsen",
    "bezet",
    "komen_vrij",
    "vrij_per",
    "eigen_wachtlijst",
    "gemeld_door",
)


class Melding(NamedTuple):
    """A list row's report, in the order of ``LIJST`` after the offer and its names."""

    geldig_van: date
    plaatsen: int
    bezet: int
    verwacht_vrij: int
    verwacht_vrij_per: date | None
    eigen_wachtlijst: int
    gemeld_door: str


@dataclass(frozen=True, slots=True)
class Ingelezen:
    opgeslagen: list[Capaciteit]
    ongewijzigd: int  # rows equal to the offer's newest report, left alone


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


def _verplichte_datum(rij: dict[str, str], kolom: str) -> date:
    datum = _datum(rij, kolom)
    if datum is None:
        raise _Veldfout(kolom, "leeg")
    return datum


def _lezer(tekst: str) -> csv.DictReader[str]:
    kop = tekst.split("\n", 1)[0]
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=";" if ";" in kop else ",")
    if not lezer.fieldnames:
        raise LijstGeweigerd([Fout(1, None, "het bestand is leeg")])
    lezer.fieldnames = [k.strip().lower() for k in lezer.fieldnames]
    ontbreekt = [k for k in VERPLICHT if k not in lezer.fieldnames]
    onbekend = [k for k in lezer.fieldnames if k and k not in (*KOLOMMEN, *TER_INFO)]
    if ontbreekt or onbekend:
        delen = [f"ontbreekt: {', '.join(ontbreekt)}"] if ontbreekt else []
        delen += [f"onbekend: {', '.join(onbekend)}"] if onbekend else []
        raise LijstGeweigerd(
            [Fout(1, None, f"kolommen {'; '.join(delen)} (verwacht: {', '.join(KOLOMMEN)})")]
        )
    return lezer


def _nieuwste(regio: Organisatie) -> dict[int, Melding]:
    """Per offer of ``regio`` the report the table runs on today, as a list row carries it."""
    ids = Aanbod.objects.filter(vestiging__regio=regio).values_list("pk", flat=True)
    gemeld = selectors.nieuwste_meldingen(ids, timezone.localdate())
    return {aanbod: _velden(c) for aanbod, c in gemeld.items()}


def _velden(c: Capaciteit) -> Melding:
    return Melding(
        c.geldig_van,
        c.plaatsen,
        c.bezet,
        c.verwacht_vrij,
        c.verwacht_vrij_per,
        c.eigen_wachtlijst,
        c.gemeld_door,
    )


def capaciteitslijst_inlezen(*, regio: Organisatie, tekst: str) -> Ingelezen:
    """Store every changed row of the list as a capacity report of ``regio``'s table, or none."""
    lezer = _lezer(tekst.lstrip("\ufeff"))  # Excel starts a UTF-8 file with a BOM
    nieuwste = _nieuwste(regio)
    fouten: list[Fout] = []
    opgeslagen: list[Capaciteit] = []
    ongewijzigd = 0
    with transaction.atomic():
        for regel, rij in enumerate(lezer, start=2):
            try:
                aanbod = _getal(rij, "aanbod")
                melding = Melding(
                    _verplichte_datum(rij, "stand_op"),
                    _getal(rij, "plaatsen"),
                    _getal(rij, "bezet"),
                    _getal(rij, "komen_vrij"),
                    _datum(rij, "vrij_per"),
                    _getal(rij, "eigen_wachtlijst"),
                    (rij.get("gemeld_door") or "").strip(),
                )
                if nieuwste.get(aanbod) == melding:
                    ongewijzigd += 1
                    continue
                opgeslagen.append(
                    services.capaciteit_melden(regio=regio, aanbod_id=aanbod, **melding._asdict())
                )
            except _Veldfout as fout:
                fouten.append(Fout(regel, fout.kolom, fout.melding))
            except Weigering as fout:
                kolom = {"verwacht_vrij_per": "vrij_per"}.get(fout.veld or "", fout.veld)
                fouten.append(Fout(regel, kolom, str(fout)))
        if not opgeslagen and not ongewijzigd and not fouten:
            fouten.append(Fout(2, None, "geen regels onder de kop"))
        if fouten:  # raised inside the transaction: what the good rows stored goes too
            raise LijstGeweigerd(fouten)
    return Ingelezen(opgeslagen, ongewijzigd)


def capaciteitslijst(regio: Organisatie) -> str:
    """The list to send the providers: each offer of ``regio`` with its newest report (empty
    where there is none), ``;``-separated as Dutch Excel opens it."""
    nieuwste = _nieuwste(regio)
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\n")
    schrijver.writerow(LIJST)
    for a in (
        Aanbod.objects.filter(vestiging__regio=regio)
        .select_related("aanbieder", "vestiging")
        .order_by("aanbieder__naam", "naam", "pk")
    ):
        rapport = nieuwste.get(a.pk)
        waarden = ["" if w is None else w for w in rapport] if rapport else [""] * 7
        schrijver.writerow([a.pk, a.naam, a.aanbieder.naam, a.vestiging.naam, *waarden])
    return uit.getvalue()
