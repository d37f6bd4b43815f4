"""A GI planner logs in, sees the waitlists and opens a waiting child's record."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ketenzicht.audit.models import AuditRegel
from ketenzicht.demo.laden import laad
from ketenzicht.demo.logins import DEMO_WACHTWOORD
from tests.e2e.conftest import inloggen, wacht_op_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("klok")
def test_planner_ziet_wachtlijsten_en_opent_een_kind(live_server, pagina, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    pagina.goto(f"{live_server.url}/")
    pagina.fill("#id_username", "planner1")
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("button[type=submit]")
    pagina.wait_for_url("**/wachtlijst/")
    assert "Wachtlijsten" in pagina.inner_text("h1")
    start = int(pagina.inner_text("[data-testid=aantal-start]"))
    intern = int(pagina.inner_text("[data-testid=aantal-intern]"))
    assert start > 0 and intern > 0
    rijen = pagina.locator("[data-testid=wachtlijst-start] tbody tr")
    assert rijen.count() == start
    # the NL Design System stylesheet is really there
    spatie = pagina.evaluate(
        "getComputedStyle(document.querySelector('.utrecht-table')).borderSpacing"
    )
    assert spatie == "0px"  # the browser default is 2px

    # a click on a heading sorts on it, in place: the longest wait first
    pagina.click("[data-testid=wachtlijst-start] th[data-kolom=dagen] a")
    pagina.wait_for_selector("th[data-kolom=dagen][aria-sort=descending]")
    dagen = [int(t) for t in pagina.locator("tbody tr td:last-child").all_inner_texts()]
    assert len(dagen) == start and dagen == sorted(dagen, reverse=True)

    pagina.click("text=interne wachtlijst")  # htmx swaps the table in place
    pagina.wait_for_selector("[data-testid=wachtlijst-intern]")
    assert pagina.locator("[data-testid=wachtlijst-intern] tbody tr").count() == intern
    # ... and the counters with it: the one shown is the one marked; the order stays
    assert pagina.get_attribute("[data-testid=teller-intern]", "aria-current") == "true"
    assert pagina.get_attribute("[data-testid=teller-start]", "aria-current") is None
    assert pagina.get_attribute("th[data-kolom=dagen]", "aria-sort") == "descending"
    assert pagina.url.endswith("?soort=intern&sorteer=-dagen")
    naam = pagina.locator("[data-testid=wachtlijst-intern] tbody tr a").first.inner_text()
    pagina.locator("[data-testid=wachtlijst-intern] tbody tr a").first.click()
    pagina.wait_for_selector("h1")
    assert pagina.inner_text("h1") == naam
    assert "Vaste jeugdbeschermer" in pagina.content()
    pagina.screenshot(path=str(tmp_path / "kind.png"), full_page=True)
    assert (
        AuditRegel.objects.filter(actie="lezen", gebruikersnaam="planner1", kanaal="web").count()
        == 1
    )

    # the signal list: the overview first, then one caseworker's deadlines, swapped in place
    pagina.click("text=Signalen")
    pagina.wait_for_selector("[data-testid=signalen-overzicht]")
    assert pagina.locator("[data-testid=signalen-groep]").count() == 0
    eerste = pagina.locator("[data-testid=signalen-overzicht] tbody th a").first
    wie = eerste.inner_text()
    eerste.click()
    pagina.wait_for_selector("[data-testid=signalen-groep]")
    assert pagina.locator("[data-testid=signalen-groep]").count() == 1
    assert pagina.inner_text("[data-testid=signalen-groep] h2").startswith(wie)
    gekozen = pagina.locator("[data-testid=signalen-overzicht] a[aria-current=true]")
    assert gekozen.all_inner_texts() == [wie]
    assert "?wie=" in pagina.url

    # finding the child from before by name, without a page load and without the name in the URL
    pagina.click("nav >> text=Zoeken")
    pagina.fill("#id_q", naam)
    pagina.press("#id_q", "Enter")
    pagina.wait_for_selector("[data-testid=zoekresultaat]")
    gevonden = pagina.locator("[data-testid=zoekresultaat] tbody tr a").all_inner_texts()
    assert naam in gevonden
    assert pagina.url.endswith("/kinderen/zoeken/")


@pytest.mark.usefixtures("klok")
def test_planner_wijst_toe_en_kind_verdwijnt_van_de_lijst(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=4, tot=timezone.localdate(), voortgang=lambda *_: None)
    pagina.goto(f"{live_server.url}/inloggen/")
    pagina.fill("#id_username", "planner2")
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("button[type=submit]")
    pagina.wait_for_url("**/wachtlijst/")
    pagina.click("text=Te verdelen")
    pagina.wait_for_url("**/planning/")  # count() does not wait: the list must be there first
    rijen = pagina.locator("[data-testid=prioriteit] tbody tr")
    voor = rijen.count()
    assert voor > 0
    # the highest-placed child for whom a colleague has room under the norm
    eerste = pagina.locator("[data-testid=prioriteit] tbody tr[data-ruimte=ja]").first
    kind = eerste.get_attribute("data-kind")
    assert "maatregel" in eerste.locator(".kz-redenen").inner_text()
    eerste.locator("text=Toewijzen").click()
    pagina.wait_for_selector("[data-testid=kandidaten]")
    # the best fit is preselected; assign
    pagina.click("button:has-text('Toewijzen')")
    pagina.wait_for_load_state()
    assert pagina.locator("[data-testid=fout]").count() == 0, pagina.inner_text("main")
    wacht_op_melding(pagina, "is nu de vaste jeugdbeschermer")
    expect(rijen).to_have_count(voor - 1)
    assert pagina.locator(f"[data-kind='{kind}']").count() == 0


@pytest.mark.usefixtures("klok")
def test_jeugdbeschermer_geeft_een_reden_en_de_planner_ziet_haar(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "jb1")
    pagina.wait_for_url("**/mijn-kinderen/")
    pagina.goto(f"{live_server.url}/planning/")  # children nobody has yet: not on jb1's caseload
    link = pagina.locator("[data-testid=prioriteit] tbody tr a").first
    naam = link.inner_text()
    link.click()
    pagina.wait_for_selector("[data-testid=redenformulier]")
    assert naam not in pagina.content()
    pagina.check("#reden-waarneming")
    pagina.fill("#id_toelichting", "voor Tom, ziek")
    pagina.click("[data-testid=redenformulier] button[type=submit]")
    pagina.wait_for_selector("h1")
    assert naam in pagina.inner_text("h1")

    pagina.context.clear_cookies()
    inloggen(pagina, live_server.url, "planner1")
    pagina.goto(f"{live_server.url}/planning/team/")
    pagina.click("[data-testid=link-inzage]")
    eerste = pagina.locator("[data-testid=inzage] tbody tr").first.inner_text()
    assert "jb1" in eerste and naam in eerste and "voor Tom, ziek" in eerste


@pytest.mark.usefixtures("klok")
def test_planner_trieert_een_wachtend_kind_uit_zicht(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "planner1")
    pagina.goto(f"{live_server.url}/planning/")
    rij = pagina.locator("[data-testid=prioriteit] tbody tr", has_text="Uit zicht").first
    kind = rij.get_attribute("data-kind")
    rij.locator("a").first.click()
    pagina.click("summary:has-text('Nieuwe triage vastleggen')")
    pagina.check("#tr-acute_onveiligheid")
    pagina.select_option("#tr-urgentie", "4")
    pagina.fill("#tr-toelichting", "huisbezoek, moeder en kind thuis")
    pagina.click("[data-testid=triageformulier] button[type=submit]")
    laatste = pagina.locator("[data-testid=laatste-triage]")
    expect(laatste).to_contain_text("urgentie acuut")  # retried until the page is back
    expect(laatste).to_contain_text("acute onveiligheid")
    pagina.goto(f"{live_server.url}/planning/")
    terug = pagina.locator(f"[data-testid=prioriteit] tbody tr[data-kind='{kind}']")
    assert "Uit zicht" not in terug.inner_text() and "laatste triage" in terug.inner_text()


@pytest.mark.usefixtures("klok")
def test_planner_registreert_een_beschikking_en_het_kind_staat_op_te_verdelen(
    live_server, pagina
) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.domain.bsn import testnummers

    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "planner1")
    pagina.goto(f"{live_server.url}/planning/")
    pagina.click("[data-testid=nieuwe-maatregel]")
    pagina.fill("#id_bsn", "999000008")  # fails the elfproef
    pagina.fill("#id_voornaam", "Fenna")
    pagina.fill("#id_achternaam", "Hoekstra")
    pagina.fill("#id_geboortedatum", "2017-02-03")
    pagina.select_option("#id_gemeente", index=1)
    pagina.select_option("#id_code", "11")
    pagina.click("[data-testid=intake-formulier] button[type=submit]")
    expect(pagina.locator("[data-testid=intake-formulier]")).to_contain_text("elfproef")
    assert pagina.input_value("#id_bsn") == ""  # never shown back
    assert pagina.input_value("#id_voornaam") == "Fenna"  # the rest stays filled in
    pagina.fill("#id_bsn", next(testnummers(vanaf=98_000)))
    pagina.click("[data-testid=intake-formulier] button[type=submit]")
    pagina.wait_for_selector("h1:has-text('Fenna Hoekstra')")
    assert "uiterlijk 27-11-2026" in pagina.inner_text("[role=status]")
    # the beschikking was in fact two days earlier: corrected from the child's page
    pagina.click("summary:has-text('Registratie corrigeren')")
    formulier = pagina.locator("[data-testid=correctieformulier]")
    formulier.locator("input[name=beschikking_datum]").fill("2026-11-18")
    formulier.locator("input[name=start]").fill("2026-11-18")
    formulier.locator("input[name=reden]").fill("datum van de verkeerde beschikking")
    formulier.locator("button[type=submit]").click()
    expect(pagina.locator("[data-testid=correcties]")).to_contain_text(
        "start 20-11-2026 → 18-11-2026"
    )
    assert "gestart 18-11-2026" in pagina.inner_text(".kz-maatregel")
    # and she moved on the 19th
    pagina.click("summary:has-text('Verhuizing registreren')")
    pagina.select_option("#vh-gemeente", index=2)
    nieuwe_gemeente = pagina.locator("#vh-gemeente option:checked").inner_text()
    pagina.fill("#vh-per", "2026-11-19")
    pagina.click("[data-testid=verhuisformulier] button[type=submit]")
    # the page before had a status too (the correction's): wait for this one's text
    expect(pagina.locator("[data-testid=woongemeente]")).to_contain_text(
        f"{nieuwe_gemeente} sinds 19-11-2026"
    )
    pagina.goto(f"{live_server.url}/planning/")
    assert (
        pagina.locator("[data-testid=prioriteit] tbody tr", has_text="Fenna Hoekstra").count() == 1
    )


@pytest.mark.usefixtures("klok")
def test_planner_draagt_een_maatregel_over_en_de_andere_gi_ziet_het_kind_wachten(
    live_server, pagina
) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.kinderen.models import Maatregel
    from ketenzicht.organisaties.models import Lidmaatschap

    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    van, naar = (
        Lidmaatschap.objects.get(gebruiker__username=p).organisatie
        for p in ("planner1", "planner2")
    )
    m = (
        Maatregel.objects.filter(
            gi=van, start__lte="2026-11-01", einde__isnull=True, toewijzingen__einde__isnull=True
        )
        .exclude(kind__maatregelen__gi=naar)
        .select_related("kind")
        .first()
    )
    assert m is not None
    inloggen(pagina, live_server.url, "planner1")
    pagina.goto(f"{live_server.url}/kinderen/{m.kind.pid}/")
    formulier = pagina.locator(
        f"[data-testid=overdrachtformulier]:has(input[name=maatregel][value='{m.pk}'])"
    )
    pagina.locator("details", has=formulier).locator("summary").click()
    formulier.locator("select[name=gi]").select_option(label=naar.naam)
    formulier.locator("input[name=per]").fill("2026-11-10")
    formulier.locator("button[type=submit]").click()
    pagina.wait_for_selector("[role=status]")
    assert f"overgedragen aan {naar.naam} per 10-11-2026" in pagina.inner_text("[role=status]")
    assert f"overgenomen van {van.naam} per 10-11-2026" in pagina.inner_text(".kz-maatregel")

    pagina.context.clear_cookies()
    inloggen(pagina, live_server.url, "planner2")
    pagina.wait_for_url("**/wachtlijst/")
    wachtend = pagina.locator("[data-testid=wachtlijst-start] tbody tr", has_text=str(m.kind))
    assert wachtend.count() == 1 and "10-11-2026" in wachtend.inner_text()  # 5 werkdagen later


@pytest.mark.usefixtures("klok")
def test_planner_trekt_een_ziekmelding_in_die_niet_klopte(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    from tests.e2e.test_toegankelijkheid import _schendingen

    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "planner1")
    pagina.wait_for_url("**/wachtlijst/")
    pagina.goto(f"{live_server.url}/planning/team/")
    collega = pagina.locator("[data-testid=team] tbody tr a").first
    naam = collega.inner_text()
    collega.click()
    pagina.check("#actie-ziek")
    pagina.click("[data-testid=afwezigheid] button[type=submit]")
    pagina.wait_for_selector("[role=status]")
    assert f"{naam} is ziek gemeld" in pagina.inner_text("[role=status]")
    assert _schendingen(pagina, "kinderen van een zieke medewerker", ga=False) == []

    pagina.fill("#id_reden", "Verkeerde collega aangeklikt")
    pagina.click("[data-testid=intrekken] button[type=submit]")
    wacht_op_melding(pagina, f"De ziekmelding van {naam}")
    assert "Verkeerde collega aangeklikt" in pagina.inner_text("[data-testid=ingetrokken]")
    assert pagina.locator("#wat-ziek").count() == 0
    assert pagina.locator("[data-testid=beschikbaarheid]").count() == 0
    pagina.goto(f"{live_server.url}/planning/team/")
    assert pagina.locator("[data-testid=afwezig]", has_text=naam).count() == 0


@pytest.mark.usefixtures("klok")
def test_planner_verbetert_een_verkeerde_datum_beter(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from tests.e2e.test_toegankelijkheid import _schendingen

    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    vandaag = timezone.localdate()
    inloggen(pagina, live_server.url, "planner1")
    pagina.wait_for_url("**/wachtlijst/")
    pagina.goto(f"{live_server.url}/planning/team/")
    pagina.locator("[data-testid=team] tbody tr a").nth(1).click()
    for actie, dag, gemeld in (
        ("ziek", vandaag - timedelta(days=6), "ziek gemeld"),
        ("beter", vandaag, "beter gemeld"),
    ):
        pagina.check(f"#actie-{actie}")
        pagina.fill("#id_datum", dag.isoformat())
        pagina.click("[data-testid=afwezigheid] button[type=submit]")
        wacht_op_melding(pagina, gemeld)
    assert _schendingen(pagina, "medewerker met een betermelding", ga=False) == []

    pagina.check("#wat-beter")  # meant: better from two days ago
    pagina.fill("#id_per", (vandaag - timedelta(days=2)).isoformat())
    pagina.fill("#id_reden", "Datum verkeerd overgenomen")
    pagina.click("[data-testid=intrekken] button[type=submit]")
    melding = wacht_op_melding(pagina, "is ingetrokken")
    assert f"Beter per {vandaag:%d-%m-%Y}" in melding and "is ingetrokken" in melding
    assert f"beter per {vandaag - timedelta(days=2):%d-%m-%Y}" in melding
    assert "Datum verkeerd overgenomen" in pagina.inner_text("[data-testid=ingetrokken]")
    gecorrigeerd = f"Beter per {vandaag - timedelta(days=2):%d-%m-%Y}"
    assert gecorrigeerd in pagina.inner_text("label[for=wat-beter]")  # and can be again


@pytest.mark.usefixtures("klok")
def test_planner_meldt_een_collega_in_dienst_en_trekt_dat_in(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from tests.e2e.test_toegankelijkheid import _schendingen

    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "planner1")
    pagina.wait_for_url("**/wachtlijst/")
    pagina.goto(f"{live_server.url}/planning/team/")
    pagina.click("[data-testid=nieuwe-collega] summary")
    pagina.fill("#nc-naam", "Anouk Visser")
    pagina.fill("#nc-per", (timezone.localdate() + timedelta(days=14)).isoformat())
    pagina.fill("#nc-inwerk", "34")
    pagina.click("[data-testid=nieuwe-collega] button[type=submit]")
    pagina.wait_for_selector("[role=status]")  # on the new colleague's own page
    assert "Anouk Visser" in pagina.inner_text("[role=status]")
    pagina.goto(f"{live_server.url}/planning/team/")
    rij = pagina.locator("[data-testid=komend] tbody tr", has_text="Anouk Visser")
    assert rij.count() == 1
    assert _schendingen(pagina, "team met een komende collega", ga=False) == []

    rij.locator("input[name=reden]").fill("Kandidaat heeft afgezegd")
    rij.locator("button[type=submit]").click()
    pagina.wait_for_selector("[role=status]")
    assert "De indiensttreding van Anouk Visser" in pagina.inner_text("[role=status]")
    assert pagina.locator("[data-testid=komend]").count() == 0
