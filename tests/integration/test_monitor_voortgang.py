"""The monitor's trends compute the peildata not yet kept one per request, showing how far
they are, and keep the figures in the database cache the application is configured with."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from ketenzicht.config import settings as productie
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.kinderen import services
from ketenzicht.monitor import selectors
from ketenzicht.monitor.bewaren import MARGE
from ketenzicht.monitor.selectors import monitor, peildata, reeks, te_berekenen
from ketenzicht.organisaties.models import Organisatie
from tests.conftest import volgend_bsn
from tests.integration.test_monitor_en_cli import TOT, demo  # noqa: F401 (a fixture)
from tests.integration.test_monitor_gebieden import ingelogd

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOORD = "Jeugdbescherming Noord"


@pytest.fixture
def klok(demo: None) -> Iterator[Any]:  # noqa: F811
    with time_machine.travel(datetime(2026, 11, 20, 12, 0, tzinfo=AMS), tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def ministerie(klok: Any) -> Client:
    return ingelogd(Organisatie.objects.get(type="ministerie"))


def _volgende(antwoord: Any) -> str:
    """The step the progress asks for on load (``web/_voortgang.html``)."""
    gevonden = re.search(r'<div hx-get="([^"]+)"', antwoord.content.decode())
    assert gevonden, antwoord.content.decode()
    return html.unescape(gevonden[1])


def _klaar(antwoord: Any) -> tuple[int, int]:
    gevonden = re.search(r"Peildata berekend: (\d+) van (\d+)", antwoord.content.decode())
    assert gevonden, antwoord.content.decode()
    return int(gevonden[1]), int(gevonden[2])


def _nieuwe_maatregel(start: date) -> None:
    kind = services.kind_registreren(
        bsn=volgend_bsn(),
        voornaam="Noor",
        achternaam="Laat",
        geboortedatum=date(2016, 5, 1),
        gemeente=Organisatie.objects.filter(type="gemeente").order_by("pk").first(),
        door=None,
    )
    services.maatregel_registreren(
        kind=kind,
        gi=Organisatie.objects.get(naam=NOORD),
        code=MaatregelCode.OTS,
        beschikking_datum=start,
        start=start,
        door=None,
    )


def test_de_trend_toont_eerst_hoe_ver_de_berekening_is_en_dan_de_trend(ministerie, klok) -> None:  # type: ignore[no-untyped-def]
    data = peildata(TOT)
    assert len(data) >= 4

    pagina = ministerie.get(reverse("monitor-trend"), {"gi": NOORD})

    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and 'data-testid="berekenen"' in tekst
    assert 'data-testid="trend"' not in tekst  # nothing half: the table comes when all is there
    assert _klaar(pagina) == (0, len(data))
    assert "direct=1" in tekst  # without JavaScript: all at once
    stap = _volgende(pagina)
    assert stap.startswith(reverse("monitor-trend-stap")) and "gi=Jeugdbescherming+Noord" in stap
    for k in range(1, len(data)):
        antwoord = ministerie.get(stap)
        assert _klaar(antwoord) == (k, len(data))  # one peildatum more each step
        assert te_berekenen(data) == data[k:]
        stap = _volgende(antwoord)
    assert ministerie.get(stap)["HX-Refresh"] == "true"  # done: the page loads again

    pagina = ministerie.get(reverse("monitor-trend"), {"gi": NOORD})
    assert 'data-testid="trend"' in pagina.content.decode()
    assert pagina.context["gekozen"] == NOORD
    vers = {p: monitor(peildatum=p).per_gi.get(NOORD) for p in data}
    assert [(d, i) for d, i, _ in pagina.context["punten"]] == [
        (d, i) for d, i in vers.items() if i is not None
    ]

    # a measure begun today touches no earlier peildatum: the trend shows at once
    klok.shift(MARGE + timedelta(minutes=1))
    _nieuwe_maatregel(date(2026, 11, 20))
    assert 'data-testid="trend"' in ministerie.get(reverse("monitor-trend")).content.decode()
    # one registered late, begun before the last two peildata, sends those two round again
    _nieuwe_maatregel(data[-2] - timedelta(days=1))
    assert _klaar(ministerie.get(reverse("monitor-trend"))) == (len(data) - 2, len(data))


def test_zonder_javascript_rekent_de_trend_alles_in_een_keer(ministerie) -> None:  # type: ignore[no-untyped-def]
    pagina = ministerie.get(reverse("monitor-trend"), {"direct": "1"})

    assert 'data-testid="trend"' in pagina.content.decode()
    assert te_berekenen(peildata(TOT)) == []


def test_de_monitor_toont_eerst_hoe_ver_de_berekening_is_en_dan_de_cijfers(
    ministerie, klok
) -> None:  # type: ignore[no-untyped-def]
    """The monitor page shows a peildatum and half a year before it: two to compute, each in
    its own step, for the peildatum asked; then the page, and at once on the next visit."""
    gevraagd = {"peildatum": "2026-06-01"}
    data = [date(2026, 6, 1), date(2025, 12, 1)]

    pagina = ministerie.get(reverse("monitor"), gevraagd)

    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and 'data-testid="berekenen"' in tekst
    assert 'data-testid="monitor"' not in tekst and _klaar(pagina) == (0, 2)
    stap = _volgende(pagina)
    assert stap == f"{reverse('monitor-stap')}?peildatum=2026-06-01"
    antwoord = ministerie.get(stap)
    assert _klaar(antwoord) == (1, 2) and te_berekenen(data) == data[1:]
    assert ministerie.get(_volgende(antwoord))["HX-Refresh"] == "true"
    assert te_berekenen(data) == []

    pagina = ministerie.get(reverse("monitor"), gevraagd)
    assert 'data-testid="monitor"' in pagina.content.decode()
    vers = monitor(peildatum=data[0])
    assert pagina.context["rijen"][-1][1] == vers.landelijk
    assert pagina.context["verschil"] is not None  # compared with the kept 1 December
    # a registration of today touches neither: still at once
    klok.shift(MARGE + timedelta(minutes=1))
    _nieuwe_maatregel(date(2026, 11, 20))
    assert 'data-testid="monitor"' in ministerie.get(reverse("monitor"), gevraagd).content.decode()


def test_de_monitor_met_een_foute_peildatum_zegt_dat_al_tijdens_het_rekenen(ministerie) -> None:  # type: ignore[no-untyped-def]
    pagina = ministerie.get(reverse("monitor"), {"peildatum": "2027-03-01"})

    assert pagina.status_code == 400
    assert "Peildatum 01-03-2027 ligt na vandaag" in pagina.content.decode()
    ministerie.get(_volgende(pagina))  # the step computes today's, as the page will show
    assert te_berekenen([date(2026, 11, 20)]) == []


def test_zonder_javascript_rekent_de_monitor_in_een_keer(ministerie) -> None:  # type: ignore[no-untyped-def]
    pagina = ministerie.get(reverse("monitor"), {"direct": "1"})

    assert 'data-testid="monitor"' in pagina.content.decode()
    noscript = ministerie.get(reverse("monitor"), {"peildatum": "2024-01-01"}).content.decode()
    assert 'href="?peildatum=2024-01-01&amp;direct=1"' in noscript  # the same peildatum, at once


def test_de_trend_per_gebied_telt_een_peildatum_per_stap(ministerie) -> None:  # type: ignore[no-untyped-def]
    n = len(peildata(TOT))
    regio = Organisatie.objects.filter(type="jeugdregio").order_by("naam").first()
    url = reverse("monitor-gebieden-trend")

    antwoord = ministerie.get(url, {"regio": regio.naam})

    for k in range(1, n):
        assert _klaar(antwoord) == (k, n)
        volgende = _volgende(antwoord)
        assert volgende.startswith(url) and f"regio={regio.naam.replace(' ', '+')}" in volgende
        antwoord = ministerie.get(volgende)
    assert 'data-testid="gebieden-trend-tabel"' in antwoord.content.decode()
    assert antwoord.context["regio"] == regio.naam
    # another regio is counted from the same kept peildata: no steps
    ander = Organisatie.objects.filter(type="jeugdregio").order_by("naam").last()
    tweede = ministerie.get(url, {"regio": ander.naam}).content.decode()
    assert 'data-testid="gebieden-trend-tabel"' in tweede


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_zonder_cache_om_te_bewaren_blijft_de_stap_niet_rondgaan(ministerie) -> None:  # type: ignore[no-untyped-def]
    """A cache that keeps nothing (misconfigured, or full) would have every step compute the
    same peildatum again: the first step sends the page to compute all at once instead."""
    stap = _volgende(ministerie.get(reverse("monitor-trend"), {"gi": NOORD}))

    antwoord = ministerie.get(stap)

    assert (
        antwoord["HX-Redirect"] == f"{reverse('monitor-trend')}?gi=Jeugdbescherming+Noord&direct=1"
    )
    stap = _volgende(ministerie.get(reverse("monitor"), {"peildatum": "2026-06-01"}))
    assert (
        ministerie.get(stap)["HX-Redirect"] == f"{reverse('monitor')}?peildatum=2026-06-01&direct=1"
    )
    regio = Organisatie.objects.filter(type="jeugdregio").order_by("naam").first()
    gebied = ministerie.get(reverse("monitor-gebieden-trend"), {"regio": regio.naam})
    assert 'data-testid="gebieden-trend-tabel"' in gebied.content.decode()


@pytest.mark.usefixtures("klok")
def test_bewaarde_cijfers_staan_in_de_database_voor_elk_proces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The application's cache is a table made by ``migrate``: a figure computed in one process
    is there for another (a second web worker, or the server after a restart)."""
    data = peildata(TOT)[:2]
    with override_settings(CACHES=productie.CACHES):
        assert _rijen() == 0
        eerst = reeks(data)
        assert _rijen() == len(data)
    berekend: list[date] = []
    monkeypatch.setattr(selectors, "monitor", lambda **kw: berekend.append(kw["peildatum"]))
    with override_settings(CACHES=productie.CACHES):  # a new connection to it, as elsewhere
        assert reeks(data) == eerst and berekend == []
    assert reeks(data) == [None, None]  # the tests' own cache (in memory) had none of it


def _rijen() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ketenzicht_cache")
        return int(cursor.fetchone()[0])
