"""How long `ketenzicht demo --schaal landelijk` and the national `ketenzicht monitor` take.

Runs both against a throw-away SQLite database (or DATABASE_URL when set, into a database you
can afford to lose) and prints the figures side by side with their budgets:

    uv run python bench/demo_en_monitor.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_DEMO_S = 120.0  # Foundation issue: within 2 minutes on a 2-core machine
BUDGET_MONITOR_S = 10.0


def draai(*args: str, env: dict[str, str]) -> tuple[float, str]:
    begin = time.perf_counter()
    uit = subprocess.run(
        [sys.executable, "-m", "ketenzicht.cli", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - begin, uit.stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as map_:
        env = {**os.environ, "KETENZICHT_DATA": map_, "KETENZICHT_SECRET_KEY": "bench"}
        draai("beheer", "migrate", "--verbosity", "0", env=env)
        demo_s, _ = draai(
            "demo",
            "--schaal",
            "landelijk",
            "--seed",
            "1",
            "--tot",
            "2026-11-22",
            "--vervang",
            env=env,
        )
        metingen = []
        for _ in range(3):
            s, uit = draai("monitor", "--peildatum", "2024-04-01", "--format", "json", env=env)
            metingen.append(s)
        data = json.loads(uit)["landelijk"]
        grootte = (
            Path(map_, "ketenzicht.sqlite3").stat().st_size if "DATABASE_URL" not in env else 0
        )
    monitor_s = min(metingen)
    print(f"{'meting':<44}{'seconden':>10}{'budget':>10}{'verhouding':>12}")
    print(
        f"{'demo --schaal landelijk (laden, 1x)':<44}{demo_s:>10.1f}{BUDGET_DEMO_S:>10.0f}"
        f"{demo_s / BUDGET_DEMO_S:>11.0%}"
    )
    print(
        f"{'monitor --peildatum 2024-04-01 (beste v. 3)':<44}{monitor_s:>10.2f}"
        f"{BUDGET_MONITOR_S:>10.0f}"
        f"{monitor_s / BUDGET_MONITOR_S:>11.0%}"
    )
    print(
        f"  (monitor alle 3: {', '.join(f'{m:.2f}' for m in metingen)} s,"
        " incl. opstarten van Python)"
    )
    print(
        f"landelijk: {data['clienten']:,} cliënten, {data['fte_beschikbaar']:,} fte beschikbaar, "
        f"workload {data['workload']}, wachtend {data['totaal_wachtend']:,}"
    )
    if grootte:
        print(f"SQLite-bestand: {grootte / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
