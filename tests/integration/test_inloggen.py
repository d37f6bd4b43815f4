"""Logging in: the lock on guessing passwords (web, /beheer/, API Basic), every attempt recorded
without its password, and the logout after 30 minutes without a request."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from ketenzicht.toegang.models import Inlogpoging

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord"  # the integration world's password
BEGIN = "2026-11-20 10:00 +01:00"


@pytest.fixture
def klok() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(BEGIN, tick=False) as k:
        yield k


def _inloggen(c: Client, naam: str, wachtwoord: str, **extra: str) -> str:
    r = c.post(reverse("login"), {"username": naam, "password": wachtwoord}, **extra)  # type: ignore[arg-type]
    return "ingelogd" if r.status_code == 302 else r.content.decode()


def test_vijf_fouten_sluiten_de_naam_een_kwartier(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    for _ in range(4):
        assert "Gebruikersnaam of wachtwoord klopt niet." in _inloggen(c, "planner_a", "fout")
    vijfde = _inloggen(c, "planner_a", "fout")
    assert "Te veel mislukte pogingen" in vijfde and "na 10:15" in vijfde
    # the right password is refused too while locked, with the same message, not checked
    assert "Te veel mislukte pogingen" in _inloggen(c, "planner_a", WACHTWOORD)
    klok.shift(timedelta(minutes=14, seconds=59))
    assert "Te veel mislukte pogingen" in _inloggen(c, "PLANNER_A ", WACHTWOORD)
    klok.shift(timedelta(seconds=1))
    assert _inloggen(c, "planner_a", WACHTWOORD) == "ingelogd"
    uitkomsten = list(
        Inlogpoging.objects.order_by("tijdstip", "pk").values_list("uitkomst", flat=True)
    )
    assert uitkomsten == ["mislukt"] * 5 + ["geweigerd"] * 2 + ["gelukt"]
    assert set(Inlogpoging.objects.values_list("gebruikersnaam", "ip", "kanaal")) == {
        ("planner_a", "127.0.0.1", "web")
    }


def test_een_gelukte_inlog_telt_de_fouten_ervoor_niet_meer(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    for _ in range(4):
        _inloggen(c, "planner_a", "fout")
    assert _inloggen(c, "planner_a", WACHTWOORD) == "ingelogd"
    c.logout()
    for _ in range(4):
        assert "klopt niet" in _inloggen(c, "planner_a", "fout")
    assert _inloggen(c, "planner_a", WACHTWOORD) == "ingelogd"


def test_slot_op_de_naam_treft_alleen_die_naam(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        _inloggen(Client(), "planner_a", "fout")
    assert _inloggen(Client(), "planner_b", WACHTWOORD) == "ingelogd"


def test_een_adres_dat_veel_namen_probeert_wordt_gesloten(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    """Password spraying: one wrong password for each of many names from one address."""
    aanvaller = {"REMOTE_ADDR": "203.0.113.7"}
    for i in range(20):
        _inloggen(Client(), f"bestaat-niet-{i}", "Welkom01!", **aanvaller)
    assert "Te veel mislukte pogingen" in _inloggen(Client(), "planner_a", WACHTWOORD, **aanvaller)
    # the user at another address is not locked out by the attacker
    assert _inloggen(Client(), "planner_a", WACHTWOORD, REMOTE_ADDR="198.51.100.2") == "ingelogd"


def test_site_beheer_en_api_delen_het_slot_en_bewaren_geen_wachtwoord(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    # /beheer/'s login is the site's (the second factor too), back to /beheer/ after it
    assert c.get("/beheer/login/?next=/beheer/")["Location"] == "/inloggen/?next=%2Fbeheer%2F"
    for _ in range(3):
        _inloggen(c, "planner_a", "Zomer2026!")
    fout = base64.b64encode(b"planner_a:Herfst2026!").decode()
    for _ in range(2):
        r = c.get(reverse("api-wachtlijst"), HTTP_AUTHORIZATION=f"Basic {fout}")
        assert r.status_code in (401, 403)
    goed = base64.b64encode(f"planner_a:{WACHTWOORD}".encode()).decode()
    r = c.get(reverse("api-wachtlijst"), HTTP_AUTHORIZATION=f"Basic {goed}")
    assert r.status_code in (401, 403) and "Te veel mislukte pogingen" in r.json()["detail"]
    assert "Te veel mislukte pogingen" in _inloggen(c, "planner_a", WACHTWOORD)
    kanalen = list(Inlogpoging.objects.order_by("pk").values_list("kanaal", "uitkomst"))
    assert kanalen == [("web", "mislukt")] * 3 + [("api", "mislukt")] * 2 + [
        ("api", "geweigerd"),
        ("web", "geweigerd"),
    ]
    opgeslagen = " ".join(str(v) for r in Inlogpoging.objects.values() for v in r.values())
    assert "Zomer2026" not in opgeslagen and "Herfst2026" not in opgeslagen


def test_een_wachtwoord_of_bsn_als_naam_getypt_wordt_niet_bewaard(wereld, klok, caplog) -> None:  # type: ignore[no-untyped-def]
    """People type their password, or a child's BSN, in the name field: it counts towards the
    lock, but neither the table nor the log keeps it."""
    for _ in range(5):
        _inloggen(Client(), "Mijn-Geheim-2026", "fout")
        _inloggen(Client(), "999990019", "fout")
    assert "Te veel mislukte pogingen" in _inloggen(Client(), "mijn-geheim-2026 ", "x")
    opgeslagen = " ".join(str(v) for r in Inlogpoging.objects.values() for v in r.values())
    assert "geheim" not in opgeslagen.lower() and "999990019" not in opgeslagen
    assert "geheim" not in caplog.text.lower() and "999990019" not in caplog.text
    assert "een onbekende naam" in caplog.text
    assert set(Inlogpoging.objects.values_list("gebruikersnaam", flat=True)) == {""}
    # the same typed name gives the same code in /beheer/, so a run on one name stands out
    assert Inlogpoging.objects.values("naam_sleutel").distinct().count() == 2


def test_adres_achter_een_proxy(wereld, klok, settings) -> None:  # type: ignore[no-untyped-def]
    settings.INLOG_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    # the client may put anything in front; the proxy appends the address it saw
    _inloggen(Client(), "planner_a", "fout", HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.44")
    _inloggen(Client(), "planner_a", "fout", HTTP_X_FORWARDED_FOR="geen-adres")
    assert list(Inlogpoging.objects.order_by("pk").values_list("ip", flat=True)) == [
        "192.0.2.44",
        None,
    ]


def test_na_een_half_uur_zonder_verzoek_uitgelogd(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    assert _inloggen(c, "planner_a", WACHTWOORD) == "ingelogd"
    for _ in range(3):  # working keeps the session: 3 × 20 minutes
        klok.shift(timedelta(minutes=20))
        assert c.get(reverse("wachtlijst")).status_code == 200
    klok.shift(timedelta(minutes=30, seconds=1))
    r = c.get(reverse("wachtlijst") + "?soort=intern")
    assert r.status_code == 302
    assert r["Location"].startswith(reverse("login")) and "verlopen=1" in r["Location"]
    assert "soort%3Dintern" in r["Location"]  # back to the same page after logging in
    login = c.get(r["Location"]).content.decode()
    assert "uitgelogd na 30 minuten zonder activiteit" in login
    assert c.get(reverse("wachtlijst")).status_code == 302  # the session is gone, not paused


def test_verlopen_sessie_bij_htmx_en_api(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    _inloggen(c, "planner_a", WACHTWOORD)
    c.get(reverse("wachtlijst"))
    klok.shift(timedelta(minutes=31))
    r = c.get(
        "/monitor/stap/?peildatum=2026-11-01",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/monitor/?peildatum=2026-11-01",
    )
    # htmx loads the login page whole, and after it the page the fragment was part of
    assert r.status_code == 204 and r["HX-Redirect"].startswith(reverse("login"))
    assert "next=%2Fmonitor%2F%3Fpeildatum%3D2026-11-01&" in r["HX-Redirect"]
    _inloggen(c, "planner_a", WACHTWOORD)
    klok.shift(timedelta(minutes=31))
    r = c.get(reverse("api-wachtlijst"))
    assert r.status_code == 401 and "Sessie verlopen" in r.json()["detail"]


def test_pogingen_ouder_dan_een_jaar_worden_opgeruimd(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    _inloggen(Client(), "planner_a", "fout")
    klok.shift(timedelta(days=200))
    _inloggen(Client(), "planner_b", "fout")
    klok.shift(timedelta(days=165, seconds=1))  # the first is now a year and a second old
    _inloggen(Client(), "planner_a", WACHTWOORD)
    assert list(Inlogpoging.objects.order_by("pk").values_list("gebruikersnaam", "uitkomst")) == [
        ("planner_b", "mislukt"),
        ("planner_a", "gelukt"),
    ]


def test_de_pagina_vraagt_hoe_lang_nog_en_blijft_ingelogd(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    """The page's warning before the logout asks the time left (asking is no activity) and
    'Ingelogd blijven' starts the 30 minutes again."""
    c = Client()
    _inloggen(c, "planner_a", WACHTWOORD)
    pagina = c.get(reverse("wachtlijst")).content.decode()
    assert 'id="kz-sessie"' in pagina and 'data-duur="1800"' in pagina
    status = reverse("sessie-status")
    klok.shift(timedelta(minutes=10))
    assert c.get(status).json() == {"resterend": 1200, "reden": "stil"}
    klok.shift(timedelta(minutes=18))
    assert c.get(status).json()["resterend"] == 120  # asking did not extend it
    r = c.post(reverse("sessie-verlengen"), HTTP_ACCEPT="application/json")
    assert r.status_code == 204 and c.get(status).json()["resterend"] == 1800
    # without JavaScript the form posts and goes back to the page it was on, never elsewhere
    r = c.post(reverse("sessie-verlengen"), {"next": "/wachtlijst/?soort=intern"})
    assert r.status_code == 302 and r["Location"] == "/wachtlijst/?soort=intern"
    r = c.post(reverse("sessie-verlengen"), {"next": "https://elders.example/"})
    assert r["Location"] == "/"
    klok.shift(timedelta(minutes=30, seconds=1))
    r = c.get(status)
    assert r.status_code == 401 and r.json()["resterend"] == 0
    assert c.post(reverse("sessie-verlengen")).status_code == 401  # too late: log in again
    assert Client().get(status).json()["resterend"] == 0


def test_na_twaalf_uur_opnieuw_inloggen_ook_wie_bezig_blijft(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    c = Client()
    _inloggen(c, "planner_a", WACHTWOORD)
    for _ in range(35):  # a request every 20 minutes: never idle for long
        klok.shift(timedelta(minutes=20))
        assert c.get(reverse("wachtlijst")).status_code == 200
    # 11 h 40 min after the login: the day's end is nearer than the idle logout
    assert c.get(reverse("sessie-status")).json() == {"resterend": 1200, "reden": "dag"}
    klok.shift(timedelta(minutes=20, seconds=1))
    r = c.get(reverse("wachtlijst"))
    assert r.status_code == 302 and "verlopen=dag" in r["Location"]
    assert "na 12 uur logt iedereen opnieuw in" in c.get(r["Location"]).content.decode()
    assert _inloggen(c, "planner_a", WACHTWOORD) == "ingelogd"  # a new login, a new day
    assert c.get(reverse("wachtlijst")).status_code == 200
