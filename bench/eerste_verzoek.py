"""A web process's first request against its next ones, on a demo database.

Each run starts a fresh Python process, as a new server worker does, and times for a few users
their landing page's first request in that process (it imports the URLconf and every view,
and compiles what has no bytecode yet) against the second (warm). The first request pays what
the process pays once; the bench shows how much that is, and the ratio.

With ``PYTHONDONTWRITEBYTECODE`` set (containers often set it; so does this machine) Python
never keeps compiled bytecode, and each process compiles every installed package it imports
anew, unless the install compiled them (``make install`` has uv do that).

    uv run python bench/eerste_verzoek.py [--data MAP]   # MAP holds a demo's SQLite file

Without ``--data`` it loads the ``klein`` demo into a throw-away folder first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

PAGINAS = (
    ("planner1", "/api/wachtlijst/"),
    ("planner1", "/wachtlijst/"),
    ("zbt1", "/bemiddeling/"),
)


def meet_in_dit_proces(gebruiker: str, pad: str) -> dict[str, float]:
    begin = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    opstart = time.perf_counter() - begin
    client = Client()
    client.force_login(get_user_model().objects.get(username=gebruiker))
    tijden = []
    for _ in range(2):
        t = time.perf_counter()
        antwoord = client.get(pad, HTTP_HOST="127.0.0.1")
        assert antwoord.status_code == 200, (pad, antwoord.status_code)
        tijden.append(time.perf_counter() - t)
    return {"opstart": opstart, "eerste": tijden[0], "tweede": tijden[1]}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="map met het SQLite-bestand van een demo (anders: klein)")
    p.add_argument("--binnen", nargs=2, help=argparse.SUPPRESS)  # gebruiker pad, in het kind
    args = p.parse_args()
    if args.binnen:
        print(json.dumps(meet_in_dit_proces(*args.binnen)))
        return
    weg = args.data is None
    if args.data is None:
        args.data = tempfile.mkdtemp(prefix="ketenzicht-bench-")
        print(f"klein demo laden in {args.data} …")
        laden = (["beheer", "migrate", "-v0"], ["demo", "--schaal", "klein", "--seed", "1"])
        for opdracht in laden:
            subprocess.run(
                [sys.executable, "-m", "ketenzicht.cli", *opdracht],
                env=os.environ | {"KETENZICHT_DATA": args.data},
                check=True,
                capture_output=True,
            )
    omgeving = os.environ | {"KETENZICHT_DATA": args.data}
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    print(f"{'gebruiker':10} {'pagina':18} {'opstart':>8} {'eerste':>8} {'tweede':>8} {'ratio':>6}")
    for gebruiker, pad in PAGINAS:
        uit = subprocess.run(
            [sys.executable, __file__, "--data", args.data, "--binnen", gebruiker, pad],
            env=omgeving,
            capture_output=True,
            text=True,
            check=True,
        )
        m = json.loads(uit.stdout.strip().splitlines()[-1])
        print(
            f"{gebruiker:10} {pad:18} {m['opstart']:7.2f}s {m['eerste']:7.2f}s "
            f"{m['tweede']:7.2f}s {m['eerste'] / m['tweede']:5.1f}×"
        )
    if weg:
        shutil.rmtree(args.data)


if __name__ == "__main__":
    main()
