"""Demo supply and demand for the zorgbemiddelingstafel: providers with offers and capacity per
region, and waiting care requests for children with and without a measure. Synthetic, seeded.

Coordinates are those of the municipalities' town halls, rounded (for distances only); AGB codes
are made up in the 98xxxxxx block, which the AGB register does not hand out to providers here.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ketenzicht.bemiddeling.models import Aanbod, Capaciteit, Hulpvraag
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.kinderen.models import Kind, Maatregel, Triage
from ketenzicht.organisaties.models import Organisatie

LIGGING = {
    "GM0014": (53.22, 6.57), "GM0080": (53.20, 5.80), "GM0106": (52.99, 6.56),
    "GM0114": (52.78, 6.90), "GM0193": (52.51, 6.09), "GM0153": (52.22, 6.89),
    "GM0150": (52.25, 6.16), "GM0202": (51.98, 5.91), "GM0268": (51.84, 5.86),
    "GM0200": (52.21, 5.97), "GM0344": (52.09, 5.12), "GM0307": (52.16, 5.39),
    "GM0034": (52.37, 5.21), "GM0995": (52.52, 5.47), "GM0363": (52.37, 4.90),
    "GM0479": (52.44, 4.81), "GM0392": (52.38, 4.64), "GM0361": (52.63, 4.75),
    "GM0518": (52.08, 4.30), "GM0546": (52.16, 4.49), "GM0503": (52.01, 4.36),
    "GM0599": (51.92, 4.48), "GM0505": (51.81, 4.67), "GM0687": (51.50, 3.61),
    "GM0772": (51.44, 5.47), "GM0855": (51.56, 5.09), "GM0758": (51.59, 4.78),
    "GM0796": (51.69, 5.30), "GM0935": (50.85, 5.69), "GM0917": (50.89, 5.98),
    "GM0983": (51.37, 6.17),
}  # fmt: skip

# (productcategorie, name, age from, age to, with stay, places per offer)
ZORGVORMEN = [
    ("45", "Ambulante gezinsbehandeling", 0, 17, False, 30),
    ("41", "Dagbehandeling", 4, 17, False, 12),
    ("35", "Pleegzorg", 0, 17, True, 10),
    ("36", "Gezinshuis", 4, 17, True, 6),
    ("43", "Behandelgroep met verblijf", 12, 17, True, 8),
    ("46", "Crisisopvang", 0, 17, True, 4),
]
VRAAG_GEWICHT = [0.35, 0.12, 0.2, 0.13, 0.12, 0.08]
AANBIEDERS = ["Horizon", "Kompas", "De Rading", "Lindenhout", "Timon"]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _moment(d: date) -> datetime:
    return datetime.combine(d, time(9, 0), tzinfo=AMSTERDAM)


def agb_codes(gis: dict[str, Organisatie]) -> None:
    for i, org in enumerate(gis.values(), start=1):
        org.agb_code = f"98{i:06d}"
        org.save(update_fields=["agb_code"])


def liggingen(gemeenten: dict[str, Organisatie]) -> None:
    for code, org in gemeenten.items():
        org.breedtegraad, org.lengtegraad = LIGGING[code]
        org.save(update_fields=["breedtegraad", "lengtegraad"])


def _aanbod(rng: random.Random, tot: date, gemeenten: dict[str, Organisatie]) -> None:
    per_regio: dict[int, list[Organisatie]] = defaultdict(list)
    for g in gemeenten.values():
        per_regio[g.regio_id].append(g)  # type: ignore[index]
    nummer = 1000
    capaciteit = []
    for _, gem in sorted(per_regio.items()):
        for naam in rng.sample(AANBIEDERS, 3):
            nummer += 1
            aanbieder = Organisatie.objects.create(
                naam=f"{naam} jeugdhulp ({gem[0].regio})".replace("Jeugdregio ", ""),
                type=Organisatie.Type.JEUGDHULPAANBIEDER,
                agb_code=f"98{nummer:06d}",
            )
            for cat, zorg, van, tot_l, verblijf, plaatsen in ZORGVORMEN:
                if rng.random() < 0.35:
                    continue
                a = Aanbod.objects.create(
                    aanbieder=aanbieder,
                    naam=f"{zorg} {naam}",
                    productcategorie=cat,
                    vestiging=rng.choice(gem),
                    leeftijd_van=van,
                    leeftijd_tot=tot_l,
                    met_verblijf=verblijf,
                    geregistreerd_op=_moment(tot - timedelta(days=400)),
                )
                n = max(2, round(plaatsen * rng.uniform(0.6, 1.4)))
                for dagen_terug in (60, rng.randint(1, 20)):
                    bezet = min(n, round(n * rng.uniform(0.75, 1.0)))
                    vrij = rng.choice([0, 0, 1, 2])
                    capaciteit.append(
                        Capaciteit(
                            aanbod=a,
                            geldig_van=tot - timedelta(days=dagen_terug),
                            plaatsen=n,
                            bezet=bezet,
                            verwacht_vrij=vrij,
                            verwacht_vrij_per=tot + timedelta(days=rng.randint(3, 35))
                            if vrij
                            else None,
                            eigen_wachtlijst=rng.randint(0, 3 * n),
                            gemeld_door=aanbieder.naam,
                            geregistreerd_op=_moment(tot - timedelta(days=dagen_terug)),
                        )
                    )
    Capaciteit.objects.bulk_create(capaciteit)


def _hulpvragen(rng: random.Random, tot: date) -> None:
    """Waiting requests: children whose measure runs and whose help has not started, and
    children whose measure ended who still need help (no measure now), triaged."""
    cats = [z[0] for z in ZORGVORMEN]
    lopend = list(
        Maatregel.objects.filter(einde__isnull=True, start__gte=tot - timedelta(days=180))
        .exclude(mijlpalen__mijlpaal="hulpaanbod")
        .select_related("kind__gemeente", "gi")
        .order_by("pk")
    )
    met = rng.sample(lopend, min(len(lopend), max(40, len(lopend) // 2)))
    beeindigd = list(
        Kind.objects.filter(maatregelen__einde__isnull=False)
        .exclude(maatregelen__einde__isnull=True)
        .select_related("gemeente")
        .distinct()
        .order_by("pk")[: max(10, len(met) // 2)]
    )
    hulpvragen, triages, n = [], [], 0
    for m in met:
        n += 1
        dagen = rng.randint(0, 90)
        hulpvragen.append(
            Hulpvraag(
                kind=m.kind,
                maatregel=m,
                aangevraagd_door=m.gi,
                regio_id=m.kind.gemeente.regio_id,  # type: ignore[misc]
                productcategorie=rng.choices(cats, VRAAG_GEWICHT)[0],
                aangevraagd_op=max(m.start, tot - timedelta(days=dagen)),
                referentie=f"HV-DEMO-{n:06d}",
                geregistreerd_op=_moment(max(m.start, tot - timedelta(days=dagen))),
            )
        )
    for k in beeindigd:
        n += 1
        datum = tot - timedelta(days=rng.randint(0, 120))
        hulpvragen.append(
            Hulpvraag(
                kind=k,
                aangevraagd_door=k.gemeente,
                regio_id=k.gemeente.regio_id,  # type: ignore[misc]
                productcategorie=rng.choices(cats, VRAAG_GEWICHT)[0],
                aangevraagd_op=datum,
                referentie=f"HV-DEMO-{n:06d}",
                geregistreerd_op=_moment(datum),
            )
        )
        urgentie = rng.choices(list(Urgentie), [0.3, 0.35, 0.25, 0.1])[0]
        triages.append(
            Triage(
                kind=k,
                datum=datum,
                beoordelaar="lokaal team (demo)",
                ernstige_ontwikkelingsbedreiging=urgentie >= Urgentie.HOOG,
                acute_onveiligheid=urgentie == Urgentie.ACUUT,
                urgentie=int(urgentie),
                geregistreerd_op=_moment(datum),
            )
        )
    Hulpvraag.objects.bulk_create(hulpvragen, batch_size=2000)
    Triage.objects.bulk_create(triages, batch_size=2000)


def laad(
    *, seed: int, tot: date, gis: dict[str, Organisatie], gemeenten: dict[str, Organisatie]
) -> None:
    rng = random.Random(seed * 7919 + 6)
    agb_codes(gis)
    liggingen(gemeenten)
    _aanbod(rng, tot, gemeenten)
    _hulpvragen(rng, tot)
