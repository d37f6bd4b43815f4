"""A child moves to another gemeente (woonplaatsbeginsel): from the move the new gemeente sees
it and counts it in its region, the old one no longer sees it; the region's figures at an
earlier peildatum, and as known before the move was registered, count it where it lived then."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.kinderen.models import Woonplaats
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.monitor.gebieden import gebieden
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
TZ = ZoneInfo("Europe/Amsterdam")
VERHUISD = date(2026, 11, 10)


@pytest.fixture
def nieuw(wereld) -> Organisatie:  # type: ignore[no-untyped-def]
    return Organisatie.objects.create(
        naam="Gemeente Nieuw",
        type=Organisatie.Type.GEMEENTE,
        gemeentecode="GM9997",
        regio=wereld.gemeente.regio,
    )


def _beleid(gemeente: Organisatie):  # type: ignore[no-untyped-def]
    gebruiker = get_user_model().objects.create_user(username=f"beleid-{gemeente.gemeentecode}")
    Lidmaatschap.objects.create(
        gebruiker=gebruiker, organisatie=gemeente, rol=Lidmaatschap.Rol.BELEID
    )
    return gebruiker


def _clienten(peildatum: date, **kw: object) -> dict[str, int]:
    uit = gebieden(peildatum=peildatum, regio_naam="Jeugdregio Test", **kw)  # type: ignore[arg-type]
    return {naam: cijfers.clienten for naam, cijfers in uit.per_gebied.items()}


def test_na_een_verhuizing_telt_en_ziet_de_nieuwe_gemeente_het_kind(wereld, nieuw) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    voor_registratie = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)
    assert _clienten(date(2026, 11, 15)) == {"Gemeente Nieuw": 0, "Gemeente Test": 1}

    with time_machine.travel("2026-11-20 11:00 +01:00", tick=False):
        pagina = ingelogd(wereld.planner_a).post(
            reverse("verhuizing", args=[kind.pid]),
            {"gemeente": nieuw.pk, "per": VERHUISD.isoformat()},
            follow=True,
        )

        html = pagina.content.decode()
        assert "Verhuizing naar Gemeente Nieuw per 10-11-2026 geregistreerd" in html
        assert "Gemeente Nieuw sinds 10-11-2026; daarvoor Gemeente Test (bij registratie)" in html
        tijdlijn = html[html.index('data-testid="tijdlijn"') :]
        assert '<time datetime="2026-11-10">10-11-2026</time> Verhuisd naar Gemeente Nieuw' in (
            tijdlijn
        )
        kind.refresh_from_db()
        assert kind.gemeente == nieuw
        assert AuditRegel.objects.filter(kind_pid=kind.pid, doel__startswith="verhuisd").exists()
        assert _clienten(date(2026, 11, 1)) == {"Gemeente Nieuw": 0, "Gemeente Test": 1}
        assert _clienten(date(2026, 11, 15)) == {"Gemeente Nieuw": 1, "Gemeente Test": 0}
        assert _clienten(date(2026, 11, 15), bekend_op=voor_registratie) == {
            "Gemeente Nieuw": 0,
            "Gemeente Test": 1,
        }
        url = reverse("kind", args=[kind.pid])
        assert ingelogd(_beleid(nieuw)).get(url).status_code == 200
        assert ingelogd(_beleid(wereld.gemeente)).get(url).status_code == 404


@pytest.mark.parametrize(
    ("per", "naar", "veld", "melding"),
    [
        ("2026-11-21", "nieuw", "per", "na vandaag"),
        ("2014-01-01", "nieuw", "per", "voor de geboortedatum"),
        ("2026-11-10", "oud", "gemeente", "woont al in deze gemeente"),
    ],
)
def test_een_geweigerde_verhuizing_noemt_het_veld_en_bewaart_niets(  # type: ignore[no-untyped-def]
    wereld, nieuw, per: str, naar: str, veld: str, melding: str
) -> None:
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    gemeente = nieuw if naar == "nieuw" else wereld.gemeente
    client = ingelogd(wereld.planner_a)

    pagina = client.post(
        reverse("verhuizing", args=[kind.pid]), {"gemeente": gemeente.pk, "per": per}, follow=True
    )
    api = client.post(
        reverse("api-verhuizing", args=[kind.pid]),
        {"gemeente": gemeente.gemeentecode, "per": per},
        content_type="application/json",
    )

    assert melding in pagina.content.decode()
    assert api.status_code == 400 and melding in api.json()[veld][0]
    kind.refresh_from_db()
    assert kind.gemeente == wereld.gemeente and not Woonplaats.objects.exists()


def test_verhuizingen_volgen_elkaar_op_en_de_api_toont_ze(wereld, nieuw) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    client = ingelogd(wereld.planner_a)
    url = reverse("api-verhuizing", args=[kind.pid])

    eerste = client.post(
        url, {"gemeente": "GM9997", "per": "2026-11-10"}, content_type="application/json"
    )
    terug_te_vroeg = client.post(
        url, {"gemeente": "GM9999", "per": "2026-11-10"}, content_type="application/json"
    )
    terug = client.post(
        url, {"gemeente": "GM9999", "per": "2026-11-18"}, content_type="application/json"
    )

    assert eerste.status_code == 201
    assert eerste.json() == {"gemeente": "Gemeente Nieuw", "per": "2026-11-10"}
    assert terug_te_vroeg.status_code == 400
    assert "vorige verhuizing was op 10-11-2026" in terug_te_vroeg.json()["per"][0]
    assert terug.status_code == 201
    dossier = client.get(reverse("api-kind", args=[kind.pid])).json()
    assert dossier["gemeente"] == "Gemeente Test"
    assert [(w["gemeente"], w["van"]) for w in dossier["woonplaatsen"]] == [
        ("Gemeente Test", "2015-03-01"),
        ("Gemeente Nieuw", "2026-11-10"),
        ("Gemeente Test", "2026-11-18"),
    ]
    assert _clienten(date(2026, 11, 15)) == {"Gemeente Nieuw": 1, "Gemeente Test": 0}


def test_alleen_een_planner_van_een_gi_van_het_kind_registreert_een_verhuizing(  # type: ignore[no-untyped-def]
    wereld, nieuw
) -> None:
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    gegevens = {"gemeente": nieuw.pk, "per": "2026-11-10"}
    for wie in (wereld.planner_b, wereld.beleid, _beleid(wereld.gemeente)):
        assert (
            ingelogd(wie).post(reverse("verhuizing", args=[kind.pid]), gegevens).status_code == 404
        )
        api = ingelogd(wie).post(
            reverse("api-verhuizing", args=[kind.pid]),
            {"gemeente": "GM9997", "per": "2026-11-10"},
            content_type="application/json",
        )
        assert api.status_code in {403, 404}
    assert not Woonplaats.objects.exists()


def test_de_doorbraakmonitor_telt_een_maatregel_in_de_gemeente_van_de_start(wereld, nieuw) -> None:  # type: ignore[no-untyped-def]
    """Anna, Bram and Cas started on 3 August in Gemeente Test. Bram moved to Gemeente Nieuw on
    1 September, after his measure started: it stays Gemeente Test's, which answered for him
    then. Cas moved on 1 August, before: his measure is Gemeente Nieuw's. Gemeente Test sees
    Bram no longer, so its drill-down names Anna and counts Bram without his name."""
    from tests.integration.test_doorbraak import plan_rijen, september

    (anna, _), (bram, _), (cas, _) = september(wereld)
    voor_registratie = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)
    with time_machine.travel("2026-11-20 11:00 +01:00", tick=False):
        verhuizing_registreren(bram, nieuw, per=date(2026, 9, 1), door=wereld.planner_a)
        verhuizing_registreren(cas, nieuw, per=date(2026, 8, 1), door=wereld.planner_b)

    rijen = plan_rijen()
    assert (
        rijen[("gemeente", "Gemeente Test")].noemer,
        rijen[("gemeente", "Gemeente Test")].op_tijd,
    ) == (2, 1)
    assert (
        rijen[("gemeente", "Gemeente Nieuw")].noemer,
        rijen[("gemeente", "Gemeente Nieuw")].op_tijd,
    ) == (1, 1)
    assert rijen[("regio", "Jeugdregio Test")].noemer == 3
    bekend = plan_rijen(bekend_op=voor_registratie)
    assert bekend[("gemeente", "Gemeente Test")].noemer == 3
    assert ("gemeente", "Gemeente Nieuw") not in bekend

    url = reverse("achter-het-cijfer") + "?maand=2026-09&mijlpaal=veiligheidsplan"
    test = ingelogd(_beleid(wereld.gemeente)).get(url).content.decode()
    assert str(anna.pid) in test and str(bram.pid) not in test and str(cas.pid) not in test
    assert "Ook in dit cijfer: 1 verhuisd kind" in test
    gezien = AuditRegel.objects.filter(doel__startswith="doorbraakmonitor")
    assert set(gezien.values_list("kind_pid", flat=True)) == {anna.pid}
    nieuw_html = ingelogd(_beleid(nieuw)).get(url).content.decode()
    assert str(cas.pid) in nieuw_html and str(bram.pid) not in nieuw_html
    assert 'data-testid="elders"' not in nieuw_html


def test_naar_een_andere_regio_gaat_een_wachtende_hulpvraag_mee_naar_die_tafel(wereld) -> None:  # type: ignore[no-untyped-def]
    """The child moves out of the jeugdregio: its waiting care request goes to the new region's
    zorgbemiddelingstafel, still waiting since the day it was asked; a place already reserved
    stays with the table that reserved it."""
    from ketenzicht.bemiddeling.models import Hulpvraag
    from ketenzicht.bemiddeling.services import hulpvraag_registreren

    elders = Organisatie.objects.create(naam="Jeugdregio Elders", type=Organisatie.Type.JEUGDREGIO)
    ver = Organisatie.objects.create(
        naam="Gemeente Ver", type=Organisatie.Type.GEMEENTE, gemeentecode="GM9996", regio=elders
    )
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    wachtend, gereserveerd = (
        hulpvraag_registreren(
            kind=kind,
            productcategorie=categorie,
            aangevraagd_door=wereld.gi_a,
            aangevraagd_op=date(2026, 9, 15),
            door=None,
        )
        for categorie in ("40", "43")
    )
    Hulpvraag.objects.filter(pk=gereserveerd.pk).update(status=Hulpvraag.Status.GERESERVEERD)

    pagina = ingelogd(wereld.planner_a).post(
        reverse("verhuizing", args=[kind.pid]),
        {"gemeente": ver.pk, "per": "2026-11-10"},
        follow=True,
    )

    assert (
        "De wachtende hulpvraag staat nu aan de zorgbemiddelingstafel van Jeugdregio Elders"
        in pagina.content.decode()
    )
    wachtend.refresh_from_db()
    gereserveerd.refresh_from_db()
    assert (wachtend.regio, wachtend.aangevraagd_op) == (elders, date(2026, 9, 15))
    assert gereserveerd.regio == wereld.gemeente.regio
