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
