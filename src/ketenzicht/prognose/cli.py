"""``ketenzicht prognose``: Monte Carlo forecast of a scenario against its baseline. Thin: read
the scenario, run the replications (local process pool or a Ray cluster), print JSON or a
table, draw a chart.

Its ``--format json`` output is a public contract: ``{"scenario", "runs", "vanaf",
"maanden": [{"maand": "JJJJ-MM", <indicator>: {"p10", "p50", "p90", "omhullende": {"laag",
"hoog"}}, ...}], "basislijn": [...]}`` (``basislijn`` only when the scenario has measures: the
same parameters without them, on the same random streams; ``omhullende``: the band that 80% of
the replications stay inside in every month, see ``domain/prognose/omhullende.py``).

``ketenzicht prognose kalibreer`` writes a baseline scenario estimated from the registered
history (``{"naam", "vanaf", "parameters", "kalibratie": [{"naam", "waarde", "uitleg"}]}``);
``ketenzicht prognose toets`` calibrates on a past month and puts the monitor's figures of the
months after it beside the forecast's bands (``{"peildatum", "runs", "maanden": [{"maand",
<indicator>: {"waargenomen", "p10", "p50", "p90", "binnen", "omhullende": {"laag", "hoog"},
"binnen_omhullende"}}], "binnen": {<indicator>: {"binnen", "maanden", "onder", "boven",
"heel_binnen", "verwacht_heel_binnen", "omhullende_binnen", "verwacht_omhullende_binnen"}}}``:
the months inside, below P10 and above P90; whether every month was inside, and the model's own
chance of that, from its replications; whether the whole path lay inside the envelope, and the
envelope's own share of replications so inside); with ``--oorsprongen K`` it does so from K
peildata ``--stap`` months apart (``{"runs", "oorsprongen": [<one each, as above>], "binnen":
<over all of them>}``).
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


def _deze_maand() -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Amsterdam")).date().replace(day=1)


def _volgende_maand() -> date:
    from ketenzicht.domain.normen import plus_maanden

    return plus_maanden(_deze_maand(), 1)


def _json_maanden(p: Any, vanaf: date) -> list[dict[str, Any]]:
    def cel(naam: str, b: Any, m: int) -> dict[str, Any]:
        o = p.omhullende[naam]
        return _band(b) | {"omhullende": {"laag": o.laag[m], "hoog": o.hoog[m]}}

    return [
        {"maand": maand_label(vanaf, m), **{naam: cel(naam, b, m) for naam, b in banden.items()}}
        for m, banden in enumerate(p.maanden)
    ]


def _band(b: Any) -> dict[str, float]:
    return {"p10": b.p10, "p50": b.p50, "p90": b.p90}


def _fout(tekst: str) -> int:
    print(f"ketenzicht prognose: {tekst}", file=sys.stderr)
    return 2


def cmd_prognose(args: argparse.Namespace) -> int:
    from ketenzicht.cli import Voortgang
    from ketenzicht.domain.prognose.kalender import op_kalender
    from ketenzicht.domain.prognose.montecarlo import RayFout, prognose
    from ketenzicht.domain.prognose.parameters import OngeldigeParameters
    from ketenzicht.domain.prognose.scenariobestand import lees_scenario

    if not args.scenario:
        return _fout("--scenario FILE is nodig (of: prognose kalibreer / prognose toets)")
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
    if args.runs < 1:
        return _fout(f"--runs: minstens 1, kreeg {args.runs}")
    vanaf = args.vanaf or scenario.vanaf or _volgende_maand()
    scenario = op_kalender(scenario, vanaf, args.horizon_maanden)
    voortgang = Voortgang()
    opties: dict[str, Any] = {
        "seed": args.seed,
        "werkers": args.werkers,
        "voortgang": voortgang,
        "ray_adres": args.ray_address,
    }
    try:
        p = prognose(scenario, args.runs, **opties)
        basis = None
        if scenario.maatregelen:
            kaal = replace(scenario, naam=f"basislijn ({scenario.naam})", maatregelen=())
            basis = prognose(kaal, args.runs, **opties)
    except RayFout as fout:
        return _fout(f"--ray-address: {fout}")
    if args.uit:
        from ketenzicht.prognose.grafiek import teken

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
        if p.onderdelen:
            uit["onderdelen"] = [
                {"naam": naam, "maanden": _json_banden(maanden, vanaf)}
                for naam, maanden in p.onderdelen.items()
            ]
        print(json.dumps(uit, ensure_ascii=False, indent=2))
        return 0
    _tabel(p, vanaf)
    return 0


def _json_banden(maanden: Any, vanaf: date) -> list[dict[str, Any]]:
    return [
        {"maand": maand_label(vanaf, m)} | {naam: _band(b) for naam, b in banden.items()}
        for m, banden in enumerate(maanden)
    ]


def _tabel(p: Any, vanaf: date) -> None:
    def f(x: Any, d: int = 0) -> str:
        return f"{x.p50:.{d}f} ({x.p10:.{d}f}–{x.p90:.{d}f})"

    def regel(eerst: str, b: Any) -> str:
        return (
            f"{eerst:<9}{f(b['wachtlijst_start']):>22}{f(b['wachtlijst_intern']):>20}"
            f"{f(b['workload'], 1):>20}{f(b['binnen_norm'], 2):>18}"
        )

    kop = f"{'wachtlijst start':>22}{'intern':>20}{'workload':>20}{'binnen norm':>18}"
    print(f"Prognose {p.scenario}: {p.runs} replicaties, mediaan (P10–P90)")
    print(f"{'maand':<9}{kop}")
    for m, b in enumerate(p.maanden):
        if m % 6 == 5 or m == len(p.maanden) - 1:
            print(regel(maand_label(vanaf, m), b))
    if p.onderdelen:
        laatste = len(p.maanden) - 1
        print(f"\nPer GI in {maand_label(vanaf, laatste)} (elke GI een eigen pool)")
        for naam, maanden in p.onderdelen.items():
            print(f"  {naam}")
            print(regel("", maanden[laatste]))


_EEN_POOL = "het land als één pool (standaard: elke GI een eigen pool, het land de som)"


def registreer(sub: Any) -> None:
    from ketenzicht.prognose.cli_toets import cmd_toets

    p = sub.add_parser(
        "prognose", help="Monte Carlo-prognose van een scenario (wachtlijsten, normen)"
    )
    p.add_argument("--scenario", help="scenario als JSON (docs/prognose.md)")
    p.add_argument("--runs", type=int, default=200, help="replicaties (standaard 200)")
    p.add_argument("--horizon-maanden", type=int, help="overschrijft de horizon van het scenario")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--werkers", type=int, help="processen in de lokale pool (standaard: kernen)")
    p.add_argument("--ray-address", help="draai de replicaties op dit Ray-cluster (extra 'ray')")
    p.add_argument(
        "--vanaf",
        type=_maand,
        help="eerste maand JJJJ-MM (standaard die van het scenario, anders volgende maand)",
    )
    p.add_argument("--uit", help="grafiek als PNG of PDF")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_prognose, django=False)
    sub2 = p.add_subparsers(dest="opdracht", metavar="{kalibreer,toets}")

    k = sub2.add_parser("kalibreer", help="een basislijn geschat uit de eigen registratie")
    k.add_argument("--peildatum", type=_maand, help="JJJJ-MM (standaard deze maand)")
    k.add_argument("--gi", help="alleen deze GI (standaard landelijk)")
    k.add_argument("--een-pool", action="store_true", help=_EEN_POOL)
    k.add_argument("--venster-maanden", type=int, default=24, help="historie (standaard 24)")
    k.add_argument("--horizon-maanden", type=int, default=60)
    k.add_argument("--uit", help="schrijf het scenariobestand hierheen (standaard stdout)")
    k.add_argument("--format", choices=["table", "json"], default="json")
    k.set_defaults(func=cmd_kalibreer, django=True)

    t = sub2.add_parser("toets", help="kalibreer op een eerdere maand en vergelijk met de monitor")
    t.add_argument("--peildatum", type=_maand, help="JJJJ-MM (standaard 12 maanden terug)")
    t.add_argument("--maanden", type=int, default=12)
    t.add_argument(
        "--oorsprongen",
        type=int,
        default=1,
        help="herhaal de toets vanaf zoveel peildata (rollende oorsprong), de laatste --peildatum",
    )
    t.add_argument("--stap", type=int, default=6, help="maanden tussen die peildata (standaard 6)")
    t.add_argument("--gi", help="alleen deze GI (standaard landelijk)")
    t.add_argument("--een-pool", action="store_true", help=_EEN_POOL)
    t.add_argument("--runs", type=int, default=100)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--werkers", type=int)
    t.add_argument("--uit", help="grafiek van de laatste toets als PNG of PDF")
    t.add_argument("--format", choices=["table", "json"], default="table")
    t.set_defaults(func=cmd_toets, django=True)


def cmd_kalibreer(args: argparse.Namespace) -> int:
    from ketenzicht.domain.prognose.kalibratie import TeWeinigHistorie
    from ketenzicht.domain.prognose.scenariobestand import scenario_json
    from ketenzicht.prognose.basislijn import basislijn, kalibratie_op

    peildatum = args.peildatum or _deze_maand()
    if peildatum > _deze_maand():
        return _fout(
            f"kalibreer --peildatum: {peildatum:%Y-%m} is nog niet begonnen; een basislijn "
            "schat uit wat al geregistreerd is (standaard: deze maand)"
        )
    try:
        k = kalibratie_op(
            peildatum,
            gi_naam=args.gi,
            venster_maanden=args.venster_maanden,
            horizon_maanden=args.horizon_maanden,
            een_pool=args.een_pool,
        )
    except LookupError as fout:
        return _fout(f"kalibreer --gi: {fout}")
    except TeWeinigHistorie as fout:
        return _fout(f"kalibreer: te weinig historie voor {peildatum:%Y-%m}: {fout}")
    naam = f"basislijn {args.gi or 'landelijk'} per {peildatum:%Y-%m}"
    scenario = basislijn(k, naam)
    inhoud = scenario_json(scenario, [(s.naam, s.waarde, s.uitleg) for s in k.schattingen])
    tekst = json.dumps(inhoud, ensure_ascii=False, indent=2)
    if args.uit:
        Path(args.uit).write_text(tekst + "\n", encoding="utf-8")
        print(f"Scenario geschreven naar {args.uit}", file=sys.stderr)
    if args.format == "table":
        print(f"Kalibratie {naam}")
        for s in k.schattingen:
            print(f"  {s.naam:<26}{str(s.waarde):>14}  {s.uitleg}")
    elif not args.uit:
        print(tekst)
    return 0
