"""A court decision arriving at the GI: the child and its measure registered in one step (page
and API), a known child found by its BSN, every refusal naming its field and storing nothing, and
a measure ended from the child's page."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.kinderen.models import Kind, Maatregel, Toewijzing
from ketenzicht.kinderen.services import jeugdbeschermer_toewijzen
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from tests.conftest import volgend_bsn
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
VANDAAG = date(2026, 11, 20)  # a Friday: 5 working days later is Friday 27 November


def formulier(wereld, bsn: str, **anders: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "bsn": bsn,
        "voornaam": "Lotte",
        "achternaam": "Jansen",
        "geboortedatum": "2016-04-12",
        "gemeente": wereld.gemeente.pk,
        "code": MaatregelCode.OTS.value,
        "beschikking_datum": VANDAAG.isoformat(),
        "start": VANDAAG.isoformat(),
    } | anders


def test_planner_registreert_een_nieuw_kind_met_maatregel(wereld, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    bsn = volgend_bsn()
    client = ingelogd(wereld.planner_a)

    antwoord = client.post(reverse("nieuwe-maatregel"), formulier(wereld, bsn), follow=True)

    kind = Kind.objects.get()
    maatregel = kind.maatregelen.get()
    assert (maatregel.gi, maatregel.code, maatregel.start) == (wereld.gi_a, "11", VANDAAG)
    assert antwoord.redirect_chain[-1][0] == reverse("kind", args=[kind.pid])
    html = antwoord.content.decode()
    assert "Ondertoezichtstelling voor Lotte Jansen geregistreerd" in html
    assert "uiterlijk 27-11-2026 een vaste jeugdbeschermer" in html
    assert bsn not in html and bsn not in caplog.text
    acties = set(AuditRegel.objects.filter(kind_pid=kind.pid).values_list("actie", flat=True))
    assert {AuditRegel.Actie.AANMAKEN, AuditRegel.Actie.SCHRIJVEN} <= acties
    te_verdelen = client.get(reverse("prioriteit")).content.decode()
    assert "Lotte Jansen" in te_verdelen


def test_een_bekend_kind_krijgt_de_maatregel_erbij(wereld) -> None:  # type: ignore[no-untyped-def]
    bsn = volgend_bsn()
    elders = ingelogd(wereld.planner_b)
    jongere = {"geboortedatum": "2012-04-12"}  # 14: jeugdreclassering is from 12
    elders.post(
        reverse("nieuwe-maatregel"), formulier(wereld, bsn, code="41", voornaam="Sam", **jongere)
    )
    nieuwe_gemeente = Organisatie.objects.create(
        naam="Gemeente Verhuisd", type=Organisatie.Type.GEMEENTE, gemeentecode="GM9998"
    )

    antwoord = ingelogd(wereld.planner_a).post(
        reverse("nieuwe-maatregel"),
        formulier(wereld, bsn, voornaam="Samuel", gemeente=nieuwe_gemeente.pk, **jongere),
        follow=True,
    )

    kind = Kind.objects.get()
    assert sorted(kind.maatregelen.values_list("gi__naam", "code")) == [
        ("GI Alfa", "11"),
        ("GI Beta", "41"),
    ]
    assert kind.voornaam == "Sam" and kind.gemeente == nieuwe_gemeente
    assert "Sam Jansen (al bekend; naam zoals geregistreerd)" in antwoord.content.decode()
    # a move from today, as far as the GI knows: where the child lived before is kept
    assert list(kind.woonplaatsen.values_list("gemeente__naam", "van")) == [
        ("Gemeente Test", date(2012, 4, 12)),
        ("Gemeente Verhuisd", VANDAAG),
    ]


@pytest.mark.parametrize(
    ("anders", "veld", "melding"),
    [
        ({"bsn": "999000008"}, "bsn", "elfproef"),
        ({"voornaam": " "}, "voornaam", "Dit veld is vereist"),
        ({"geboortedatum": "2004-01-01"}, "geboortedatum", "18 of ouder"),
        ({"code": "41", "geboortedatum": "2016-04-12"}, "geboortedatum", "vanaf 12 jaar"),
        ({"start": "2026-11-19"}, "start", "niet starten voor de beschikking"),
        ({"beschikking_datum": "2026-11-21"}, "beschikking_datum", "na vandaag"),
        ({"gemeente": "0"}, "gemeente", "Selecteer een geldige keuze"),
    ],
)
def test_wat_niet_kan_wordt_geweigerd_met_het_veld_en_niets_bewaard(  # type: ignore[no-untyped-def]
    wereld, anders: dict[str, Any], veld: str, melding: str
) -> None:
    bsn = volgend_bsn()
    gegevens = formulier(wereld, bsn) | anders

    antwoord = ingelogd(wereld.planner_a).post(reverse("nieuwe-maatregel"), gegevens)

    assert antwoord.status_code == 400
    fouten = antwoord.context["formulier"].errors
    assert veld in fouten and melding in " ".join(fouten[veld])
    assert bsn not in antwoord.content.decode() and "999000008" not in antwoord.content.decode()
    assert Kind.objects.count() == 0 and Maatregel.objects.count() == 0
    assert AuditRegel.objects.count() == 0


def test_bekend_bsn_met_andere_geboortedatum_en_dubbele_maatregel_geweigerd(wereld) -> None:  # type: ignore[no-untyped-def]
    bsn = volgend_bsn()
    client = ingelogd(wereld.planner_a)
    client.post(reverse("nieuwe-maatregel"), formulier(wereld, bsn))

    typefout = client.post(
        reverse("nieuwe-maatregel"), formulier(wereld, bsn, geboortedatum="2016-04-13", code="12")
    )
    dubbel = client.post(reverse("nieuwe-maatregel"), formulier(wereld, bsn))

    assert "andere geboortedatum" in " ".join(typefout.context["formulier"].errors["geboortedatum"])
    assert "loopt voor dit kind al een OTS" in " ".join(dubbel.context["formulier"].errors["code"])
    assert Maatregel.objects.count() == 1


def test_alleen_de_planner_of_beheerder_van_een_gi_registreert(wereld) -> None:  # type: ignore[no-untyped-def]
    jb = get_user_model().objects.create_user(username="jb", password="geheim-wachtwoord")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    for wie in (jb, wereld.beleid):
        client = ingelogd(wie)
        assert client.get(reverse("nieuwe-maatregel")).status_code == 403
        assert (
            client.post(reverse("nieuwe-maatregel"), formulier(wereld, volgend_bsn())).status_code
            == 403
        )
        api = client.post(reverse("api-maatregelen"), {}, content_type="application/json")
        assert api.status_code == 403
    assert Kind.objects.count() == 0
    assert (
        "Nieuwe maatregel registreren"
        in ingelogd(wereld.planner_a).get(reverse("prioriteit")).content.decode()
    )


def test_api_registreert_en_noemt_het_foute_veld(wereld) -> None:  # type: ignore[no-untyped-def]
    client = ingelogd(wereld.planner_a)
    bsn = volgend_bsn()
    gegevens = formulier(wereld, bsn) | {"gemeente": "GM9999"}

    antwoord = client.post(reverse("api-maatregelen"), gegevens, content_type="application/json")

    assert antwoord.status_code == 201
    data = antwoord.json()
    kind = Kind.objects.get()
    assert data == {
        "kind": str(kind.pid),
        "maatregel": kind.maatregelen.get().pk,
        "nieuw_kind": True,
        "jeugdbeschermer_uiterlijk": "2026-11-27",
    }
    assert AuditRegel.objects.filter(kind_pid=kind.pid, kanaal="api").exists()
    for fout, veld in (
        ({"gemeente": "GM0000"}, "gemeente"),
        ({"bsn": "999000008"}, "bsn"),
        ({"code": "99"}, "code"),
        ({"geboortedatum": "2016-04-13"}, "geboortedatum"),  # the BSN is known with another
    ):
        weigering = client.post(
            reverse("api-maatregelen"), gegevens | fout, content_type="application/json"
        )
        assert weigering.status_code == 400 and veld in weigering.json(), weigering.json()
        assert (
            bsn not in weigering.content.decode() and "999000008" not in weigering.content.decode()
        )
    assert Maatregel.objects.count() == 1


def test_planner_beeindigt_een_maatregel_en_de_jeugdbeschermer_met_haar(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    jb = wereld.medewerker(wereld.gi_a)
    jeugdbeschermer_toewijzen(maatregel=maatregel, medewerker=jb, start=date(2026, 9, 3), door=None)
    url = reverse("maatregel-einde", args=[kind.pid])
    pagina = ingelogd(wereld.planner_a).get(reverse("kind", args=[kind.pid])).content.decode()
    assert 'data-testid="einde-formulier"' in pagina

    te_vroeg = ingelogd(wereld.planner_a).post(
        url, {"maatregel": maatregel.pk, "einde": "2026-11-21", "reden": "opgeheven"}, follow=True
    )
    assert "na vandaag" in te_vroeg.content.decode()
    andere_gi = ingelogd(wereld.planner_b).post(
        url, {"maatregel": maatregel.pk, "einde": "2026-11-18", "reden": "opgeheven"}
    )
    assert andere_gi.status_code == 404
    ingelogd(wereld.planner_a).post(
        url, {"maatregel": maatregel.pk, "einde": "2026-11-18", "reden": "opgeheven"}
    )

    maatregel.refresh_from_db()
    assert (maatregel.einde, maatregel.einde_reden) == (date(2026, 11, 18), "opgeheven")
    toewijzing = Toewijzing.objects.get(maatregel=maatregel)
    assert (toewijzing.einde, toewijzing.einde_reden) == (date(2026, 11, 18), "einde_maatregel")


def test_elk_fout_veld_tegelijk_genoemd(wereld) -> None:  # type: ignore[no-untyped-def]
    antwoord = ingelogd(wereld.planner_a).post(
        reverse("nieuwe-maatregel"), formulier(wereld, "123", gemeente="")
    )
    assert set(antwoord.context["formulier"].errors) == {"bsn", "gemeente"}
    html = antwoord.content.decode()
    assert 'href="#id_bsn">bsn</a>, <a class="utrecht-link" href="#id_gemeente">' in html
