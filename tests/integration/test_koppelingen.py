"""The functioneel beheerder's page for the organisation's links: makes an API key for a user
of the own organisation (shown once), revokes one, and sees failed logins on its users' names —
never another organisation's."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from ketenzicht.toegang.models import ApiSleutel

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


@pytest.fixture
def beheerder(fb_a) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(fb_a)
    return c


def test_beheerder_maakt_en_trekt_een_sleutel_in(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    pagina = beheerder.get(reverse("koppelingen"))
    assert pagina.status_code == 200 and 'href="/koppelingen/"' in pagina.content.decode()
    html = pagina.content.decode()
    assert f'value="{wereld.planner_a.pk}"' in html  # a colleague may be chosen
    assert f'value="{wereld.planner_b.pk}"' not in html  # another GI's user is not offered

    r = beheerder.post(
        reverse("koppelingen"),
        {"gebruiker": wereld.planner_a.pk, "naam": "Zaaksysteem", "dagen": 90},
    )
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    sleutel = re.search(r'<code class="kz-sleutel">(kz_[^<]+)</code>', r.content.decode()).group(1)  # type: ignore[union-attr]
    assert (
        Client().get(reverse("api-wachtlijst"), HTTP_AUTHORIZATION=f"Bearer {sleutel}").status_code
        == 200
    )
    lijst = beheerder.get(reverse("koppelingen")).content.decode()
    assert sleutel not in lijst and ApiSleutel.objects.get().prefix in lijst  # shown once

    rij = ApiSleutel.objects.get()
    assert beheerder.post(reverse("sleutel-intrekken", args=[rij.pk])).status_code == 302
    rij.refresh_from_db()
    assert rij.ingetrokken_op is not None
    assert (
        Client().get(reverse("api-wachtlijst"), HTTP_AUTHORIZATION=f"Bearer {sleutel}").status_code
        == 401
    )


def test_niet_voor_een_andere_organisatie_of_rol(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    r = beheerder.post(
        reverse("koppelingen"), {"gebruiker": wereld.planner_b.pk, "naam": "Elders", "dagen": 30}
    )
    assert (
        r.status_code == 400
        and "kies een actieve gebruiker van uw organisatie" in r.content.decode()
    )
    for velden, fout in (
        (
            {"gebruiker": wereld.planner_a.pk, "naam": " ", "dagen": 30},
            "geef de koppeling een naam",
        ),
        ({"gebruiker": wereld.planner_a.pk, "naam": "X", "dagen": "veel"}, "dagen: tussen 1"),
    ):
        r = beheerder.post(reverse("koppelingen"), velden)
        assert r.status_code == 400 and fout in r.content.decode()
    assert not ApiSleutel.objects.exists()

    from ketenzicht.toegang.services import sleutel_aanmaken

    van_b, _ = sleutel_aanmaken("planner_b", "Zaaksysteem B", 30, door="test")
    assert "Zaaksysteem B" not in beheerder.get(reverse("koppelingen")).content.decode()
    assert beheerder.post(reverse("sleutel-intrekken", args=[van_b.pk])).status_code == 404
    van_b.refresh_from_db()
    assert van_b.ingetrokken_op is None

    planner = Client()
    planner.force_login(wereld.planner_a)
    assert planner.get(reverse("koppelingen")).status_code == 403
    assert planner.post(reverse("sleutel-intrekken", args=[van_b.pk])).status_code == 403


def test_mislukte_inlogs_op_namen_van_de_eigen_organisatie(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    Client().post(reverse("login"), {"username": "planner_a", "password": "fout"})
    Client().post(reverse("login"), {"username": "planner_b", "password": "fout"})
    Client().post(reverse("login"), {"username": "iemand-anders", "password": "fout"})
    Client().login(username="planner_a", password="geheim-wachtwoord")  # a success: not listed
    html = beheerder.get(reverse("koppelingen")).content.decode()
    tabel = html[html.index('data-testid="pogingen"') :]
    tabel = tabel[tabel.index("<tbody") : tabel.index("</tbody>")]
    assert tabel.count('<tr class="utrecht-table__row">') == 1
    assert "planner_a" in tabel and "planner_b" not in tabel and "iemand-anders" not in tabel
