"""The pages fit the screen: on a phone or an upright tablet the page never scrolls sideways
(wide tables scroll inside their own box), and on a 1280-pixel laptop the monitor shows all
of its columns."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ketenzicht.demo.laden import laad
from tests.e2e.conftest import ga_naar, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREEDTE = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def _past(pagina, url: str) -> None:  # type: ignore[no-untyped-def]
    ga_naar(pagina, url)
    breed, scherm = pagina.evaluate(BREEDTE)
    assert breed <= scherm, f"{url}: de pagina is {breed} px breed op een scherm van {scherm} px"


@pytest.mark.usefixtures("klok")
def test_pages_fit_a_phone_and_the_monitor_fits_a_laptop(live_server, browser) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=timezone.localdate(), voortgang=lambda *_: None)
    telefoon = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 800})
    pagina = telefoon.new_page()
    inloggen(pagina, live_server.url, "planner1")
    pagina.wait_for_url("**/wachtlijst/")
    kind = pagina.locator("[data-testid=wachtlijst-start] tbody tr a").first.get_attribute("href")
    for pad in (
        "/wachtlijst/",
        "/planning/",
        "/planning/team/",
        kind,
        "/doorbraak/",
        "/monitor/",
        "/monitor/trend/",
        "/monitor/gebieden/",
        "/monitor/definities/",
        "/kinderen/zoeken/",
        "/doorbraak/signalen/",
        "/kinderen/nieuw/",
    ):
        _past(pagina, live_server.url + pad)
    # the search's results: a table that scrolls in its box, not the page
    pagina.goto(f"{live_server.url}/kinderen/zoeken/")
    pagina.fill("#id_q", "de")
    pagina.press("#id_q", "Enter")
    pagina.wait_for_selector("[data-testid=zoekresultaat]")
    breed, scherm = pagina.evaluate(BREEDTE)
    assert breed <= scherm, f"zoekresultaat: {breed} px op {scherm} px"
    # the monitor's table is wider than a phone: it scrolls inside its box
    ga_naar(pagina, f"{live_server.url}/monitor/")
    vak = pagina.locator(".kz-tabelvak").first
    assert vak.evaluate("e => e.scrollWidth > e.clientWidth")
    telefoon.close()

    telefoon = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 800})
    pagina = telefoon.new_page()
    inloggen(pagina, live_server.url, "jb1")
    pagina.wait_for_url("**/mijn-kinderen/")
    _past(pagina, pagina.url)
    telefoon.close()

    laptop = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 800})
    pagina = laptop.new_page()
    inloggen(pagina, live_server.url, "ministerie")
    _past(pagina, f"{live_server.url}/monitor/")
    vak = pagina.locator("[data-testid=monitor]").locator("xpath=..")
    assert vak.evaluate("e => e.scrollWidth <= e.clientWidth"), "niet alle kolommen in beeld"
    assert pagina.locator("[data-testid=monitor] thead th").last.is_visible()
    laptop.close()
