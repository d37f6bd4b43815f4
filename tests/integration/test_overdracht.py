"""A measure handed over to another GI: the sending GI's part ends ("overgedragen", with its
vaste jeugdbeschermer), the receiving GI continues it from that day and has to assign its own
jeugdbeschermer; the doorbraak deadlines run on from the first start, and count for the GI
holding the measure on the deadline day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.doorbraak import mijlpalen, services
from ketenzicht.kinderen import services as kinderen
from ketenzicht.kinderen.correctie import Correctie, maatregel_corrigeren
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.overdracht import maatregel_overdragen
from ketenzicht.kinderen.services import Weigering
from ketenzicht.kinderen.wachtlijsten import wachtlijst
from tests.integration.test_doorbraak import plan_rijen, september
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
TZ = ZoneInfo("Europe/Amsterdam")
OVERDRACHT = date(2026, 9, 1)


def test_de_planner_draagt_over_en_de_andere_gi_zet_de_maatregel_voort(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, ots = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    jb = wereld.medewerker(wereld.gi_a)
    kinderen.jeugdbeschermer_toewijzen(
        maatregel=ots, medewerker=jb, start=date(2026, 8, 5), door=None
    )

    pagina = ingelogd(wereld.planner_a).post(
        reverse("maatregel-overdracht", args=[kind.pid]),
        {"maatregel": ots.pk, "gi": wereld.gi_b.pk, "per": OVERDRACHT.isoformat()},
        follow=True,
    )

    assert "Ondertoezichtstelling overgedragen aan GI Beta per 01-09-2026" in (
        pagina.content.decode()
    )
    ots.refresh_from_db()
    assert (ots.einde, ots.einde_reden) == (OVERDRACHT, "overgedragen")
    assert ots.toewijzingen.get().einde == OVERDRACHT
    voortgezet = Maatregel.objects.get(overgenomen_van=ots)
    assert (voortgezet.gi, voortgezet.code, voortgezet.start) == (wereld.gi_b, ots.code, OVERDRACHT)
    assert voortgezet.beschikking_datum == ots.beschikking_datum
    wachtend = wachtlijst(
        gebruiker=wereld.planner_b,
        gi=wereld.gi_b,
        peildatum=date(2026, 11, 20),
        soort=WachtSoort.START,
        kanaal="web",
    )
    assert [(w.kind_pid, w.sinds) for w in wachtend] == [(kind.pid, OVERDRACHT)]
    assert AuditRegel.objects.filter(
        kind_pid=kind.pid, doel="maatregel overgedragen aan GI Beta per 01-09-2026"
    ).exists()
    b = ingelogd(wereld.planner_b).get(reverse("kind", args=[kind.pid])).content.decode()
    assert "Ondertoezichtstelling overgenomen door GI Beta" in b  # the timeline
    assert "overgenomen van GI Alfa per 01-09-2026" in b
    assert "geëindigd 01-09-2026 (overgedragen aan GI Beta)" in b


@pytest.mark.parametrize(
    ("gi", "per", "veld", "melding"),
    [
        ("GI Beta", "2026-11-21", "per", "na vandaag"),
        ("GI Beta", "2026-08-02", "per", "startte op 03-08-2026"),
        ("GI Alfa", "2026-09-01", "gi", "loopt al bij deze GI"),
        ("GI Gamma", "2026-09-01", "gi", "Geen GI met AGB-code of naam"),
    ],
)
def test_een_geweigerde_overdracht_noemt_het_veld_en_bewaart_niets(  # type: ignore[no-untyped-def]
    wereld, gi: str, per: str, veld: str, melding: str
) -> None:
    _, ots = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))

    antwoord = ingelogd(wereld.planner_a).post(
        reverse("api-maatregel-overdracht", args=[ots.pk]),
        {"gi": gi, "per": per},
        content_type="application/json",
    )

    assert antwoord.status_code == 400 and melding in antwoord.json()[veld][0]
    ots.refresh_from_db()
    assert ots.einde is None and Maatregel.objects.count() == 1


def test_api_draagt_over_op_agb_code_en_twee_keer_overdragen_kan_niet(wereld) -> None:  # type: ignore[no-untyped-def]
    _, ots = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    wereld.gi_b.agb_code = "98000002"
    wereld.gi_b.save()
    url = reverse("api-maatregel-overdracht", args=[ots.pk])
    client = ingelogd(wereld.planner_a)

    eerste = client.post(
        url, {"gi": "98000002", "per": "2026-09-01"}, content_type="application/json"
    )
    tweede = client.post(
        url, {"gi": "98000002", "per": "2026-09-02"}, content_type="application/json"
    )
    door_b = ingelogd(wereld.planner_b).post(
        url, {"gi": "GI Alfa", "per": "2026-09-02"}, content_type="application/json"
    )

    voortgezet = Maatregel.objects.get(overgenomen_van=ots)
    assert eerste.status_code == 201
    assert eerste.json() == {"maatregel": voortgezet.pk, "gi": "GI Beta", "per": "2026-09-01"}
    assert (
        tweede.status_code == 400 and "al beëindigd op 01-09-2026" in tweede.json()["maatregel"][0]
    )
    assert door_b.status_code == 404
    assert Maatregel.objects.count() == 2
    dossier = ingelogd(wereld.planner_b).get(reverse("api-kind", args=[ots.kind.pid])).json()
    assert [(m["gi"], m["einde_reden"], m["overgenomen_van"]) for m in dossier["maatregelen"]] == [
        ("GI Beta", "", ots.pk),  # newest first
        ("GI Alfa", "overgedragen", None),
    ]


def test_de_doorbraak_telt_een_overgedragen_maatregel_een_keer_vanaf_de_eerste_start(
    wereld,
) -> None:  # type: ignore[no-untyped-def]
    """Anna's OTS started at GI Alfa on 3 August (veiligheidsplan due 14 September); GI Alfa
    handed it over to GI Beta on 1 September, which made the plan on 10 September: in time,
    and counted at GI Beta, which held the measure when the plan was due. Her vaste
    jeugdbeschermer at GI Alfa (5 August) still counts as met: the deadlines do not start
    again."""
    (anna, ots), _, _ = september(wereld)
    voor_overdracht = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)
    with time_machine.travel("2026-11-20 11:00 +01:00", tick=False):
        voortgezet = maatregel_overdragen(ots, wereld.gi_b, per=OVERDRACHT, door=None)
        services.mijlpaal_registreren(
            maatregel=voortgezet,
            mijlpaal="veiligheidsplan",
            datum=date(2026, 9, 10),
            wie="jb",
            door=None,
        )

    rijen = plan_rijen()
    assert (rijen[("gi", "GI Alfa")].noemer, rijen[("gi", "GI Alfa")].op_tijd) == (1, 0)
    assert (rijen[("gi", "GI Beta")].noemer, rijen[("gi", "GI Beta")].op_tijd) == (2, 2)
    assert rijen[("landelijk", "Nederland")].noemer == 3
    assert plan_rijen(gi_naam="GI Alfa")[("landelijk", "Nederland")].noemer == 1
    eerder = plan_rijen(bekend_op=voor_overdracht)
    assert (eerder[("gi", "GI Alfa")].noemer, eerder[("gi", "GI Alfa")].op_tijd) == (2, 1)
    standen = {s.mijlpaal.code: s for s in mijlpalen.mijlpalen_van(voortgezet, date(2026, 11, 20))}
    assert standen["jeugdbeschermer"].gehaald_op == date(2026, 8, 5)
    assert standen["veiligheidsplan"].vervaldatum == date(2026, 9, 14)


def test_een_deel_van_een_overgedragen_maatregel_houdt_einde_en_start(wereld) -> None:  # type: ignore[no-untyped-def]
    _, ots = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    voortgezet = maatregel_overdragen(ots, wereld.gi_b, per=OVERDRACHT, door=None)
    ots.refresh_from_db()

    def correctie(m: Maatregel, **anders: object) -> Correctie:
        gegevens = {
            "code": MaatregelCode(m.code),
            "beschikking_datum": m.beschikking_datum,
            "start": m.start,
            "reden": "typefout",
            **anders,
        }
        return Correctie.uit(gegevens)

    with pytest.raises(Weigering, match="einde is de dag van de overdracht") as einde:
        maatregel_corrigeren(ots, correctie(ots, heropenen=True), door=None)
    with pytest.raises(Weigering, match="voort vanaf de overdracht") as start:
        maatregel_corrigeren(voortgezet, correctie(voortgezet, start=date(2026, 9, 2)), door=None)
    assert (einde.value.veld, start.value.veld) == ("einde", "start")
    assert not ots.correcties.exists() and not voortgezet.correcties.exists()
