"""The zorgbemiddelingstafel on a real database: the proposal on demo data is optimal, keeps
capacity and the priority rule; accepting reserves a place, declining keeps the pair out."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ketenzicht.bemiddeling import selectors, services
from ketenzicht.bemiddeling import voorstel as vs
from ketenzicht.bemiddeling.models import Besluit, Hulpvraag
from ketenzicht.cli import main
from ketenzicht.demo.laden import laad
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Organisatie
from tests.unit.test_bemiddeling import onafhankelijk_optimum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


@pytest.fixture
def demo(vandaag):  # type: ignore[no-untyped-def]
    laad(schaal="klein", seed=3, tot=vandaag, voortgang=lambda *_: None)


def _drukste_regio() -> Organisatie:
    teller = Counter(Hulpvraag.objects.filter(status="wachtend").values_list("regio_id", flat=True))
    return Organisatie.objects.get(pk=teller.most_common(1)[0][0])


@pytest.mark.usefixtures("demo")
def test_voorstel_op_demodata_is_optimaal_binnen_capaciteit_en_volgens_voorrang(vandaag) -> None:  # type: ignore[no-untyped-def]
    regio = _drukste_regio()
    u = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    vragen = vs.domeinvragen(u.tafel.vragen)
    pools = vs.pools(u.tafel.aanbod, vandaag)
    assert len(vragen) >= 10 and u.voorstel.matches
    assert u.voorstel.doel == onafhankelijk_optimum(vragen, pools)
    vrij = {a.aanbod: a.vrij_nu + a.verwacht_vrij for a in u.tafel.aanbod}
    for aanbod, n in Counter(m.aanbod for m in u.voorstel.matches).items():
        assert n <= vrij[aanbod]
    regels = {r.hulpvraag: r for r in u.tafel.vragen}
    for m in u.voorstel.matches:
        a = regels[m.vraag]
        for w in u.voorstel.blijft_wachten:
            c = regels[w]
            if a.maatregel is None and c.maatregel is not None:
                # a waiting child with a measure is never equally or more urgent *and* fitting
                assert (
                    (c.urgentie or 2) < (a.urgentie or 2)
                    or c.productcategorie != a.productcategorie
                    or not any(
                        p.aanbod == m.aanbod and p.leeftijd_van <= c.leeftijd <= p.leeftijd_tot
                        for p in pools
                    )
                )
    # every match explains itself: priority reasons and fit
    eerste = u.voorstel.matches[0]
    assert any(r.startswith("zorgvorm past: ") for r in eerste.redenen)
    assert any(r.startswith("afstand ") for r in eerste.redenen)


@pytest.mark.usefixtures("demo")
def test_accepteren_reserveert_de_plek_en_afwijzen_houdt_het_paar_buiten(vandaag) -> None:  # type: ignore[no-untyped-def]
    regio = _drukste_regio()
    u = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    m = u.voorstel.matches[0]
    voor = next(a for a in u.tafel.aanbod if a.aanbod == m.aanbod)
    services.match_accepteren(
        regio=regio, hulpvraag_id=m.vraag, aanbod_id=m.aanbod, peildatum=vandaag,
        score=m.score, redenen=m.redenen, door=None,
    )  # fmt: skip
    na = selectors.tafel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    aanbod = next(a for a in na.aanbod if a.aanbod == m.aanbod)
    assert aanbod.gereserveerd == voor.gereserveerd + 1
    assert aanbod.vrij_nu + aanbod.verwacht_vrij == voor.vrij_nu + voor.verwacht_vrij - 1
    assert m.vraag not in {v.hulpvraag for v in na.vragen}
    assert Hulpvraag.objects.get(pk=m.vraag).status == "gereserveerd"
    with pytest.raises(Weigering, match="wacht niet meer"):
        services.match_accepteren(
            regio=regio, hulpvraag_id=m.vraag, aanbod_id=m.aanbod, peildatum=vandaag,
            score=0, redenen=[], door=None,
        )  # fmt: skip

    u2 = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    m2 = u2.voorstel.matches[0]
    with pytest.raises(Weigering, match="reden"):
        services.match_afwijzen(
            regio=regio, hulpvraag_id=m2.vraag, aanbod_id=m2.aanbod, peildatum=vandaag,
            reden="  ", score=0, redenen=[], door=None,
        )  # fmt: skip
    services.match_afwijzen(
        regio=regio, hulpvraag_id=m2.vraag, aanbod_id=m2.aanbod, peildatum=vandaag,
        reden="gezin wil niet zo ver reizen", score=m2.score, redenen=m2.redenen, door=None,
    )  # fmt: skip
    u3 = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    assert (m2.vraag, m2.aanbod) not in {(x.vraag, x.aanbod) for x in u3.voorstel.matches}
    assert Besluit.objects.filter(soort="afgewezen").count() == 1


@pytest.mark.usefixtures("demo")
def test_geen_plek_meer_vrij_geeft_een_duidelijke_weigering(vandaag) -> None:  # type: ignore[no-untyped-def]
    regio = _drukste_regio()
    u = selectors.tafel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    vol = next(a for a in u.aanbod if a.vrij_nu + a.verwacht_vrij == 0)
    vraag = (
        Hulpvraag.objects.filter(
            regio=regio, status="wachtend", productcategorie=vol.productcategorie
        ).first()
        or Hulpvraag.objects.filter(regio=regio, status="wachtend").first()
    )
    vraag.productcategorie = vol.productcategorie
    vraag.save()
    with pytest.raises(Weigering, match="geen plek meer vrij"):
        services.match_accepteren(
            regio=regio, hulpvraag_id=vraag.pk, aanbod_id=vol.aanbod, peildatum=vandaag,
            score=0, redenen=[], door=None,
        )  # fmt: skip
    assert vraag.besluiten.count() == 0


@pytest.mark.usefixtures("demo")
def test_cli_bemiddel_json(capsys, vandaag) -> None:  # type: ignore[no-untyped-def]
    regio = _drukste_regio()
    assert main(["bemiddel", "--regio", regio.naam, "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["regio"] == regio.naam
    assert set(uit["voorstellen"][0]) >= {"hulpvraag", "plek", "score", "redenen"}
    wachtend = Hulpvraag.objects.filter(regio=regio, status="wachtend").count()
    assert len(uit["voorstellen"]) + len(uit["blijft_wachten"]) == wachtend
    plek = uit["voorstellen"][0]["plek"]
    assert (
        main(["bemiddel", "--regio", regio.naam, "--format", "json", "--extra", f"{plek}:50"]) == 0
    )
    wat_als = json.loads(capsys.readouterr().out)
    assert set(wat_als["extra_geholpen"]) <= set(uit["blijft_wachten"])
    assert main(["bemiddel", "--regio", "Nergens"]) == 2
    assert "onbekende jeugdregio 'Nergens'" in capsys.readouterr().err


def test_alleen_zorgbemiddelaar_van_de_regio_ziet_de_tafel(client, demo, vandaag) -> None:  # type: ignore[no-untyped-def]
    from ketenzicht.demo.logins import DEMO_WACHTWOORD

    client.login(username="planner1", password=DEMO_WACHTWOORD)
    assert client.get("/bemiddeling/").status_code == 404
    client.login(username="zbt1", password=DEMO_WACHTWOORD)
    regio = Organisatie.objects.get(naam="Jeugdregio Groningen")
    # ids above 999 must reach the form unformatted (no thousand separator): "12345"
    u = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    m = u.voorstel.matches[0]
    Hulpvraag.objects.filter(pk=m.vraag).update(id=12345)
    pagina = client.get("/bemiddeling/")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Zorgbemiddelingstafel" in html and 'data-hulpvraag="12345"' in html
    antwoord = client.post(
        "/bemiddeling/besluit/",
        {"hulpvraag": "12345", "aanbod": str(m.aanbod), "besluit": "akkoord"},
        follow=True,
    )
    assert "Plek gereserveerd" in antwoord.content.decode()
    assert Hulpvraag.objects.get(pk=12345).status == "gereserveerd"
    # wat als: temporary places in an offer of the region, and a clear error for another offer
    wat_als = client.get(f"/bemiddeling/?extra_aanbod={m.aanbod}&extra_aantal=3")
    assert 'data-testid="wat-als-uitkomst"' in wat_als.content.decode()
    fout = client.get("/bemiddeling/?extra_aanbod=999999&extra_aantal=3", follow=True)
    assert "aanbod 999999 is niet van Jeugdregio Groningen" in fout.content.decode()


@pytest.mark.usefixtures("demo")
def test_wie_blijft_wachten_staat_per_zorgvorm_samengevat(client, vandaag) -> None:  # type: ignore[no-untyped-def]
    from django.db.models import F

    from ketenzicht.bemiddeling.models import Capaciteit
    from ketenzicht.demo.logins import DEMO_WACHTWOORD

    client.login(username="zbt1", password=DEMO_WACHTWOORD)
    regio = Organisatie.objects.get(naam="Jeugdregio Groningen")
    # every offer full, so that the region's requests stay waiting
    Capaciteit.objects.update(bezet=F("plaatsen"), verwacht_vrij=0)
    u = vs.voorstel(gebruiker=None, regio=regio, peildatum=vandaag, kanaal="cli")
    vragen = {v.hulpvraag: v for v in u.tafel.vragen}
    blijft = [vragen[i] for i in u.voorstel.blijft_wachten]
    assert len(blijft) >= 2 and not u.voorstel.matches
    pagina = client.get("/bemiddeling/")
    groepen = pagina.context["wachten"]
    assert pagina.context["wachten_aantal"] == len(blijft) == sum(g.aantal for g in groepen)
    for g in groepen:
        van = [v for v in blijft if v.zorgvorm == g.zorgvorm]
        assert g.aantal == len(van)
        assert g.langst_dagen == max(v.dagen_wachtend for v in van)
        assert g.eerste_positie == min(v.positie for v in van)
    assert [g.aantal for g in groepen] == sorted((g.aantal for g in groepen), reverse=True)
    html = pagina.content.decode()
    assert f"Blijft wachten ({len(blijft)})" in html and 'data-testid="blijft-wachten"' in html
