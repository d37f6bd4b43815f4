"""The second factor in the browser: a user sets it up from the QR page with the app's code,
sees the recovery codes once, and logs in again with the password and then a code (a wrong one
first). Every step's page is checked with axe."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from ketenzicht.domain.totp import code, stap_van
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from tests.e2e.test_toegankelijkheid import AXE, REGELS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "Lange-zomeravond-42"


def _axe(pagina) -> list[str]:  # type: ignore[no-untyped-def]
    pagina.add_script_tag(path=str(AXE))
    return pagina.evaluate(  # type: ignore[no-any-return]
        f"async () => (await axe.run(document, {REGELS})).violations.map(v => v.id)"
    )


def _wachtwoord(pagina, url: str) -> None:  # type: ignore[no-untyped-def]
    pagina.goto(f"{url}/inloggen/")
    pagina.fill("#id_username", "sanne")
    pagina.fill("#id_password", WACHTWOORD)
    pagina.click("main button[type=submit]")


@pytest.mark.usefixtures("klok")
def test_tweede_factor_instellen_en_ermee_inloggen(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    gi = Organisatie.objects.create(naam="GI Test", type=Organisatie.Type.GI)
    sanne = get_user_model().objects.create_user("sanne", password=WACHTWOORD)
    Lidmaatschap.objects.create(gebruiker=sanne, organisatie=gi, rol=Lidmaatschap.Rol.PLANNER)
    _wachtwoord(pagina, live_server.url)
    pagina.wait_for_url("**/wachtlijst/")

    pagina.goto(f"{live_server.url}/wachtwoord/")
    pagina.click("text=tweede factor instellen of wijzigen")
    expect(pagina.get_by_role("img", name="QR-code voor de app")).to_be_visible()
    schendingen = _axe(pagina)
    tekst = pagina.get_by_test_id("geheim").inner_text().replace(" ", "")
    geheim = base64.b32decode(tekst + "=" * (-len(tekst) % 8))
    pagina.fill("#tf-code", code(geheim, stap_van(timezone.now().timestamp())))
    pagina.click("text=Tweede factor aanzetten")
    herstelcodes = pagina.get_by_test_id("herstelcodes").locator("code").all_inner_texts()
    assert len(herstelcodes) == 10
    schendingen += _axe(pagina)

    pagina.click("text=Uitloggen")
    _wachtwoord(pagina, live_server.url)
    pagina.wait_for_url("**/inloggen/code/")
    expect(pagina.locator("#id_code")).to_be_focused()
    schendingen += _axe(pagina)
    pagina.fill("#id_code", "000000")
    pagina.click("main button[type=submit]")
    expect(pagina.get_by_test_id("codefout")).to_contain_text("klopt niet")
    schendingen += _axe(pagina)
    # the phone is elsewhere: a recovery code, once
    pagina.fill("#id_code", herstelcodes[0])
    pagina.click("main button[type=submit]")
    expect(pagina.get_by_test_id("herstelcode-gebruikt")).to_contain_text("nog 9")
    schendingen += _axe(pagina)
    pagina.click("text=Verder naar Ketenzicht")
    pagina.wait_for_url("**/wachtlijst/")
    assert schendingen == []
