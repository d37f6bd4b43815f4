"""The doorbraak monitor keeps its figures per month and computes the months not kept a few per
request, showing how far it is; a registration sends round only the months it can touch."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse

from ketenzicht.domain.doorbraak import Maand
from ketenzicht.doorbraak import selectors, services
from ketenzicht.doorbraak.models import Normset
from ketenzicht.doorbraak.selectors import PER_STAP, doorbraak, doorbraak_reeks, te_berekenen
from ketenzicht.monitor.bewaren import MARGE
from tests.integration.test_doorbraak import ingelogd, september

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
SEPTEMBER = Maand(2026, 9)
MAANDEN = selectors.laatste_maanden(SEPTEMBER)  # October 2025 to September 2026


@pytest.fixture
def klok() -> Iterator[Any]:
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=AMS), tick=False) as reiziger:
        yield reiziger


def _later(klok: Any) -> None:
    """Past the margin for registrations still in a transaction (``bewaren.MARGE``): what is
    registered from now on is seen as registered after the figures kept so far."""
    klok.shift(MARGE + timedelta(minutes=1))


def _vers(maanden: list[Maand]) -> list[selectors.Maandcijfers]:
    """Each month computed on its own, from the facts as they are now."""
    return [doorbraak(maanden=[m])[0] for m in maanden]


def _klaar(antwoord: Any) -> tuple[int, int]:
    gevonden = re.search(r"Maanden berekend: (\d+) van (\d+)", antwoord.content.decode())
    assert gevonden, antwoord.content.decode()
    return int(gevonden[1]), int(gevonden[2])


def _volgende(antwoord: Any) -> str:
    gevonden = re.search(r'<div hx-get="([^"]+)"', antwoord.content.decode())
    assert gevonden, antwoord.content.decode()
    return html.unescape(gevonden[1])


def test_een_registratie_stuurt_alleen_de_maanden_rond_die_ze_kan_raken(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    """Bram's measure started on 3 August. A correction of his plan's date touches August and
    later, not the months before; a measure begun today touches none of them."""
    (_, _), (_, bram), (_, _) = september(wereld)
    _later(klok)
    assert te_berekenen(MAANDEN) == MAANDEN

    assert doorbraak_reeks(MAANDEN) == _vers(MAANDEN)
    assert te_berekenen(MAANDEN) == []
    _later(klok)

    services.mijlpaal_registreren(
        maatregel=bram, mijlpaal="veiligheidsplan", datum=date(2026, 9, 10), wie="jb", door=None
    )
    vanaf_augustus = MAANDEN[MAANDEN.index(Maand(2026, 8)) :]
    assert te_berekenen(MAANDEN) == vanaf_augustus
    _later(klok)
    nu = doorbraak_reeks(MAANDEN)
    assert nu == _vers(MAANDEN)
    [plan] = [
        r for r in nu[-1].rijen if r.niveau == "landelijk" and r.mijlpaal == "veiligheidsplan"
    ]
    assert (plan.op_tijd, plan.noemer) == (3, 3)  # the correction counts
    _later(klok)

    wereld.kind(wereld.gi_a, start=date(2026, 11, 20), voornaam="Dirk")
    assert te_berekenen(MAANDEN) == []


def test_een_nieuwe_normset_stuurt_elke_maand_rond(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    _later(klok)
    doorbraak_reeks(MAANDEN)
    _later(klok)

    Normset.objects.create(naam="Strenger 2027", geldig_van=date(2027, 1, 1))

    assert te_berekenen(MAANDEN) == MAANDEN


def test_de_pagina_toont_eerst_hoe_ver_de_berekening_is_en_dan_de_monitor(wereld, klok) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    _later(klok)
    c: Client = ingelogd(wereld.beleid)
    gevraagd = {"maand": "2026-09", "niveau": "gemeente"}

    pagina = c.get(reverse("doorbraak"), gevraagd)

    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and 'data-testid="berekenen"' in tekst
    assert "<title>Doorbraakmonitor 2026-09" in tekst and _klaar(pagina) == (0, 12)
    stap = _volgende(pagina)
    assert stap == f"{reverse('doorbraak-stap')}?maand=2026-09&niveau=gemeente"
    for klaar in range(PER_STAP, 12, PER_STAP):  # a few months per step: one read for them
        antwoord = c.get(stap)
        assert _klaar(antwoord) == (klaar, 12) and te_berekenen(MAANDEN) == MAANDEN[klaar:]
        stap = _volgende(antwoord)
    assert c.get(stap)["HX-Refresh"] == "true"

    pagina = c.get(reverse("doorbraak"), gevraagd)
    assert 'data-testid="berekenen"' not in pagina.content.decode()
    assert pagina.context["grafiek"]["maanden"] == [str(m) for m in MAANDEN]
    vers = [r for r in _vers([SEPTEMBER])[0].rijen if r.niveau == "landelijk"]
    assert pagina.context["landelijk"] == vers and vers


@pytest.mark.usefixtures("klok")
def test_een_maand_die_nog_niet_begon_zegt_dat_al_tijdens_het_rekenen(wereld) -> None:  # type: ignore[no-untyped-def]
    pagina = ingelogd(wereld.beleid).get(reverse("doorbraak"), {"maand": "2026-12"})

    assert pagina.status_code == 400 and 'data-testid="berekenen"' in pagina.content.decode()
    assert "Maand 2026-12 is nog niet begonnen" in pagina.content.decode()
    assert "?maand=2026-12&amp;direct=1" in pagina.content.decode()  # without JavaScript


@pytest.mark.usefixtures("klok")
def test_zonder_javascript_rekent_de_pagina_alles_in_een_keer(wereld) -> None:  # type: ignore[no-untyped-def]
    september(wereld)

    pagina = ingelogd(wereld.beleid).get(reverse("doorbraak"), {"maand": "2026-09", "direct": 1})

    assert pagina.status_code == 200 and pagina.context["landelijk"]
    assert te_berekenen(MAANDEN) == []


@pytest.mark.usefixtures("klok")
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_zonder_cache_om_te_bewaren_rekent_de_pagina_alles_in_een_keer(wereld) -> None:  # type: ignore[no-untyped-def]
    c: Client = ingelogd(wereld.beleid)
    stap = _volgende(c.get(reverse("doorbraak"), {"maand": "2026-10"}))

    antwoord = c.get(stap)

    assert antwoord["HX-Redirect"] == f"{reverse('doorbraak')}?maand=2026-10&direct=1"
