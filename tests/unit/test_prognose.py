"""The forecast as its users rely on it: reproducible per seed, scenario files checked with
errors that name the field, measures that move the figures the right way, and the JSON contract
of ``ketenzicht prognose``."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ketenzicht.cli import main
from ketenzicht.domain.prognose import motor
from ketenzicht.domain.prognose.montecarlo import Replicatie, banden, prognose
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    Maatregeltype,
    OngeldigeParameters,
    Parameters,
    Scenario,
)
from ketenzicht.domain.prognose.scenariobestand import scenario_json, scenario_uit

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


@pytest.mark.parametrize(
    "naam", ["binnen_norm", "binnen_norm_veiligheidsplan", "binnen_norm_hulpaanbod"]
)
def test_de_laatste_maanden_tellen_elk_kind_tot_zijn_norm_verstreken_is(naam: str) -> None:
    """A share of a month's new measures is known only when each has its jeugdbeschermer, or
    its norm (up to 3 months for the help) has passed: the run goes on past the last month
    until it has. Cut at the horizon, the children of the last weeks still waiting counted as
    missing their veiligheidsplan and help, and the last months fell off (help: ~0.3 in the
    last month against ~0.6 before it)."""
    ruim = Parameters(
        instroom_per_maand=100, medewerkers=250, begin_clienten=3000, begin_wachtlijst_start=50,
        begin_wachtlijst_intern=80, horizon_maanden=6,
    )  # fmt: skip
    p = prognose(Scenario("ruim", ruim), 30, seed=2, werkers=1)
    p50 = [m[naam].p50 for m in p.maanden]
    midden = sum(p50[1:4]) / 3
    assert midden > 0.2
    assert p50[-1] == pytest.approx(midden, abs=0.05)
    assert p50[-2] == pytest.approx(midden, abs=0.05)


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


# plenty of staff and no process delay: only the durations decide who is still in execution
RUIM = replace(
    KLEIN, medewerkers=400, begin_clienten=2000, begin_wachtlijst_start=0,
    begin_wachtlijst_intern=0, instroom_per_maand=120, start_direct=1, intern_warm=1,
    verloop_per_jaar=0, lang_ziek_per_jaar=0, horizon_maanden=12,
)  # fmt: skip
KORT = Maatregeltype("VOTS", instroom=0.5, voorraad=0.2, duur_dagen=100, rest_dagen=90)
LANG = Maatregeltype(
    "OTS", instroom=0.5, voorraad=0.8, duur_dagen=600, eerst_dagen=2000, eerst_tot_dagen=200,
    rest_dagen=1000,
)  # fmt: skip


def _overleving(t: Maatregeltype, dagen: float) -> float:
    """The share of new measures of type ``t`` still running after ``dagen`` days."""
    eerst, tot = t.eerst_dagen or t.duur_dagen, t.eerst_tot_dagen
    if dagen <= tot:
        return math.exp(-dagen / eerst)
    return math.exp(-tot / eerst - (dagen - tot) / t.duur_dagen)


def test_elk_type_eindigt_met_zijn_eigen_duur() -> None:
    """Clients after a year: the start state ends at each type's remaining duration, a new
    measure at its type's rate in its first phase and another after it (piecewise
    exponential): the mean over replications matches the expectation."""
    par = replace(RUIM, typen=(KORT, LANG))
    dag = 365.25 / 12
    verwacht = sum(
        par.begin_clienten * t.voorraad * math.exp(-12 * dag / (t.rest_dagen or t.duur_dagen))
        + par.instroom_per_maand / dag * t.instroom
        * sum(_overleving(t, (k + 0.5) / 10) for k in range(int(12 * dag * 10))) / 10
        for t in par.typen
    )  # fmt: skip
    uit = [simuleer(Scenario("typen", par), seed).maanden.clienten[-1] for seed in range(12)]
    gemiddeld = sum(uit) / len(uit)
    # one replication's sd is about sqrt(verwacht) ≈ 40; of the mean of 12 about 12
    assert abs(gemiddeld - verwacht) < 40
    # the same mean duration for all, without types, is a different forecast
    zonder = replace(par, typen=(), duur_dagen=LANG.rest_dagen)
    assert simuleer(Scenario("zonder", zonder), 0).maanden.clienten[-1] > verwacht + 200


def test_een_ots_van_de_start_eindigt_uiterlijk_op_de_18e_verjaardag() -> None:
    """Of the clients at the start, a child turning 18 leaves then, whatever its measure's
    rate: with half the children 18 in 50 days and half in 150, the stock of a type that
    otherwise hardly ends is halved in the second month and gone in the fifth. Drawn between
    the quantiles, so the first days of the first month lose some already."""
    lang = Maatregeltype("OTS", instroom=1, voorraad=1, duur_dagen=1e6, rest_dagen=1e6)
    par = replace(
        RUIM, instroom_per_maand=0.01, begin_clienten=3000, medewerkers=300, horizon_maanden=6,
        typen=(lang,),
    )  # fmt: skip
    zonder = simuleer(Scenario("zonder", par), 1).maanden.clienten
    assert min(zonder) >= 2995
    achttien = replace(lang, achttien_dagen=(10.0, 50.0, 150.0))  # quantiles 0, 50, 100%
    met = simuleer(Scenario("met", replace(par, typen=(achttien,))), 1).maanden.clienten
    # P(cap <= t): (t - 10) / 80 up to 50 days, then 0.5 + (t - 50) / 200
    for maand, kans in ((1, (30.4 - 10) / 80), (2, 0.5 + (60.9 - 50) / 200)):
        assert met[maand - 1] == pytest.approx(3000 * (1 - kans), abs=90)
    assert met[4:] == [0, 0]


def test_een_nieuwe_ots_eindigt_uiterlijk_op_de_18e_verjaardag() -> None:
    """A new measure ends no later than its child's 18th birthday, counted from its start:
    with half the new children 18 in 60 days and half in 10,000, a type that otherwise hardly
    ends keeps, after a year, the whole inflow of the second half and of the first only the
    last 60 days' (drawn between the quantiles: 60 + (u - 0.5) * 2 * 9,940 days for u > 0.5)."""
    lang = Maatregeltype("OTS", instroom=1, voorraad=1, duur_dagen=1e6, rest_dagen=1e6)
    par = replace(RUIM, begin_clienten=0, horizon_maanden=12, typen=(lang,))
    dag = 365.25 / 12
    per_dag = par.instroom_per_maand / dag
    zonder = [simuleer(Scenario("zonder", par), s).maanden.clienten for s in range(6)]
    jong = replace(lang, achttien_nieuw_dagen=(60.0, 60.0, 10_000.0))  # quantiles 0, 50, 100%
    met = [
        simuleer(Scenario("met", replace(par, typen=(jong,))), s).maanden.clienten for s in range(6)
    ]
    jaar = 12 * dag
    gemiddeld = [sum(r[-1] for r in rs) / len(rs) for rs in (zonder, met)]
    # a draw u < 0.5 lies at 60 days; the others above 60 + 0 .. 9,940 days: after a year, all
    # of those whose u puts their birthday beyond their age are still there
    achter = sum(
        min(1.0, 0.5 + (leeftijd - 60) / (2 * 9_940)) if leeftijd > 60 else 0.5
        for leeftijd in (jaar - (k + 0.5) for k in range(int(jaar)))
    )
    verwacht_met = per_dag * (60 * 0.5 + (int(jaar) - achter))
    assert gemiddeld[0] == pytest.approx(per_dag * jaar, rel=0.03)  # sd of the mean ≈ 0.6%
    assert gemiddeld[1] == pytest.approx(verwacht_met, rel=0.03)
    assert gemiddeld[1] < 0.6 * gemiddeld[0]


def test_wie_op_de_startwachtlijst_staat_gaat_eraf_als_de_maatregel_eindigt() -> None:
    """Short measures end while their child still waits for a jeugdbeschermer: with the same
    delay, a mix of short measures has a shorter start list than one of long measures."""
    par = replace(RUIM, start_direct=0, start_vertraging_dagen=60, horizon_maanden=6)
    kort = replace(par, typen=(replace(KORT, instroom=1, voorraad=1),))
    lang = replace(par, typen=(replace(LANG, instroom=1, voorraad=1),))
    lijst_kort = simuleer(Scenario("kort", kort), 1).maanden.wachtlijst_start[-1]
    lijst_lang = simuleer(Scenario("lang", lang), 1).maanden.wachtlijst_start[-1]
    # 4 children a day wait on the list for Exp(60) days, or shorter when their measure ends
    # first: 4 * 1 / (1/60 + 1/100) = 150 against 4 * 1 / (1/60 + 1/2000) = 233
    assert 110 < lijst_kort < 190 < lijst_lang < 280


def test_typen_in_een_scenariobestand() -> None:
    """Types round-trip through a scenario file; a wrong one names what is wrong."""
    lang = replace(LANG, achttien_dagen=(0.0, 120.0, 4000.0), achttien_nieuw_dagen=(90.0, 6000.0))
    s = Scenario("typen", replace(KLEIN, typen=(KORT, lang)))
    assert scenario_uit(json.loads(json.dumps(scenario_json(s)))) == s
    assert "achttien_dagen" not in scenario_json(s)["parameters"]["typen"][0]  # KORT: none
    een = {"naam": "a", "instroom": 1, "voorraad": 1, "duur_dagen": 10}
    fouten = [
        ([{**een, "achttien_dagen": 100}], "typen[0].achttien_dagen: verwacht een lijst getallen"),
        ([{**een, "achttien_dagen": [5, -1]}], "typen[0] (a): achttien_dagen mogen niet negatief"),
        (
            [{**een, "achttien_nieuw_dagen": "100"}],
            "typen[0].achttien_nieuw_dagen: verwacht een lijst getallen",
        ),
        (
            [{**een, "achttien_nieuw_dagen": [-3]}],
            "typen[0] (a): achttien_nieuw_dagen mogen niet negatief",
        ),
        ([{"naam": "a", "instroom": 1, "voorraad": 1}], "typen[0]: een object met duur_dagen"),
        (
            [{"naam": "a", "instroom": 0.5, "voorraad": 1, "duur_dagen": 10}],
            "de aandelen instroom tellen op tot 0.5000",
        ),
        (
            [{"naam": "a", "instroom": 1, "voorraad": 1, "duur_dagen": "lang"}],
            "typen[0].duur_dagen: verwacht een getal",
        ),
        (
            [{"naam": "a", "instroom": 1, "voorraad": 1, "duur_dagen": 10, "rest_dagen": 0}],
            "typen[0] (a): duur_dagen, eerst_dagen, eerst_tot_dagen en rest_dagen groter dan 0",
        ),
    ]
    for typen, melding in fouten:
        with pytest.raises(OngeldigeParameters) as fout:
            scenario_uit({"naam": "x", "parameters": {"typen": typen}})
        assert melding in str(fout.value)


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
        (
            {"naam": "x", "parameters": {"begin_vacatures": 2.5}},
            "begin_vacatures: verwacht een geheel getal of null",
        ),
        ({"naam": "x", "parameters": {"begin_vacatures": -1}}, "begin_vacatures: mag niet"),
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
    eerste = uit["maanden"][0]["wachtlijst_start"]
    assert set(eerste) == {"p10", "p50", "p90", "omhullende"}
    # the envelope that holds whole paths is never narrower than the month's P10–P90
    assert eerste["omhullende"]["laag"] <= eerste["p10"] <= eerste["p90"]
    assert eerste["p90"] <= eerste["omhullende"]["hoog"]
    assert len(uit["basislijn"]) == 6
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["prognose", "--scenario", str(tmp_path / "nee.json")]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err


def test_wie_bij_de_start_lang_ziek_is_heeft_alleen_de_exponentiele_rest_nog_te_gaan() -> None:
    # a long episode lasts lang_ziek_vanaf_dagen, then an exponential rest: the sick at the
    # peildatum are past that certain part, so on average 100 days are left, not 128
    par = replace(
        RUIM, medewerkers=1000, begin_ziek=600, lang_ziek_dagen=128, lang_ziek_vanaf_dagen=28,
        kort_verzuim=0, horizon_maanden=3,
    )  # fmt: skip
    t = 3 * motor.MAAND  # the third month's snapshot
    fte = [simuleer(Scenario("ziek", par), seed).maanden.fte_beschikbaar[2] for seed in range(5)]
    nog_ziek = 1000 - sum(fte) / len(fte)
    assert nog_ziek == pytest.approx(600 * math.exp(-t / 100), abs=15)  # 241; with 128: 294


def test_open_vacatures_bij_de_start_worden_vervuld() -> None:
    # 100 in service and 50 posts open, filled after 30 days on average (no onboarding, no
    # turnover or sickness): after 5 months nearly all 150 count; without them the 100 stay
    par = replace(
        RUIM, medewerkers=100, begin_clienten=0, instroom_per_maand=1, kort_verzuim=0,
        inwerk_dagen=0, vacature_dagen=30, horizon_maanden=5,
    )  # fmt: skip
    for vacatures, verwacht in ((50, 100 + 50 * (1 - math.exp(-5 * motor.MAAND / 30))), (0, 100)):
        s = Scenario("vacatures", replace(par, begin_vacatures=vacatures))
        fte = [simuleer(s, seed).maanden.fte_beschikbaar[-1] for seed in range(5)]
        assert sum(fte) / len(fte) == pytest.approx(verwacht, abs=1.5)
    # null: as many as turnover keeps open on average
    assert scenario_uit({"naam": "x", "parameters": {"begin_vacatures": None}}).parameters == (
        Parameters()
    )


def test_ondersteuners_tellen_in_de_fte_maar_nemen_geen_kind() -> None:
    # RUIM has no turnover or sickness, so the support staff draw no random number: with the
    # same seed every child waits and is assigned exactly as without them
    # (no short sickness either: its count on a peildatum is drawn, see the test below)
    par = replace(RUIM, kort_verzuim=0)
    zonder = simuleer(Scenario("zonder", par), 7).maanden
    met = simuleer(Scenario("met", replace(par, ondersteuners=50)), 7).maanden
    for naam in ("wachtlijst_start", "wachtlijst_intern", "clienten", "wachtdagen_start"):
        assert getattr(met, naam) == getattr(zonder, naam)
    meer = [b - a for a, b in zip(zonder.fte_beschikbaar, met.fte_beschikbaar, strict=True)]
    assert meer == pytest.approx([50] * 12, abs=0.11)
    assert all(b < a for a, b in zip(zonder.workload, met.workload, strict=True))


def test_kort_verzuim_op_een_peildatum_is_een_telling() -> None:
    """The short-sick on a peildatum are people, away each with chance kort_verzuim: their
    number varies from month to month (binomial), around the share; it holds no slot, so every
    child waits as it would with the share taken off as a fixed part."""
    par = replace(RUIM, medewerkers=1000, kort_verzuim=0.05, horizon_maanden=60)
    vast = replace(par, kort_verzuim=0.0)
    for seed in (1, 2):
        telling = simuleer(Scenario("telling", par), seed).maanden
        zonder = simuleer(Scenario("zonder", vast), seed).maanden
        assert telling.wachtlijst_start == zonder.wachtlijst_start
        assert telling.clienten == zonder.clienten
        weg = np.array(zonder.fte_beschikbaar) - np.array(telling.fte_beschikbaar)
        assert weg.mean() == pytest.approx(1000 * 0.05, abs=3 * math.sqrt(47.5 / 60))
        assert weg.var(ddof=1) == pytest.approx(1000 * 0.05 * 0.95, rel=0.45)  # not 0
        werk = np.array(telling.clienten) / np.array(telling.fte_beschikbaar)
        assert np.array(telling.workload) == pytest.approx(werk, abs=0.006)


@pytest.mark.parametrize(
    "groep",
    [
        {"ondersteuners": 1000, "begin_ondersteuners_ziek": 300},
        {"medewerkers": 1000, "begin_ziek": 300},
    ],
)
def test_wie_ziek_begint_komt_terug_tot_het_evenwicht(groep: dict[str, int]) -> None:
    """Neither support staff nor caseworkers are frozen at the peildatum: 300 of 1000
    long-sick at the start return (an exponential rest of 100 days) while others fall ill (0.2
    a year, 100 days), so after two years the sick are the steady state's λD / (1 + λD) = 5.2%,
    not 30% — and not 6.9%, which the 300 gave when they kept the sickness drawn for them at
    the start beside the next one drawn when they recovered (twice the hazard for years)."""
    par = replace(
        RUIM, medewerkers=0, begin_clienten=0, instroom_per_maand=1, kort_verzuim=0,
        lang_ziek_per_jaar=0.2, lang_ziek_dagen=100, lang_ziek_vanaf_dagen=0, horizon_maanden=24,
    )  # fmt: skip
    par = replace(par, **groep)
    fte = [simuleer(Scenario("ziek", par), seed).maanden.fte_beschikbaar for seed in range(10)]
    eerste = sum(f[0] for f in fte) / len(fte)
    laatste = sum(f[-1] for f in fte) / len(fte)
    ld = 0.2 * 100 / 365.25  # λD
    t = motor.MAAND  # the first snapshot: the start's sick partly back, the 700 partly ill
    nieuw_ziek = 700 * ld * (1 - math.exp(-t / 100))
    assert eerste == pytest.approx(1000 - 300 * math.exp(-t / 100) - nieuw_ziek, abs=6)  # 769
    assert laatste == pytest.approx(1000 / (1 + ld), abs=6)  # 948


def _paden(waarden: list[list[float]]) -> list[Replicatie]:
    """Replications whose every indicator follows the given path."""
    velden = motor.Maandcijfers.__dataclass_fields__
    return [(motor.Maandcijfers(**{v: list(pad) for v in velden}), 1, {}) for pad in waarden]


def test_kans_dat_een_uitkomst_alle_maanden_binnen_de_band_blijft() -> None:
    """A band holds each month's outcome 4 times in 5; whether a whole year stays inside depends
    on how the months move together: paths that move as one stay inside 4 times in 5, months
    that are independent one time in fourteen (0.8¹²)."""
    samen = banden("s", _paden([[float(r)] * 12 for r in range(100)]))
    assert samen.heel_binnen["wachtlijst_start"] == 0.8

    rng = np.random.default_rng(5)
    los = banden("s", _paden(rng.normal(size=(2000, 12)).tolist()))
    assert los.heel_binnen["workload"] == pytest.approx(0.8**12, abs=0.015)
