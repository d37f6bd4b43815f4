"""What keeping the monitor's figures per peildatum saves (``monitor.bewaren``), printed side by
side with what the earlier rule did: set every kept figure aside as soon as any fact was
registered.

On the ``landelijk`` demo (loaded into a throw-away SQLite database, or a copy of the one in
``--data``), for the trend over every peildatum of the monitor (what *Monitor › Trend* and the
ministry's *Wachtenden per jeugdregio* draw), it times:

- the first time (nothing kept: both rules compute every peildatum);
- after a vaste jeugdbeschermer is assigned today (the most common registration): the earlier
  rule computes every peildatum again, the kept figures only today's, if asked;
- after a sickness registered late, from a day before the last peildatum: both compute that
  peildatum again, the earlier rule every other one too;
- after a restart (a new process): kept in each process's memory (as before), every peildatum
  is computed again; kept in the database (``settings.CACHES``), none is.

And for the doorbraak monitor's twelve months (``doorbraak.selectors.doorbraak_reeks``), kept
per month against all twelve under one version of every fact: the first time, after the same
two registrations, and after a milestone registered for a measure begun about two months ago.

    uv run python bench/monitor_bewaren.py [--data MAP]
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
from datetime import timedelta
from pathlib import Path
from typing import Any


def meet_in_dit_proces() -> dict[str, Any]:
    """Runs in a child process whose environment points at the loaded database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.utils import timezone

    from ketenzicht.domain.doorbraak import Maand
    from ketenzicht.doorbraak.selectors import FEITEN, doorbraak, doorbraak_reeks, laatste_maanden
    from ketenzicht.doorbraak.services import mijlpaal_registreren
    from ketenzicht.kinderen.models import Maatregel
    from ketenzicht.kinderen.services import jeugdbeschermer_toewijzen
    from ketenzicht.monitor.bewaren import versie
    from ketenzicht.monitor.selectors import monitor, peildata, reeks
    from ketenzicht.organisaties.models import Medewerker
    from ketenzicht.planning.afwezigheid import ziek_melden
    from ketenzicht.planning.selectors import rol_voor

    vandaag = timezone.localdate()
    data = peildata(vandaag)
    eerder: dict[tuple[object, ...], object] = {}

    def eerdere_regel() -> list[object]:
        """Kept under (peildatum, versie): any new fact sets all of them aside."""
        stand = versie()
        uit = []
        for p in data:
            if (p, stand) not in eerder:
                eerder[(p, stand)] = monitor(peildatum=p)
            uit.append(eerder[(p, stand)])
        return uit

    maanden = laatste_maanden(Maand(vandaag.year, vandaag.month).vorige())
    eerder_doorbraak: dict[tuple[object, ...], object] = {}

    def eerdere_doorbraak() -> object:
        """The doorbraak page's twelve months kept under one version of everything they read:
        any new fact sets all of them aside (one read computes them together)."""
        stand = (versie(), versie(FEITEN))  # the monitor's facts, milestones and norm sets
        if stand not in eerder_doorbraak:
            eerder_doorbraak[stand] = doorbraak(maanden=maanden)
        return eerder_doorbraak[stand]

    def tijd(functie: Any) -> tuple[float, Any]:
        begin = time.perf_counter()
        uit = functie()
        return time.perf_counter() - begin, uit

    def doorbraak_meten(sleutel: str) -> None:
        """Both rules for the doorbraak page, their figures the same."""
        (t_eerder, a), (t_nu, b) = tijd(eerdere_doorbraak), tijd(lambda: doorbraak_reeks(maanden))
        assert a == b
        uit[f"doorbraak_{sleutel}"] = (t_eerder, t_nu)

    def beide(sleutel: str) -> None:
        """Both rules for the trend and for the doorbraak page, their figures the same."""
        (t_eerder, a), (t_nu, b) = tijd(eerdere_regel), tijd(lambda: reeks(data))
        assert a == b
        uit[sleutel] = (t_eerder, t_nu)
        doorbraak_meten(sleutel)

    cache.clear()
    uit: dict[str, Any] = {"peildata": len(data), "maanden": len(maanden)}
    beide("eerste")

    wachtend = (
        Maatregel.objects.filter(einde__isnull=True, toewijzingen__isnull=True)
        .order_by("pk")
        .first()
    )
    assert wachtend is not None
    collega = Medewerker.objects.filter(
        gi=wachtend.gi, uit_dienst_per__isnull=True, rol=rol_voor(wachtend.maatregelcode).value
    ).first()
    jeugdbeschermer_toewijzen(
        maatregel=wachtend,
        medewerker=collega,
        start=vandaag,
        door=None,
        override_reden="bench",
    )
    beide("toewijzing_vandaag")

    ziek = Medewerker.objects.filter(
        uit_dienst_per__isnull=True, perioden__isnull=True, rol=collega.rol
    ).first()
    ziek_melden(medewerker=ziek, van=data[-1] - timedelta(days=20), door=None)
    beide("ziek_achteraf")

    # a safety assessment registered today for a measure that began about two months ago
    begin = maanden[-2].eerste
    gestart = Maatregel.objects.filter(start__gte=begin, einde__isnull=True).order_by("start")
    maatregel = gestart.first()
    assert maatregel is not None
    mijlpaal_registreren(
        maatregel=maatregel,
        mijlpaal="veiligheidstaxatie",
        datum=maatregel.start,
        wie="bench",
        door=None,
    )
    doorbraak_meten("mijlpaal")
    return uit


def meet_na_herstart() -> dict[str, Any]:
    """A new process over the same database: the trend with a cache in its own memory (empty,
    as every process's was before) and with the application's cache in the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    import django

    django.setup()
    from django.test import override_settings
    from django.utils import timezone

    from ketenzicht.monitor.selectors import peildata, reeks

    data = peildata(timezone.localdate())
    geheugen = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    begin = time.perf_counter()
    with override_settings(CACHES=geheugen):
        a = reeks(data)
    midden = time.perf_counter()
    b = reeks(data)
    assert a == b
    return {"herstart": (midden - begin, time.perf_counter() - midden)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a folder holding a loaded landelijk demo")
    parser.add_argument("--meet", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--herstart", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet or args.herstart:
        print(json.dumps(meet_in_dit_proces() if args.meet else meet_na_herstart()))
        return 0
    with tempfile.TemporaryDirectory() as map_:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(KETENZICHT_DATA=map_, KETENZICHT_SECRET_KEY="bench")
        if args.data:
            for bestand in args.data.glob("ketenzicht.sqlite3*"):  # with its write-ahead log
                shutil.copy(bestand, map_)
        else:
            print("demo landelijk laden ...", file=sys.stderr, flush=True)
            for stap in (["beheer", "migrate", "-v", "0"], ["demo", "--schaal", "landelijk"]):
                subprocess.run(
                    [sys.executable, "-m", "ketenzicht.cli", *stap],
                    env=env,
                    check=True,
                    capture_output=True,
                )
        uit: dict[str, Any] = {}
        for stap in ("--meet", "--herstart"):
            proces = subprocess.run(
                [sys.executable, __file__, stap], env=env, check=True, stdout=subprocess.PIPE
            )
            uit |= json.loads(proces.stdout)
    _tabel(
        f"monitortrend over {uit['peildata']} peildata",
        uit,
        (
            ("eerste", "eerste keer (niets bewaard)"),
            ("toewijzing_vandaag", "na een toewijzing van vandaag"),
            ("ziek_achteraf", "na een ziekmelding van 20 dagen terug"),
            ("herstart", "na een herstart (nieuw proces)"),
        ),
        "voorheen: alles opzij bij elk nieuw feit, en bewaard in het geheugen van elk proces; "
        "nu: per peildatum bewaard tot een later geregistreerd feit die peildatum raakt, "
        "in de database",
    )
    print()
    _tabel(
        f"doorbraakmonitor over {uit['maanden']} maanden",
        uit,
        (
            ("doorbraak_eerste", "eerste keer (niets bewaard)"),
            ("doorbraak_toewijzing_vandaag", "na een toewijzing van vandaag"),
            ("doorbraak_ziek_achteraf", "na een ziekmelding van 20 dagen terug"),
            ("doorbraak_mijlpaal", "na een mijlpaal van een maatregel van ~2 mnd"),
        ),
        "voorheen: de twaalf maanden samen bewaard onder één versie van alle feiten; "
        "nu: per maand bewaard tot een later geregistreerd feit die maand raakt "
        "(de ontbrekende maanden samen berekend)",
    )
    return 0


def _tabel(
    titel: str, uit: dict[str, Any], regels: tuple[tuple[str, str], ...], uitleg: str
) -> None:
    """Both rules side by side, in seconds, with their ratio."""
    print(f"{titel}, landelijk (seconden)")
    print(f"{'':<44}{'voorheen':>12}{'nu':>10}{'verhouding':>12}")
    for sleutel, label in regels:
        eerder, nu = uit[sleutel]
        print(f"{label:<44}{eerder:>12.2f}{nu:>10.2f}{eerder / nu:>11.1f}×")
    print(uitleg)


if __name__ == "__main__":
    raise SystemExit(main())
