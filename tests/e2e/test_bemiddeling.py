"""A zorgbemiddelaar works the regional table in a real browser: opens it, reads why a match is
proposed, accepts it and sees the place taken."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.bemiddeling.models import Besluit
from ketenzicht.demo.laden import laad
from tests.e2e.conftest import inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("klok")
def test_zorgbemiddelaar_accepteert_match_en_ziet_de_plek_bezet(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "zbt1")
    pagina.wait_for_url("**/bemiddeling/")
    rij = pagina.locator("[data-testid=voorstel] tbody tr[data-aanbod]").first
    redenen = rij.inner_text()
    assert "zorgvorm past" in redenen and "afstand" in redenen
    assert "maatregel" in redenen or "geen maatregel" in redenen
    aanbod = rij.get_attribute("data-aanbod")
    hulpvraag = rij.get_attribute("data-hulpvraag")
    cel = pagina.locator(
        f"[data-testid=aanbod] tr[data-aanbod='{aanbod}'] [data-testid=gereserveerd]"
    )
    voor = int(cel.inner_text())
    rij.locator("button:has-text('Accepteren')").click()
    pagina.wait_for_selector("[role=status], [role=alert]")
    assert pagina.locator("[role=alert]").count() == 0, pagina.inner_text("[role=alert]")
    assert "Plek gereserveerd" in pagina.inner_text("[role=status]")
    assert int(cel.inner_text()) == voor + 1
    assert pagina.locator(f"[data-testid=hulpvragen] tr[data-hulpvraag='{hulpvraag}']").count() == 0
    assert Besluit.objects.filter(hulpvraag_id=hulpvraag, soort="akkoord").exists()
    assert AuditRegel.objects.filter(gebruikersnaam="zbt1", actie="schrijven").exists()


@pytest.mark.usefixtures("klok")
def test_zorgbemiddelaar_meldt_capaciteit_en_ziet_de_plekken(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    from tests.e2e.conftest import wacht_op_melding
    from tests.e2e.test_toegankelijkheid import _schendingen

    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "zbt1")
    pagina.wait_for_url("**/bemiddeling/")
    pagina.click("summary:has-text('Capaciteit melden')")
    formulier = pagina.locator("[data-testid=capaciteitformulier]")
    expect(formulier).to_be_visible()
    assert _schendingen(pagina, "bemiddeling (capaciteit melden open)", ga=False) == []
    aanbod = formulier.locator("select[name=aanbod] option").nth(1)
    naam, waarde = aanbod.inner_text(), aanbod.get_attribute("value")
    formulier.locator("select[name=aanbod]").select_option(waarde)
    # its last report filled in, to change what changed
    rij = pagina.locator(f"[data-testid=aanbod] tr[data-aanbod='{waarde}'] td")
    plaatsen = rij.nth(3).inner_text()
    assert formulier.locator("input[name=plaatsen]").input_value() == plaatsen
    assert formulier.locator("input[name=bezet]").input_value() == rij.nth(4).inner_text()
    formulier.locator("input[name=plaatsen]").fill("8")
    formulier.locator("input[name=bezet]").fill("8")
    formulier.locator("input[name=verwacht_vrij]").fill("1")
    formulier.locator("input[name=verwacht_vrij_per]").fill("2026-12-15")
    formulier.locator("input[name=gemeld_door]").fill("aanbieder, per mail")
    formulier.locator("button[type=submit]").click()
    wacht_op_melding(pagina, "8 van 8 plaatsen bezet")
    rij = pagina.locator(f"[data-testid=aanbod] tr[data-aanbod='{waarde}']")
    expect(rij).to_contain_text("1 per 15-12-2026")
    expect(rij.locator("[data-testid=gemeld]")).to_contain_text("aanbieder, per mail")
    assert naam.split(" (")[0] in pagina.inner_text("[role=status]")
