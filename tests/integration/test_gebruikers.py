"""The functioneel beheerder's page for the organisation's users: a new user with a temporary
password that opens only 'choose your own' and expires after 7 days; a forgotten password; the
lock lifted; a leaver deactivated (sessions and API keys stop at once); a role and caseworker
link changed. Never another organisation's user, the beheerder's own account or an application
administrator's; every change kept."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ketenzicht.organisaties.models import Lidmaatschap
from ketenzicht.toegang.models import Gebruikerswijziging, Inlogpoging, TijdelijkWachtwoord
from ketenzicht.toegang.selectors import slot_tot_voor, sloten_op_naam
from ketenzicht.toegang.services import sleutel_aanmaken

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord"  # the integration world's password
EIGEN = "Zomer-in-Zwolle-2026"


@pytest.fixture
def klok() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel("2026-11-20 10:00 +01:00", tick=False) as k:
        yield k


@pytest.fixture
def beheerder(fb_a, klok) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(fb_a)
    return c


def _inloggen(c: Client, naam: str, wachtwoord: str) -> str:
    r = c.post(reverse("login"), {"username": naam, "password": wachtwoord})
    return "ingelogd" if r.status_code == 302 else r.content.decode()


def _tijdelijk(r) -> str:  # type: ignore[no-untyped-def]
    assert r["Cache-Control"] == "no-store"
    return re.search(r'data-testid="tijdelijk-wachtwoord">([^<]+)<', r.content.decode()).group(1)  # type: ignore[union-attr]


def _handeling(beheerder: Client, gebruiker, handeling: str, **velden):  # type: ignore[no-untyped-def]
    return beheerder.post(
        reverse("gebruiker", args=[gebruiker.pk]), {"handeling": handeling, **velden}
    )


def test_een_nieuwe_gebruiker_kiest_eerst_een_eigen_wachtwoord(wereld, beheerder, klok) -> None:  # type: ignore[no-untyped-def]
    tom = wereld.medewerker(wereld.gi_a)
    r = beheerder.post(
        reverse("gebruikers"),
        {
            "gebruikersnaam": "tom.jb",
            "voornaam": "Tom",
            "achternaam": "Bakker",
            "rol": "jeugdbeschermer",
            "medewerker": tom.pk,
        },
    )
    assert r.status_code == 200
    tijdelijk = _tijdelijk(r)
    lid = Lidmaatschap.objects.get(gebruiker__username="tom.jb")
    assert (lid.organisatie, lid.rol, lid.medewerker) == (wereld.gi_a, "jeugdbeschermer", tom)
    assert tijdelijk not in beheerder.get(reverse("gebruikers")).content.decode()  # shown once

    tom_c = Client()
    assert _inloggen(tom_c, "tom.jb", tijdelijk) == "ingelogd"
    assert tom_c.get(reverse("wachtlijst"))["Location"] == reverse("wachtwoord")
    kiezen = tom_c.get(reverse("wachtwoord")).text
    assert 'data-testid="tijdelijk"' in kiezen
    assert "Wachtlijsten" not in kiezen and "Uitloggen" in kiezen  # no menu that leads back
    api = tom_c.get(reverse("api-wachtlijst"))
    assert api.status_code == 403 and "eigen wachtwoord" in api.json()["detail"]
    basic = base64.b64encode(f"tom.jb:{tijdelijk}".encode()).decode()
    r = Client().get(reverse("api-wachtlijst"), HTTP_AUTHORIZATION=f"Basic {basic}")
    assert r.status_code == 401 and "tijdelijk wachtwoord" in r.json()["detail"]

    def wijzig(nieuw: str):  # type: ignore[no-untyped-def]
        velden = {"old_password": tijdelijk, "new_password1": nieuw, "new_password2": nieuw}
        return tom_c.post(reverse("wachtwoord"), velden)

    assert "Kies een ander wachtwoord" in wijzig(tijdelijk).content.decode()
    assert wijzig(EIGEN).status_code == 302
    assert not TijdelijkWachtwoord.objects.exists()
    assert "Wachtlijsten" in tom_c.get(reverse("wachtlijst")).text  # the menu is back
    assert _inloggen(Client(), "tom.jb", EIGEN) == "ingelogd"
    assert [(w.gebruikersnaam, w.handeling, w.door) for w in Gebruikerswijziging.objects.all()] == [
        ("tom.jb", "aangemaakt", "fb_a")
    ]


def test_een_tijdelijk_wachtwoord_werkt_zeven_dagen(wereld, fb_a, beheerder, klok) -> None:  # type: ignore[no-untyped-def]
    tijdelijk = _tijdelijk(_handeling(beheerder, wereld.planner_a, "wachtwoord"))
    assert "klopt niet" in _inloggen(Client(), "planner_a", WACHTWOORD)  # the old one is gone
    klok.shift(timedelta(days=7))
    assert _inloggen(Client(), "planner_a", tijdelijk) == "ingelogd"  # still, at exactly 7 days
    klok.shift(timedelta(seconds=1))
    for _ in range(6):  # the right password, expired: said so, and no lock for it
        assert "tijdelijke wachtwoord is verlopen" in _inloggen(Client(), "planner_a", tijdelijk)
    assert Inlogpoging.objects.filter(uitkomst="verlopen").count() == 6
    beheerder.force_login(fb_a)  # a week later: the beheerder logs in again
    pagina = beheerder.get(reverse("gebruiker", args=[wereld.planner_a.pk])).content.decode()
    assert "tijdelijk wachtwoord verlopen" in pagina
    tweede = _tijdelijk(_handeling(beheerder, wereld.planner_a, "wachtwoord"))
    assert _inloggen(Client(), "planner_a", tweede) == "ingelogd"


def test_het_slot_opheffen_en_een_vergeten_wachtwoord(wereld, beheerder, klok) -> None:  # type: ignore[no-untyped-def]
    sessie = Client()
    sessie.force_login(wereld.planner_a)
    for _ in range(5):
        _inloggen(Client(), "planner_a", "fout")
    assert "Te veel mislukte pogingen" in _inloggen(Client(), "planner_a", WACHTWOORD)
    lijst = beheerder.get(reverse("gebruikers")).content.decode()
    assert "gesloten tot 10:15" in lijst
    assert _handeling(beheerder, wereld.planner_a, "slot").status_code == 302
    assert "gesloten tot" not in beheerder.get(reverse("gebruikers")).content.decode()
    assert _inloggen(Client(), "planner_a", WACHTWOORD) == "ingelogd"

    for _ in range(5):
        _inloggen(Client(), "planner_a", "fout")
    tijdelijk = _tijdelijk(_handeling(beheerder, wereld.planner_a, "wachtwoord"))
    # a new password lifts the lock too, and ends the sessions the old one opened
    assert _inloggen(Client(), "planner_a", tijdelijk) == "ingelogd"
    assert sessie.get(reverse("wachtlijst"))["Location"].startswith(reverse("login"))
    handelingen = Gebruikerswijziging.objects.values_list("handeling", flat=True)
    assert list(handelingen) == ["wachtwoord", "slot"]


def test_een_vertrekker_deactiveren(wereld, beheerder, klok) -> None:  # type: ignore[no-untyped-def]
    sessie = Client()
    sessie.force_login(wereld.planner_a)
    _, sleutel = sleutel_aanmaken("planner_a", "Zaaksysteem", 30, door="fb_a")
    r = _handeling(beheerder, wereld.planner_a, "gedeactiveerd")
    assert r["Location"].endswith("?gedaan=gedeactiveerd")
    assert "Gedeactiveerd:" in beheerder.get(r["Location"]).content.decode()
    assert sessie.get(reverse("wachtlijst"))["Location"].startswith(reverse("login"))
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {sleutel}"}
    assert Client().get(reverse("api-wachtlijst"), **bearer).status_code == 401
    assert "klopt niet" in _inloggen(Client(), "planner_a", WACHTWOORD)
    # a deactivated user keeps their name in the lists, after the active ones
    namen = re.findall(r'data-gebruiker="([^"]+)"', beheerder.get(reverse("gebruikers")).text)
    assert namen == ["fb_a", "planner_a"] and wereld.planner_b.username not in namen
    weigering = _handeling(beheerder, wereld.planner_a, "wachtwoord")
    assert weigering.status_code == 400 and "eerst weer actief" in weigering.text

    _handeling(beheerder, wereld.planner_a, "geactiveerd")
    assert _inloggen(Client(), "planner_a", WACHTWOORD) == "ingelogd"
    assert Client().get(reverse("api-wachtlijst"), **bearer).status_code == 200
    assert list(Gebruikerswijziging.objects.values_list("handeling", flat=True)) == [
        "geactiveerd",
        "gedeactiveerd",
    ]


def test_rol_en_medewerker_wijzigen(wereld, beheerder) -> None:  # type: ignore[no-untyped-def]
    tom = wereld.medewerker(wereld.gi_a)
    elders = wereld.medewerker(wereld.gi_b)
    r = _handeling(beheerder, wereld.planner_a, "rol", rol="jeugdbeschermer", medewerker=tom.pk)
    assert r.status_code == 302
    lid = Lidmaatschap.objects.get(gebruiker=wereld.planner_a)
    assert (lid.rol, lid.medewerker) == ("jeugdbeschermer", tom)
    w = Gebruikerswijziging.objects.get()
    assert w.toelichting == f"Teamleider / planner → Jeugdbeschermer ({tom})"
    # the same again changes nothing and records nothing
    _handeling(beheerder, wereld.planner_a, "rol", rol="jeugdbeschermer", medewerker=tom.pk)
    assert Gebruikerswijziging.objects.count() == 1

    nieuw = beheerder.post(
        reverse("gebruikers"), {"gebruikersnaam": "anna", "rol": "planner", "medewerker": tom.pk}
    )
    assert nieuw.status_code == 400 and "nog geen gebruiker" in nieuw.text  # Tom is taken
    for velden, fout in (
        ({"rol": "planner", "medewerker": elders.pk}, "kies een medewerker van uw GI"),
        ({"rol": "zorgbemiddelaar"}, "rol: bij GI Alfa kan dat Teamleider / planner, "),
        ({"rol": "superuser"}, "rol: bij GI Alfa"),
        ({"rol": "planner", "medewerker": "Tom"}, "medewerker: kies een medewerker uit de lijst"),
    ):
        r = _handeling(beheerder, wereld.planner_a, "rol", **velden)
        assert r.status_code == 400 and fout in r.text, r.text
    lid.refresh_from_db()
    assert (lid.rol, lid.medewerker) == ("jeugdbeschermer", tom)
    assert not get_user_model().objects.filter(username="anna").exists()


def test_grenzen_van_de_beheerder(wereld, fb_a, beheerder) -> None:  # type: ignore[no-untyped-def]
    # another GI's user is not found, to see or to change
    assert beheerder.get(reverse("gebruiker", args=[wereld.planner_b.pk])).status_code == 404
    assert _handeling(beheerder, wereld.planner_b, "gedeactiveerd").status_code == 404
    # not the own account
    r = _handeling(beheerder, fb_a, "rol", rol="planner")
    assert r.status_code == 400 and "andere beheerder" in r.text
    # not an application administrator who is also a member (that would make one)
    wereld.planner_a.is_superuser = True
    wereld.planner_a.save()
    r = _handeling(beheerder, wereld.planner_a, "wachtwoord")
    assert r.status_code == 400 and "applicatiebeheerder" in r.text
    assert _inloggen(Client(), "planner_a", WACHTWOORD) == "ingelogd"  # password unchanged
    # names: unique in the whole system, whatever the case, and only the usual characters
    for naam, fout in (
        ("PLANNER_B", "bestaat al"),
        ("jan jansen", "alleen letters, cijfers"),
        ("  ", "vul een gebruikersnaam in"),
    ):
        r = beheerder.post(reverse("gebruikers"), {"gebruikersnaam": naam, "rol": "planner"})
        assert r.status_code == 400 and fout in r.text
        assert naam.strip() in r.text  # what was typed stays in the form
    assert get_user_model().objects.count() == 4 and not Gebruikerswijziging.objects.exists()
    # a planner is no beheerder; a user of another GI never sees these pages
    planner = Client()
    planner.force_login(wereld.planner_b)
    assert planner.get(reverse("gebruikers")).status_code == 403
    r = planner.post(reverse("gebruiker", args=[fb_a.pk]), {"handeling": "slot"})
    assert r.status_code == 403


def test_sloten_op_naam_telt_als_het_slot_zelf(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    """The list's count and the login's count agree: over the window, after a success and
    after a lifted lock."""
    from ketenzicht.toegang.services import poging_vastleggen

    volgorde = ["mislukt"] * 3 + ["gelukt"] + ["mislukt"] * 5 + ["vrijgegeven"] + ["mislukt"] * 5
    for uitkomst in volgorde:
        poging_vastleggen("planner_a", "10.0.0.1", "web", uitkomst)
        klok.shift(timedelta(seconds=30))
        nu = timezone.now()
        verwacht = slot_tot_voor("planner_a", None, nu)
        assert sloten_op_naam(["planner_a"], nu).get("planner_a") == verwacht
    assert verwacht is not None  # the last five lock it again


def test_de_eerste_beheerder_van_een_nieuwe_gi_via_de_cli(wereld, klok, capsys) -> None:  # type: ignore[no-untyped-def]
    """The application administrator makes a new GI's first functioneel beheerder from the
    command line; it logs in with the temporary password and must choose its own."""
    import json

    from ketenzicht.cli import main

    nieuw = ["gebruiker", "aanmaken", "--organisatie", "GI Beta", "--gebruikersnaam", "fb_b"]
    assert main([*nieuw, "--rol", "beheerder", "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert (uit["gebruiker"], uit["organisatie"], uit["rol"], uit["actief"]) == (
        "fb_b",
        "GI Beta",
        "beheerder",
        True,
    )
    assert uit["geldig_tot"].startswith("2026-11-27T")
    c = Client()
    assert _inloggen(c, "fb_b", uit["tijdelijk_wachtwoord"]) == "ingelogd"
    assert c.get(reverse("gebruikers"))["Location"] == reverse("wachtwoord")
    assert Gebruikerswijziging.objects.get().door.startswith("cli:")

    assert main([*nieuw, "--rol", "zorgbemiddelaar"]) == 2  # taken, and no such role at a GI
    assert "bestaat al" in capsys.readouterr().err
    assert main(["gebruiker", "--organisatie", "GI Gamma"]) == 2
    assert "geen organisatie 'GI Gamma'" in capsys.readouterr().err
    assert main(["gebruiker", "--organisatie", "GI Beta", "--format", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    assert [(r["gebruiker"], r["rol"], r["tweede_factor"]) for r in rijen] == [
        ("fb_b", "beheerder", False),
        ("planner_b", "planner", False),
    ]


def test_overzicht_voor_de_periodieke_controle(wereld, beheerder, klok) -> None:  # type: ignore[no-untyped-def]
    sleutel_aanmaken("planner_a", "Zaaksysteem", 30, door="fb_a")
    _handeling(beheerder, wereld.planner_a, "gedeactiveerd")
    r = beheerder.get(reverse("gebruikers-csv"))
    assert r["Content-Disposition"] == 'attachment; filename="gebruikers-gi-alfa-2026-11-20.csv"'
    regels = r.content.decode().splitlines()
    assert regels[0].split(";") == [
        "gebruiker",
        "naam",
        "rol",
        "medewerker",
        "actief",
        "tweede_factor",
        "tijdelijk_wachtwoord",
        "laatst_ingelogd",
        "geldige_api_sleutels",
    ]
    assert regels[1:] == [
        "fb_a;;Functioneel beheerder;;ja;nee;nee;2026-11-20T10:00+01:00;0",
        "planner_a;;Teamleider / planner;;nee;nee;nee;;1",
    ]  # not GI Beta's planner
    planner = Client()
    planner.force_login(wereld.planner_b)
    assert planner.get(reverse("gebruikers-csv")).status_code == 403
