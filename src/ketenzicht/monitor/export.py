"""Public exports of the monitor jeugdbescherming: CSV, XLSX (with a definitions sheet) and a PDF
report with charts. Every export applies small-cell protection (``domain.onthulling``)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from django.conf import settings

from ketenzicht.domain.monitor import DEFINITIES, Indicatoren
from ketenzicht.domain.onthulling import LANDELIJK, TELLINGEN, Beveiligd, beveilig
from ketenzicht.monitor.gebieden import Gebiedsmonitor
from ketenzicht.monitor.selectors import Monitor

KOLOMMEN = (
    ("gi", "GI"),
    ("bron", "Bron"),
    ("clienten", "Cliënten"),
    ("fte_formatie", "FTE formatie"),
    ("fte_beschikbaar", "FTE beschikbaar"),
    ("workload", "Workload"),
    ("verloop_pct", "Verloop %"),
    ("verzuim_pct", "Verzuim %"),
    ("wachtlijst_start", "Wachtlijst start"),
    ("wachtlijst_start_dagen", "gem. dagen"),
    ("wachtlijst_intern", "Interne wachtlijst"),
    ("wachtlijst_intern_dagen", "gem. dagen"),
    ("totaal_wachtend", "Totaal wachtend"),
)


def _tellingen(i: Indicatoren) -> dict[str, int]:
    return {
        "clienten": i.clienten,
        "wachtlijst_start": i.wachtlijst_start.aantal,
        "wachtlijst_intern": i.wachtlijst_intern.aantal,
        "totaal_wachtend": i.totaal_wachtend,
    }


def beveiligde_tabel(
    m: Monitor, volledig: Monitor | None = None, drempel: int | None = None
) -> tuple[list[list[str]], Beveiligd]:
    """Rows of text for the export. Suppression is decided on the full table (``volledig``: all
    GIs) so that a selection of GIs cannot be subtracted from the national row either."""
    drempel = drempel or settings.MONITOR_DREMPEL
    basis = volledig or m
    waarden = {
        (naam, k): v
        for naam, i in [*basis.per_gi.items(), (LANDELIJK, basis.landelijk)]
        for k, v in _tellingen(i).items()
    }
    beveiligd = beveilig(waarden, drempel)

    def d(x: float | None) -> str:
        return "" if x is None else f"{x:.1f}"

    rijen = []
    for naam, i in [*m.per_gi.items(), (LANDELIJK, m.landelijk)]:
        toon = {k: beveiligd.toon(naam, k, drempel) for k in TELLINGEN}
        verborgen = {k for k in TELLINGEN if (naam, k) in beveiligd.verborgen}
        rijen.append(
            [
                naam,
                m.bron.get(naam, ""),
                toon["clienten"],
                d(i.fte_formatie),
                d(i.fte_beschikbaar),
                "" if "clienten" in verborgen else d(i.workload),
                d(i.verloop_pct),
                d(i.verzuim_pct),
                toon["wachtlijst_start"],
                "" if "wachtlijst_start" in verborgen else d(i.wachtlijst_start.gemiddelde_dagen),
                toon["wachtlijst_intern"],
                "" if "wachtlijst_intern" in verborgen else d(i.wachtlijst_intern.gemiddelde_dagen),
                toon["totaal_wachtend"],
            ]
        )
    return rijen, beveiligd


def _voetnoot(drempel: int) -> str:
    return (
        f"Aantallen van 1 tot {drempel} zijn weergegeven als <{drempel}; 'x' is verborgen om te "
        "voorkomen dat een verborgen aantal uit de totalen terug te rekenen is."
    )


def schrijf(m: Monitor, pad: Path, formaat: str, volledig: Monitor | None = None) -> None:
    rijen, _ = beveiligde_tabel(m, volledig)
    drempel = settings.MONITOR_DREMPEL
    koppen = [k for k, _ in KOLOMMEN]
    if formaat == "csv":
        with pad.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["peildatum", *koppen])
            for r in rijen:
                w.writerow([m.peildatum.isoformat(), *r])
    elif formaat == "xlsx":
        _xlsx(m, rijen, pad, drempel)
    elif formaat == "pdf":
        _pdf(m, rijen, pad, drempel)
    else:
        raise ValueError(f"Onbekend formaat {formaat!r}; kies csv, xlsx of pdf.")


def _xlsx(m: Monitor, rijen: Sequence[Sequence[str]], pad: Path, drempel: int) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "monitor"
    blad.append([f"Monitor jeugdbescherming, peildatum {m.peildatum.isoformat()}"])
    blad["A1"].font = Font(bold=True, size=14)
    blad.append([t for _, t in KOLOMMEN])
    for cel in blad[2]:
        cel.font = Font(bold=True)
    for r in rijen:
        blad.append([_getal(x) for x in r])
    blad.append([])
    blad.append([_voetnoot(drempel)])
    blad.column_dimensions["A"].width = 44
    defs = boek.create_sheet("definities")
    defs.append(["indicator", "definitie"])
    for naam, tekst in DEFINITIES.items():
        defs.append([naam, tekst])
    defs.column_dimensions["A"].width = 24
    defs.column_dimensions["B"].width = 110
    boek.save(pad)


def _getal(x: str) -> float | int | str:
    try:
        return int(x)
    except ValueError:
        try:
            return float(x)
        except ValueError:
            return x


def _pdf(m: Monitor, rijen: Sequence[Sequence[str]], pad: Path, drempel: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    gis = list(m.per_gi)
    with PdfPages(pad) as pdf:
        fig = plt.figure(figsize=(11.69, 8.27))  # A4 landscape
        fig.suptitle(
            f"Monitor jeugdbescherming — peildatum {m.peildatum:%d-%m-%Y}",
            fontsize=16,
            fontweight="bold",
        )
        werk = fig.add_axes((0.07, 0.08, 0.4, 0.72))
        werk.barh(gis, [m.per_gi[g].workload or 0 for g in gis], color="#01689b")
        if m.landelijk.workload:
            werk.axvline(m.landelijk.workload, color="#a90061", linestyle="--", label="landelijk")
            werk.legend(loc="lower right")
        werk.set_title("Workload (cliënten per beschikbare fte)")
        werk.invert_yaxis()
        werk.tick_params(axis="y", labelsize=7)
        wacht = fig.add_axes((0.58, 0.08, 0.4, 0.72))
        start = [m.per_gi[g].wachtlijst_start.aantal for g in gis]
        intern = [m.per_gi[g].wachtlijst_intern.aantal for g in gis]
        wacht.barh(gis, start, color="#a90061", label="start")
        wacht.barh(gis, intern, left=start, color="#e17000", label="intern")
        wacht.set_title("Wachtenden per GI")
        wacht.legend(loc="lower right")
        wacht.invert_yaxis()
        wacht.set_yticklabels([])
        pdf.savefig(fig)
        plt.close(fig)

        fig = plt.figure(figsize=(11.69, 8.27))
        fig.suptitle("Indicatoren per GI", fontsize=14, fontweight="bold")
        ax = fig.add_axes((0.02, 0.12, 0.96, 0.8))
        ax.axis("off")
        tabel = ax.table(
            cellText=[list(r) for r in rijen],
            colLabels=[t for _, t in KOLOMMEN],
            loc="upper center",
            cellLoc="right",
        )
        tabel.auto_set_font_size(False)
        tabel.set_fontsize(6.5)
        tabel.auto_set_column_width(list(range(len(KOLOMMEN))))
        fig.text(0.02, 0.04, _voetnoot(drempel), fontsize=8)
        pdf.savefig(fig)
        plt.close(fig)
        pdf.infodict()["Title"] = f"Monitor jeugdbescherming {m.peildatum.isoformat()}"


GEBIED_KOLOMMEN = (
    "peildatum",
    "gebied",
    "clienten",
    "wachtlijst_start",
    "wachtlijst_start_dagen",
    "wachtlijst_intern",
    "wachtlijst_intern_dagen",
    "totaal_wachtend",
    "aandeel_wachtend_pct",
)


def gebieden_rijen(g: Gebiedsmonitor, drempel: int | None = None) -> list[list[str]]:
    """The waitlists per area as rows of text for a download, with the same small-cell
    protection as the monitor's exports: the area rows add up to the total row. A mean or a
    share next to a hidden count is left empty (it would give the count away)."""
    drempel = drempel or settings.MONITOR_DREMPEL
    alle = [*g.per_gebied.items(), (LANDELIJK, g.totaal)]
    waarden = {
        (naam, k): v
        for naam, c in alle
        for k, v in (
            ("clienten", c.clienten),
            ("wachtlijst_start", c.wachtlijst_start.aantal),
            ("wachtlijst_intern", c.wachtlijst_intern.aantal),
            ("totaal_wachtend", c.totaal_wachtend),
        )
    }
    beveiligd = beveilig(waarden, drempel)

    def d(x: float | None, naam: str, *tellingen: str) -> str:
        if x is None or any((naam, t) in beveiligd.verborgen for t in tellingen):
            return ""
        return f"{x:.1f}"

    totaal = "Totaal" if g.regio is None else g.regio
    rijen = []
    for naam, c in alle:
        toon = {k: beveiligd.toon(naam, k, drempel) for k in TELLINGEN}
        rijen.append(
            [
                g.peildatum.isoformat(),
                totaal if naam == LANDELIJK else naam,
                toon["clienten"],
                toon["wachtlijst_start"],
                d(c.wachtlijst_start.gemiddelde_dagen, naam, "wachtlijst_start"),
                toon["wachtlijst_intern"],
                d(c.wachtlijst_intern.gemiddelde_dagen, naam, "wachtlijst_intern"),
                toon["totaal_wachtend"],
                d(c.aandeel_wachtend_pct, naam, "clienten", "totaal_wachtend"),
            ]
        )
    return rijen


def gebieden_csv(g: Gebiedsmonitor, uit: TextIO) -> None:
    w = csv.writer(uit)
    w.writerow(GEBIED_KOLOMMEN)
    w.writerows(gebieden_rijen(g))
