"""A municipal officer works the doorbraak list: opens a child who is not helped in time, reads
the milestones, records an agreement and sees it on the child's timeline."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ketenzicht.audit.models import AuditRegel
from ketenzicht.demo.laden import laad
from tests.e2e.conftest import inloggen, wacht_op_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("klok")
def test_gemeente_legt_afspraak_vast_voor_kind_zonder_tijdige_hulp(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    inloggen(pagina, live_server.url, "gemeente1")
    pagina.wait_for_url("**/doorbraak/niet-tijdig/")
    rijen = pagina.locator("[data-testid=niet-tijdig] tbody tr[data-kind]")
    assert rijen.count() > 0
    kind = rijen.first.get_attribute("data-kind")
    rijen.first.locator("a").click()
    pagina.wait_for_url("**/kinderen/*/")  # loaded whole: count() does not wait
    assert pagina.locator("[data-testid=mijlpalen] [data-status=te_laat]").count() >= 1
    pagina.select_option("#af-wie", "aanbieder")
    pagina.fill("#af-wat", "Intake bij aanbieder binnen twee weken")
    pagina.fill("#af-uiterlijk", "2026-12-04")
    pagina.click("button:has-text('Afspraak vastleggen')")
    wacht_op_melding(pagina, "Afspraak vastgelegd")
    afspraak = "Intake bij aanbieder binnen twee weken"
    expect(pagina.locator("[data-testid=afspraken]")).to_contain_text(afspraak)
    expect(pagina.locator("[data-testid=tijdlijn]")).to_contain_text(afspraak)
    assert AuditRegel.objects.filter(
        gebruikersnaam="gemeente1", kind_pid=kind, actie="aanmaken"
    ).exists()
