"""The planner's proposal for the whole list (Te verdelen → Voorstel voor de hele lijst): the
page proposes a colleague with room for each waiting child, accepting the ticked ones assigns
them, and what cannot be done is reported by child without stopping the rest."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from ketenzicht.kinderen.models import Toewijzing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _koppelingen(html: str) -> list[str]:
    return re.findall(r'name="koppeling" value="([0-9]+:[0-9]+)"', html)


def test_het_voorstel_verdeelt_de_lijst_en_accepteren_wijst_toe(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team  # Tom holds two children; a norm of 17 leaves room
    wachtend = [
        wereld.kind(wereld.gi_a, start=date(2026, 11, d), voornaam=n)[1]
        for d, n in ((10, "Cas"), (12, "Daan"), (16, "Eva"))
    ]
    pagina = planner.get(reverse("voorstel"))
    assert pagina.status_code == 200
    gekozen = _koppelingen(pagina.content.decode())
    assert sorted(gekozen) == sorted(f"{m.pk}:{tom.pk}" for m in wachtend)

    antwoord = planner.post(reverse("voorstel"), {"koppeling": gekozen[:2]}, follow=True)
    assert "2 kinderen hebben nu een vaste jeugdbeschermer." in antwoord.content.decode()
    toegewezen = {int(k.split(":")[0]) for k in gekozen[:2]}
    assert (
        set(
            Toewijzing.objects.filter(
                medewerker=tom, einde__isnull=True, start=date(2026, 11, 20)
            ).values_list("maatregel_id", flat=True)
        )
        == toegewezen
    )
    over = _koppelingen(planner.get(reverse("voorstel")).content.decode())
    assert over == [k for k in gekozen if int(k.split(":")[0]) not in toegewezen]


def test_wat_niet_kan_wordt_per_kind_gemeld_en_de_rest_gaat_door(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _, cas = wereld.kind(wereld.gi_a, start=date(2026, 11, 10), voornaam="Cas")
    _, daan = wereld.kind(wereld.gi_a, start=date(2026, 11, 12), voornaam="Daan")
    _, elders = wereld.kind(wereld.gi_b, start=date(2026, 11, 12), voornaam="Eva")
    ander = wereld.medewerker(wereld.gi_b)
    gekozen = _koppelingen(planner.get(reverse("voorstel")).content.decode())
    planner.post(reverse("voorstel"), {"koppeling": [f"{cas.pk}:{tom.pk}"]})  # a tab left open

    antwoord = planner.post(
        reverse("voorstel"),
        {"koppeling": [*gekozen, f"{elders.pk}:{tom.pk}", f"{daan.pk}:{ander.pk}", "x:y"]},
        follow=True,
    )
    html = antwoord.content.decode()
    assert "1 kinderen hebben nu een vaste jeugdbeschermer." in html
    assert "Cas de Vries: " in html  # already assigned in the other tab
    assert f"{elders.pk}:{tom.pk}: onbekend" in html  # another GI's measure
    assert f"{daan.pk}:{ander.pk}: onbekend" in html  # another GI's caseworker
    assert "x:y: onbekend" in html
    assert Toewijzing.objects.filter(maatregel=daan, medewerker=tom).count() == 1
    assert Toewijzing.objects.filter(maatregel=cas).count() == 1
    assert not Toewijzing.objects.filter(maatregel=elders).exists()
