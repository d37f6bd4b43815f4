"""Every kind of page passes axe-core's WCAG 2.1 A and AA checks (Dutch public bodies must meet
them; the NL Design System components do, and this keeps our own layout and colours from
breaking that). axe-core comes from npm with the other front-end packages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from ketenzicht.demo.laden import laad
from tests.e2e.conftest import ga_naar, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = settings.HOME / "node_modules" / "axe-core" / "axe.min.js"
REGELS = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"
PAGINAS = {
    "planner1": [
        "/wachtlijst/",
        "/kinderen/zoeken/",
        "/planning/",
        "/planning/team/",
        "/planning/voorstel/",
        "/doorbraak/signalen/",
        "/doorbraak/niet-tijdig/",
        "/doorbraak/",
        "/monitor/",
        "/monitor/trend/",
        "/monitor/gebieden/",
        "/monitor/definities/",
        "/prognose/",
        "/planning/team/inzage/",
        "/kinderen/nieuw/",
    ],
    "jb1": ["/planning/mijn-kinderen/", "/wachtwoord/"],
    "beheer1": [
        "/koppelingen/",
        "/gebruikers/",
        "/planning/team/werklastnorm/",
    ],  # a child's log and a user: see below
    "gemeente1": ["/doorbraak/niet-tijdig/", "/monitor/gebieden/"],
    "ret1": ["/doorbraak/expertteam/"],
    "zbt1": ["/bemiddeling/"],
}


def _schendingen(pagina, url: str, *, ga: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """axe's WCAG A/AA violations on ``url`` (or, with ``ga=False``, on the page as it is)."""
    if ga:
        ga_naar(pagina, url)
    pagina.add_script_tag(path=str(AXE))
    gevonden = pagina.evaluate(
        f"async () => (await axe.run(document, {REGELS})).violations.map("
        "v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' '))"
        ".join(', '))"
    )
    return [f"{url}: {s}" for s in gevonden]


@pytest.mark.usefixtures("klok")
def test_every_kind_of_page_meets_wcag_a_and_aa(live_server, browser) -> None:  # type: ignore[no-untyped-def]
    assert AXE.exists(), f"{AXE} ontbreekt: make install (npm ci)"
    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    context = browser.new_context(locale="nl-NL")
    pagina = context.new_page()
    schendingen = _schendingen(pagina, f"{live_server.url}/inloggen/")
    for gebruiker, paden in PAGINAS.items():
        context.clear_cookies()
        inloggen(pagina, live_server.url, gebruiker)
        pagina.wait_for_load_state()
        if gebruiker == "planner1":  # a child's record and the page to assign one
            pagina.goto(f"{live_server.url}/planning/")
            kind = pagina.locator("[data-testid=prioriteit] tbody tr").first
            paden = [
                *paden,
                kind.locator("a").first.get_attribute("href"),
                kind.locator("a", has_text="Toewijzen").get_attribute("href"),
            ]
            pagina.goto(f"{live_server.url}/planning/team/")  # a caseworker, with the absence form
            mw = pagina.locator("[data-testid=team] tbody tr a").first.get_attribute("href")
            paden += [mw, f"{mw}overdracht/"]
        if gebruiker == "beheer1":  # the log of a child's record
            pagina.goto(f"{live_server.url}/planning/")
            kind = pagina.locator("[data-testid=prioriteit] tbody tr a").first.get_attribute("href")
            paden = [*paden, f"{kind}logging/"]
        for pad in paden:
            schendingen += _schendingen(pagina, live_server.url + pad)
        if gebruiker == "beheer1":  # a user's page, with a temporary password just given
            pagina.goto(f"{live_server.url}/gebruikers/")
            pagina.click("[data-gebruiker=planner1] a")
            schendingen += _schendingen(pagina, "/gebruikers/planner1/", ga=False)
            pagina.click("button:has-text('Tijdelijk wachtwoord geven')")
            pagina.wait_for_selector("[data-testid=nieuw-wachtwoord]")
            schendingen += _schendingen(pagina, "/gebruikers/planner1/ (wachtwoord)", ga=False)
        if gebruiker == "gemeente1":  # the region over the peildata, swapped in by htmx
            pagina.goto(f"{live_server.url}/monitor/gebieden/")
            pagina.wait_for_selector("[data-testid=gebieden-trend-tabel]")
            assert pagina.locator("#grafiek-gebieden-trend").evaluate("c => c.width > 0")
            schendingen += _schendingen(pagina, "/monitor/gebieden/ (trend)", ga=False)
        if gebruiker == "jb1":  # a child not on their caseload: the reason asked, then refused
            pagina.goto(f"{live_server.url}/planning/")
            pad = pagina.locator("[data-testid=prioriteit] tbody tr a").first.get_attribute("href")
            schendingen += _schendingen(pagina, live_server.url + pad)
            pagina.check("#reden-anders")
            pagina.click("[data-testid=redenformulier] button[type=submit]")
            pagina.wait_for_selector("[data-testid=fout]")
            schendingen += _schendingen(pagina, f"{pad} (reden geweigerd)", ga=False)
        if gebruiker == "planner1":  # the search's results and its error, swapped in by htmx
            pagina.goto(f"{live_server.url}/kinderen/zoeken/")
            for tekst, klaar in (("de", "zoekresultaat"), ("12345", "zoekfout")):
                pagina.fill("#id_q", tekst)
                pagina.press("#id_q", "Enter")
                pagina.wait_for_selector(f"[data-testid={klaar}]")
                schendingen += _schendingen(pagina, f"/kinderen/zoeken/ ({tekst})", ga=False)
            pagina.goto(f"{live_server.url}/planning/team/")  # a new colleague's form, open
            pagina.click("[data-testid=nieuwe-collega] summary")
            schendingen += _schendingen(pagina, "/planning/team/ (nieuwe collega)", ga=False)
            # the trend while it computes its peildata: the progress, with the steps held
            cache.clear()
            stap = "**/monitor/trend/stap/**"
            pagina.route(stap, lambda route: route.abort())
            pagina.goto(f"{live_server.url}/monitor/trend/")
            pagina.wait_for_selector("[data-testid=berekenen] progress")
            schendingen += _schendingen(pagina, "/monitor/trend/ (berekenen)", ga=False)
            pagina.unroute(stap)
            ga_naar(pagina, f"{live_server.url}/monitor/trend/")  # the steps, then the trend
            assert pagina.locator("#grafiek-workload").evaluate("c => c.width > 0")
            assert pagina.locator("[data-testid=trend] tbody tr").count() >= 2
            pagina.goto(f"{live_server.url}/kinderen/nieuw/")  # the intake, refused
            pagina.click("[data-testid=intake-formulier] button[type=submit]")
            pagina.wait_for_selector("[data-testid=intake-fout]")
            schendingen += _schendingen(pagina, "/kinderen/nieuw/ (fouten)", ga=False)
            pagina.goto(f"{live_server.url}/planning/")  # a child's page, the triage form open
            pagina.locator("[data-testid=prioriteit] tbody tr a").first.click()
            pagina.click("summary:has-text('Nieuwe triage vastleggen')")
            pagina.wait_for_selector("[data-testid=triageformulier]", state="visible")
            schendingen += _schendingen(pagina, "kind (triageformulier open)", ga=False)
            pagina.click("summary:has-text('Registratie corrigeren')")
            pagina.wait_for_selector("[data-testid=correctieformulier]", state="visible")
            schendingen += _schendingen(pagina, "kind (correctieformulier open)", ga=False)
            pagina.click("summary:has-text('Verhuizing registreren')")
            pagina.wait_for_selector("[data-testid=verhuisformulier]", state="visible")
            schendingen += _schendingen(pagina, "kind (verhuisformulier open)", ga=False)
    context.close()
    assert not schendingen, "\n".join(schendingen)
