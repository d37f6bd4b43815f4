"""The planner registers a caseworker sick, better or leaving; the children follow onto the
internal waitlist on the day the rules say, and the team page shows who is away."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.kinderen import services, wachtlijsten
from ketenzicht.kinderen.models import Toewijzing
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Lidmaatschap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _melden(c: Client, tom, actie: str, datum: str):  # type: ignore[no-untyped-def]
    return c.post(
        reverse("afwezigheid-melden", args=[tom.pk]), {"actie": actie, "datum": datum}, follow=True
    )


def _intern(wereld, dag: date) -> int:  # type: ignore[no-untyped-def]
    regels = wachtlijsten.wachtlijst_aantallen(gi=wereld.gi_a, peildatum=dag)
    return regels[WachtSoort.INTERN]


def test_sick_then_the_children_go_to_the_internal_list_at_the_threshold(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    pagina = _melden(planner, tom, "ziek", vandaag.isoformat())
    melding = pagina.content.decode()
    assert "ziek gemeld per 20-11-2026" in melding
    assert "de 2 kinderen" in melding and "op 18-12-2026 naar de interne wachtlijst" in melding
    assert _intern(wereld, date(2026, 12, 17)) == 0
    assert _intern(wereld, date(2026, 12, 18)) == 2
    team_pagina = planner.get(reverse("team"))
    assert [(a.medewerker, a.reden, a.kinderen) for a in team_pagina.context["afwezigen"]] == [
        (tom, "ziek", 2)
    ]
    assert tom not in [c.medewerker for c, _ in team_pagina.context["caseloads"]]


def test_better_before_the_threshold_keeps_the_children(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", vandaag.isoformat())
    pagina = _melden(planner, tom, "beter", (vandaag + timedelta(days=7)).isoformat())
    assert "houdt de eigen kinderen" in pagina.content.decode()
    assert _intern(wereld, date(2027, 1, 15)) == 0
    assert BeschikbaarheidsPeriode.objects.get().tot == vandaag + timedelta(days=7)


def test_leaving_moves_the_children_on_the_leaving_date(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    pagina = _melden(planner, tom, "uit_dienst", "2026-12-01")
    assert "uit dienst per 01-12-2026" in pagina.content.decode()
    assert "De 2 kinderen" in pagina.content.decode()
    assert (_intern(wereld, date(2026, 11, 30)), _intern(wereld, date(2026, 12, 1))) == (0, 2)
    tom.refresh_from_db()
    assert tom.uit_dienst_per == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("stappen", "fout"),
    [
        ([("beter", "2026-11-21")], "Niet ziek gemeld"),
        ([("ziek", "2026-11-20"), ("ziek", "2026-11-22")], "Al ziek sinds 20-11-2026"),
        ([("uit_dienst", "2026-11-19")], "ligt in het verleden"),
        ([("uit_dienst", "2026-12-01"), ("uit_dienst", "2027-01-01")], "Al uit dienst per"),
        ([("ziek", "20-11-2026")], "Vul bij &#x27;datum&#x27; een datum in"),
        ([("vakantie", "2026-11-20")], "Kies ziek, beter of uit dienst"),
    ],
)
def test_a_registration_that_cannot_be_is_refused_and_nothing_changes(team, stappen, fout) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    *voor, laatste = stappen
    for actie, datum in voor:
        _melden(planner, tom, actie, datum)
    perioden = list(BeschikbaarheidsPeriode.objects.values_list("van", "tot"))
    tom.refresh_from_db()
    uit = tom.uit_dienst_per
    pagina = _melden(planner, tom, *laatste)
    assert fout in pagina.content.decode()
    assert list(BeschikbaarheidsPeriode.objects.values_list("van", "tot")) == perioden
    tom.refresh_from_db()
    assert tom.uit_dienst_per == uit


def test_only_a_planner_of_the_caseworkers_own_gi(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, _ = team
    jb = get_user_model().objects.create_user(username="jb_a", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    c = Client()
    c.force_login(jb)
    assert _melden(c, tom, "ziek", vandaag.isoformat()).status_code == 403
    assert (
        'data-testid="afwezigheid"'
        not in c.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    )
    ander = Client()
    ander.force_login(wereld.planner_b)
    assert _melden(ander, tom, "ziek", vandaag.isoformat()).status_code == 404
    assert not BeschikbaarheidsPeriode.objects.exists()


def test_the_caseworkers_page_shows_the_sickness_and_when_it_ends_the_relation(
    team, vandaag
) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    _melden(planner, tom, "ziek", vandaag.isoformat())
    html = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    assert "sinds 20-11-2026; duurt het tot 18-12-2026" in html
    assert 'name="actie" value="beter"' in html and 'name="actie" value="ziek"' not in html
    with time_machine.travel(datetime(2026, 12, 20, 10, 0).astimezone()):
        planner.force_login(get_user_model().objects.get(username="planner_a"))
        html = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
        assert "sinds 18-12-2026 op de interne wachtlijst" in html


def test_a_leaving_caseworkers_children_are_handed_over_before_they_wait(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    collega = wereld.medewerker(wereld.gi_a)
    _melden(planner, tom, "uit_dienst", "2026-12-01")
    html = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    assert 'data-testid="link-overdracht"' in html
    pagina = planner.get(reverse("overdracht", args=[tom.pk]))
    rijen = pagina.context["rijen"]
    # both children to the one colleague with room, never back to Tom; the reasons say where from
    assert sorted(r["naam"] for r, _, _ in rijen) == ["Anna de Vries", "Bram de Vries"]
    assert {k.medewerker for _, _, k in rijen} == {collega.pk}
    assert all(k.redenen[0].endswith("bij de overdracht") for _, _, k in rijen)
    gekozen = [f"{r['maatregel_id']}:{k.medewerker}" for r, _, k in rijen][:1]  # only the first
    antwoord = planner.post(reverse("overdracht", args=[tom.pk]), {"koppeling": gekozen})
    assert antwoord.url == reverse("kinderen-van", args=[tom.pk])
    assert Toewijzing.objects.filter(medewerker=collega, einde__isnull=True).count() == 1
    overgedragen = Toewijzing.objects.get(medewerker=tom, einde__isnull=False)
    assert overgedragen.einde == vandaag
    # the one not handed over still goes to the internal list on the leaving date
    assert (_intern(wereld, date(2026, 11, 30)), _intern(wereld, date(2026, 12, 1))) == (0, 1)


def test_the_api_reads_the_team_and_registers_like_the_page(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    url = reverse("api-afwezigheid", args=[tom.pk])
    ziek = planner.post(
        url, {"actie": "ziek", "datum": "2026-11-20"}, content_type="application/json"
    )
    assert (
        ziek.status_code == 201
        and "op 18-12-2026 naar de interne wachtlijst" in ziek.json()["melding"]
    )
    nogmaals = planner.post(
        url, {"actie": "ziek", "datum": "2026-11-21"}, content_type="application/json"
    )
    assert nogmaals.status_code == 400 and "Al ziek sinds" in nogmaals.json()["datum"][0]
    onbekend = planner.post(
        url, {"actie": "vakantie", "datum": "2026-11-21"}, content_type="application/json"
    )
    assert onbekend.status_code == 400 and "actie" in onbekend.json()
    team_json = planner.get(reverse("api-team")).json()
    assert team_json["afwezig"] == [
        {
            "id": tom.pk,
            "naam": tom.naam,
            "reden": "ziek",
            "sinds": "2026-11-20",
            "naar_interne_wachtlijst": "2026-12-18",
            "kinderen": 2,
        }
    ]
    assert tom.pk not in [m["id"] for m in team_json["medewerkers"]]
    jb = get_user_model().objects.create_user(username="jb_a", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    c = Client()
    c.force_login(jb)
    assert c.get(reverse("api-team")).status_code == 200  # every member reads
    beter = c.post(url, {"actie": "beter", "datum": "2026-11-25"}, content_type="application/json")
    assert beter.status_code == 403  # only the planner writes
    ander = Client()
    ander.force_login(wereld.planner_b)
    assert (
        ander.post(
            url, {"actie": "beter", "datum": "2026-11-25"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert BeschikbaarheidsPeriode.objects.get().tot is None


def test_children_who_came_this_week_are_marked_new(team, vandaag) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _, maatregel = wereld.kind(wereld.gi_a, start=vandaag - timedelta(days=3), voornaam="Cor")
    services.jeugdbeschermer_toewijzen(
        maatregel=maatregel, medewerker=tom, start=vandaag - timedelta(days=2), door=None
    )
    html = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    rijen = html.split("<tr")[1:]
    nieuw = [r for r in rijen if 'data-testid="nieuw"' in r]
    assert len(nieuw) == 1 and "Cor de Vries" in nieuw[0]


def test_better_after_the_threshold_registers_the_end_so_the_children_can_go_back(
    team, vandaag
) -> None:  # type: ignore[no-untyped-def]
    """Past the threshold the children wait internally; when Tom is back, his old assignments
    are ended on the threshold day, so they no longer weigh on his caseload and the planner can
    give them back to him."""
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-10-01")
    pagina = _melden(planner, tom, "beter", "2026-11-16")
    assert "de 2 kinderen die nog niet waren overgedragen, staan sinds 29-10-2026" in (
        pagina.content.decode()
    )
    beeindigd = Toewijzing.objects.filter(medewerker=tom)
    assert {(t.einde, t.einde_reden) for t in beeindigd} == {(date(2026, 10, 29), "ziekte")}
    assert _intern(wereld, vandaag) == 2
    maatregel = beeindigd.first().maatregel
    terug = planner.post(
        reverse("toewijzen", args=[maatregel.kind.pid]), {"medewerker": tom.pk}, follow=True
    )
    assert terug.status_code == 200
    assert Toewijzing.objects.filter(medewerker=tom, einde__isnull=True).count() == 1
    assert _intern(wereld, vandaag) == 1


def test_the_functioneel_beheerder_registers_a_leaving_date_in_the_past(
    team, fb_a, vandaag
) -> None:  # type: ignore[no-untyped-def]
    """A resignation registered late: the planner is refused (above), the GI's functioneel
    beheerder may, and is told what it does to the monitor; the moment is kept, so the figures
    as published before stay retrievable (``--bekend-op``)."""
    from django.utils import timezone

    from ketenzicht.organisaties.models import Medewerker

    wereld, tom, planner = team
    beheerder = Client()
    beheerder.force_login(fb_a)
    assert "ligt in het verleden" in _melden(planner, tom, "uit_dienst", "2026-11-01").text
    assert 'min="2026-11-20"' in planner.get(reverse("team")).text
    assert 'min="2026-11-20"' not in beheerder.get(reverse("team")).text  # the joining date

    melding = _melden(beheerder, tom, "uit_dienst", "2026-11-01").text
    assert "uit dienst per 01-11-2026" in melding
    assert "de cijfers van de monitor vanaf 01-11-2026 veranderen" in melding
    tom.refresh_from_db()
    assert (tom.uit_dienst_per, tom.uit_dienst_geregistreerd_op) == (
        date(2026, 11, 1),
        timezone.now(),
    )
    assert (_intern(wereld, date(2026, 10, 31)), _intern(wereld, date(2026, 11, 1))) == (0, 2)
    # a colleague who joined last month, registered late, likewise
    r = beheerder.post(
        reverse("nieuwe-collega"),
        {"naam": "Eva Smit", "rol": "jeugdbeschermer", "fte": "1", "datum": "2026-10-15"},
        follow=True,
    )
    assert "de cijfers van de monitor vanaf 15-10-2026 veranderen" in r.text
    assert Medewerker.objects.get(naam="Eva Smit").in_dienst_van == date(2026, 10, 15)
