"""How fast the zorgbemiddelingstafel proposes (issue 6: ≤ 0.1 s for the solve, ≤ 1 s end to end
for 3,000 requests against 400 offers with 2,400 places).

Prints, side by side with the budget:
- pure domain: building the compatible pairs (numpy), the min-cost-flow solve alone, and the
  whole ``voorstel`` (pairs + solve + explanations);
- end to end on a throw-away SQLite database holding one region with that many requests and
  offers: the selector (database reads, priority ranking with reasons, audit rows, solve), and
  ``ketenzicht bemiddel --format json`` as a process (including Python and Django start-up).

    uv run python bench/bemiddeling.py
    uv run python bench/bemiddeling.py --alleen-domein
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ketenzicht.domain import bemiddeling as b

VRAGEN, AANBOD, PLAATSEN = 3_000, 400, 2_400
CATS = ["45", "41", "35", "36", "43", "46"]
PEIL = date(2026, 11, 20)


def meet(functie: Callable[[], Any], keer: int = 5) -> tuple[float, Any]:
    """Best of ``keer`` wall-clock runs, and the last result."""
    tijden, uit = [], None
    for _ in range(keer):
        begin = time.perf_counter()
        uit = functie()
        tijden.append(time.perf_counter() - begin)
    return min(tijden), uit


def plaatsen_verdelen(rng: random.Random) -> list[int]:
    """2,400 places over 400 offers, every offer at least one."""
    aantallen = [1] * AANBOD
    for _ in range(PLAATSEN - AANBOD):
        aantallen[rng.randrange(AANBOD)] += 1
    return aantallen


def instantie(rng: random.Random) -> tuple[list[b.Vraag], list[b.Pool]]:
    vragen = [
        b.Vraag(
            id=i,
            positie=i + 1,
            productcategorie=rng.choice(CATS),
            leeftijd=rng.randint(0, 17),
            breedte=rng.uniform(51.8, 52.4),
            lengte=rng.uniform(4.6, 5.6),
        )
        for i in range(VRAGEN)
    ]
    pools = []
    for j, n in enumerate(plaatsen_verdelen(rng)):
        van = rng.choice([0, 4, 12])
        wacht = rng.choice([0, 0, 0, 14])
        pools.append(
            b.Pool(
                aanbod=j,
                productcategorie=rng.choice(CATS),
                leeftijd_van=van,
                leeftijd_tot=17,
                breedte=rng.uniform(51.8, 52.4),
                lengte=rng.uniform(4.6, 5.6),
                aantal=n,
                vrij_vanaf=PEIL + timedelta(days=wacht),
                wachtdagen=wacht,
            )
        )
    return vragen, pools


def domein() -> list[tuple[str, float, float, str]]:
    vragen, pools = instantie(random.Random(6))
    t_paren, pr = meet(lambda: b.paren(vragen, pools))

    def los_op() -> float:
        flow = b.netwerk(pr, pools, len(vragen))
        begin = time.perf_counter()
        assert flow.solve() == flow.OPTIMAL
        return time.perf_counter() - begin

    t_solve = min(los_op() for _ in range(5))
    t_totaal, v = meet(lambda: b.voorstel(vragen, pools))
    info = f"{len(pr.vraag):,} paren, {len(v.matches):,} gematcht"
    return [
        ("paren bouwen (numpy)", t_paren, 1.0, info),
        ("solve (OR-Tools min-cost flow)", t_solve, 0.1, info),
        ("voorstel in het domein", t_totaal, 1.0, info),
    ]


def vul_database(rng: random.Random) -> str:
    """One region with 3,000 waiting requests and 400 offers; returns the region's name."""
    from ketenzicht.bemiddeling.models import Aanbod, Capaciteit, Hulpvraag
    from ketenzicht.kinderen.models import Gezin, Kind
    from ketenzicht.organisaties.models import Organisatie

    regio = Organisatie.objects.create(naam="Jeugdregio Bench", type="jeugdregio")
    gemeenten = [
        Organisatie.objects.create(
            naam=f"Gemeente Bench {i}",
            type="gemeente",
            gemeentecode=f"GM9{i:03d}",
            regio=regio,
            breedtegraad=rng.uniform(51.8, 52.4),
            lengtegraad=rng.uniform(4.6, 5.6),
        )
        for i in range(25)
    ]
    aanbieder = Organisatie.objects.create(naam="Aanbieder Bench", type="jeugdhulpaanbieder")
    aanbod = Aanbod.objects.bulk_create(
        Aanbod(
            aanbieder=aanbieder,
            naam=f"Aanbod {j}",
            productcategorie=rng.choice(CATS),
            vestiging=rng.choice(gemeenten),
            leeftijd_van=rng.choice([0, 4, 12]),
            leeftijd_tot=17,
            geregistreerd_op=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for j in range(AANBOD)
    )
    Capaciteit.objects.bulk_create(
        Capaciteit(aanbod=a, geldig_van=PEIL, plaatsen=n + 5, bezet=5, gemeld_door="bench")
        for a, n in zip(aanbod, plaatsen_verdelen(rng), strict=True)
    )
    gezin = Gezin.objects.create(naam="Bench")
    kinderen = Kind.objects.bulk_create(
        Kind(
            gezin=gezin,
            bsn_zoeksleutel=f"bench-{i}",
            bsn_versleuteld="-",  # never decrypted here: no message is written
            voornaam="Kind",
            achternaam=f"Bench{i}",
            geboortedatum=date(2009 + rng.randint(0, 17), 6, 1),
            gemeente=rng.choice(gemeenten),
        )
        for i in range(VRAGEN)
    )
    Hulpvraag.objects.bulk_create(
        Hulpvraag(
            kind=k,
            aangevraagd_door=k.gemeente,
            regio=regio,
            productcategorie=rng.choice(CATS),
            aangevraagd_op=PEIL - timedelta(days=rng.randint(0, 120)),
            referentie=f"HV-BENCH-{i}",
        )
        for i, k in enumerate(kinderen)
    )
    return regio.naam


def eind_tot_eind() -> list[tuple[str, float, float, str]]:
    import django

    map_ = tempfile.mkdtemp(prefix="kz-bench-")
    os.environ.update(KETENZICHT_DATA=map_, KETENZICHT_SECRET_KEY="bench")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.config.settings")
    django.setup()
    from django.core.management import call_command

    from ketenzicht.bemiddeling.voorstel import voorstel
    from ketenzicht.organisaties.models import Organisatie

    call_command("migrate", verbosity=0)
    naam = vul_database(random.Random(7))
    regio = Organisatie.objects.get(naam=naam)
    t_sel, u = meet(
        lambda: voorstel(gebruiker=None, regio=regio, peildatum=PEIL, kanaal="cli"),
        keer=3,
    )
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ketenzicht.cli", "bemiddel", "--regio", naam,
         "--peildatum", PEIL.isoformat(), "--format", "json"],
        check=True, capture_output=True, env=os.environ.copy(),
    )  # fmt: skip
    t_cli = time.perf_counter() - begin
    info = f"{len(u.voorstel.matches):,} gematcht, {len(u.voorstel.blijft_wachten):,} wachten"
    return [
        ("selector: lezen, rangschikken, audit, solve", t_sel, 1.0, info),
        ("ketenzicht bemiddel --format json (proces)", t_cli, 3.0, "incl. opstarten"),
    ]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--alleen-domein", action="store_true")
    args = p.parse_args()
    regels = domein()
    if not args.alleen_domein:
        regels += eind_tot_eind()
    print(f"Zorgbemiddeling: {VRAGEN:,} hulpvragen × {AANBOD} aanbod met {PLAATSEN:,} plekken")
    print(f"{'meting':<46}{'tijd':>10}{'budget':>10}{'verhouding':>12}  toelichting")
    for naam, t, budget, info in regels:
        print(f"{naam:<46}{t:>9.3f}s{budget:>9.1f}s{t / budget:>11.2f}×  {info}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
