"""The doorbraak part of the demo as the GIs register it: a triage at the start of most
measures, the milestones met, the agreements and the escalations to the expert teams, and the
re-triages that keep most waiting children in sight."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ketenzicht.demo import doorbraak as demo_doorbraak
from ketenzicht.demo import feiten
from ketenzicht.demo.opslag import Voortgang, bulk, moment
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.domain.triage import TRIAGECRITERIA, ZICHT_TERMIJN, uit_zicht
from ketenzicht.domain.wachtlijst import wachtenden
from ketenzicht.doorbraak.models import Afspraak, Escalatie, EscalatieOvergang, Mijlpaalregistratie
from ketenzicht.kinderen.models import Triage
from ketenzicht.kinderen.selectors import maatregel_standen
from ketenzicht.organisaties.models import Organisatie


def opslaan(
    uit: feiten.Uitkomst,
    seed: int,
    tot: date,
    gemeenten: dict[str, Organisatie],
    voortgang: Voortgang,
) -> None:
    """Triages, milestones met, agreements and escalations to the expert teams."""
    bulk(Triage, _triages(uit, seed), "triages", voortgang)
    registraties = list(demo_doorbraak.mijlpalen(uit, seed, tot))
    bulk(
        Mijlpaalregistratie,
        (
            Mijlpaalregistratie(
                maatregel_id=r.maatregel_id,
                mijlpaal=r.mijlpaal,
                datum=r.datum,
                door="demo",
                bron="demo",
                geregistreerd_op=moment(r.datum),
            )
            for r in registraties
        ),
        "mijlpalen",
        voortgang,
    )
    _afspraken_en_escalaties(uit, registraties, seed, tot, gemeenten)
    bulk(Triage, _veiligheidschecks(seed, tot), "veiligheidschecks", voortgang)


ZICHT_GEHOUDEN = 0.7  # share of the waiting children the GI looked at in the last four weeks


def _veiligheidschecks(seed: int, tot: date) -> list[Triage]:
    """A GI keeps sight of its waiting children (DOMAIN.md): most children waiting on ``tot``
    whose last triage is older than four weeks get a re-triage in the last four weeks, with
    the same criteria and urgency (so the priority order stays as it was). The rest, and the
    children never triaged, stay out of sight, as in a real list."""
    rng = random.Random(f"{seed}:zicht")
    standen = maatregel_standen(peildatum=tot)
    wachtend = sorted({w.kind_id for w in wachtenden(standen, tot, NederlandseKalender())})
    laatste: dict[int, Triage] = {}
    for t in Triage.objects.filter(kind_id__in=wachtend, datum__lte=tot).order_by(
        "kind_id", "datum", "geregistreerd_op"
    ):
        laatste[t.kind_id] = t
    checks = []
    for kind_id in wachtend:
        vorige = laatste.get(kind_id)
        if vorige is None or not uit_zicht(vorige.datum, tot) or rng.random() >= ZICHT_GEHOUDEN:
            continue
        datum = tot - timedelta(days=rng.randrange(ZICHT_TERMIJN.days))
        checks.append(
            Triage(
                kind_id=kind_id,
                datum=datum,
                beoordelaar="demo",
                urgentie=vorige.urgentie,
                toelichting="veiligheidscheck tijdens het wachten",
                geregistreerd_op=moment(datum),
                **{c: getattr(vorige, c) for c in TRIAGECRITERIA},
            )
        )
    return checks


URGENTIE_VERDELING = (
    (Urgentie.LAAG, 0.2),
    (Urgentie.MIDDEN, 0.45),
    (Urgentie.HOOG, 0.28),
    (Urgentie.ACUUT, 0.07),
)
CRITERIA_PER_URGENTIE = {
    Urgentie.LAAG: (),
    Urgentie.MIDDEN: ("ernstige_ontwikkelingsbedreiging",),
    Urgentie.HOOG: ("ernstige_ontwikkelingsbedreiging", "rechtsstatelijkheid"),
    Urgentie.ACUUT: ("acute_onveiligheid", "ernstige_ontwikkelingsbedreiging"),
}


def _triages(uit: feiten.Uitkomst, seed: int) -> list[Triage]:
    """A triage at the start of most measures (four in five), as a GI would register it."""
    rng = random.Random(f"{seed}:triage")
    niveaus = [u for u, _ in URGENTIE_VERDELING]
    gewichten = [g for _, g in URGENTIE_VERDELING]
    triages = []
    for m in uit.maatregelen:
        if rng.random() >= 0.8:
            continue
        urgentie = rng.choices(niveaus, gewichten)[0]
        criteria = set(CRITERIA_PER_URGENTIE[urgentie])
        if m.code.soort is Soort.JEUGDRECLASSERING:
            criteria.add("recidiverisico")
        triages.append(
            Triage(
                kind_id=m.kind_id,
                datum=m.start,
                beoordelaar="demo",
                urgentie=int(urgentie),
                geregistreerd_op=moment(m.start),
                **{c: c in criteria for c in TRIAGECRITERIA},
            )
        )
    return triages


def _afspraken_en_escalaties(
    uit: feiten.Uitkomst,
    registraties: list[demo_doorbraak.Registratie],
    seed: int,
    tot: date,
    gemeenten: dict[str, Organisatie],
) -> None:
    afspraken, escalaties = demo_doorbraak.afspraken_en_escalaties(uit, registraties, seed, tot)
    Afspraak.objects.bulk_create(
        Afspraak(
            kind_id=a.kind_id,
            wie=a.wie,
            wat=a.wat,
            uiterlijk=a.uiterlijk,
            gemaakt_op=moment(a.gemaakt_op),
        )
        for a in afspraken
    )
    teams = {o.regio_id: o for o in Organisatie.objects.filter(type=Organisatie.Type.EXPERTTEAM)}
    for e in escalaties:
        team = teams.get(gemeenten[e.gemeentecode].regio_id)
        if team is None:
            continue
        status = e.stappen[-1][0] if e.stappen else Escalatie.Status.AANGEMELD
        escalatie = Escalatie.objects.create(
            kind_id=e.kind_id,
            maatregel_id=e.maatregel_id,
            expertteam=team,
            status=status,
            reden=e.reden,
            aangemeld_op=e.aangemeld_op,
        )
        van = ""
        for naar, reden, datum in (("aangemeld", e.reden, e.aangemeld_op), *e.stappen):
            EscalatieOvergang.objects.create(
                escalatie=escalatie,
                van=van,
                naar=naar,
                reden=reden,
                datum=datum,
                geregistreerd_op=moment(datum),
            )
            van = naar
