"""A jeugdbeschermer's own page: their children, the deadlines past first, their load against
the norm; audited like every list of children, and only for a user linked to a caseworker of
their own GI."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.demo.laden import laad
from ketenzicht.kinderen.models import Toewijzing
from ketenzicht.organisaties.models import Lidmaatschap, Medewerker
from ketenzicht.planning import bezetting

pytestmark = pytest.mark.django_db
TOT = date(2026, 11, 20)


@pytest.fixture
def demo(db: None) -> None:
    laad(schaal="klein", seed=5, tot=TOT, voortgang=lambda *_: None)


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_jeugdbeschermer_lands_on_their_own_children_overdue_first(client) -> None:  # type: ignore[no-untyped-def]
    jb = User.objects.get(username="jb1")
    medewerker = jb.lidmaatschap.medewerker
    planner = User.objects.get(username="planner1")
    assert medewerker is not None and medewerker.gi == planner.lidmaatschap.organisatie
    eigen = set(
        Toewijzing.objects.filter(medewerker=medewerker, einde__isnull=True).values_list(
            "maatregel__kind__pid", flat=True
        )
    )
    assert eigen, "the demo links jb1 to the caseworker with the most children"

    client.force_login(jb)
    assert client.get("/").url == reverse("mijn-kinderen")
    pagina = client.get(reverse("mijn-kinderen"))
    assert pagina.status_code == 200
    kinderen = pagina.context["kinderen"]
    assert {m.kind.kind_pid for m in kinderen} == eigen
    # the deadlines past first (the longest overdue first), then by the next deadline
    laat = [m.te_laat for m in kinderen]
    assert any(laat) and not all(laat)
    sleutels = [
        (not m.te_laat, m.volgende.vervaldatum if m.volgende else date.max) for m in kinderen
    ]
    assert sleutels == sorted(sleutels)
    assert pagina.context["te_laat"] == sum(laat)
    # the same load as the planner's team page shows for this caseworker
    team = {c.medewerker.pk: c for c in bezetting.caseloads(gi=medewerker.gi, peildatum=TOT)}
    assert pagina.context["caseload"].caseload == team[medewerker.pk].caseload
    html = pagina.content.decode()
    assert 'aria-current="page"' in html and ">Mijn kinderen</a>" in html
    # every child shown is audited as seen in a list, by this user
    gezien = AuditRegel.objects.filter(
        gebruikersnaam="jb1", actie=AuditRegel.Actie.LEZEN_LIJST, doel="mijn kinderen"
    )
    assert {r.kind_pid for r in gezien} == eigen


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_a_planner_without_a_caseload_is_told_why(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="planner1"))
    assert client.get("/").url == reverse("wachtlijst")
    assert ">Mijn kinderen</a>" not in client.get(reverse("wachtlijst")).content.decode()
    pagina = client.get(reverse("mijn-kinderen"))
    assert pagina.status_code == 403
    assert 'data-testid="geen-medewerker"' in pagina.content.decode()


@pytest.mark.usefixtures("demo")
def test_a_user_cannot_be_linked_to_a_caseworker_of_another_gi() -> None:
    lid = Lidmaatschap.objects.get(gebruiker__username="jb1")
    ander = Medewerker.objects.exclude(gi=lid.organisatie).first()
    assert ander is not None
    lid.medewerker = ander
    with pytest.raises(ValidationError, match="werkt niet bij"):
        lid.full_clean()


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_the_api_gives_the_same_children_as_the_page(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="jb1"))
    pagina = client.get(reverse("mijn-kinderen")).context
    data = client.get(reverse("api-mijn-kinderen")).json()
    assert [k["kind"] for k in data["kinderen"]] == [
        str(m.kind.kind_pid) for m in pagina["kinderen"]
    ]
    assert data["caseload"] == pagina["caseload"].caseload
    assert data["norm"] == pagina["caseload"].cap
    eerste = data["kinderen"][0]
    assert eerste["te_laat"] and eerste["volgende"]["status"] == "te_laat"
    assert eerste["volgende"]["dagen_te_laat"] > 0
    api = AuditRegel.objects.filter(gebruikersnaam="jb1", kanaal="api", doel="mijn kinderen")
    assert api.count() == len(data["kinderen"])

    client.force_login(User.objects.get(username="planner1"))
    assert client.get(reverse("api-mijn-kinderen")).status_code == 403


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_a_jeugdbeschermer_sees_the_list_to_divide_but_only_the_planner_assigns(client) -> None:  # type: ignore[no-untyped-def]
    jb = User.objects.get(username="jb1")
    client.force_login(jb)
    lijst = client.get(reverse("prioriteit"))
    assert lijst.status_code == 200 and lijst.context["rijen"]
    html = lijst.content.decode()
    assert 'data-testid="alleen-planner"' in html
    assert reverse("voorstel") not in html and "/toewijzen/" not in html

    regel, _ = lijst.context["rijen"][0]
    collega = jb.lidmaatschap.medewerker
    voor = Toewijzing.objects.count()
    url = reverse("toewijzen", args=[regel.kind_pid])
    assert client.get(url).status_code == 403
    assert client.post(url, {"medewerker": collega.pk}).status_code == 403
    assert client.post(reverse("voorstel"), {"koppeling": ["1:1"]}).status_code == 403
    assert Toewijzing.objects.count() == voor

    client.force_login(User.objects.get(username="planner1"))
    assert client.get(url).status_code == 200
    assert "/toewijzen/" in client.get(reverse("prioriteit")).content.decode()


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_the_planner_opens_a_caseworkers_children_from_the_team_page(client) -> None:  # type: ignore[no-untyped-def]
    planner = User.objects.get(username="planner1")
    collega = User.objects.get(username="jb1").lidmaatschap.medewerker
    client.force_login(planner)
    url = reverse("kinderen-van", args=[collega.pk])
    assert url in client.get(reverse("team")).content.decode()
    # the signal list's overview links there too (this colleague has a deadline past)
    assert url in client.get(reverse("signalen")).content.decode()
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert f"Kinderen van {collega.naam}" in pagina.content.decode()
    eigen = set(
        Toewijzing.objects.filter(medewerker=collega, einde__isnull=True).values_list(
            "maatregel__kind__pid", flat=True
        )
    )
    assert {m.kind.kind_pid for m in pagina.context["kinderen"]} == eigen
    gezien = AuditRegel.objects.filter(
        gebruikersnaam="planner1", doel="kinderen van een medewerker"
    )
    assert {r.kind_pid for r in gezien} == eigen

    # a caseworker of another GI is not the planner's to look at
    ander = Medewerker.objects.exclude(gi=collega.gi).first()
    assert client.get(reverse("kinderen-van", args=[ander.pk])).status_code == 404


@pytest.mark.usefixtures("demo")
def test_the_admin_form_names_the_wrong_gi_and_survives_a_missing_one(admin_client) -> None:  # type: ignore[no-untyped-def]
    lid = Lidmaatschap.objects.get(gebruiker__username="jb1")
    ander = Medewerker.objects.exclude(gi=lid.organisatie).first()
    url = reverse("admin:organisaties_lidmaatschap_change", args=[lid.pk])
    velden = {"gebruiker": lid.gebruiker_id, "rol": lid.rol, "medewerker": ander.pk}
    fout = admin_client.post(url, {**velden, "organisatie": lid.organisatie_id})
    assert fout.status_code == 200 and "werkt niet bij" in fout.content.decode()
    nieuw = reverse("admin:organisaties_lidmaatschap_add")
    andere = User.objects.create_user(username="jb2", password="x-geheim-wachtwoord")
    leeg = admin_client.post(nieuw, {**velden, "gebruiker": andere.pk, "organisatie": ""})
    assert leeg.status_code == 200  # the form's own error, not a crash
    assert not Lidmaatschap.objects.filter(gebruiker=andere).exists()
    lid.refresh_from_db()
    assert lid.medewerker.gi == lid.organisatie


@pytest.mark.usefixtures("demo", "bevroren_klok")
def test_the_assignment_service_itself_refuses_a_caseworker() -> None:
    from ketenzicht.kinderen import services
    from ketenzicht.kinderen.models import Maatregel

    jb = User.objects.get(username="jb1")
    collega = jb.lidmaatschap.medewerker
    maatregel = (
        Maatregel.objects.filter(gi=collega.gi, einde__isnull=True)
        .exclude(toewijzingen__einde__isnull=True)
        .first()
    )
    assert not services.mag_toewijzen(jb) and services.mag_toewijzen(None)
    with pytest.raises(services.Weigering, match="teamleider of planner"):
        services.jeugdbeschermer_toewijzen(
            maatregel=maatregel, medewerker=collega, start=TOT, door=jb
        )
    assert not Toewijzing.objects.filter(maatregel=maatregel, einde__isnull=True).exists()
