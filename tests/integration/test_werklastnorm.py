"""A GI's workload norm, set by its functioneel beheerder from a day on (the landelijk tarief
pays for 12 instead of 14 clients per FTE, seed 001): the history is kept, so every day uses
its own norm; bounds and days checked, naming the field, nothing stored on a refusal; a norm
not yet in force can be taken back; a planner sees it, does not set it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from ketenzicht.organisaties.models import Werklastnorm
from ketenzicht.organisaties.selectors import werklastnorm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]  # 20-11-2026


def _velden(**anders: str) -> dict[str, str]:
    return {
        "geldig_van": "2026-12-01",
        "clienten_per_fte": "12",
        "gewicht_jeugdbescherming": "1",
        "gewicht_voogdij": "0,8",
        "gewicht_jeugdreclassering": "1",
        "ziekte_drempel_dagen": "28",
    } | anders


@pytest.fixture
def beheerder(fb_a) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(fb_a)
    return c


def test_van_14_naar_12_vanaf_een_dag_en_de_historie_blijft(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    formulier = beheerder.get(reverse("werklastnorm")).text
    assert 'name="geldig_van" value="2026-12-01"' in formulier  # the next month's first day
    r = beheerder.post(reverse("werklastnorm"), _velden())
    assert r.status_code == 200
    assert "Vanaf 01-12-2026 is de werklastnorm 12 cliënten per fte (was 14)" in r.text
    assert werklastnorm(wereld.gi_a.pk, date(2026, 11, 30)).clienten_per_fte == 14
    nieuw = werklastnorm(wereld.gi_a.pk, date(2026, 12, 1))
    assert (nieuw.clienten_per_fte, nieuw.gewichten["voogdij"]) == (12, 0.8)
    assert werklastnorm(wereld.gi_b.pk, date(2027, 1, 1)).clienten_per_fte == 14  # not GI Beta
    rij = Werklastnorm.objects.get()
    assert rij.geregistreerd_door == "fb_a"
    pagina = beheerder.get(reverse("werklastnorm")).text
    assert "01-12-2026 (komt)" in pagina and "door fb_a" in pagina
    # a planner sees it on the team page and the norm's page, without the form
    planner = Client()
    planner.force_login(wereld.planner_a)
    assert reverse("werklastnorm") in planner.get(reverse("team")).text
    pagina = planner.get(reverse("werklastnorm")).text
    assert "01-12-2026 (komt)" in pagina and "Norm vastleggen" not in pagina
    assert (
        planner.post(reverse("werklastnorm"), _velden(geldig_van="2027-01-01")).status_code == 403
    )
    r = planner.post(reverse("werklastnorm-intrekken", args=[rij.pk]))
    assert r.status_code == 403 and Werklastnorm.objects.count() == 1


@pytest.mark.parametrize(
    ("anders", "veld", "fout"),
    [
        ({"clienten_per_fte": "0"}, "clienten_per_fte", "tussen 1 en 40 cliënten per fte"),
        ({"clienten_per_fte": "140"}, "clienten_per_fte", "niet 140"),
        ({"clienten_per_fte": "veel"}, "clienten_per_fte", "vul een getal in"),
        ({"gewicht_voogdij": "0"}, "gewicht_voogdij", "een gewicht tussen 0,1 en 3"),
        ({"ziekte_drempel_dagen": "400"}, "ziekte_drempel_dagen", "1 tot 365 dagen"),
        ({"geldig_van": "1-12-2026"}, "geldig_van", "vul een datum in"),
        ({"geldig_van": "2028-01-01"}, "geldig_van", "meer dan een jaar vooruit"),
    ],
)
def test_wat_niet_kan_noemt_het_veld_en_bewaart_niets(beheerder, anders, veld, fout) -> None:  # type: ignore[no-untyped-def]
    r = beheerder.post(reverse("werklastnorm"), _velden(**anders))
    assert r.status_code == 400 and f"{veld}: " in r.text and fout in r.text
    assert 'aria-invalid="true"' in r.text and list(anders.values())[0] in r.text  # kept
    assert not Werklastnorm.objects.exists()


def test_dezelfde_dag_nog_eens_en_intrekken_voor_hij_ingaat(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    beheerder.post(reverse("werklastnorm"), _velden())
    r = beheerder.post(reverse("werklastnorm"), _velden(clienten_per_fte="13"))
    assert r.status_code == 400 and "vanaf 01-12-2026 geldt al een norm" in r.text
    komend = Werklastnorm.objects.get()
    assert beheerder.post(reverse("werklastnorm-intrekken", args=[komend.pk])).status_code == 302
    assert not Werklastnorm.objects.exists()
    # a day in the past: the beheerder may, told what it changes; it is then in force for good
    r = beheerder.post(reverse("werklastnorm"), _velden(geldig_van="2026-11-01"))
    assert "de cijfers van de monitor vanaf 01-11-2026 veranderen" in r.text
    geldend = Werklastnorm.objects.get()
    beheerder.post(reverse("werklastnorm-intrekken", args=[geldend.pk]))
    assert Werklastnorm.objects.filter(pk=geldend.pk).exists()
    assert "Intrekken" not in beheerder.get(reverse("werklastnorm")).text
