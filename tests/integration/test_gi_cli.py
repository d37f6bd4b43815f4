"""``ketenzicht gi``: which GIs there are, and from which day each registers everything. The
day changes what the monitor can say, at once."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ketenzicht.cli import main
from ketenzicht.demo.laden import laad
from ketenzicht.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db
TOT = date(2026, 11, 20)


@pytest.fixture
def demo(db: None) -> None:
    laad(schaal="klein", seed=5, tot=TOT, voortgang=lambda *_: None)


def _json(capsys, *args: str) -> object:  # type: ignore[no-untyped-def]
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.usefixtures("demo")
def test_setting_the_first_day_changes_the_monitor_at_once(capsys) -> None:  # type: ignore[no-untyped-def]
    gis = _json(capsys, "gi")
    assert [g["gi"] for g in gis] == sorted(
        Organisatie.objects.filter(type="gi").values_list("naam", flat=True)
    )
    assert all(g["registratie_vanaf"] == "2022-11-21" and g["werklastnorm"] > 0 for g in gis)
    naam = gis[0]["gi"]

    peil = ["monitor", "--peildatum", "2026-06-01", "--gi", naam]
    assert _json(capsys, *peil)["gis"][0]["verloop_pct"] is not None

    # the GI turns out to have registered completely only from 1 January 2026
    uit = _json(capsys, "gi", "registratie", "--gi", naam, "--vanaf", "2026-01-01")
    assert uit == {"gi": naam, "registratie_vanaf": "2026-01-01", "was": "2022-11-21"}
    assert Organisatie.objects.get(naam=naam).registratie_vanaf == date(2026, 1, 1)
    # its turnover over the year before 1 June 2026 is now unknown (the cache knows)
    assert _json(capsys, *peil)["gis"][0]["verloop_pct"] is None

    assert main(["gi", "registratie", "--gi", naam, "--volledig"]) == 0
    assert "registratie volledig (was: vanaf 01-01-2026)" in capsys.readouterr().out
    assert Organisatie.objects.get(naam=naam).registratie_vanaf is None
    assert _json(capsys, *peil)["gis"][0]["verloop_pct"] is not None


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--gi", "Bestaat Niet", "--volledig"], "onbekende GI 'Bestaat Niet'. Bekend zijn:"),
        (["--gi", "Intervence"], "geef --vanaf DATUM of --volledig"),
        (["--gi", "Intervence", "--vanaf", "2024-01-01", "--volledig"], "geef --vanaf DATUM"),
    ],
)
def test_a_wrong_call_names_what_is_wrong_and_changes_nothing(capsys, args, melding) -> None:  # type: ignore[no-untyped-def]
    voor = dict(Organisatie.objects.filter(type="gi").values_list("naam", "registratie_vanaf"))
    assert main(["gi", "registratie", *args]) == 2
    assert melding in capsys.readouterr().err
    na = dict(Organisatie.objects.filter(type="gi").values_list("naam", "registratie_vanaf"))
    assert na == voor
