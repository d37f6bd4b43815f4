"""A colleague joining the GI: the planner registers them from a date (page and API), with
onboarding for a zij-instromer; they count for half their fte while onboarding."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ketenzicht.domain.capaciteit import fte_beschikbaar
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Lidmaatschap, Medewerker
from ketenzicht.organisaties.selectors import medewerker_standen
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
VANDAAG = date(2026, 11, 20)


def gegevens(**anders: Any) -> dict[str, Any]:
    return {
        "naam": "Anouk  Visser",
        "rol": "jeugdbeschermer",
        "fte": "0,8",
        "datum": "2026-11-23",
        "inwerkweken": "34",
    } | anders


def test_planner_meldt_een_zij_instromer_in_dienst(wereld) -> None:  # type: ignore[no-untyped-def]
    client = ingelogd(wereld.planner_a)

    antwoord = client.post(reverse("nieuwe-collega"), gegevens(), follow=True)

    anouk = Medewerker.objects.get(naam="Anouk Visser")
    assert (anouk.gi, anouk.rol, float(anouk.fte), anouk.in_dienst_van) == (
        wereld.gi_a,
        "jeugdbeschermer",
        0.8,
        date(2026, 11, 23),
    )
    inwerken = BeschikbaarheidsPeriode.objects.get(medewerker=anouk)
    assert (inwerken.soort, inwerken.van, inwerken.tot) == (
        "inwerken",
        date(2026, 11, 23),
        date(2026, 11, 23) + timedelta(weeks=34),
    )
    tekst = antwoord.content.decode()
    assert "Anouk Visser (jeugdbeschermer, 0,8 fte) is in dienst per 23-11-2026" in tekst
    assert "werkt in tot 19-07-2027" in tekst
    # half of her fte while onboarding, all of it after
    for dag, verwacht in ((date(2026, 12, 1), 0.4), (date(2027, 8, 1), 0.8)):
        staf = medewerker_standen(gi_ids=[wereld.gi_a.pk], peildatum=dag)[wereld.gi_a.pk]
        assert fte_beschikbaar(staf, dag) == pytest.approx(verwacht)


@pytest.mark.parametrize(
    ("anders", "melding"),
    [
        ({"fte": "0"}, "groter dan 0"),
        ({"fte": "twee"}, "als getal"),
        ({"datum": "2026-11-19"}, "functioneel beheerder"),
        ({"datum": "2028-01-01"}, "meer dan een jaar vooruit"),
        ({"inwerkweken": "60"}, "0 tot 52 weken"),
        ({"naam": "  "}, "Vul de naam in"),
        ({"rol": "directeur"}, "Kies een rol"),
    ],
)
def test_wat_niet_kan_wordt_geweigerd_en_niets_bewaard(  # type: ignore[no-untyped-def]
    wereld, anders: dict[str, Any], melding: str
) -> None:
    antwoord = ingelogd(wereld.planner_a).post(
        reverse("nieuwe-collega"), gegevens(**anders), follow=True
    )
    assert antwoord.redirect_chain[-1][0] == reverse("team")
    assert melding in antwoord.content.decode()
    assert not Medewerker.objects.exists() and not BeschikbaarheidsPeriode.objects.exists()


def test_alleen_de_planner_meldt_en_de_api_noemt_het_veld(wereld) -> None:  # type: ignore[no-untyped-def]
    jb = get_user_model().objects.create_user(username="jb", password="geheim-wachtwoord")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    assert ingelogd(jb).post(reverse("nieuwe-collega"), gegevens()).status_code == 403
    api = reverse("api-medewerkers")
    json_ = gegevens(fte="0.8")
    assert ingelogd(jb).post(api, json_, content_type="application/json").status_code == 403
    assert not Medewerker.objects.exists()

    planner = ingelogd(wereld.planner_a)
    for fout, veld in (
        ({"fte": "0"}, "fte"),
        ({"datum": "2026-11-01"}, "datum"),
        ({"inwerkweken": 99}, "inwerkweken"),
    ):
        antwoord = planner.post(api, json_ | fout, content_type="application/json")
        assert antwoord.status_code == 400 and veld in antwoord.json(), antwoord.json()
    antwoord = planner.post(api, json_ | {"inwerkweken": 0}, content_type="application/json")
    assert antwoord.status_code == 201
    nieuw = Medewerker.objects.get()
    assert antwoord.json() == {
        "id": nieuw.pk,
        "melding": "Anouk Visser (jeugdbeschermer, 0,8 fte) is in dienst per 23-11-2026; "
        "vanaf de eerste dag kunt u kinderen toewijzen.",
    }
    assert not BeschikbaarheidsPeriode.objects.exists()  # no onboarding asked
