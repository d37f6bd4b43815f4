"""The doorbraak monitor keeps its figures per month: a registration sends round only the months
it can touch, and the months not kept are computed together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from ketenzicht.domain.doorbraak import Maand
from ketenzicht.doorbraak import selectors, services
from ketenzicht.doorbraak.models import Normset
from ketenzicht.doorbraak.selectors import doorbraak_reeks
from ketenzicht.monitor.bewaren import MARGE
from ketenzicht.planning.afwezigheid import ziek_melden
from tests.integration.test_doorbraak import ingelogd, september

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
SEPTEMBER = Maand(2026, 9)
MAANDEN = selectors.laatste_maanden(SEPTEMBER)  # October 2025 to September 2026
ECHT = selectors.doorbraak


@pytest.fixture
def klok() -> Iterator[Any]:
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=AMS), tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def berekend(monkeypatch: pytest.MonkeyPatch) -> list[list[Maand]]:
    """The months computed, per computation (each one read of the measures)."""
    keren: list[list[Maand]] = []

    def doorbraak(*, maanden: list[Maand], **kw: Any) -> list[selectors.Maandcijfers]:
        keren.append(list(maanden))
        return ECHT(maanden=maanden, **kw)

    monkeypatch.setattr(selectors, "doorbraak", doorbraak)
    return keren


def _later(klok: Any) -> None:
    """Past the margin for registrations still in a transaction (``bewaren.MARGE``): what is
    registered from now on is seen as registered after the figures kept so far."""
    klok.shift(MARGE + timedelta(minutes=1))


def _vers(maanden: list[Maand]) -> list[selectors.Maandcijfers]:
    """Each month computed on its own, from the facts as they are now."""
    return [ECHT(maanden=[m])[0] for m in maanden]


def test_een_registratie_stuurt_alleen_de_maanden_rond_die_ze_kan_raken(
    wereld, klok, berekend
) -> None:  # type: ignore[no-untyped-def]
    """Bram's measure started on 3 August. A correction of his plan's date touches August and
    later, not the months before; a measure begun today touches none of them, nor does a
    sickness registered late."""
    (_, _), (_, bram), (_, _) = september(wereld)
    _later(klok)

    assert doorbraak_reeks(MAANDEN) == _vers(MAANDEN)
    assert berekend == [MAANDEN]  # all twelve in one read
    assert doorbraak_reeks(MAANDEN) == _vers(MAANDEN) and len(berekend) == 1  # kept
    _later(klok)

    services.mijlpaal_registreren(
        maatregel=bram, mijlpaal="veiligheidsplan", datum=date(2026, 9, 10), wie="jb", door=None
    )
    _later(klok)
    nu = doorbraak_reeks(MAANDEN)
    assert berekend[1:] == [[Maand(2026, 8), SEPTEMBER]]
    assert nu == _vers(MAANDEN)
    [plan] = [
        r for r in nu[-1].rijen if r.niveau == "landelijk" and r.mijlpaal == "veiligheidsplan"
    ]
    assert (plan.op_tijd, plan.noemer) == (3, 3)  # the correction counts
    _later(klok)

    wereld.kind(wereld.gi_a, start=date(2026, 11, 20), voornaam="Dirk")
    # the staff's facts are the monitor's, not the doorbraak's: a new colleague, ill since August
    ziek_melden(medewerker=wereld.medewerker(wereld.gi_a), van=date(2026, 8, 1), door=None)
    assert doorbraak_reeks(MAANDEN) == nu and len(berekend) == 2


def test_een_nieuwe_normset_stuurt_elke_maand_rond(wereld, klok, berekend) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    _later(klok)
    doorbraak_reeks(MAANDEN)
    _later(klok)

    Normset.objects.create(naam="Strenger 2027", geldig_van=date(2027, 1, 1))

    doorbraak_reeks(MAANDEN)
    assert berekend == [MAANDEN, MAANDEN]


def test_pagina_en_api_tonen_de_bewaarde_maanden(wereld, klok, berekend) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    _later(klok)
    c = ingelogd(wereld.beleid)

    pagina = c.get(reverse("doorbraak"), {"maand": "2026-09"})

    assert pagina.status_code == 200 and berekend == [MAANDEN]
    assert pagina.context["grafiek"]["maanden"] == [str(m) for m in MAANDEN]
    vers = [r for r in _vers([SEPTEMBER])[0].rijen if r.niveau == "landelijk"]
    assert pagina.context["landelijk"] == vers and vers
    api = c.get(reverse("api-doorbraak"), {"maand": "2026-09"})
    assert api.status_code == 200 and len(berekend) == 1  # the month kept by the page
    assert api.json()["rijen"] == [r.als_dict() for r in _vers([SEPTEMBER])[0].rijen]
