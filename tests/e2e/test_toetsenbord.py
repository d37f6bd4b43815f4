"""The planner's core work is done with the keyboard alone (WCAG 2.1.1), and the element that
has the focus shows it (2.4.7): log in, open Te verdelen, assign the first child for whom a
colleague has room."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ketenzicht.demo.laden import laad
from ketenzicht.demo.logins import DEMO_WACHTWOORD
from tests.e2e.conftest import wacht_op_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ZICHTBAAR = """() => { const s = getComputedStyle(document.activeElement);
  const rand = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return rand || s.boxShadow !== 'none'; }"""


def _tab_naar(pagina, doel: str, max_stappen: int = 120) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element matches the JS predicate ``doel`` (on ``e``)."""
    for _ in range(max_stappen):
        pagina.keyboard.press("Tab")
        if pagina.evaluate(f"(() => {{ const e = document.activeElement; return {doel}; }})()"):
            assert pagina.evaluate(ZICHTBAAR), "het element met de focus is niet te zien"
            return
    raise AssertionError(f"met Tab niet bereikt: {doel}")


@pytest.mark.usefixtures("klok")
def test_planner_assigns_a_child_with_the_keyboard_alone(live_server, pagina) -> None:  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=4, tot=timezone.localdate(), voortgang=lambda *_: None)
    pagina.goto(f"{live_server.url}/inloggen/")
    _tab_naar(pagina, "e.id === 'id_username'")
    pagina.keyboard.type("planner2")
    _tab_naar(pagina, "e.id === 'id_password'")
    pagina.keyboard.type(DEMO_WACHTWOORD)
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/wachtlijst/")

    _tab_naar(pagina, "e.textContent.trim() === 'Te verdelen'")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/planning/")  # loaded whole: count() does not wait
    voor = pagina.locator("[data-testid=prioriteit] tbody tr").count()
    _tab_naar(
        pagina,
        "e.textContent.trim() === 'Toewijzen' && e.closest('tr[data-ruimte=ja]') !== null",
        max_stappen=400,
    )
    kind = pagina.evaluate("document.activeElement.closest('tr').dataset.kind")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/toewijzen/")  # loaded whole: Tab must find its button

    # the best fit is preselected: straight on to the button
    _tab_naar(pagina, "e.tagName === 'BUTTON' && e.textContent.trim() === 'Toewijzen'")
    pagina.keyboard.press("Enter")
    wacht_op_melding(pagina, "is nu de vaste jeugdbeschermer")
    expect(pagina.locator("[data-testid=prioriteit] tbody tr")).to_have_count(voor - 1)
    assert pagina.locator(f"[data-kind='{kind}']").count() == 0
