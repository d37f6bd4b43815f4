"""The GI triages a child on its page; the planner's list says which waiting children are out
of sight (never triaged, or not in four weeks) and orders them by the newest triage."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.kinderen import triage
from ketenzicht.kinderen.models import Triage
from ketenzicht.organisaties.models import Lidmaatschap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
START = date(2026, 10, 1)


@pytest.fixture
def planner(wereld) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(wereld.planner_a)
    return c


def _trieer(c: Client, kind, **velden):  # type: ignore[no-untyped-def]
    data = {"datum": "2026-11-20", "urgentie": "3", "criteria": ["acute_onveiligheid"], **velden}
    return c.post(reverse("triage-registreren", args=[kind.pid]), data, follow=True)


def test_a_triage_on_the_childs_page_is_kept_shown_and_audited(wereld, planner) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    pagina = _trieer(planner, kind, toelichting="huisbezoek, moeder thuis")
    html = pagina.content.decode()
    assert "Triage van 20-11-2026 geregistreerd: urgentie hoog." in html
    laatste = html.split('data-testid="laatste-triage"')[1].split("</p>")[0]
    assert "urgentie <strong>hoog</strong> — acute onveiligheid" in laatste
    assert "huisbezoek, moeder thuis" in laatste
    t = Triage.objects.get(kind=kind)
    assert (t.urgentie, t.acute_onveiligheid, t.recidiverisico, t.beoordelaar) == (
        3,
        True,
        False,
        "planner_a",
    )
    assert AuditRegel.objects.filter(
        kind_pid=kind.pid, actie="schrijven", doel="triage: urgentie hoog"
    ).exists()


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"datum": "2026-11-21"}, "ligt in de toekomst"),
        ({"urgentie": "9"}, "Kies een urgentie"),
        ({"criteria": ["nieuwsgierigheid"]}, "Onbekend triagecriterium"),
        ({"toelichting": "BSN 999000019"}, "Noem geen BSN"),
    ],
)
def test_a_bad_triage_is_refused_and_nothing_is_kept(wereld, planner, velden, fout) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    html = _trieer(planner, kind, **velden).content.decode()
    assert fout in html and "999000019" not in html
    assert not Triage.objects.exists()


def test_only_the_childs_gi_triages(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    ander = Client()
    ander.force_login(wereld.planner_b)
    assert _trieer(ander, kind).status_code == 404
    gemeente = get_user_model().objects.create_user(username="gem", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=gemeente, organisatie=wereld.gemeente, rol=Lidmaatschap.Rol.BELEID
    )
    g = Client()
    g.force_login(gemeente)
    assert _trieer(g, kind).status_code == 404  # sees the child, does not triage for the GI
    assert not Triage.objects.exists()


def test_the_list_says_who_is_out_of_sight_and_a_triage_moves_a_child_up(
    wereld, planner, vandaag
) -> None:  # type: ignore[no-untyped-def]
    nooit, _ = wereld.kind(wereld.gi_a, start=START, voornaam="Anna")
    oud, _ = wereld.kind(wereld.gi_a, start=START, voornaam="Bram")
    recent, _ = wereld.kind(wereld.gi_a, start=START, voornaam="Cor")
    for kind, dagen in ((oud, 29), (recent, 28)):
        triage.trieren(
            kind=kind,
            datum=vandaag - timedelta(days=dagen),
            urgentie=Urgentie.MIDDEN,
            criteria=[],
            door=None,
        )
    pagina = planner.get(reverse("prioriteit"))
    zicht = {r.naam: (r.uit_zicht, r.getrieerd_op) for r in pagina.context["regels"]}
    assert zicht == {
        "Anna de Vries": (True, None),
        "Bram de Vries": (True, vandaag - timedelta(days=29)),
        "Cor de Vries": (False, vandaag - timedelta(days=28)),
    }
    assert pagina.context["uit_zicht"] == 2
    assert "nooit getrieerd" in pagina.content.decode()
    _trieer(planner, nooit, urgentie="4")  # acute: first on the list, and in sight again
    regels = planner.get(reverse("prioriteit")).context["regels"]
    assert (regels[0].naam, regels[0].uit_zicht) == ("Anna de Vries", False)


def test_the_api_record_holds_the_triages_newest_first(wereld, planner) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=START)
    _trieer(planner, kind, datum="2026-11-01", urgentie="1", criteria=[])
    _trieer(planner, kind)
    triages = planner.get(reverse("api-kind", args=[kind.pid])).json()["triages"]
    assert triages == [
        {
            "datum": "2026-11-20",
            "urgentie": "hoog",
            "criteria": ["acute onveiligheid"],
            "beoordelaar": "planner_a",
        },
        {"datum": "2026-11-01", "urgentie": "laag", "criteria": [], "beoordelaar": "planner_a"},
    ]
