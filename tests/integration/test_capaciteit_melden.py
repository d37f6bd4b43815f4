"""The zorgbemiddelaar takes down a provider's capacity report at the table: the proposal
reckons with it at once, the earlier reports stay, and a report that cannot be right is refused
with the field it concerns, storing nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import F

from ketenzicht.bemiddeling import voorstel as vs
from ketenzicht.bemiddeling.models import Aanbod, Capaciteit
from ketenzicht.demo.laden import laad
from ketenzicht.demo.logins import DEMO_WACHTWOORD
from ketenzicht.organisaties.models import Organisatie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


@pytest.fixture
def tafel(client, vandaag):  # type: ignore[no-untyped-def]
    """zbt1 at the table of Jeugdregio Groningen, where every offer is full."""
    laad(schaal="klein", seed=3, tot=vandaag, voortgang=lambda *_: None)
    Capaciteit.objects.update(bezet=F("plaatsen"), verwacht_vrij=0, verwacht_vrij_per=None)
    client.login(username="zbt1", password=DEMO_WACHTWOORD)
    return Organisatie.objects.get(naam="Jeugdregio Groningen")


def _melding(aanbod: Aanbod, vandaag, **anders) -> dict[str, str]:  # type: ignore[no-untyped-def]
    velden = {
        "aanbod": str(aanbod.pk),
        "geldig_van": vandaag.isoformat(),
        "plaatsen": "6",
        "bezet": "4",
        "verwacht_vrij": "0",
        "verwacht_vrij_per": "",
        "eigen_wachtlijst": "3",
        "gemeld_door": "Kompas jeugdhulp, telefonisch",
    }
    return velden | anders


def _gevraagd_aanbod(regio: Organisatie, vandaag) -> Aanbod:  # type: ignore[no-untyped-def]
    """An offer of the region whose care form a waiting child asks for."""
    u = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    gevraagd = {v.productcategorie for v in u.tafel.vragen}
    return next(
        Aanbod.objects.get(pk=a.aanbod) for a in u.tafel.aanbod if a.productcategorie in gevraagd
    )


def test_een_melding_geeft_vrije_plekken_en_het_voorstel_rekent_ermee(
    client, tafel, vandaag
) -> None:  # type: ignore[no-untyped-def]
    aanbod = _gevraagd_aanbod(tafel, vandaag)
    voor = vs.voorstel(gebruiker=None, regio=tafel, peildatum=vandaag, kanaal="cli")
    assert not [m for m in voor.voorstel.matches if m.aanbod == aanbod.pk]
    eerder = aanbod.capaciteit.count()

    pagina = client.post("/bemiddeling/capaciteit/", _melding(aanbod, vandaag), follow=True)

    html = pagina.content.decode()
    assert f"Capaciteit van {aanbod.naam} per {vandaag:%d-%m-%Y} opgeslagen" in html
    assert aanbod.capaciteit.count() == eerder + 1  # the earlier reports stay
    regel = next(a for a in pagina.context["tafel"].aanbod if a.aanbod == aanbod.pk)
    assert (regel.plaatsen, regel.bezet, regel.vrij_nu, regel.eigen_wachtlijst) == (6, 4, 2, 3)
    assert regel.gemeld_van == vandaag and regel.gemeld_door == "Kompas jeugdhulp, telefonisch"
    na = vs.voorstel(gebruiker=None, regio=tafel, peildatum=vandaag, kanaal="cli")
    assert 1 <= len([m for m in na.voorstel.matches if m.aanbod == aanbod.pk]) <= 2


def test_plekken_die_later_vrijkomen_tellen_vanaf_die_dag(client, tafel, vandaag) -> None:  # type: ignore[no-untyped-def]
    aanbod = _gevraagd_aanbod(tafel, vandaag)
    per = vandaag + timedelta(days=10)
    melding = _melding(aanbod, vandaag, plaatsen="5", bezet="5", verwacht_vrij="2")
    pagina = client.post(
        "/bemiddeling/capaciteit/", melding | {"verwacht_vrij_per": per.isoformat()}, follow=True
    )
    regel = next(a for a in pagina.context["tafel"].aanbod if a.aanbod == aanbod.pk)
    assert (regel.vrij_nu, regel.verwacht_vrij, regel.verwacht_vrij_per) == (0, 2, per)


@pytest.mark.parametrize(
    ("anders", "fout"),
    [
        ({"bezet": "7"}, "Bezet (7) is meer dan het aantal plaatsen (6)."),
        ({"plaatsen": "-1"}, "Plaatsen: "),
        ({"verwacht_vrij": "2"}, "Geef aan per wanneer de plekken vrijkomen."),
        ({"verwacht_vrij": "5"}, "niet meer plekken vrijkomen (5) dan er bezet zijn (4)."),
        ({"verwacht_vrij": "1", "verwacht_vrij_per": "2026-11-01"}, "Vrij per 01-11-2026 ligt"),
        ({"geldig_van": "2026-02-31"}, "Stand op: "),
        ({"gemeld_door": " "}, "Gemeld door: "),
    ],
)
def test_een_melding_die_niet_kan_kloppen_wordt_geweigerd(
    client, tafel, vandaag, anders: dict[str, str], fout: str
) -> None:  # type: ignore[no-untyped-def]
    aanbod = _gevraagd_aanbod(tafel, vandaag)
    voor = list(Capaciteit.objects.order_by("pk").values_list())
    melding = _melding(aanbod, vandaag, **anders)
    pagina = client.post("/bemiddeling/capaciteit/", melding, follow=True)
    html = pagina.content.decode()
    assert "Capaciteit niet opgeslagen." in html and fout in html
    assert list(Capaciteit.objects.order_by("pk").values_list()) == voor


def test_alleen_de_eigen_regio_en_alleen_de_zorgbemiddelaar(client, tafel, vandaag) -> None:  # type: ignore[no-untyped-def]
    elders = Aanbod.objects.exclude(vestiging__regio=tafel).first()
    assert elders is not None
    aantal = Capaciteit.objects.count()
    pagina = client.post("/bemiddeling/capaciteit/", _melding(elders, vandaag), follow=True)
    assert "Dit aanbod is niet bekend in deze regio." in pagina.content.decode()
    client.login(username="planner1", password=DEMO_WACHTWOORD)
    eigen = _gevraagd_aanbod(tafel, vandaag)
    assert client.post("/bemiddeling/capaciteit/", _melding(eigen, vandaag)).status_code == 404
    assert client.get("/bemiddeling/capaciteit/").status_code in (404, 405)
    assert Capaciteit.objects.count() == aantal


def test_een_oude_melding_vraagt_om_een_nieuwe(client, tafel, vandaag) -> None:  # type: ignore[no-untyped-def]
    aanbod = _gevraagd_aanbod(tafel, vandaag)
    oud = vandaag - timedelta(days=40)
    Capaciteit.objects.filter(aanbod__vestiging__regio=tafel).update(geldig_van=oud)
    alle = Aanbod.objects.filter(vestiging__regio=tafel, capaciteit__isnull=False).distinct()
    pagina = client.get("/bemiddeling/")
    html = pagina.content.decode()
    assert f"Van <strong>{alle.count()}</strong> aanbod is de laatste melding" in html
    regel = next(a for a in pagina.context["tafel"].aanbod if a.aanbod == aanbod.pk)
    assert regel.verouderd and regel.gemeld_van == oud

    client.post("/bemiddeling/capaciteit/", _melding(aanbod, vandaag))
    pagina = client.get("/bemiddeling/")
    regel = next(a for a in pagina.context["tafel"].aanbod if a.aanbod == aanbod.pk)
    assert not regel.verouderd
    assert pagina.context["verouderd"] == alle.count() - 1
