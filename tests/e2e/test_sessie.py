"""The warning before the idle logout: it opens shortly before the session runs out, 'Ingelogd
blijven' keeps the user logged in, and left alone the page goes to the login page, which says
why. With a 20-second session so the test need not wait half an hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ketenzicht.demo.laden import laad
from ketenzicht.demo.logins import DEMO_WACHTWOORD
from tests.e2e.conftest import inloggen
from tests.e2e.test_toegankelijkheid import AXE, REGELS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DUUR = 20  # seconds; the warning comes a fifth of it ahead


@pytest.mark.usefixtures("klok")
def test_waarschuwing_voor_het_uitloggen(live_server, pagina, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SESSIE_DUUR = timedelta(seconds=DUUR)
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "jb1")
    pagina.wait_for_url("**/planning/mijn-kinderen/")
    dialoog = pagina.get_by_role("dialog", name="U wordt bijna uitgelogd")
    expect(dialoog).to_be_hidden()

    expect(dialoog).to_be_visible(timeout=DUUR * 1000)
    pagina.add_script_tag(path=str(AXE))
    schendingen = pagina.evaluate(f"async () => (await axe.run(document, {REGELS})).violations")
    assert schendingen == []
    # the button has the focus: Enter keeps the user logged in
    expect(dialoog.get_by_role("button", name="Ingelogd blijven")).to_be_focused()
    pagina.keyboard.press("Enter")
    expect(dialoog).to_be_hidden()
    over = pagina.evaluate("async () => (await (await fetch('/sessie/status/')).json()).resterend")
    assert over >= DUUR - 3

    # left alone: warned again, then the login page, and back to the same page after it
    expect(dialoog).to_be_visible(timeout=DUUR * 1000)
    pagina.wait_for_url("**/inloggen/?*verlopen=1*", timeout=DUUR * 1000)
    expect(pagina.get_by_role("status")).to_contain_text("zonder activiteit")
    pagina.fill("#id_username", "jb1")
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("main button[type=submit]")
    pagina.wait_for_url("**/planning/mijn-kinderen/")
