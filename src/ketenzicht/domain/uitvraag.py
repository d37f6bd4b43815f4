"""The uitvraag: monitor figures delivered by GIs that do not register in Ketenzicht (yet).

A delivery is a table with exactly the columns of ``KOLOMMEN``, one row per GI and peildatum.
``controleer`` checks every row and returns either the rows or every problem found, each naming
the row (as numbered in the spreadsheet: the header is row 1), the column, the value and the rule.
A delivery with any problem is refused whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ketenzicht.domain.monitor import Indicatoren, Wachtlijstcijfer

KOLOMMEN = (
    "gi",
    "peildatum",
    "clienten",
    "fte_formatie",
    "fte_beschikbaar",
    "verloop_pct",
    "verzuim_pct",
    "wachtlijst_start_aantal",
    "wachtlijst_start_dagen_gem",
    "wachtlijst_intern_aantal",
    "wachtlijst_intern_dagen_gem",
)
GEHEEL = ("clienten", "wachtlijst_start_aantal", "wachtlijst_intern_aantal")
DECIMAAL = (
    "fte_formatie",
    "fte_beschikbaar",
    "verloop_pct",
    "verzuim_pct",
    "wachtlijst_start_dagen_gem",
    "wachtlijst_intern_dagen_gem",
)
PERCENTAGE = ("verloop_pct", "verzuim_pct")
UITLEG = {
    "gi": "naam van de GI, precies zoals bekend in Ketenzicht",
    "peildatum": "JJJJ-MM-DD, bv. 2024-04-01",
    "clienten": "maatregelen in uitvoering op de peildatum (geheel getal)",
    "fte_formatie": "fte jeugdbeschermers, jeugdreclasseerders en ondersteunend (geen "
    "gedragsdeskundigen of juristen)",
    "fte_beschikbaar": "formatie min verloop, verzuim en inwerken; niet meer dan de formatie",
    "verloop_pct": "uitstroom over de 12 maanden voor de peildatum, % van de formatie (0-100)",
    "verzuim_pct": "ziekteverzuim op de peildatum, % van de formatie (0-100)",
    "wachtlijst_start_aantal": "kinderen zonder jeugdbeschermer meer dan 5 werkdagen na start",
    "wachtlijst_start_dagen_gem": "gemiddeld aantal dagen dat zij wachten (leeg als aantal 0)",
    "wachtlijst_intern_aantal": "kinderen die hun vaste jeugdbeschermer kwijt zijn, zonder nieuwe",
    "wachtlijst_intern_dagen_gem": "gemiddeld aantal dagen dat zij wachten (leeg als aantal 0)",
}


@dataclass(frozen=True, slots=True)
class Fout:
    rij: int | None  # None: about the file as a whole (a missing column)
    kolom: str | None
    waarde: str | None
    regel: str

    def __str__(self) -> str:
        plek = []
        if self.rij is not None:
            plek.append(f"rij {self.rij}")
        if self.kolom is not None:
            plek.append(f"kolom {self.kolom}")
        if self.waarde is not None:
            plek.append(f"waarde {self.waarde!r}")
        return f"{', '.join(plek)}: {self.regel}" if plek else self.regel


@dataclass(frozen=True, slots=True)
class Uitvraagrij:
    gi: str
    peildatum: date
    clienten: int
    fte_formatie: Decimal
    fte_beschikbaar: Decimal
    verloop_pct: Decimal
    verzuim_pct: Decimal
    wachtlijst_start_aantal: int
    wachtlijst_start_dagen_gem: Decimal
    wachtlijst_intern_aantal: int
    wachtlijst_intern_dagen_gem: Decimal

    def als_indicatoren(self) -> Indicatoren:
        return Indicatoren(
            clienten=self.clienten,
            fte_formatie=float(self.fte_formatie),
            fte_beschikbaar=float(self.fte_beschikbaar),
            wachtlijst_start=Wachtlijstcijfer(
                self.wachtlijst_start_aantal,
                float(self.wachtlijst_start_dagen_gem) * self.wachtlijst_start_aantal,
            ),
            wachtlijst_intern=Wachtlijstcijfer(
                self.wachtlijst_intern_aantal,
                float(self.wachtlijst_intern_dagen_gem) * self.wachtlijst_intern_aantal,
            ),
            verloop_pct=float(self.verloop_pct),
            verzuim_pct=float(self.verzuim_pct),
        )


def _tekst(waarde: object) -> str:
    return "" if waarde is None else str(waarde).strip()


def controleer(
    kop: Sequence[str], rijen: Iterable[Mapping[str, object]], bekende_gis: Iterable[str]
) -> tuple[list[Uitvraagrij], list[Fout]]:
    """Check a delivery. ``rijen`` are mappings column → cell (strings or spreadsheet values);
    blank rows are skipped. Returns the rows when there is no problem at all."""
    fouten: list[Fout] = []
    kop = [_tekst(k).lower() for k in kop]
    for kolom in KOLOMMEN:
        if kolom not in kop:
            fouten.append(Fout(None, kolom, None, "kolom ontbreekt"))
    for kolom in kop:
        if kolom and kolom not in KOLOMMEN:
            fouten.append(Fout(None, kolom, None, "onbekende kolom"))
    if fouten:
        return [], fouten
    gis = set(bekende_gis)
    gezien: dict[tuple[str, date], int] = {}
    uit: list[Uitvraagrij] = []
    for nummer, rij in enumerate(rijen, start=2):
        cellen = {k: _tekst(rij.get(k)) for k in KOLOMMEN}
        if not any(cellen.values()):
            continue
        eigen: list[Fout] = []
        waarden: dict[str, object] = {}

        def fout(
            kolom: str,
            regel: str,
            nummer: int = nummer,
            eigen: list[Fout] = eigen,
            cellen: dict[str, str] = cellen,
        ) -> None:
            eigen.append(Fout(nummer, kolom, cellen[kolom], regel))

        if cellen["gi"] not in gis:
            fout("gi", "onbekende GI")
        waarden["gi"] = cellen["gi"]
        try:
            waarden["peildatum"] = date.fromisoformat(cellen["peildatum"][:10])
        except ValueError:
            fout("peildatum", "geen datum in de vorm JJJJ-MM-DD")
        for kolom in GEHEEL:
            try:
                getal = Decimal(cellen[kolom].replace(",", "."))
                if getal != getal.to_integral_value():
                    raise InvalidOperation
                waarden[kolom] = int(getal)
                if getal < 0:
                    fout(kolom, "moet 0 of meer zijn")
            except InvalidOperation:
                fout(kolom, "geen geheel getal")
        for kolom in DECIMAAL:
            if not cellen[kolom] and kolom.endswith("_dagen_gem"):
                waarden[kolom] = Decimal(0)
                continue
            try:
                getal = Decimal(cellen[kolom].replace(",", "."))
                if not getal.is_finite():
                    raise InvalidOperation
                waarden[kolom] = getal
                if getal < 0:
                    fout(kolom, "moet 0 of meer zijn")
                elif kolom in PERCENTAGE and getal > 100:
                    fout(kolom, "een percentage ligt tussen 0 en 100")
            except InvalidOperation:
                fout(kolom, "geen getal")
        formatie, beschikbaar = waarden.get("fte_formatie"), waarden.get("fte_beschikbaar")
        if (
            isinstance(formatie, Decimal)
            and isinstance(beschikbaar, Decimal)
            and beschikbaar > formatie
        ):
            fout("fte_beschikbaar", f"beschikbaar is meer dan de formatie ({formatie})")
        for soort in ("start", "intern"):
            aantal = waarden.get(f"wachtlijst_{soort}_aantal")
            dagen = waarden.get(f"wachtlijst_{soort}_dagen_gem")
            if aantal and not cellen[f"wachtlijst_{soort}_dagen_gem"]:
                fout(
                    f"wachtlijst_{soort}_dagen_gem", "vul het gemiddelde in als er wachtenden zijn"
                )
            if aantal == 0 and isinstance(dagen, Decimal) and dagen > 0:
                fout(f"wachtlijst_{soort}_dagen_gem", "een gemiddelde zonder wachtenden")
        if "peildatum" in waarden:
            sleutel = (cellen["gi"], waarden["peildatum"])
            if sleutel in gezien:
                fout(
                    "peildatum",
                    f"dubbele rij: deze GI en peildatum staan ook in rij {gezien[sleutel]}",
                )
            else:
                gezien[sleutel] = nummer  # type: ignore[index]
        if eigen:
            fouten.extend(eigen)
        else:
            uit.append(Uitvraagrij(**waarden))  # type: ignore[arg-type]
    return ([] if fouten else uit), fouten
