"""``ketenzicht gi``: the GIs, and from which day each registers everything here. Thin: parse,
call, print. Its ``--format json`` output is a public contract; extend, don't rename."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any


def _dag(d: date | None) -> str:
    return "volledig" if d is None else f"vanaf {d:%d-%m-%Y}"


def cmd_gi(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.organisaties.selectors import gis, werklastnorm
    from ketenzicht.organisaties.services import registratie_vanaf_zetten

    if args.actie == "registratie":
        if (args.vanaf is None) == (not args.volledig):
            print("ketenzicht gi registratie: geef --vanaf DATUM of --volledig", file=sys.stderr)
            return 2
        try:
            oud, nieuw = registratie_vanaf_zetten(args.gi, None if args.volledig else args.vanaf)
        except LookupError as fout:
            print(f"ketenzicht gi registratie: {fout.args[0]}", file=sys.stderr)
            return 2
        if args.format == "json":
            print(json.dumps({"gi": args.gi, "registratie_vanaf": _iso(nieuw), "was": _iso(oud)}))
        else:
            print(f"{args.gi}: registratie {_dag(nieuw)} (was: {_dag(oud)})")
        return 0

    vandaag = timezone.localdate()
    stand = [(g, werklastnorm(g.pk, vandaag).clienten_per_fte) for g in gis()]
    if args.format == "json":
        rijen = [
            {"gi": g.naam, "registratie_vanaf": _iso(g.registratie_vanaf), "werklastnorm": norm}
            for g, norm in stand
        ]
        print(json.dumps(rijen, ensure_ascii=False, indent=2))
        return 0
    breed = max((len(g.naam) for g, _ in stand), default=2)
    print(f"{'GI':<{breed}}  {'Registratie':<18}  Werklastnorm")
    for g, norm in stand:
        print(f"{g.naam:<{breed}}  {_dag(g.registratie_vanaf):<18}  {norm:g}")
    return 0


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def registreer(sub: Any, datum: Any) -> None:
    g = sub.add_parser(
        "gi",
        help="de GI's, en vanaf welke dag elk alles in Ketenzicht registreert",
        description=(
            "Een GI die Ketenzicht in gebruik neemt, brengt haar lopende maatregelen en haar "
            "personeel in dienst mee, niet wie eerder vertrok. Vóór haar eerste volledige dag "
            "zijn verloop, instroom en doorlooptijden dus onbekend; de monitor en de "
            "kalibratie van de prognose rekenen pas vanaf die dag."
        ),
    )
    g.add_argument("actie", choices=["lijst", "registratie"], nargs="?", default="lijst")
    g.add_argument("--gi", help="registratie: de naam van de GI")
    g.add_argument("--vanaf", type=datum, help="registratie: de eerste volledige dag, JJJJ-MM-DD")
    g.add_argument(
        "--volledig", action="store_true", help="registratie: de registratie is volledig"
    )
    g.add_argument("--format", choices=["table", "json"], default="table")
    g.set_defaults(func=cmd_gi)
