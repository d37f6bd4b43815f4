"""How long the GI planner's two heavy reads take: ranking the waiting list with reasons, and the
bulk proposal (issue 4: each within 2 s).

Prints, side by side with the budget:
- the priority rule over 2,000 and 20,000 synthetic waiting children (pure domain);
- the bulk proposal for 2,000 waiting children × 2,500 jeugdbeschermers (pure domain, OR-Tools);
- on the ``landelijk`` demo (loaded into a throw-away SQLite database first, about a minute):
  the largest GI's full ranked list through the selector (database reads, reasons, audit row),
  the bulk proposal for that GI, and ``ketenzicht wachtlijst --format json`` end to end.

    uv run python bench/planning.py            # everything
    uv run python bench/planning.py --alleen-domein
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from ketenzicht.domain.prioriteit import Prioriteitsregels, Urgentie, Wachtend, rangschik
from ketenzicht.domain.verdeling import Aanbod, Vraag, voorstel

BUDGET_S = 2.0
ROLLEN = ("jeugdbeschermer", "jeugdreclasseerder")


def meet(functie: Callable[[], Any], keer: int = 3) -> tuple[float, Any]:
    """Best of ``keer`` wall-clock runs, and the last result."""
    tijden, uit = [], None
    for _ in range(keer):
        begin = time.perf_counter()
        uit = functie()
        tijden.append(time.perf_counter() - begin)
    return min(tijden), uit


def wachtenden(n: int, rng: random.Random) -> list[Wachtend]:
    maatregelen = ("OTS", "VOTS", "voogdij", "JR", None)
    return [
        Wachtend(
            id=str(i),
            maatregel=rng.choice(maatregelen),
            urgentie=rng.choice([None, *Urgentie]),
            werkdagen_tot_termijn=rng.choice([None, rng.randint(-40, 5)]),
            dagen_wachtend=rng.randint(0, 200),
            soort=rng.choice(("start", "intern")),
        )
        for i in range(n)
    ]


def verdeling(n: int, m: int, rng: random.Random) -> tuple[list[Vraag], list[Aanbod]]:
    gemeenten = [f"GM{i:04d}" for i in range(40)]
    vragen = [
        Vraag(
            id=str(i),
            positie=i + 1,
            rol=rng.choices(ROLLEN, (0.75, 0.25))[0],
            gewicht=rng.choice((1.0, 1.0, 1.2, 0.8)),
            gemeente=rng.choice(gemeenten),
            gezin=frozenset({rng.randrange(m)}) if rng.random() < 0.3 else frozenset(),
        )
        for i in range(n)
    ]
    aanbod = [
        Aanbod(
            id=j,
            rol=rng.choices(ROLLEN, (0.75, 0.25))[0],
            ruimte=rng.uniform(-1, 3),
            gemeenten=frozenset(rng.sample(gemeenten, 3)),
        )
        for j in range(m)
    ]
    return vragen, aanbod


class Tabel:
    def __init__(self) -> None:
        print(f"{'meting':<68}{'seconden':>9}{'budget':>8}{'verhouding':>12}")

    def regel(self, naam: str, seconden: float, budget: float | None = BUDGET_S) -> None:
        verhouding = f"{seconden / budget:>11.0%}" if budget else f"{'':>11}"
        print(f"{naam:<68}{seconden:>9.3f}{budget or '':>8}{verhouding} ")


def domein(tabel: Tabel) -> None:
    rng = random.Random(4)
    regels = Prioriteitsregels()
    for n in (2_000, 20_000):
        lijst = wachtenden(n, rng)
        s, _ = meet(lambda lijst=lijst: rangschik(lijst, regels))
        tabel.regel(f"voorrangsregel met redenen, {n:,} wachtenden (domein)", s)
    vragen, aanbod = verdeling(2_000, 2_500, rng)
    s, uit = meet(lambda: voorstel(vragen, aanbod))
    tabel.regel("bulkvoorstel 2,000 kinderen × 2,500 jeugdbeschermers (domein)", s)
    print(
        f"  voorstel: {len(uit.koppelingen):,} gekoppeld, {len(uit.blijft_wachten):,} blijven"
        " wachten (te weinig ruimte onder de norm)"
    )


def met_demo(tabel: Tabel) -> None:
    with tempfile.TemporaryDirectory() as map_:
        os.environ.update(KETENZICHT_DATA=map_, KETENZICHT_SECRET_KEY="bench")
        os.environ.pop("DATABASE_URL", None)
        env = dict(os.environ)

        def cli(*args: str) -> str:
            return subprocess.run(
                [sys.executable, "-m", "ketenzicht.cli", *args],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout

        print("  demo landelijk laden in een tijdelijke database ...", flush=True)
        cli("beheer", "migrate", "--verbosity", "0")
        cli("demo", "--schaal", "landelijk", "--seed", "1", "--tot", "2026-11-22", "--vervang")

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
        import django

        django.setup()
        from datetime import date

        from django.db.models import Count

        from ketenzicht.audit.models import AuditRegel
        from ketenzicht.kinderen.models import Maatregel
        from ketenzicht.organisaties.models import Organisatie
        from ketenzicht.planning import selectors

        peildatum = date(2026, 11, 22)
        grootste = (
            Maatregel.objects.filter(einde__isnull=True)
            .values("gi")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        assert grootste is not None, "de demo laadde geen maatregelen"
        gi = Organisatie.objects.get(pk=grootste["gi"])
        s, lijst = meet(
            lambda: selectors.te_verdelen(
                gebruiker=None, gi=gi, peildatum=peildatum, kanaal=AuditRegel.Kanaal.CLI
            )
        )
        tabel.regel(f"wachtlijst {gi.naam}, {len(lijst):,} kinderen (selector + db)", s)
        s, (uitkomst, _) = meet(
            lambda: selectors.bulkvoorstel(
                gebruiker=None, gi=gi, peildatum=peildatum, kanaal=AuditRegel.Kanaal.CLI
            )
        )
        tabel.regel(f"bulkvoorstel {gi.naam} (selector + db + solver)", s)
        print(f"  voorstel: {len(uitkomst.koppelingen):,} van {len(lijst):,} gekoppeld")
        tijden = []
        for _ in range(3):
            begin = time.perf_counter()
            cli("wachtlijst", "--gi", gi.naam, "--soort", "alle", "--format", "json")
            tijden.append(time.perf_counter() - begin)
        tabel.regel("ketenzicht wachtlijst --soort alle (incl. Python-start)", min(tijden), None)
        print(
            f"  (alle 3: {', '.join(f'{t:.2f}' for t in tijden)} s;"
            f" mediaan {statistics.median(tijden):.2f} s)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alleen-domein", action="store_true", help="zonder demo-database")
    args = parser.parse_args()
    tabel = Tabel()
    domein(tabel)
    if not args.alleen_domein:
        met_demo(tabel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
