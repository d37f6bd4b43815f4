"""A user changes their own password; a weak one is refused naming the rule."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

OUD = "geheim-wachtwoord"  # the integration world's password


def _wijzig(c: Client, oud: str, nieuw: str, herhaald: str | None = None) -> str:
    r = c.post(
        reverse("wachtwoord"),
        {"old_password": oud, "new_password1": nieuw, "new_password2": herhaald or nieuw},
        follow=True,
    )
    assert r.status_code == 200
    return r.content.decode()


def test_gebruiker_wijzigt_eigen_wachtwoord_en_blijft_ingelogd(wereld) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    assert c.login(username="planner_a", password=OUD)
    andere_sessie = Client()
    assert andere_sessie.login(username="planner_a", password=OUD)
    pagina = c.get(reverse("wachtlijst")).content.decode()
    assert f'href="{reverse("wachtwoord")}"' in pagina  # the user's name in the menu leads there

    assert "Uw wachtwoord is gewijzigd" in _wijzig(c, OUD, "lange-zin-over-een-fiets")
    assert c.get(reverse("wachtlijst")).status_code == 200  # still logged in here
    assert andere_sessie.get(reverse("wachtlijst")).status_code == 302  # elsewhere: again
    assert Client().login(username="planner_a", password="lange-zin-over-een-fiets")
    assert not Client().login(username="planner_a", password=OUD)


@pytest.mark.parametrize(
    ("oud", "nieuw", "herhaald", "fout"),
    [
        ("fout-oud-wachtwoord", "lange-zin-over-een-fiets", None, "Oud wachtwoord: "),
        (OUD, "kort-1", None, "Nieuw wachtwoord: Dit wachtwoord is te kort: gebruik minstens 12"),
        (OUD, "123456789012345", None, "Nieuw wachtwoord: Dit wachtwoord bevat alleen cijfers"),
        (OUD, "planner_a2026!", None, "Nieuw wachtwoord: Het wachtwoord lijkt te veel op de"),
        (
            OUD,
            "lange-zin-over-een-fiets",
            "lange-zin-over-een-auto",
            "Nieuw wachtwoord bevestigen: De twee wachtwoordvelden komen niet overeen",
        ),
    ],
)
def test_zwak_of_fout_wordt_geweigerd_met_de_regel(wereld, oud, nieuw, herhaald, fout) -> None:  # type: ignore[no-untyped-def]
    """Each refusal names the field and the rule; a weak new password at the field it was
    chosen in, not at its repetition."""
    c = Client()
    c.force_login(wereld.planner_a)
    html = _wijzig(c, oud, nieuw, herhaald)
    assert fout in html and 'aria-invalid="true"' in html
    assert Client().login(username="planner_a", password=OUD)  # nothing changed
