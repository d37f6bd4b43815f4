"""Factories for integration tests, building records through the services like users do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.kinderen import services
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Lidmaatschap, Medewerker, Organisatie
from tests.conftest import volgend_bsn


@dataclass
class Wereld:
    """Two GIs, a municipality, a ministry and a user for each."""

    gi_a: Organisatie
    gi_b: Organisatie
    gemeente: Organisatie
    ministerie: Organisatie
    planner_a: Any
    planner_b: Any
    beleid: Any

    def kind(
        self,
        gi: Organisatie,
        *,
        start: date,
        code: MaatregelCode = MaatregelCode.OTS,
        voornaam: str = "Sem",
    ) -> tuple[Kind, Maatregel]:
        kind = services.kind_registreren(
            bsn=volgend_bsn(),
            voornaam=voornaam,
            achternaam="de Vries",
            geboortedatum=date(2015, 3, 1),
            gemeente=self.gemeente,
            door=None,
        )
        maatregel = services.maatregel_registreren(
            kind=kind, gi=gi, code=code, beschikking_datum=start, start=start, door=None
        )
        return kind, maatregel

    def medewerker(
        self,
        gi: Organisatie,
        *,
        rol: Rol = Rol.JEUGDBESCHERMER,
        fte: float = 1.0,
        in_dienst: date = date(2020, 1, 1),
    ) -> Medewerker:
        return Medewerker.objects.create(
            gi=gi, naam=f"{rol.value} {gi.pk}", rol=rol.value, fte=fte, in_dienst_van=in_dienst
        )


def _gebruiker(naam: str, org: Organisatie, rol: str) -> Any:
    user = get_user_model().objects.create_user(username=naam, password="geheim-wachtwoord")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=rol)
    return user


@pytest.fixture
def wereld(db: None) -> Wereld:
    regio = Organisatie.objects.create(naam="Jeugdregio Test", type=Organisatie.Type.JEUGDREGIO)
    gemeente = Organisatie.objects.create(
        naam="Gemeente Test", type=Organisatie.Type.GEMEENTE, gemeentecode="GM9999", regio=regio
    )
    gi_a = Organisatie.objects.create(naam="GI Alfa", type=Organisatie.Type.GI)
    gi_b = Organisatie.objects.create(naam="GI Beta", type=Organisatie.Type.GI)
    ministerie = Organisatie.objects.create(naam="Ministerie", type=Organisatie.Type.MINISTERIE)
    return Wereld(
        gi_a=gi_a,
        gi_b=gi_b,
        gemeente=gemeente,
        ministerie=ministerie,
        planner_a=_gebruiker("planner_a", gi_a, Lidmaatschap.Rol.PLANNER),
        planner_b=_gebruiker("planner_b", gi_b, Lidmaatschap.Rol.PLANNER),
        beleid=_gebruiker("beleid", ministerie, Lidmaatschap.Rol.BELEID),
    )


@pytest.fixture
def fb_a(wereld: Wereld) -> Any:
    """GI Alfa's functioneel beheerder (password ``geheim-wachtwoord``)."""
    return _gebruiker("fb_a", wereld.gi_a, Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def team(wereld: Wereld) -> tuple[Wereld, Medewerker, Any]:
    """Tom holds two children of GI Alfa (measures from 1 October 2026); GI Alfa's planner is
    logged in: for the absence and withdrawal tests."""
    from django.test import Client

    tom = wereld.medewerker(wereld.gi_a)
    for naam in ("Anna", "Bram"):
        _, maatregel = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam=naam)
        services.jeugdbeschermer_toewijzen(
            maatregel=maatregel, medewerker=tom, start=date(2026, 10, 1), door=None
        )
    planner = Client()
    planner.force_login(wereld.planner_a)
    return wereld, tom, planner


def in_beheer_wijzigen(admin_client, mw: Medewerker, **wijzig: object) -> None:  # type: ignore[no-untyped-def]
    """Save ``mw`` in /beheer/ as the functioneel beheerder does, its absences in the inline."""
    perioden = list(mw.perioden.order_by("pk"))
    data: dict[str, object] = {
        "gi": mw.gi_id,
        "naam": mw.naam,
        "rol": mw.rol,
        "fte": str(mw.fte),
        "in_dienst_van": mw.in_dienst_van.isoformat(),
        "uit_dienst_per": mw.uit_dienst_per.isoformat() if mw.uit_dienst_per else "",
        "perioden-TOTAL_FORMS": len(perioden),
        "perioden-INITIAL_FORMS": len(perioden),
        "perioden-MIN_NUM_FORMS": 0,
        "perioden-MAX_NUM_FORMS": 1000,
        **{f"intrekkingen-{k}": 0 for k in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")},
        "intrekkingen-MAX_NUM_FORMS": 1000,
    }
    for i, p in enumerate(perioden):
        data |= {
            f"perioden-{i}-id": p.pk,
            f"perioden-{i}-medewerker": mw.pk,
            f"perioden-{i}-soort": p.soort,
            f"perioden-{i}-van": p.van.isoformat(),
            f"perioden-{i}-tot": p.tot.isoformat() if p.tot else "",
        }
    data |= wijzig
    antwoord = admin_client.post(
        reverse("admin:organisaties_medewerker_change", args=[mw.pk]), data
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors


def met_voortgang(client, url: str, params: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """What a browser ends up showing at ``url``: a page that first computes in steps (its
    progress asks for the next step on load, ``web/_voortgang.html``) is followed step by step,
    and loaded again when a step says it is done (``HX-Refresh``), as htmx does."""
    import html
    import re

    antwoord = client.get(url, params)
    for _ in range(100):
        tekst = antwoord.content.decode()
        if 'data-testid="voortgang"' not in tekst:
            return antwoord
        volgende = re.search(r'<div hx-get="([^"]+)"[^>]*data-testid="voortgang"', tekst)
        assert volgende, tekst
        antwoord = client.get(html.unescape(volgende[1]))
        if antwoord.get("HX-Refresh") == "true":
            antwoord = client.get(url, params)
    raise AssertionError(f"{url}: na 100 stappen nog niet klaar")
