"""``ketenzicht monitor export`` and ``ketenzicht uitvraag``. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ketenzicht.domain.monitor import als_dict, verschil


def monitor_json(uitkomst: Any, vorige: Any | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "peildatum": uitkomst.peildatum.isoformat(),
        "gis": [
            {"gi": naam, "bron": uitkomst.bron.get(naam), **als_dict(i)}
            for naam, i in uitkomst.per_gi.items()
        ],
        "landelijk": als_dict(uitkomst.landelijk),
    }
    if vorige is not None:
        # Imported here: the parser imports this module before Django is set up,
        # and the selectors import the models.
        from ketenzicht.monitor.selectors import landelijk_verschil

        data["vorige_peildatum"] = vorige.peildatum.isoformat()
        for rij in data["gis"]:
            oud = vorige.per_gi.get(rij["gi"])
            rij["verschil"] = verschil(uitkomst.per_gi[rij["gi"]], oud) if oud else None
        data["landelijk"]["verschil"] = landelijk_verschil(uitkomst, vorige)
    return data


def _d(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _tabel(titel: str, kop: str, rijen: list[str], totaal: str) -> list[str]:
    """A plain-text table: title, header, a line per row, and the total under a rule."""
    streep = "-" * len(kop)
    return [titel, kop, streep, *rijen, streep, totaal]


WACHT_KOP = f"{'start':>7}{'dagen':>7}{'intern':>8}{'dagen':>7}{'totaal':>8}"


def _wachtcellen(i: Any) -> str:
    """The columns of ``WACHT_KOP``: both waitlists (number, mean days) and the total."""
    return (
        f"{i.wachtlijst_start.aantal:>7,}{_d(i.wachtlijst_start.gemiddelde_dagen):>7}"
        f"{i.wachtlijst_intern.aantal:>8,}{_d(i.wachtlijst_intern.gemiddelde_dagen):>7}"
        f"{i.totaal_wachtend:>8,}"
    )


def tabel(uitkomst: Any) -> str:
    """The monitor as a plain-text table, a row per GI and the national one."""
    titel = f"Monitor jeugdbescherming, peildatum {uitkomst.peildatum.isoformat()}"
    if not uitkomst.per_gi:
        return "\n".join([titel, GEEN_CIJFERS])
    kop = f"{'GI':<48}{'cliënten':>9}{'fte form.':>10}{'fte besch.':>11}{'workload':>9}" + WACHT_KOP

    def regel(naam: str, i: Any) -> str:
        return (
            f"{naam[:47]:<48}{i.clienten:>9,}{i.fte_formatie:>10,.1f}{i.fte_beschikbaar:>11,.1f}"
            f"{_d(i.workload):>9}{_wachtcellen(i)}"
        )

    rijen = [regel(naam, i) for naam, i in uitkomst.per_gi.items()]
    return "\n".join(_tabel(titel, kop, rijen, regel("Landelijk", uitkomst.landelijk)))


def gebieden_json(uitkomst: Any) -> dict[str, Any]:
    """``ketenzicht monitor gebieden --format json`` and ``GET /api/monitor/gebieden/``."""
    from ketenzicht.domain.gebieden import als_dict as gebied_dict

    return {
        "peildatum": uitkomst.peildatum.isoformat(),
        "niveau": uitkomst.niveau,
        "regio": uitkomst.regio,
        "gebieden": [{"naam": naam, **gebied_dict(c)} for naam, c in uitkomst.per_gebied.items()],
        "totaal": gebied_dict(uitkomst.totaal),
        "niet_geteld": uitkomst.niet_geteld,
    }


def gebieden_tabel(uitkomst: Any) -> str:
    """Waitlists per jeugdregio (or per gemeente of one) as a plain-text table."""
    wat = "jeugdregio" if uitkomst.regio is None else f"gemeente in {uitkomst.regio}"
    gebied = "Jeugdregio" if uitkomst.regio is None else "Gemeente"
    kop = f"{gebied:<40}{'cliënten':>9}{WACHT_KOP}{'% wacht':>9}"

    def regel(naam: str, c: Any) -> str:
        return f"{naam[:39]:<40}{c.clienten:>9,}{_wachtcellen(c)}{_d(c.aandeel_wachtend_pct):>9}"

    regels = _tabel(
        f"Wachtenden per {wat}, peildatum {uitkomst.peildatum.isoformat()}",
        kop,
        [regel(naam, c) for naam, c in uitkomst.per_gebied.items()],
        regel("Totaal", uitkomst.totaal),
    )
    if uitkomst.niet_geteld:
        regels.append(
            "Niet geteld (registreren niet volledig in Ketenzicht): "
            + ", ".join(uitkomst.niet_geteld)
        )
    return "\n".join(regels)


def gebieden(args: argparse.Namespace) -> int:
    from ketenzicht.monitor.gebieden import gebieden as per_gebied

    if args.format not in ("table", "json", "csv"):
        print("ketenzicht monitor gebieden: --format is table, json of csv.", file=sys.stderr)
        return 2
    try:
        uitkomst = per_gebied(
            peildatum=args.peildatum, regio_naam=args.regio, bekend_op=args.bekend_op
        )
    except LookupError as fout:
        print(f"ketenzicht monitor gebieden: {fout.args[0]}", file=sys.stderr)
        return 2
    if args.format == "csv":  # for publication: small counts hidden, as every export
        from ketenzicht.monitor.export import gebieden_csv

        if args.uit:
            with Path(args.uit).open("w", newline="", encoding="utf-8") as f:
                gebieden_csv(uitkomst, f)
            print(f"Geschreven: {args.uit}")
        else:
            gebieden_csv(uitkomst, sys.stdout)
    elif args.format == "json":
        print(json.dumps(gebieden_json(uitkomst), ensure_ascii=False, indent=2))
    else:
        print(gebieden_tabel(uitkomst))
    return 0


GEEN_CIJFERS = (
    "Geen cijfers: op deze peildatum registreerde geen GI volledig in Ketenzicht en leverde "
    "geen GI cijfers aan (uitvraag)."
)


def export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ketenzicht.monitor.export import schrijf
    from ketenzicht.monitor.selectors import monitor

    if args.format not in ("csv", "xlsx", "pdf") or not args.uit:
        print(
            "ketenzicht monitor export: geef --format csv|xlsx|pdf en --uit BESTAND.",
            file=sys.stderr,
        )
        return 2
    try:
        volledig = monitor(peildatum=args.peildatum, bekend_op=args.bekend_op, bron=args.bron)
    except LookupError as fout:
        print(f"ketenzicht monitor export: {fout.args[0]}", file=sys.stderr)
        return 2
    gekozen = volledig
    if args.gis:
        namen = [n.strip() for n in args.gis.split(",") if n.strip()]
        onbekend = [n for n in namen if n not in volledig.per_gi]
        if onbekend:
            print(
                f"ketenzicht monitor export: onbekende GI's: {', '.join(onbekend)}.",
                file=sys.stderr,
            )
            return 2
        gekozen = replace(volledig, per_gi={n: volledig.per_gi[n] for n in namen})
    schrijf(gekozen, Path(args.uit), args.format, volledig)
    print(f"Geschreven: {args.uit}")
    return 0


def cmd_uitvraag(args: argparse.Namespace) -> int:
    from ketenzicht.monitor.uitvraag import Geweigerd, importeren, sjabloon
    from ketenzicht.organisaties.models import Organisatie

    if args.actie == "sjabloon":
        if not args.uit or Path(args.uit).suffix.lower() not in (".csv", ".xlsx"):
            print(
                "ketenzicht uitvraag sjabloon: geef --uit BESTAND.csv of BESTAND.xlsx.",
                file=sys.stderr,
            )
            return 2
        gis = args.gi or list(
            Organisatie.objects.filter(type=Organisatie.Type.GI).values_list("naam", flat=True)
        )
        sjabloon(Path(args.uit), gis, args.peildatum.isoformat() if args.peildatum else "")
        print(f"Sjabloon geschreven: {args.uit}")
        return 0
    if not args.bestand:
        print("ketenzicht uitvraag import: geef het bestand.", file=sys.stderr)
        return 2
    try:
        rijen = importeren(Path(args.bestand))
    except Geweigerd as geweigerd:
        print(
            f"ketenzicht uitvraag import: {args.bestand} geweigerd, niets opgeslagen:",
            file=sys.stderr,
        )
        for fout in geweigerd.fouten:
            print(f"  {fout}", file=sys.stderr)
        return 2
    print(f"{args.bestand}: {len(rijen)} rijen opgeslagen.")
    return 0


def registreer(sub: Any, datum: Any) -> None:
    u = sub.add_parser("uitvraag", help="monitorcijfers van GI's die niet in Ketenzicht werken")
    u.add_argument("actie", choices=["sjabloon", "import"])
    u.add_argument("bestand", nargs="?", help="import: het CSV- of XLSX-bestand")
    u.add_argument("--uit", help="sjabloon: het bestand (.csv of .xlsx)")
    u.add_argument("--peildatum", type=datum, help="sjabloon: de gevraagde peildatum")
    u.add_argument("--gi", action="append", help="sjabloon: alleen deze GI (herhaalbaar)")
    u.set_defaults(func=cmd_uitvraag)
