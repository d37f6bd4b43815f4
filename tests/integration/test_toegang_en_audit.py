"""Org-scoped access and the audit log, through page and API."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from tests.integration.conftest import met_voortgang

pytestmark = pytest.mark.django_db

START = date(2026, 10, 1)


def ingelogd(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.usefixtures("bevroren_klok")
def test_gi_ziet_eigen_kind_en_dat_wordt_gelogd(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    voor = AuditRegel.objects.filter(kind_pid=kind.pid, actie="lezen").count()
    pagina = ingelogd(wereld.planner_a).get(reverse("kind", args=[kind.pid]))
    api = ingelogd(wereld.planner_a).get(reverse("api-kind", args=[kind.pid]))
    assert pagina.status_code == 200 and "Sem de Vries" in pagina.content.decode()
    assert api.status_code == 200 and api.json()["kind"] == str(kind.pid)
    regels = AuditRegel.objects.filter(kind_pid=kind.pid, actie="lezen").order_by("tijdstip")
    assert regels.count() == voor + 2
    assert {r.kanaal for r in regels} == {"web", "api"}
    assert all(
        r.gebruikersnaam == "planner_a" and r.organisatie == "GI Alfa" and r.doel for r in regels
    )


def test_andere_gi_krijgt_404_via_pagina_en_api(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    c = ingelogd(wereld.planner_b)
    assert c.get(reverse("kind", args=[kind.pid])).status_code == 404
    assert c.get(reverse("api-kind", args=[kind.pid])).status_code == 404
    assert not AuditRegel.objects.filter(kind_pid=kind.pid, gebruikersnaam="planner_b").exists()


def test_ministerie_ziet_geen_kinderen_wel_de_monitor(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    c = ingelogd(wereld.beleid)
    assert c.get(reverse("kind", args=[kind.pid])).status_code == 404
    assert c.get(reverse("api-kind", args=[kind.pid])).status_code == 404
    assert c.get(reverse("wachtlijst")).status_code == 403
    assert c.get(reverse("api-wachtlijst")).status_code == 403
    monitor = met_voortgang(c, reverse("monitor"), {"peildatum": "2026-11-01"})
    assert monitor.status_code == 200 and "Sem de Vries" not in monitor.content.decode()


def test_anoniem_moet_inloggen(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    assert Client().get(reverse("kind", args=[kind.pid])).status_code == 302
    assert Client().get(reverse("api-wachtlijst")).status_code in (401, 403)


@pytest.mark.usefixtures("bevroren_klok")
def test_wachtlijst_pagina_en_api_tonen_dezelfde_kinderen(wereld) -> None:  # type: ignore[no-untyped-def]
    oud, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    nieuw, _ = wereld.kind(wereld.gi_a, start=date(2026, 11, 2), voornaam="Bram")
    wereld.kind(wereld.gi_a, start=date(2026, 11, 18), voornaam="Cas")  # within 5 working days
    wereld.kind(wereld.gi_b, start=date(2026, 10, 1), voornaam="Dirk")  # another GI
    c = ingelogd(wereld.planner_a)
    html = c.get(reverse("wachtlijst")).content.decode()
    assert html.index("Bram de Vries") < html.index("Anna de Vries")  # newest first
    # whole names: a bare "Cas" turns up in the page's random CSRF token once in a few thousand
    assert "Cas de Vries" not in html and "Dirk de Vries" not in html
    data = c.get(reverse("api-wachtlijst"), {"soort": "start"}).json()
    assert [w["naam"] for w in data["wachtenden"]] == ["Bram de Vries", "Anna de Vries"]
    assert [w["dagen_wachtend"] for w in data["wachtenden"]] == [18, 50]
    assert data["wachtenden"][0]["kind"] == str(nieuw.pid)
    gezien = AuditRegel.objects.filter(actie="lezen_lijst", gebruikersnaam="planner_a")
    assert {r.kind_pid for r in gezien} == {oud.pid, nieuw.pid}


def test_onbekende_soort_geeft_duidelijke_fout(wereld) -> None:  # type: ignore[no-untyped-def]
    r = ingelogd(wereld.planner_a).get(reverse("api-wachtlijst"), {"soort": "later"})
    assert r.status_code == 400 and "soort" in r.json()
