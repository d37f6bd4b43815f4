"""Parameter uncertainty: a calibrated forecast's bands include what the estimates do not know.
Each replication draws the uncertain fields with the estimate as mean and its standard error as
spread, reproducibly per seed, the same for a scenario and its baseline; the calibration gives
each estimate the standard error its counts imply."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketenzicht.domain.capaciteit import MedewerkerStand, Rol
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.prognose.kalibratie import Historie, MaatregelVerloop, Werknemer, kalibreer
from ketenzicht.domain.prognose.montecarlo import prognose
from ketenzicht.domain.prognose.onzekerheid import getrokken
from ketenzicht.domain.prognose.parameters import (
    AANDELEN,
    POSITIEF,
    Maatregel,
    Maatregeltype,
    OngeldigeParameters,
    Parameters,
    Scenario,
)
from ketenzicht.domain.prognose.scenariobestand import scenario_json, scenario_uit
from tests.unit.test_prognose import KLEIN  # the small GI the forecast tests run


def _trekken(par: Parameters, naam: str, n: int = 4000) -> np.ndarray:
    s = Scenario("s", par)
    return np.array([getattr(getrokken(s, seed).parameters, naam) for seed in range(n)])


@pytest.mark.parametrize(
    ("naam", "waarde", "se"),
    [
        ("instroom_per_maand", 60.0, 6.0),  # a gamma
        ("start_direct", 0.36, 0.05),  # a beta
        ("instroom_trend_per_jaar", -0.02, 0.03),  # a normal
    ],
)
def test_de_trekking_heeft_de_schatting_als_gemiddelde_en_de_standaardfout_als_spreiding(
    naam: str, waarde: float, se: float
) -> None:
    par = replace(KLEIN, **{naam: waarde}, onzekerheid={naam: se})
    x = _trekken(par, naam)
    # 4,000 draws: the mean is known to se / 63, the standard deviation to about 1.1%
    assert x.mean() == pytest.approx(waarde, abs=4 * se / math.sqrt(len(x)))
    assert x.std(ddof=1) == pytest.approx(se, rel=0.06)


@settings(max_examples=60, deadline=None)
@given(
    naam=st.sampled_from(sorted(AANDELEN | POSITIEF)),
    waarde=st.floats(min_value=0.01, max_value=0.99),
    relatief=st.floats(min_value=0.001, max_value=0.45),
    seed=st.integers(min_value=0, max_value=2**40),
)
def test_een_trekking_is_altijd_een_geldige_parameter(
    naam: str, waarde: float, relatief: float, seed: int
) -> None:
    """Whatever the estimate and its error, a drawn share stays in [0, 1] and a rate or a
    duration stays positive: the replication runs."""
    if naam not in AANDELEN:
        waarde *= 500
    se = relatief * math.sqrt(waarde * (1 - waarde)) if naam in AANDELEN else relatief * waarde
    par = replace(Parameters(), **{naam: waarde}, onzekerheid={naam: se})
    getrokken_par = getrokken(Scenario("s", par), seed).parameters  # constructing it validates
    x = getattr(getrokken_par, naam)
    assert (0 <= x <= 1) if naam in AANDELEN else x > 0
    assert getrokken_par.onzekerheid == {}


def test_zelfde_seed_zelfde_trekking_ook_voor_het_scenario_naast_de_basislijn() -> None:
    par = replace(KLEIN, onzekerheid={"instroom_per_maand": 6.0, "intern_warm": 0.03})
    basis = Scenario("basis", par)
    scenario = Scenario("extra", par, (Maatregel(vanaf_maand=2, extra_medewerkers=10),))
    assert getrokken(basis, 7).parameters == getrokken(scenario, 7).parameters
    assert getrokken(basis, 7).parameters != getrokken(basis, 8).parameters
    # one field's uncertainty more leaves the other's draw alone
    meer = replace(par, onzekerheid={**par.onzekerheid, "duur_dagen": 50.0})
    assert (
        getrokken(Scenario("m", meer), 7).parameters.instroom_per_maand
        == getrokken(basis, 7).parameters.instroom_per_maand
    )
    # without uncertainty a replication runs on the parameters as given
    assert getrokken(Scenario("k", KLEIN), 7).parameters is KLEIN


def test_een_getrokken_duur_schaalt_elk_type() -> None:
    typen = (
        Maatregeltype("OTS", 0.6, 0.7, 1200.0, eerst_dagen=1500.0, rest_dagen=1000.0),
        Maatregeltype("VOTS", 0.4, 0.3, 150.0),
    )
    par = replace(KLEIN, duur_dagen=900.0, typen=typen, onzekerheid={"duur_dagen": 90.0})
    getrokken_par = getrokken(Scenario("s", par), 3).parameters
    factor = getrokken_par.duur_dagen / 900.0
    assert factor != 1
    ots, vots = getrokken_par.typen
    assert (ots.duur_dagen, ots.eerst_dagen, ots.rest_dagen) == pytest.approx(
        (1200 * factor, 1500 * factor, 1000 * factor)
    )
    assert (vots.duur_dagen, vots.eerst_dagen, vots.rest_dagen) == (150 * factor, None, None)


def test_een_onzekere_instroom_verbreedt_de_band() -> None:
    zeker = Scenario("zeker", KLEIN)
    onzeker = Scenario("onzeker", replace(KLEIN, onzekerheid={"instroom_per_maand": 12.0}))
    a = prognose(zeker, 40, seed=2, werkers=1).maanden[-1]["clienten"]
    b = prognose(onzeker, 40, seed=2, werkers=1).maanden[-1]["clienten"]
    # 18 months of inflow 60 ± 12 a month: the spread of the clients grows by about
    # 12 × 18 × (share still in execution); process noise alone is about ± 50
    assert b.p90 - b.p10 > 2 * (a.p90 - a.p10)


def test_onzekerheid_in_een_scenariobestand() -> None:
    par = replace(KLEIN, onzekerheid={"instroom_per_maand": 6.5, "start_direct": 0.01})
    tekst = scenario_json(Scenario("s", par))
    assert tekst["parameters"]["onzekerheid"] == {"instroom_per_maand": 6.5, "start_direct": 0.01}
    assert scenario_uit(tekst).parameters == par


@pytest.mark.parametrize(
    ("onzekerheid", "melding"),
    [
        ({"norm": 1.0}, "onzekerheid.norm: geen geschatte parameter"),
        ({"duur_dagen": -3}, "onzekerheid.duur_dagen: een standaardfout is niet negatief"),
        ({"start_direct": 0.6}, "onzekerheid.start_direct: 0.6 is te groot"),
        ({"duur_dagen": "veel"}, "onzekerheid.duur_dagen: verwacht een getal"),
        ([1, 2], "parameters.onzekerheid: verwacht een object"),
    ],
)
def test_fouten_in_de_onzekerheid_noemen_het_veld(onzekerheid: object, melding: str) -> None:
    with pytest.raises(OngeldigeParameters, match=melding):
        scenario_uit({"naam": "s", "parameters": {"onzekerheid": onzekerheid}})


def test_de_kalibratie_geeft_elke_telling_haar_standaardfout() -> None:
    """Of 480 new measures (20 a month for 24 months), 1 in 4 had a jeugdbeschermer within the
    term: the share's standard error is binomial; the inflow's is Poisson when the months vary
    no more than that; the duration's is the mean over √ends."""
    peil = date(2026, 1, 1)
    maatregelen = []
    for m in range(24):
        jaar, maand = divmod(2024 * 12 + m, 12)
        for k in range(20):
            start = date(jaar, maand + 1, 5)
            eerste = start if k % 4 == 0 else start + timedelta(days=40)
            einde = start + timedelta(days=200) if k < 4 else None
            maatregelen.append(MaatregelVerloop(start, einde, eerste))
    staf = [
        Werknemer("GI", MedewerkerStand(Rol.JEUGDBESCHERMER, 1.0, Periode(date(2020, 1, 1))))
        for _ in range(30)
    ]
    h = Historie(
        peildatum=peil,
        maatregelen=maatregelen,
        uitval=[],
        medewerkers=staf,
        caseloads=[14.0] * 30,
        plan_dagen=[20, 30, 40],
        hulp_dagen=[60, 100],
        clienten=300,
        wachtlijst_start=0,
        wachtlijst_intern=0,
    )
    k = kalibreer(h)
    par, se = k.parameters, k.parameters.onzekerheid
    assert par.start_direct == 0.25
    assert se["start_direct"] == pytest.approx(math.sqrt(0.25 * 0.75 / 480), rel=0.005)
    # 20 a month, every month the same: no spread beyond Poisson, so √(20 / 12)
    assert se["instroom_per_maand"] == pytest.approx(math.sqrt(20 / 12), rel=0.01)
    einden = sum(1 for m in maatregelen if m.einde and date(2025, 1, 1) <= m.einde < peil)
    assert se["duur_dagen"] == pytest.approx(par.duur_dagen / math.sqrt(einden), rel=0.01)
    assert se["veiligheidsplan_dagen"] == pytest.approx(10 / math.sqrt(3), rel=0.01)
    assert "instroom_trend_per_jaar" in se
    assert all(v > 0 for v in se.values())
    # the scenario file carries them, and a replication draws them
    assert scenario_uit(scenario_json(Scenario("b", par))).parameters.onzekerheid == se
