"""How long the national reports take, on SQLite and on PostgreSQL, printed side by side:
the monthly doorbraak monitor (issue 3: aim ≤ 2 s) and the monitor jeugdbescherming (issue 5:
one peildatum ≤ 2 s, 12 monthly peildata ≤ 10 s).

For each backend the ``landelijk`` demo is loaded into a throw-away database (a temporary SQLite
file; PostgreSQL database ``ketenzicht_bench`` on DATABASE_URL's server or 127.0.0.1:5432, which
is dropped and recreated — never point it at data you want to keep), then it times, best of 3:
one month nationally (what ``ketenzicht doorbraak --maand`` computes), the 12-month trend the
page draws, the monitor at one peildatum and at 12 monthly peildata (no cache), and the CLIs
end to end.

    uv run python bench/rapportages.py [--alleen-sqlite]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

BUDGET_S = 2.0
MAAND = "2026-10"
PG_STANDAARD = "postgres://postgres@127.0.0.1:5432/ketenzicht_bench"


def _cli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "ketenzicht.cli", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def meet_in_dit_proces() -> dict[str, Any]:
    """Runs inside a child process whose environment points at the loaded database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    import django

    django.setup()
    from ketenzicht.domain.doorbraak import Maand
    from ketenzicht.doorbraak.selectors import doorbraak, laatste_maanden

    maand = Maand.lees(MAAND)

    def beste(functie: Any) -> tuple[float, Any]:
        tijden, uit = [], None
        for _ in range(3):
            begin = time.perf_counter()
            uit = functie()
            tijden.append(time.perf_counter() - begin)
        return min(tijden), uit

    from datetime import date

    from ketenzicht.monitor.selectors import monitor

    een, [cijfers] = beste(lambda: doorbraak(maanden=[maand]))
    twaalf, _ = beste(lambda: doorbraak(maanden=laatste_maanden(maand)))
    noemer = sum(r.noemer for r in cijfers.rijen if r.niveau == "landelijk")
    peildatum, m = beste(lambda: monitor(peildatum=date(2024, 4, 1)))
    maandelijks = [date(2025, n, 1) for n in range(1, 13)]
    reeks, _ = beste(lambda: [monitor(peildatum=d) for d in maandelijks])
    return {
        "een_maand": een,
        "twaalf_maanden": twaalf,
        "noemer": noemer,
        "monitor_peildatum": peildatum,
        "monitor_12": reeks,
        "clienten": m.landelijk.clienten,
    }


def backend(naam: str, env: dict[str, str]) -> dict[str, Any]:
    print(f"  {naam}: demo landelijk laden ...", file=sys.stderr, flush=True)
    _cli(env, "beheer", "migrate", "--verbosity", "0")
    _cli(env, "demo", "--schaal", "landelijk", "--seed", "1", "--tot", "2026-11-22", "--vervang")
    uit = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--meet"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    tijden = []
    for _ in range(3):
        begin = time.perf_counter()
        _cli(env, "doorbraak", "--maand", MAAND, "--format", "json")
        tijden.append(time.perf_counter() - begin)
    uit["cli"] = min(tijden)
    tijden = []
    for _ in range(3):
        begin = time.perf_counter()
        _cli(env, "monitor", "--peildatum", "2024-04-01", "--format", "json")
        tijden.append(time.perf_counter() - begin)
    uit["monitor_cli"] = min(tijden)
    return uit


def postgres(env: dict[str, str]) -> dict[str, str] | None:
    url = os.environ.get("BENCH_DATABASE_URL", PG_STANDAARD)
    beheer = url.rsplit("/", 1)[0] + "/postgres"
    naam = url.rsplit("/", 1)[1]
    try:
        import psycopg

        with psycopg.connect(beheer, autocommit=True, connect_timeout=3) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{naam}"')
            c.execute(f'CREATE DATABASE "{naam}"')
    except Exception as fout:  # noqa: BLE001 - report and skip, the bench still prints SQLite
        print(f"  PostgreSQL niet bereikbaar ({fout}); alleen SQLite.", file=sys.stderr)
        return None
    return {**env, "DATABASE_URL": url}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alleen-sqlite", action="store_true")
    parser.add_argument("--meet", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        print(json.dumps(meet_in_dit_proces()))
        return 0
    uitkomsten: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as map_:
        basis = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        basis.update(KETENZICHT_DATA=map_, KETENZICHT_SECRET_KEY="bench")
        uitkomsten["SQLite"] = backend("SQLite", basis)
        pg = None if args.alleen_sqlite else postgres(basis)
        if pg is not None:
            uitkomsten["PostgreSQL"] = backend("PostgreSQL", pg)
    namen = list(uitkomsten)
    print(f"landelijke rapportages (beste van 3, seconden); doorbraakmaand {MAAND}")
    print(f"{'meting':<48}" + "".join(f"{n:>12}" for n in namen) + f"{'budget':>9}")
    for sleutel, label, budget in (
        ("een_maand", "doorbraak: één maand, landelijk (selector)", BUDGET_S),
        ("twaalf_maanden", "doorbraak: trend 12 maanden (selector)", None),
        ("cli", "ketenzicht doorbraak (incl. Python-start)", None),
        ("monitor_peildatum", "monitor: één peildatum, landelijk", BUDGET_S),
        ("monitor_12", "monitor: 12 maandelijkse peildata", 10.0),
        ("monitor_cli", "ketenzicht monitor (incl. Python-start)", None),
    ):
        cellen = "".join(f"{uitkomsten[n][sleutel]:>12.3f}" for n in namen)
        print(f"{label:<48}{cellen}{budget or '':>9}")
    if len(namen) == 2:
        a, b = (uitkomsten[n]["een_maand"] for n in namen)
        print(f"verhouding PostgreSQL / SQLite (doorbraak, één maand): {b / a:.2f}")
        a, b = (uitkomsten[n]["monitor_peildatum"] for n in namen)
        print(f"verhouding PostgreSQL / SQLite (monitor, één peildatum): {b / a:.2f}")
    print(
        "termijnen in de maand (landelijk, alle mijlpalen): "
        + ", ".join(f"{n} {uitkomsten[n]['noemer']:,}" for n in namen)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
