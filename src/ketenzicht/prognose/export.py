"""A computed forecast as a download, for whoever works on in a spreadsheet: per month and
indicator the scenario's P10, P50 and P90, its baseline's and what the monitor showed; per GI
the last month. CSV (one tidy table) or XLSX (a sheet each, and one that says what it holds)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ketenzicht.domain.prognose.montecarlo import INDICATOREN, Band, Prognose
from ketenzicht.domain.prognose.parameters import maand_label
from ketenzicht.prognose.models import PER_ONDERDEEL, Prognoserun
from ketenzicht.prognose.selectors import per_onderdeel, prognoses

DEFINITIES = {
    "wachtlijst_start": "Gestart, na 5 werkdagen nog geen jeugdbeschermer (monitor, peildatum de "
    "eerste van de maand erna)",
    "wachtlijst_intern": "De jeugdbeschermer kwijt (vertrek, langdurig ziek), nog geen nieuwe",
    "clienten": "Kinderen met een lopende maatregel",
    "fte_beschikbaar": "Beschikbare fte, met de ondersteuners (niet ziek, inwerkenden naar rato)",
    "workload": "Cliënten per beschikbare fte",
    "wachtdagen_start": "Gemiddelde wachttijd (dagen) van wie die maand van de startwachtlijst "
    "een jeugdbeschermer kreeg",
    "wachtdagen_intern": "Hetzelfde voor de interne wachtlijst",
    "binnen_norm": "Aandeel van de nieuwe maatregelen van de maand met een jeugdbeschermer binnen "
    "5 werkdagen",
    "binnen_norm_veiligheidsplan": "... met een veiligheidsplan binnen 6 weken",
    "binnen_norm_hulpaanbod": "... met hulp gestart binnen 3 maanden",
}
KOPPEN = (
    "onderdeel", "maand", "indicator", "p10", "p50", "p90",
    "basislijn_p10", "basislijn_p50", "basislijn_p90", "monitor",
)  # fmt: skip
GEHEEL = "totaal"  # the whole forecast (the country, or the GI that asked) in the first column


class NietKlaar(Exception):
    """The forecast is still computing: there is nothing to download yet."""


def rijen(run: Prognoserun) -> list[list[Any]]:
    """The tidy table: per month and indicator of the whole, then each GI's last month."""
    if not run.klaar:
        raise NietKlaar(f"prognose {run.pk}: {run.gedaan} van {run.runs} replicaties gedaan")
    scenario, basis = prognoses(run)
    assert scenario is not None  # a finished run has every replication
    uit: list[list[Any]] = []
    for m in range(len(scenario.maanden)):
        maand = maand_label(run.vanaf, m)
        gezien = run.waargenomen[m] if m < len(run.waargenomen) else {}
        for naam in INDICATOREN:
            uit.append(
                [GEHEEL, maand, naam, *_band(scenario, m, naam), *_band(basis, m, naam),
                 gezien.get(naam)]
            )  # fmt: skip
    laatste = maand_label(run.vanaf, len(scenario.maanden) - 1)
    for r in per_onderdeel(run):
        for naam in PER_ONDERDEEL:
            b = r["basis"][naam] if r["basis"] else None
            uit.append(
                [r["naam"], laatste, naam, *_waarden(r["scenario"][naam]), *_waarden(b), None]
            )
    return uit


def _band(p: Prognose | None, m: int, naam: str) -> tuple[float | None, ...]:
    return _waarden(p.maanden[m][naam] if p else None)


def _waarden(b: Band | None) -> tuple[float | None, ...]:
    return (b.p10, b.p50, b.p90) if b else (None, None, None)


def als_csv(run: Prognoserun) -> str:
    f = io.StringIO()
    w = csv.writer(f)
    w.writerow(KOPPEN)
    w.writerows([["" if x is None else x for x in rij] for rij in rijen(run)])
    return f.getvalue()


def als_xlsx(run: Prognoserun) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    tabel = rijen(run)
    boek = Workbook()
    bladen = [("per maand", [r for r in tabel if r[0] == GEHEEL])]
    if per_gi := [r for r in tabel if r[0] != GEHEEL]:
        bladen.append(("per GI", per_gi))
    for k, (titel, inhoud) in enumerate(bladen):
        blad = boek.active if k == 0 else boek.create_sheet()
        assert blad is not None
        blad.title = titel
        blad.append(list(KOPPEN))
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for rij in inhoud:
            blad.append(rij)
        blad.freeze_panes = "A2"
        blad.column_dimensions["A"].width = 40
        blad.column_dimensions["C"].width = 28
    uitleg = boek.create_sheet("toelichting")
    uitleg.append([f"Prognose {run.naam}"])
    uitleg["A1"].font = Font(bold=True, size=14)
    uitleg.append(["replicaties", run.runs])
    uitleg.append(["vanaf", run.vanaf.isoformat()])
    for k, m in enumerate(run.scenario.get("maatregelen", [])):
        uitleg.append(["maatregel" if k == 0 else "", ", ".join(f"{n}={w}" for n, w in m.items())])
    uitleg.append([])
    uitleg.append(
        ["p10, p50, p90", "Over de replicaties: 1 op 10 lager dan p10, de helft onder p50, 1 op 10 "
         "boven p90. basislijn_*: hetzelfde zonder de maatregelen van het scenario (leeg als het "
         "scenario geen maatregelen heeft). monitor: wat de monitor liet zien, voor maanden die "
         "al voorbij waren bij het aanvragen. Per GI: de laatste maand, elke GI een eigen pool."]
    )  # fmt: skip
    uitleg.append(["indicator", "definitie"])
    for naam, tekst in DEFINITIES.items():
        uitleg.append([naam, tekst])
    uitleg.column_dimensions["A"].width = 28
    uitleg.column_dimensions["B"].width = 110
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
