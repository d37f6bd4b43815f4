"""A municipal officer works the doorbraak list: opens a child who is not helped in time, reads
the milestones, records an agreement and sees it on the child's timeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.demo.laden import DEMO_WACHTWOORD, laad

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def klok() -> Iterator[None]:
    with time_machine.travel("2026-11-20 10:00 +01:00", tick=True):
        yield


@pytest.mark.usefixtures("klok")
def test_gemeente_legt_afspraak_vast_voor_kind_zonder_tijdige_hulp(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=5, tot=timezone.localdate(), voortgang=lambda *_: None)
    pagina.goto(f"{live_server.url}/inloggen/")
    pagina.fill("#id_username", "gemeente1")
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("button[type=submit]")
    pagina.wait_for_url("**/doorbraak/niet-tijdig/")
    rijen = pagina.locator("[data-testid=niet-tijdig] tbody tr[data-kind]")
    assert rijen.count() > 0
    kind = rijen.first.get_attribute("data-kind")
    rijen.first.locator("a").click()
    pagina.wait_for_selector("[data-testid=mijlpalen]")
    assert pagina.locator("[data-testid=mijlpalen] [data-status=te_laat]").count() >= 1
    pagina.select_option("#af-wie", "aanbieder")
    pagina.fill("#af-wat", "Intake bij aanbieder binnen twee weken")
    pagina.fill("#af-uiterlijk", "2026-12-04")
    pagina.click("button:has-text('Afspraak vastleggen')")
    pagina.wait_for_selector("[role=status]")
    assert "Afspraak vastgelegd" in pagina.inner_text("[role=status]")
    assert "Intake bij aanbieder binnen twee weken" in pagina.inner_text("[data-testid=afspraken]")
    assert "Intake bij aanbieder binnen twee weken" in pagina.inner_text("[data-testid=tijdlijn]")
    assert AuditRegel.objects.filter(
        gebruikersnaam="gemeente1", kind_pid=kind, actie="aanmaken"
    ).exists()
