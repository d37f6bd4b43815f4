"""The ``ketenzicht`` command. Thin: parse, call a selector or service, print.

Its subcommands and their ``--format json`` output are a public contract; extend, don't rename.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    import django

    django.setup()


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {tekst!r}") from None


def _moment(tekst: str) -> datetime:
    try:
        moment = datetime.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen tijdstip in ISO-vorm: {tekst!r}") from None
    if moment.tzinfo is None:
        from zoneinfo import ZoneInfo

        moment = moment.replace(tzinfo=ZoneInfo("Europe/Amsterdam"))
    return moment


class Voortgang:
    """Progress on stderr: one updating line on a terminal, a line per 20% otherwise."""

    def __init__(self) -> None:
        self.begin = time.monotonic()
        self.tty = sys.stderr.isatty()
        self.laatst: dict[str, int] = {}

    def __call__(self, stap: str, gedaan: int, totaal: int) -> None:
        pct = 100 * gedaan // max(totaal, 1)
        tekst = f"[{time.monotonic() - self.begin:6.1f}s] {stap}: {gedaan:,}/{totaal:,} ({pct}%)"
        if self.tty:
            print(
                f"\r\033[K{tekst}", end="" if gedaan < totaal else "\n", file=sys.stderr, flush=True
            )
        elif pct // 20 != self.laatst.get(stap, -1) or gedaan == totaal:
            self.laatst[stap] = pct // 20
            print(tekst, file=sys.stderr, flush=True)


def cmd_demo(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.demo.laden import DemoFout, laad
    from ketenzicht.demo.logins import DEMO_WACHTWOORD, demo_logins
    from ketenzicht.kinderen.models import Kind

    if args.als_leeg and Kind.objects.exists():
        print("De database bevat al gegevens; de demo is niet opnieuw geladen.", file=sys.stderr)
        _print_logins(demo_logins(), DEMO_WACHTWOORD)
        return 0
    try:
        logins = laad(
            schaal=args.schaal,
            seed=args.seed,
            tot=args.tot or timezone.localdate(),
            vervang=args.vervang,
            voortgang=Voortgang(),
        )
    except DemoFout as fout:
        print(f"ketenzicht demo: {fout}", file=sys.stderr)
        return 2
    print(f"Demo geladen ({args.schaal}, seed {args.seed}).")
    _print_logins(logins, DEMO_WACHTWOORD)
    return 0


def _print_logins(logins: Sequence[Any], wachtwoord: str) -> None:
    print(f"Demo-logins (wachtwoord {wachtwoord!r}):")
    for login in logins:
        print(f"  {login.gebruikersnaam:<12} {login.rol:<22} {login.organisatie}")


def cmd_monitor(args: argparse.Namespace) -> int:
    from ketenzicht.monitor.cli import export, gebieden, monitor_json, tabel
    from ketenzicht.monitor.selectors import monitor

    if args.actie == "export":
        return export(args)
    if args.actie == "gebieden":
        return gebieden(args)
    if args.format not in ("table", "json"):
        print(
            "ketenzicht monitor: --format is table of json (csv, xlsx, pdf: monitor export).",
            file=sys.stderr,
        )
        return 2
    try:
        uitkomst = monitor(
            peildatum=args.peildatum, gi_naam=args.gi, bekend_op=args.bekend_op, bron=args.bron
        )
        vorige = None
        if args.vorige:
            vorige = monitor(
                peildatum=_vorige_peildatum(args),
                gi_naam=args.gi,
                bekend_op=args.bekend_op,
                bron=args.bron,
            )
    except LookupError as fout:
        print(f"ketenzicht monitor: {fout.args[0]}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(monitor_json(uitkomst, vorige), ensure_ascii=False, indent=2))
    else:
        print(tabel(uitkomst))
        if vorige is not None:
            print()
            print(tabel(vorige))
    return 0


def _vorige_peildatum(args: argparse.Namespace) -> date:
    """The previous peildatum: given, or six months earlier (the published half-yearly rhythm)."""
    if args.vorige != "auto":
        return _datum(args.vorige)
    from ketenzicht.domain.normen import plus_maanden

    return plus_maanden(args.peildatum, -6)


SOORTEN = {"start": ("start",), "intern": ("intern",), "alle": ("start", "intern", "nieuw")}


def cmd_wachtlijst(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.audit.models import AuditRegel
    from ketenzicht.domain.wachtlijst import WachtSoort
    from ketenzicht.organisaties.models import Organisatie
    from ketenzicht.planning.selectors import te_verdelen

    try:
        gi = Organisatie.objects.get(type=Organisatie.Type.GI, naam=args.gi)
    except Organisatie.DoesNotExist:
        namen = ", ".join(Organisatie.objects.filter(type="gi").values_list("naam", flat=True))
        print(
            f"ketenzicht wachtlijst: onbekende GI {args.gi!r}. Bekend zijn: {namen}.",
            file=sys.stderr,
        )
        return 2
    try:
        regels = te_verdelen(
            gebruiker=None,
            gi=gi,
            peildatum=args.peildatum or timezone.localdate(),
            kanaal=AuditRegel.Kanaal.CLI,
            soorten=frozenset(WachtSoort(s) for s in SOORTEN[args.soort]),
        )
    except LookupError as fout:
        print(f"ketenzicht wachtlijst: {fout.args[0]}", file=sys.stderr)
        return 2
    rijen = [
        {
            "kind": str(r.kind_pid),
            "soort": r.soort.value,
            "dagen_wachtend": r.dagen_wachtend,
            "positie": r.positie,
            "redenen": list(r.redenen),
            "maatregel": r.maatregel,
            "urgentie": r.urgentie.label if r.urgentie else None,
            "laatste_triage": r.getrieerd_op.isoformat() if r.getrieerd_op else None,
            "uit_zicht": r.uit_zicht,
        }
        for r in regels
    ]
    if args.format == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=2))
    else:
        for r in regels:
            zicht = "  UIT ZICHT" if r.uit_zicht else ""
            print(
                f"{r.positie:>5}  {r.soort.value:<7}{r.dagen_wachtend:>5} d  "
                f"{'; '.join(r.redenen)}{zicht}"
            )
    return 0


def cmd_beheer(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ketenzicht beheer", *args.rest])
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ketenzicht", description="Zicht op de jeugdbeschermingsketen."
    )
    sub = p.add_subparsers(dest="opdracht", required=True)

    d = sub.add_parser("demo", help="vul de database met synthetische demodata")
    d.add_argument("--schaal", choices=["klein", "landelijk"], default="klein")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--tot", type=_datum, help="laatste dag van de historie (standaard vandaag)")
    d.add_argument("--vervang", action="store_true", help="vervang bestaande gegevens")
    d.add_argument("--als-leeg", action="store_true", help="sla over als er al gegevens zijn")
    d.set_defaults(func=cmd_demo)

    m = sub.add_parser("monitor", help="indicatoren van de monitor jeugdbescherming")
    m.add_argument(
        "actie",
        nargs="?",
        choices=["export", "gebieden"],
        help="export: csv, xlsx of pdf; gebieden: wachtenden per jeugdregio of gemeente",
    )
    m.add_argument("--peildatum", type=_datum, required=True)
    m.add_argument("--gi", help="alleen deze GI (naam); het landelijk cijfer blijft landelijk")
    m.add_argument("--format", choices=["table", "json", "csv", "xlsx", "pdf"], default="table")
    m.add_argument(
        "--bekend-op", type=_moment, help="cijfers zoals ze op dit tijdstip bekend waren"
    )
    m.add_argument("--bron", choices=["alles", "registratie", "uitvraag"], default="alles")
    m.add_argument(
        "--vorige",
        nargs="?",
        const="auto",
        help="voeg het verschil met de vorige peildatum toe (standaard zes maanden eerder)",
    )
    m.add_argument("--uit", help="export: het bestand om te schrijven")
    m.add_argument("--gis", help="export: alleen deze GI's, komma-gescheiden")
    m.add_argument(
        "--regio",
        help='gebieden: per gemeente van deze jeugdregio ("Jeugdregio Groningen" of "Groningen")',
    )
    m.set_defaults(func=cmd_monitor)

    w = sub.add_parser("wachtlijst", help="de wachtlijst van een GI, op prioriteit, met redenen")
    w.add_argument("--gi", required=True, help="naam van de GI")
    w.add_argument("--soort", choices=list(SOORTEN), default="alle")
    w.add_argument("--peildatum", type=_datum, help="standaard vandaag")
    w.add_argument("--format", choices=["table", "json"], default="table")
    w.set_defaults(func=cmd_wachtlijst)

    from ketenzicht.bemiddeling.cli import registreer as registreer_bemiddeling
    from ketenzicht.doorbraak.cli import registreer
    from ketenzicht.monitor.cli import registreer as registreer_uitvraag
    from ketenzicht.organisaties.cli import registreer as registreer_gi

    registreer(sub, _moment)
    registreer_uitvraag(sub, _datum)
    registreer_gi(sub, _datum)
    registreer_bemiddeling(sub)
    from ketenzicht.prognose.cli import registreer as registreer_prognose

    registreer_prognose(sub)
    from ketenzicht.toegang.cli import registreer as registreer_sleutel

    registreer_sleutel(sub)

    b = sub.add_parser("beheer", help="Django-beheeropdrachten (migrate, runserver, ...)")
    b.add_argument("rest", nargs=argparse.REMAINDER)
    b.set_defaults(func=cmd_beheer)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "django", True):
        _setup()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
