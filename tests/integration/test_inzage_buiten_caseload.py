"""A jeugdbeschermer opens a record outside their own caseload only with a reason, which holds
for a working day, is audited with every read, and is reviewed by the planner."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel, InzageBuitenCaseload
from ketenzicht.domain.inzage import GELDIGHEID, NA_OVERDRACHT
from ketenzicht.domain.maatregelen import ToewijzingEindeReden
from ketenzicht.kinderen import services
from ketenzicht.organisaties.models import Lidmaatschap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]

START = date(2026, 10, 1)


@pytest.fixture
def gi_a(wereld):  # type: ignore[no-untyped-def]
    """jb_a is the vaste jeugdbeschermer of Anna; Bram is a colleague's child."""
    eigen = wereld.medewerker(wereld.gi_a)
    collega = wereld.medewerker(wereld.gi_a)
    gebruiker = get_user_model().objects.create_user(username="jb_a", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=gebruiker,
        organisatie=wereld.gi_a,
        rol=Lidmaatschap.Rol.JEUGDBESCHERMER,
        medewerker=eigen,
    )
    anna, m_anna = wereld.kind(wereld.gi_a, start=START, voornaam="Anna")
    bram, m_bram = wereld.kind(wereld.gi_a, start=START, voornaam="Bram")
    for maatregel, wie in ((m_anna, eigen), (m_bram, collega)):
        services.jeugdbeschermer_toewijzen(
            maatregel=maatregel, medewerker=wie, start=START, door=None
        )
    c = Client()
    c.force_login(gebruiker)
    return wereld, c, anna, bram


def _lezen(kind, wie: str = "jb_a"):  # type: ignore[no-untyped-def]
    return AuditRegel.objects.filter(kind_pid=kind.pid, gebruikersnaam=wie, actie="lezen")


def test_own_child_opens_without_a_reason(gi_a) -> None:  # type: ignore[no-untyped-def]
    _, c, anna, _ = gi_a
    pagina = c.get(reverse("kind", args=[anna.pid]))
    assert pagina.status_code == 200 and "Anna de Vries" in pagina.content.decode()
    assert 'data-testid="buiten-caseload"' not in pagina.content.decode()
    assert [r.doel for r in _lezen(anna)] == ["inzage dossier"]


def test_a_colleagues_child_asks_a_reason_then_opens_and_is_audited_with_it(gi_a) -> None:  # type: ignore[no-untyped-def]
    _, c, _, bram = gi_a
    gevraagd = c.get(reverse("kind", args=[bram.pid]))
    html = gevraagd.content.decode()
    assert gevraagd.status_code == 403 and 'data-testid="redenformulier"' in html
    assert "Bram" not in html  # nothing of the record before the reason
    assert not _lezen(bram).exists()

    antwoord = c.post(
        reverse("kind-inzage", args=[bram.pid]),
        {"reden": "waarneming", "toelichting": "collega ziek"},
    )
    assert antwoord.status_code == 302 and antwoord.url == reverse("kind", args=[bram.pid])
    pagina = c.get(antwoord.url)
    assert pagina.status_code == 200 and "Bram de Vries" in pagina.content.decode()
    melding = pagina.content.decode().split('data-testid="buiten-caseload"')[1].split("</p>")[0]
    assert "waarneming voor een collega" in melding and "(collega ziek)" in melding
    assert "tot 20 november 20:00" in melding  # asked at 10:00, for one working day
    assert [r.doel for r in _lezen(bram)] == ["inzage dossier; buiten caseload: waarneming"]
    gegeven = InzageBuitenCaseload.objects.get()
    assert (gegeven.gebruikersnaam, gegeven.reden, gegeven.toelichting, gegeven.kanaal) == (
        "jb_a",
        "waarneming",
        "collega ziek",
        "web",
    )
    assert gegeven.geldig_tot - gegeven.tijdstip == GELDIGHEID


def test_the_reason_holds_for_one_working_day(gi_a) -> None:  # type: ignore[no-untyped-def]
    _, c, _, bram = gi_a
    c.post(reverse("kind-inzage", args=[bram.pid]), {"reden": "overleg"})
    gebruiker = get_user_model().objects.get(pk=c.session["_auth_user_id"])
    with time_machine.travel(datetime.now().astimezone() + GELDIGHEID - timedelta(minutes=1)):
        c.force_login(gebruiker)  # a day later is a new session (30 minutes idle logs out)
        assert c.get(reverse("kind", args=[bram.pid])).status_code == 200
    with time_machine.travel(datetime.now().astimezone() + GELDIGHEID):
        c.force_login(gebruiker)
        assert c.get(reverse("kind", args=[bram.pid])).status_code == 403


def test_a_bad_reason_is_refused_naming_the_field_and_nothing_is_stored(gi_a) -> None:  # type: ignore[no-untyped-def]
    _, c, _, bram = gi_a
    for velden, woord in (
        ({"reden": "anders", "toelichting": "even"}, "minstens 10"),
        ({"reden": "anders", "toelichting": "BSN 999000019 gebeld"}, "Noem geen BSN"),
        ({"toelichting": "zomaar"}, "Kies een reden"),
    ):
        antwoord = c.post(reverse("kind-inzage", args=[bram.pid]), velden)
        assert antwoord.status_code == 400 and woord in antwoord.content.decode()
    assert not InzageBuitenCaseload.objects.exists()
    assert c.get(reverse("kind", args=[bram.pid])).status_code == 403
    # and the milestone forms on the record refuse too, rather than write unseen
    schrijf = c.post(reverse("mijlpaal-registreren", args=[bram.pid]), {})
    assert schrijf.status_code == 403


def test_a_former_jeugdbeschermer_keeps_access_for_a_while(gi_a, vandaag) -> None:  # type: ignore[no-untyped-def]
    _, c, anna, _ = gi_a
    toewijzing = anna.maatregelen.get().toewijzingen.get()
    services.toewijzing_beeindigen(
        toewijzing=toewijzing, einde=vandaag, reden=ToewijzingEindeReden.ZIEKTE, door=None
    )
    assert c.get(reverse("kind", args=[anna.pid])).status_code == 200
    with time_machine.travel(datetime.now().astimezone() + NA_OVERDRACHT):
        c.force_login(get_user_model().objects.get(username="jb_a"))  # a session ends too
        assert c.get(reverse("kind", args=[anna.pid])).status_code == 403


def test_planners_open_any_record_and_another_gi_finds_nothing(gi_a) -> None:  # type: ignore[no-untyped-def]
    wereld, _, _, bram = gi_a
    planner = Client()
    planner.force_login(wereld.planner_a)
    assert planner.get(reverse("kind", args=[bram.pid])).status_code == 200
    ander = Client()
    ander.force_login(wereld.planner_b)
    assert (
        ander.post(reverse("kind-inzage", args=[bram.pid]), {"reden": "spoed"}).status_code == 404
    )
    assert not InzageBuitenCaseload.objects.exists()


def test_the_api_asks_the_same_reason(gi_a) -> None:  # type: ignore[no-untyped-def]
    _, c, _, bram = gi_a
    dossier = reverse("api-kind", args=[bram.pid])
    geweigerd = c.get(dossier)
    assert geweigerd.status_code == 403 and "/inzage/" in geweigerd.json()["detail"]
    inzage = reverse("api-kind-inzage", args=[bram.pid])
    fout = c.post(
        inzage, {"reden": "anders", "toelichting": "kort"}, content_type="application/json"
    )
    assert fout.status_code == 400 and "toelichting" in fout.json()
    onbekend = c.post(inzage, {"reden": "zomaar"}, content_type="application/json")
    assert onbekend.status_code == 400 and "reden" in onbekend.json()
    gegeven = c.post(inzage, {"reden": "spoed"}, content_type="application/json")
    assert gegeven.status_code == 201 and gegeven.json()["reden"] == "spoed"
    assert c.get(dossier).status_code == 200
    assert [r.kanaal for r in _lezen(bram)] == ["api"]


def test_the_planner_reviews_who_opened_what_and_why(gi_a) -> None:  # type: ignore[no-untyped-def]
    wereld, c, _, bram = gi_a
    c.post(reverse("kind-inzage", args=[bram.pid]), {"reden": "overdracht"})
    assert c.get(reverse("inzage-buiten-caseload")).status_code == 403  # not for caseworkers
    elders, _ = wereld.kind(wereld.gi_b, start=START, voornaam="Cor")
    jb_b = get_user_model().objects.create_user(username="jb_b", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=jb_b, organisatie=wereld.gi_b, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    b = Client()
    b.force_login(jb_b)
    b.post(reverse("kind-inzage", args=[elders.pid]), {"reden": "spoed"})

    planner = Client()
    planner.force_login(wereld.planner_a)
    assert 'data-testid="link-inzage"' in planner.get(reverse("team")).content.decode()
    pagina = planner.get(reverse("inzage-buiten-caseload"))
    overzicht = pagina.context["overzicht"]
    assert [(r.gebruikersnaam, r.kind_naam) for r in overzicht.regels] == [
        ("jb_a", "Bram de Vries")
    ]  # another GI's openings are not shown
    assert overzicht.per_gebruiker == [("jb_a", 1)]
    assert "Overdracht" in pagina.content.decode()
    gezien = AuditRegel.objects.filter(gebruikersnaam="planner_a", actie="lezen_lijst")
    assert [(r.kind_pid, r.doel) for r in gezien] == [(bram.pid, "controle inzage buiten caseload")]
    with time_machine.travel(datetime.now().astimezone() + timedelta(days=31)):
        planner.force_login(wereld.planner_a)  # a session ends too
        leeg = planner.get(reverse("inzage-buiten-caseload"))
        assert 'data-testid="geen-inzage"' in leeg.content.decode()
        assert (
            planner.get(reverse("inzage-buiten-caseload"), {"dagen": 90})
            .context["overzicht"]
            .regels
        )


def test_the_review_downloads_as_csv_with_the_child_by_its_pseudonym(gi_a) -> None:  # type: ignore[no-untyped-def]
    wereld, c, _, bram = gi_a
    c.post(reverse("kind-inzage", args=[bram.pid]), {"reden": "waarneming", "toelichting": "Tom"})
    planner = Client()
    planner.force_login(wereld.planner_a)
    antwoord = planner.get(reverse("inzage-buiten-caseload-csv"), {"dagen": 7})
    assert antwoord.status_code == 200 and "attachment" in antwoord["Content-Disposition"]
    tekst = antwoord.content.decode()
    regels = tekst.splitlines()
    assert regels[0] == "tijdstip;gebruiker;medewerker;kind;reden;toelichting;kanaal"
    assert len(regels) == 2 and f";{bram.pid};" in regels[1] and ";Tom;web" in regels[1]
    assert "Bram" not in tekst
    assert c.get(reverse("inzage-buiten-caseload-csv")).status_code == 403  # not for caseworkers
