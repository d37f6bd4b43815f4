"""``ketenzicht termijn`` and ``ketenzicht doorbraak``. Thin: parse, call, print.

Their ``--format json`` output is a public contract; extend, don't rename."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {tekst!r}") from None


def cmd_termijn(args: argparse.Namespace) -> int:
    from ketenzicht.domain.kalender import NederlandseKalender
    from ketenzicht.domain.normen import OngeldigeTermijn, Termijn

    try:
        termijn = Termijn.lees(args.termijn)
    except OngeldigeTermijn as fout:
        print(f"ketenzicht termijn: --termijn: {fout}", file=sys.stderr)
        return 2
    print(termijn.vervaldatum(args.start, NederlandseKalender()).isoformat())
    return 0


def cmd_doorbraak(args: argparse.Namespace) -> int:
    from ketenzicht.domain.doorbraak import Maand
    from ketenzicht.doorbraak.selectors import doorbraak
    from ketenzicht.organisaties.models import Organisatie

    try:
        maand = Maand.lees(args.maand)
    except ValueError as fout:
        print(f"ketenzicht doorbraak: --maand: {fout}", file=sys.stderr)
        return 2
    if args.gi and not Organisatie.objects.filter(type="gi", naam=args.gi).exists():
        namen = ", ".join(Organisatie.objects.filter(type="gi").values_list("naam", flat=True))
        print(
            f"ketenzicht doorbraak: onbekende GI {args.gi!r}. Bekend zijn: {namen}.",
            file=sys.stderr,
        )
        return 2
    try:
        [cijfers] = doorbraak(maanden=[maand], gi_naam=args.gi, bekend_op=args.bekend_op)
    except LookupError as fout:
        print(f"ketenzicht doorbraak: --maand: {fout.args[0]}", file=sys.stderr)
        return 2
    rijen = [r.als_dict() for r in cijfers.rijen]
    if args.format == "json":
        print(json.dumps({"maand": str(maand), "rijen": rijen}, ensure_ascii=False, indent=2))
    else:
        print(_tabel(str(maand), rijen))
    return 0


def _tabel(maand: str, rijen: list[dict[str, Any]]) -> str:
    kop = (
        f"{'niveau':<10}{'naam':<44}{'mijlpaal':<20}{'noemer':>8}{'op tijd':>8}"
        f"{'aandeel':>9}{'doel':>6}"
    )
    regels = [f"Doorbraakmonitor {maand}: termijnen die in deze maand vielen", kop, "-" * len(kop)]
    for r in rijen:
        aandeel = "-" if r["aandeel"] is None else f"{r['aandeel']:.0%}"
        regels.append(
            f"{r['niveau']:<10}{r['naam'][:43]:<44}{r['mijlpaal']:<20}{r['noemer']:>8,}"
            f"{r['op_tijd']:>8,}{aandeel:>9}{r['doel']:>6.0%}"
        )
    return "\n".join(regels)


def registreer(sub: Any, moment: Any) -> None:
    t = sub.add_parser("termijn", help="de uiterste datum van een termijn (Algemene termijnenwet)")
    t.add_argument("--start", type=_datum, required=True, help="startdatum, JJJJ-MM-DD")
    t.add_argument(
        "--termijn",
        required=True,
        help="bv. '5 werkdagen', '10 kalenderdagen', '6 weken', '3 maanden'",
    )
    t.set_defaults(func=cmd_termijn, django=False)

    d = sub.add_parser("doorbraak", help="de maandelijkse doorbraakmonitor")
    d.add_argument("--maand", required=True, help="JJJJ-MM")
    d.add_argument("--gi", help="alleen deze GI (naam)")
    d.add_argument("--format", choices=["table", "json"], default="table")
    d.add_argument("--bekend-op", type=moment, help="cijfers zoals ze op dit tijdstip bekend waren")
    d.set_defaults(func=cmd_doorbraak)
