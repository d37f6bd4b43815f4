"""``ketenzicht prognose toets``: a baseline calibrated on a past month beside the monitor of
the months after it, from one peildatum or several (a rolling origin). Thin: run the backtests
(:mod:`ketenzicht.prognose.toets`), print JSON or a table, draw a chart. The JSON contract is
in :mod:`ketenzicht.prognose.cli`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ketenzicht.prognose.cli import _deze_maand, _fout

if TYPE_CHECKING:  # the toets module needs Django, loaded only for the commands that use it
    from ketenzicht.prognose.toets import Toets, Vergelijking


def cmd_toets(args: argparse.Namespace) -> int:
    from ketenzicht.cli import Voortgang
    from ketenzicht.domain.normen import plus_maanden
    from ketenzicht.domain.prognose.kalibratie import TeWeinigHistorie
    from ketenzicht.prognose.toets import rollend

    if args.oorsprongen < 1 or args.stap < 1:
        return _fout("toets: --oorsprongen en --stap zijn minstens 1")
    peildatum = args.peildatum or plus_maanden(_deze_maand(), -args.maanden)
    if plus_maanden(peildatum, args.maanden) > _deze_maand():
        return _fout(
            f"toets: {peildatum:%Y-%m} plus {args.maanden} maanden ligt na deze maand; "
            "kies een eerdere --peildatum of minder --maanden"
        )
    peildata = [plus_maanden(peildatum, -args.stap * k) for k in reversed(range(args.oorsprongen))]
    try:
        toetsen = rollend(
            peildata=peildata,
            maanden=args.maanden,
            gi_naam=args.gi,
            runs=args.runs,
            seed=args.seed,
            werkers=args.werkers,
            voortgang=Voortgang(),
            een_pool=args.een_pool,
        )
    except LookupError as fout:
        return _fout(f"toets --gi: {fout}")
    except TeWeinigHistorie as fout:
        return _fout(f"toets: te weinig historie voor {peildata[0]:%Y-%m}: {fout}")
    samen = _dekking_json(toetsen)
    if args.uit:
        from ketenzicht.prognose.grafiek import teken_toets
        from ketenzicht.prognose.toets import dekking

        teken_toets(toetsen[-1], dekking(toetsen), len(toetsen), Path(args.uit))
        print(f"Grafiek geschreven naar {args.uit}", file=sys.stderr)
    if args.format == "json":
        een = [_toets_json(t) for t in toetsen]
        uit = een[0] if len(een) == 1 else {"runs": args.runs, "oorsprongen": een, "binnen": samen}
        print(json.dumps(uit, ensure_ascii=False, indent=2))
        return 0
    for t in toetsen:
        _toets_tabel(t)
        print()
    if len(toetsen) > 1:
        print(f"Samen, {len(toetsen)} peildata × {args.maanden} maanden:")
    for naam, d in samen.items():
        print(
            f"  {naam:<18} binnen P10–P90 {d['binnen']:>3} van {d['maanden']:<3}"
            f" ({d['binnen'] / d['maanden']:.0%}) · onder P10 {d['onder']:>2}"
            f" · boven P90 {d['boven']:>2} · alle maanden binnen in {d['heel_binnen']}"
            f" van {len(toetsen)} (het model verwacht {d['verwacht_heel_binnen']:g})"
            f" · heel binnen de omhullende in {d['omhullende_binnen']} van {len(toetsen)}"
            f" (verwacht {d['verwacht_omhullende_binnen']:g})"
        )
    print(
        "  (! = buiten P10–P90, !! = ook buiten de omhullende. Een kloppend model: ~80% binnen, "
        "even vaak onder als boven; van 12 maanden liggen er ~2 buiten een 80%-band, en alle "
        "maanden binnen zo vaak als het model verwacht. De omhullende is de band waarbinnen 80% "
        "van de replicaties alle maanden blijft: een kloppend model houdt er een heel jaar van "
        "de registratie ~4 van de 5 keer in)"
    )
    return 0


def _dekking_json(toetsen: Sequence[Toets]) -> dict[str, dict[str, float]]:
    from ketenzicht.prognose.toets import dekking

    return {naam: asdict(d) | {"maanden": d.maanden} for naam, d in dekking(toetsen).items()}


def _toets_json(t: Toets) -> dict[str, Any]:
    def cel(v: Vergelijking) -> dict[str, Any]:
        b = v.band
        laag, hoog = v.omhullende
        return {"waargenomen": v.waargenomen, "p10": b.p10, "p50": b.p50, "p90": b.p90,
                "binnen": v.binnen, "omhullende": {"laag": laag, "hoog": hoog},
                "binnen_omhullende": v.binnen_omhullende}  # fmt: skip

    return {
        "peildatum": f"{t.kalibratie.peildatum:%Y-%m}",
        "runs": t.prognose.runs,
        "maanden": [
            {"maand": f"{m:%Y-%m-%d}", **{naam: cel(v) for naam, v in rij.items()}}
            for m, rij in t.per_maand().items()
        ],
        "binnen": _dekking_json([t]),
    }


def _toets_tabel(t: Toets) -> None:
    from ketenzicht.prognose.toets import INDICATOREN

    print(
        f"Toets: gekalibreerd op {t.kalibratie.peildatum:%Y-%m} met de historie tot dan, "
        f"{t.prognose.runs} replicaties; monitor (registratie) naast P10–P50–P90"
    )
    print(f"{'peildatum':<12}" + "".join(f"{n:>34}" for n in INDICATOREN))
    for d, rij in t.per_maand().items():

        def cel(v: Vergelijking) -> str:
            b = v.band
            teken = "  " if v.binnen else "! " if v.binnen_omhullende else "!!"
            return f"{v.waargenomen:g}{teken}({b.p10:g}–{b.p50:g}–{b.p90:g})"

        print(f"{d:%Y-%m-%d}  " + "".join(f"{cel(rij[n]):>34}" for n in INDICATOREN if n in rij))
    omh = {n: t.heel_binnen_omhullende(n) for n in INDICATOREN}
    print(
        "heel binnen de omhullende: "
        + ", ".join(f"{n} {'ja' if j else 'nee'}" for n, j in omh.items() if j is not None)
    )
