"""The forecast as its users rely on it: reproducible per seed, scenario files checked with
errors that name the field, measures that move the figures the right way, and the JSON contract
of ``ketenzicht prognose``."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ketenzicht.cli import main
from ketenzicht.domain.prognose import motor
from ketenzicht.domain.prognose.montecarlo import prognose
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    OngeldigeParameters,
    Parameters,
    Scenario,
    scenario_uit,
)

KLEIN = Parameters(
    instroom_per_maand=60, medewerkers=150, begin_clienten=2300, begin_wachtlijst_start=40,
    begin_wachtlijst_intern=60, horizon_maanden=18,
)  # fmt: skip


def test_zelfde_seed_zelfde_prognose_ook_met_twee_processen() -> None:
    s = Scenario("klein", KLEIN)
    een = prognose(s, 6, seed=3, werkers=1)
    twee = prognose(s, 6, seed=3, werkers=2)
    assert een.maanden == twee.maanden
    assert prognose(s, 6, seed=4, werkers=1).maanden != een.maanden


def test_meer_medewerkers_korter_wachten_lagere_norm_langer_wachten() -> None:
    basis = prognose(Scenario("basis", KLEIN), 20, seed=1, werkers=1)
    extra = prognose(
        Scenario("extra", KLEIN, (Maatregel(vanaf_maand=0, extra_medewerkers=25),)),
        20,
        seed=1,
        werkers=1,
    )
    strenger = prognose(
        Scenario("norm", KLEIN, (Maatregel(vanaf_maand=0, norm=12),)), 20, seed=1, werkers=1
    )

    def som(p, naam):  # type: ignore[no-untyped-def]
        return sum(m[naam].p50 for m in p.maanden)

    assert (
        som(extra, "wachtlijst_start")
        < som(basis, "wachtlijst_start")
        < som(strenger, "wachtlijst_start")
    )
    assert som(extra, "workload") < som(basis, "workload")
    for m in basis.maanden:
        for band in m.values():
            assert band.p10 <= band.p50 <= band.p90


def test_wie_nog_binnen_de_termijn_wacht_komt_op_de_startwachtlijst() -> None:
    """Children without a jeugdbeschermer still inside their term at the start are on no list
    yet; the delayed ones among them are on the start list a month later, the direct ones not
    (staff to spare, so only the delay counts)."""
    par = replace(
        KLEIN, instroom_per_maand=0.01, begin_wachtlijst_start=0, begin_wachtlijst_intern=0,
        medewerkers=300, begin_binnen_norm=200, start_vertraging_dagen=60, verloop_per_jaar=0,
        lang_ziek_per_jaar=0,
    )  # fmt: skip
    vertraagd = simuleer(Scenario("vertraagd", replace(par, start_direct=0)), 1).maanden
    # ready 7 - g + Exp(60) days after the start (g: days already waited, uniform 0–7): still
    # waiting after a month with probability ~exp(-(30.4 - 7 + 3.5) / 60) = 0.64
    assert 100 <= vertraagd.wachtlijst_start[0] <= 160
    direct = simuleer(Scenario("direct", replace(par, start_direct=1)), 1).maanden
    assert direct.wachtlijst_start[0] == 0
    with pytest.raises(OngeldigeParameters, match="begin_binnen_norm: meer dan begin_clienten"):
        replace(par, begin_binnen_norm=par.begin_clienten + 1)


def test_te_weinig_ruimte_geeft_dezelfde_replicatie(monkeypatch: pytest.MonkeyPatch) -> None:
    """A replication that outgrows its arrays runs again with more room and the same seed: the
    result does not depend on the sizing."""
    s = Scenario("klein", KLEIN, (Maatregel(vanaf_maand=2, extra_medewerkers=10),))
    ruim = motor.simuleer(s, 7)
    monkeypatch.setattr(
        motor, "_ruimte", lambda sc, _: (sc.parameters.begin_clienten, sc.parameters.medewerkers)
    )
    krap = motor.simuleer(s, 7)
    assert krap == ruim
    assert krap.kinderen > KLEIN.begin_clienten  # it did need more room than it was given


@pytest.mark.parametrize(
    ("gegeven", "melding"),
    [
        ({"naam": "x", "parameters": {"norm": 0}}, "norm: moet groter dan 0"),
        ({"naam": "x", "parameters": {"verloop": 0.1}}, "onbekend veld verloop"),
        ({"naam": "x", "parameters": {"seizoen": [1, 1]}}, "seizoen: precies 12"),
        ({"naam": "x", "parameters": {"medewerkers": "veel"}}, "medewerkers: verwacht een getal"),
        (
            {"naam": "x", "maatregelen": [{"norm": 12}]},
            "maatregelen[0]: een object met 'vanaf_maand'",
        ),
        ({"parameters": {}}, "minstens 'naam'"),
    ],
)
def test_fouten_in_een_scenario_noemen_het_veld(gegeven: dict, melding: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(OngeldigeParameters) as fout:
        scenario_uit(gegeven)
    assert melding in str(fout.value)


def test_cli_prognose_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    velden = ("instroom_per_maand", "medewerkers", "begin_clienten", "begin_wachtlijst_start")
    par = {k: getattr(KLEIN, k) for k in velden}
    maatregelen = [{"vanaf_maand": 2, "extra_medewerkers": 10}]
    bestand = tmp_path / "s.json"
    bestand.write_text(json.dumps({"naam": "proef", "parameters": par, "maatregelen": maatregelen}))
    png = tmp_path / "p.png"
    opties = ["--runs", "4", "--horizon-maanden", "6", "--werkers", "1", "--vanaf", "2027-01"]
    opties += ["--format", "json", "--uit", str(png)]
    code = main(["prognose", "--scenario", str(bestand), *opties])
    assert code == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["scenario"] == "proef" and uit["runs"] == 4
    assert [m["maand"] for m in uit["maanden"]] == [f"2027-0{i}" for i in range(1, 7)]
    assert set(uit["maanden"][0]["wachtlijst_start"]) == {"p10", "p50", "p90"}
    assert len(uit["basislijn"]) == 6
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["prognose", "--scenario", str(tmp_path / "nee.json")]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err
