"""The functioneel beheerder reads who of their organisation looked at a child's record, to
answer a request under the AVG; the export leaves out the employees' names."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.organisaties.models import Lidmaatschap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _ingelogd(naam: str, org, rol: str) -> Client:  # type: ignore[no-untyped-def]
    user = get_user_model().objects.create_user(username=naam, password="geheim-wachtw")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=rol)
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def dossier(wereld):  # type: ignore[no-untyped-def]
    """A child of GI Alfa opened twice by its planner and once by the gemeente."""
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    planner = Client()
    planner.force_login(wereld.planner_a)
    for _ in range(2):
        assert planner.get(reverse("kind", args=[kind.pid])).status_code == 200
    gemeente = _ingelogd("gem", wereld.gemeente, Lidmaatschap.Rol.BELEID)
    assert gemeente.get(reverse("kind", args=[kind.pid])).status_code == 200
    beheer = _ingelogd("beheer_a", wereld.gi_a, Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER)
    return wereld, kind, beheer


def test_the_beheerder_sees_their_organisations_accesses_and_is_logged_too(dossier) -> None:  # type: ignore[no-untyped-def]
    _, kind, beheer = dossier
    assert (
        'data-testid="link-logging"'
        in beheer.get(reverse("kind", args=[kind.pid])).content.decode()
    )
    pagina = beheer.get(reverse("kind-logging", args=[kind.pid]))
    assert pagina.status_code == 200
    gelogd = pagina.context["logging"]
    # the system created the child; the gemeente's own accesses are the gemeente's to answer
    assert {r.gebruikersnaam for r in gelogd.regels} == {"systeem", "planner_a", "beheer_a"}
    assert ("planner_a", "Teamleider / planner", 2) in gelogd.per_gebruiker
    nieuwste = gelogd.regels[0]
    assert (nieuwste.gebruikersnaam, nieuwste.doel) == ("beheer_a", "logging ingezien")


def test_the_export_names_functions_not_employees(dossier) -> None:  # type: ignore[no-untyped-def]
    _, kind, beheer = dossier
    antwoord = beheer.get(reverse("kind-logging-csv", args=[kind.pid]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    assert "attachment" in antwoord["Content-Disposition"]
    tekst = antwoord.content.decode()
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert "planner_a" not in tekst and "beheer_a" not in tekst
    assert [r["functie"] for r in rijen].count("Teamleider / planner") == 2
    assert rijen[0]["organisatie"] == "Ketenzicht (systeem)"  # oldest first
    assert rijen[-1]["doel"] == "logging geëxporteerd"
    assert rijen[-1]["tijdstip"].startswith("2026-11-20T10:00")  # Amsterdam time
    assert AuditRegel.objects.filter(
        gebruikersnaam="beheer_a", kind_pid=kind.pid, doel="logging geëxporteerd"
    ).exists()


def test_a_period_narrows_and_a_bad_date_is_named(dossier) -> None:  # type: ignore[no-untyped-def]
    _, kind, beheer = dossier
    url = reverse("kind-logging", args=[kind.pid])
    leeg = beheer.get(url, {"van": "2026-11-21"})
    assert (
        leeg.context["logging"].regels == []
        and 'data-testid="geen-logging"' in leeg.content.decode()
    )
    assert beheer.get(url, {"tot": "2026-11-20"}).context["logging"].regels
    fout = beheer.get(url, {"van": "20-11-2026"})
    assert fout.status_code == 400 and "&#x27;van&#x27; is geen datum" in fout.content.decode()


def test_only_a_beheerder_of_an_organisation_that_sees_the_child(dossier) -> None:  # type: ignore[no-untyped-def]
    wereld, kind, _ = dossier
    planner = Client()
    planner.force_login(wereld.planner_a)
    assert planner.get(reverse("kind-logging", args=[kind.pid])).status_code == 403
    assert (
        'data-testid="link-logging"'
        not in planner.get(reverse("kind", args=[kind.pid])).content.decode()
    )
    elders = _ingelogd("beheer_b", wereld.gi_b, Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER)
    assert elders.get(reverse("kind-logging", args=[kind.pid])).status_code == 404
    assert elders.get(reverse("kind-logging-csv", args=[kind.pid])).status_code == 404
