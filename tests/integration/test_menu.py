"""The main menu is the user's, not the page's: every page a menu item leads to shows the same
items, so a planner on the monitor or the forecast still reaches the waiting lists in one click."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from ketenzicht.demo.laden import laad

pytestmark = pytest.mark.django_db

MENU = re.compile(r'<nav aria-label="Hoofdmenu"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a class="utrecht-link" href="([^"]+)"[^>]*>([^<]+)</a>')


@pytest.fixture
def demo(db: None) -> None:
    laad(schaal="klein", seed=5, tot=date(2026, 11, 20), voortgang=lambda *_: None)


def _menu(html: str) -> list[tuple[str, str]]:
    gevonden = MENU.search(html)
    assert gevonden, "page without the main menu"
    return LINK.findall(gevonden.group(1))


@pytest.mark.usefixtures("demo", "bevroren_klok")
@pytest.mark.parametrize(
    ("gebruiker", "moet"),
    [
        ("planner1", {"Wachtlijsten", "Te verdelen", "Team", "Signalen", "Niet tijdig"}),
        ("jb1", {"Mijn kinderen", "Wachtlijsten", "Signalen"}),
        ("beheer1", {"Wachtlijsten", "Te verdelen", "Team", "Zoeken", "Gebruikers", "Koppelingen"}),
        ("gemeente1", {"Niet tijdig", "Monitor"}),
        ("zbt1", {"Zorgbemiddeling", "Monitor"}),
        ("ret1", {"Werklijst", "Monitor"}),
        ("ministerie", {"Monitor", "Doorbraak", "Prognose"}),
    ],
)
def test_every_page_in_the_menu_shows_the_same_menu(client, gebruiker: str, moet: set[str]) -> None:  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username=gebruiker))
    start = client.get("/", follow=True)
    menu = _menu(start.content.decode())
    assert moet <= {naam for _, naam in menu}
    # and the pages under them that carry no GI of their own
    for href, naam in [*menu, (reverse("definities"), "Definities")]:
        pagina = client.get(href)
        assert pagina.status_code == 200, (href, pagina.status_code)
        assert _menu(pagina.content.decode()) == menu, f"{gebruiker} on {naam} ({href})"
