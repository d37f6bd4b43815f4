"""``ketenzicht prognose``: Monte Carlo forecast of a scenario against its baseline. Thin: read
the scenario, run the replications (local process pool), print JSON or a table, draw a chart.

Its ``--format json`` output is a public contract: ``{"scenario", "runs", "vanaf",
"maanden": [{"maand": "JJJJ-MM", <indicator>: {"p10", "p50", "p90"}, ...}], "basislijn": [...]}``
(``basislijn`` only when the scenario has measures: the same parameters without them, on the
same random streams).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ketenzicht.domain.prognose.parameters import maand_label


def _maand(tekst: str) -> date:
    try:
        jaar, maand = (int(x) for x in tekst.split("-"))
        return date(jaar, maand, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen maand in de vorm JJJJ-MM: {tekst!r}") from None


def _volgende_maand() -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    vandaag = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    return date(vandaag.year + vandaag.month // 12, vandaag.month % 12 + 1, 1)


def _json_maanden(p: Any, vanaf: date) -> list[dict[str, Any]]:
    return [
        {
            "maand": maand_label(vanaf, m),
            **{naam: {"p10": b.p10, "p50": b.p50, "p90": b.p90} for naam, b in banden.items()},
        }
        for m, banden in enumerate(p.maanden)
    ]


def cmd_prognose(args: argparse.Namespace) -> int:
    from ketenzicht.cli import Voortgang
    from ketenzicht.domain.prognose.montecarlo import prognose
    from ketenzicht.domain.prognose.parameters import OngeldigeParameters, lees_scenario

    if args.ray_address:
        print(
            "ketenzicht prognose: --ray-address: de Ray-uitvoering is nog niet gebouwd; "
            "de replicaties draaien in de lokale procespool (laat --ray-address weg).",
            file=sys.stderr,
        )
        return 2
    try:
        scenario = lees_scenario(Path(args.scenario))
    except FileNotFoundError:
        print(
            f"ketenzicht prognose: --scenario: bestand niet gevonden: {args.scenario}",
            file=sys.stderr,
        )
        return 2
    except OngeldigeParameters as fout:
        print(f"ketenzicht prognose: {args.scenario}: {fout}", file=sys.stderr)
        return 2
    if args.horizon_maanden:
        scenario = replace(
            scenario, parameters=replace(scenario.parameters, horizon_maanden=args.horizon_maanden)
        )
    voortgang = Voortgang()
    p = prognose(scenario, args.runs, seed=args.seed, werkers=args.werkers, voortgang=voortgang)
    basis = None
    if scenario.maatregelen:
        kaal = replace(scenario, naam=f"basislijn ({scenario.naam})", maatregelen=())
        basis = prognose(kaal, args.runs, seed=args.seed, werkers=args.werkers, voortgang=voortgang)
    vanaf = args.vanaf or _volgende_maand()
    if args.uit:
        from ketenzicht.prognose_grafiek import teken

        teken(p, basis, vanaf, Path(args.uit))
        print(f"Grafiek geschreven naar {args.uit}", file=sys.stderr)
    if args.format == "json":
        uit: dict[str, Any] = {
            "scenario": scenario.naam,
            "runs": p.runs,
            "vanaf": maand_label(vanaf, 0),
            "maanden": _json_maanden(p, vanaf),
        }
        if basis is not None:
            uit["basislijn"] = _json_maanden(basis, vanaf)
        print(json.dumps(uit, ensure_ascii=False, indent=2))
        return 0
    print(f"Prognose {scenario.naam}: {p.runs} replicaties, mediaan (P10–P90)")
    print(f"{'maand':<9}{'wachtlijst start':>22}{'intern':>20}{'workload':>20}{'binnen norm':>18}")
    for m, b in enumerate(p.maanden):
        if m % 6 == 5 or m == len(p.maanden) - 1:

            def f(x: Any, d: int = 0) -> str:
                return f"{x.p50:.{d}f} ({x.p10:.{d}f}–{x.p90:.{d}f})"

            print(
                f"{maand_label(vanaf, m):<9}{f(b['wachtlijst_start']):>22}"
                f"{f(b['wachtlijst_intern']):>20}"
                f"{f(b['workload'], 1):>20}{f(b['binnen_norm'], 2):>18}"
            )
    return 0


def registreer(sub: Any) -> None:
    p = sub.add_parser(
        "prognose", help="Monte Carlo-prognose van een scenario (wachtlijsten, normen)"
    )
    p.add_argument("--scenario", required=True, help="scenario als JSON (zie domain/prognose)")
    p.add_argument("--runs", type=int, default=200, help="replicaties (standaard 200)")
    p.add_argument("--horizon-maanden", type=int, help="overschrijft de horizon van het scenario")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--werkers", type=int, help="processen in de lokale pool (standaard: kernen)")
    p.add_argument("--ray-address", help="Ray-cluster (nog niet beschikbaar)")
    p.add_argument("--vanaf", type=_maand, help="eerste maand JJJJ-MM (standaard volgende maand)")
    p.add_argument("--uit", help="grafiek als PNG of PDF")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_prognose, django=False)
