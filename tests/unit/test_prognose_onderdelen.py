"""The country as its GIs: a child waits for a caseworker of its own GI, so a GI that is full
keeps its waiting list even when another has room; the whole is the exact sum of its parts; a
measure reaches the parts it names, its extra staff shared out without losing one; and a
scenario file with parts reads back as written, with errors that say which part."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.cli import main
from ketenzicht.domain.prognose.montecarlo import prognose
from ketenzicht.domain.prognose.motor import simuleer
from ketenzicht.domain.prognose.onderdelen import deel_seed, delen, verdeel
from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    Onderdeel,
    OngeldigeParameters,
    Parameters,
    Scenario,
)
from ketenzicht.domain.prognose.scenariobestand import scenario_json, scenario_uit

# ~600 clients in steady state in each GI (40 a month × 450 days); no sickness or turnover,
# so capacity is exactly the staff × the norm
RUSTIG = dict(
    instroom_per_maand=40, duur_dagen=450, begin_clienten=600, begin_wachtlijst_start=0,
    begin_wachtlijst_intern=0, horizon_maanden=24, start_direct=1.0, verloop_per_jaar=0.0,
    lang_ziek_per_jaar=0.0, kort_verzuim=0.0, norm=14.0,
)  # fmt: skip
VOL = Parameters(**RUSTIG, medewerkers=30)  # type: ignore[arg-type]  # 420 places for ~600
RUIM = Parameters(**RUSTIG, medewerkers=80)  # type: ignore[arg-type]  # 1,120 places for ~600
SAMEN = Parameters(  # type: ignore[arg-type]
    **(RUSTIG | {"instroom_per_maand": 80, "begin_clienten": 1200}), medewerkers=110
)
TWEE_GIS = Scenario("twee GI's", SAMEN, onderdelen=(Onderdeel("Vol", VOL), Onderdeel("Ruim", RUIM)))


def test_een_volle_gi_houdt_zijn_wachtlijst_ook_als_een_andere_ruimte_heeft() -> None:
    per_gi = prognose(TWEE_GIS, 10, seed=1, werkers=1)
    een_pool = prognose(Scenario("één pool", SAMEN), 10, seed=1, werkers=1)
    laatste = -1
    # the full GI has ~180 children more than places: they wait, whatever the other has free
    assert per_gi.maanden[laatste]["wachtlijst_start"].p10 > 100
    assert per_gi.maanden[laatste]["binnen_norm"].p90 < 0.9
    # one pool for the two has 1,540 places for ~1,200 children: nobody waits
    assert een_pool.maanden[laatste]["wachtlijst_start"].p90 == 0
    assert een_pool.maanden[laatste]["binnen_norm"].p10 == 1.0


def test_elke_gi_heeft_zijn_eigen_banden_in_de_prognose_en_de_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = prognose(TWEE_GIS, 10, seed=1, werkers=1)
    assert list(p.onderdelen) == ["Vol", "Ruim"]
    assert p.onderdelen["Vol"][-1]["wachtlijst_start"].p10 > 100
    assert p.onderdelen["Ruim"][-1]["wachtlijst_start"].p90 == 0
    assert not prognose(Scenario("één pool", SAMEN), 3, seed=1, werkers=1).onderdelen

    bestand = tmp_path / "twee.json"
    bestand.write_text(json.dumps(scenario_json(TWEE_GIS)))
    opties = ["--runs", "3", "--horizon-maanden", "2", "--werkers", "1", "--vanaf", "2027-01"]
    assert main(["prognose", "--scenario", str(bestand), *opties, "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [o["naam"] for o in uit["onderdelen"]] == ["Vol", "Ruim"]
    vol = uit["onderdelen"][0]["maanden"]
    assert [m["maand"] for m in vol] == ["2027-01", "2027-02"]
    assert set(vol[0]["wachtlijst_start"]) == {"p10", "p50", "p90"}
    assert main(["prognose", "--scenario", str(bestand), *opties]) == 0
    tabel = capsys.readouterr().out
    assert "Per GI in 2027-02" in tabel and "  Vol\n" in tabel and "  Ruim\n" in tabel


def test_het_geheel_is_de_som_van_de_delen() -> None:
    seed = 11
    geheel = simuleer(TWEE_GIS, seed)
    los = [simuleer(d, deel_seed(seed, i)) for i, d in enumerate(delen(TWEE_GIS))]
    g, a, b = geheel.maanden, los[0].maanden, los[1].maanden
    for naam in ("wachtlijst_start", "wachtlijst_intern", "clienten"):
        assert getattr(g, naam) == list(np.add(getattr(a, naam), getattr(b, naam)))
    assert g.fte_beschikbaar == pytest.approx(np.add(a.fte_beschikbaar, b.fte_beschikbaar))
    assert g.workload == pytest.approx(
        [c / f for c, f in zip(g.clienten, g.fte_beschikbaar, strict=True)], abs=0.005
    )
    # a mean wait is over the children assigned in that month, in both GIs
    n_a, n_b = los[0].aantallen["toegewezen_start"], los[1].aantallen["toegewezen_start"]
    for m in range(len(g.wachtdagen_start)):
        if n_a[m] + n_b[m]:
            verwacht = (a.wachtdagen_start[m] * n_a[m] + b.wachtdagen_start[m] * n_b[m]) / (
                n_a[m] + n_b[m]
            )
            assert g.wachtdagen_start[m] == pytest.approx(verwacht)
    nieuw_a, nieuw_b = los[0].aantallen["nieuw"], los[1].aantallen["nieuw"]
    m = 5
    assert g.binnen_norm[m] == pytest.approx(
        (a.binnen_norm[m] * nieuw_a[m] + b.binnen_norm[m] * nieuw_b[m]) / (nieuw_a[m] + nieuw_b[m])
    )
    assert geheel.kinderen == los[0].kinderen + los[1].kinderen


def test_delen_krijgen_horizon_en_kalender_van_het_scenario_en_eigen_seeds() -> None:
    korter = Scenario(
        TWEE_GIS.naam,
        Parameters(**(RUSTIG | {"horizon_maanden": 3, "peil_norm_dagen": (7.0, 9.0, 6.0)})),  # type: ignore[arg-type]
        onderdelen=TWEE_GIS.onderdelen,
    )
    for deel in delen(korter):
        assert deel.parameters.horizon_maanden == 3
        assert deel.parameters.peil_norm_dagen == (7.0, 9.0, 6.0)
    assert len(simuleer(korter, 1).maanden.clienten) == 3
    assert len({deel_seed(1, i) for i in range(20)} | {deel_seed(2, i) for i in range(20)}) == 40


def test_een_maatregel_bereikt_de_delen_die_hij_noemt() -> None:
    s = Scenario(
        "maatregelen",
        SAMEN,
        (
            Maatregel(vanaf_maand=2, extra_medewerkers=11, zij_instroom=True),
            Maatregel(vanaf_maand=4, extra_medewerkers=5, onderdeel="Vol"),
            Maatregel(vanaf_maand=6, norm=12),
        ),
        onderdelen=TWEE_GIS.onderdelen,
    )
    vol, ruim = delen(s)
    # 11 by staff 30 : 80 is 3 : 8; the measure for one GI reaches it whole, and no other
    assert [m.extra_medewerkers for m in vol.maatregelen] == [3, 5, 0]
    assert [m.extra_medewerkers for m in ruim.maatregelen] == [8, 0]
    assert all(m.onderdeel is None for d in (vol, ruim) for m in d.maatregelen)
    assert [m.norm for m in ruim.maatregelen] == [None, 12]
    assert vol.maatregelen[0].zij_instroom


@given(
    n=st.integers(0, 500),
    gewichten=st.lists(st.integers(0, 3000), min_size=1, max_size=15),
)
def test_verdeel_telt_op_en_wijkt_minder_dan_een_af_van_het_exacte_deel(
    n: int, gewichten: list[int]
) -> None:
    delen_ = verdeel(n, gewichten)
    assert sum(delen_) == n
    totaal = sum(gewichten) or len(gewichten)
    for d, w in zip(delen_, gewichten if sum(gewichten) else [1] * len(gewichten), strict=True):
        exact = n * w / totaal
        assert math.floor(exact) <= d <= math.ceil(exact)


def test_een_scenario_met_delen_leest_terug_zoals_geschreven() -> None:
    s = Scenario(
        "terug",
        SAMEN,
        (Maatregel(vanaf_maand=1, extra_medewerkers=4, onderdeel="Ruim"),),
        onderdelen=TWEE_GIS.onderdelen,
    )
    bestand = scenario_json(s)
    # a part's entry says only what differs from the scenario's own parameters
    assert bestand["onderdelen"][0] == {
        "naam": "Vol",
        "parameters": {"instroom_per_maand": 40, "begin_clienten": 600, "medewerkers": 30},
    }
    assert scenario_uit(bestand) == s


@pytest.mark.parametrize(
    ("onderdelen", "maatregelen", "melding"),
    [
        ({"naam": "A"}, [], "onderdelen: verwacht een lijst"),
        ([{"parameters": {}}], [], r"onderdelen\[0\]: een object met 'naam'"),
        ([{"naam": "A"}, {"naam": "A"}], [], r"onderdelen\[1\]\.naam: 'A' staat er al"),
        (
            [{"naam": "A"}, {"naam": "B", "parameters": {"medewerkers": "veel"}}],
            [],
            r"onderdelen\[1\]\.parameters\.medewerkers: verwacht een getal",
        ),
        (
            [{"naam": "A", "parameters": {"medewerkers": -3}}],
            [],
            r"onderdelen\[0\]\.parameters\.medewerkers: mag niet negatief",
        ),
        (
            [{"naam": "A"}],
            [{"vanaf_maand": 1, "extra_medewerkers": 5, "onderdeel": "B"}],
            r"maatregelen\[0\]\.onderdeel: onbekend onderdeel 'B' \(bekend: A\)",
        ),
        (
            [],
            [{"vanaf_maand": 1, "extra_medewerkers": 5, "onderdeel": "B"}],
            r"maatregelen\[0\]\.onderdeel: onbekend onderdeel 'B' \(bekend: geen\)",
        ),
    ],
)
def test_fouten_in_delen_noemen_het_deel(
    onderdelen: object, maatregelen: list[dict[str, object]], melding: str
) -> None:
    with pytest.raises(OngeldigeParameters, match=melding):
        scenario_uit({"naam": "x", "onderdelen": onderdelen, "maatregelen": maatregelen})


def test_een_maatregel_voor_een_onbekend_onderdeel_wordt_ook_buiten_een_bestand_geweigerd() -> None:
    """Built in code (the page's service), not only read from a file: in one pool the measure
    would otherwise reach the whole country."""
    from ketenzicht.domain.prognose.parameters import OnbekendOnderdeel

    voor_b = Maatregel(1, extra_medewerkers=5, onderdeel="B")
    with pytest.raises(OnbekendOnderdeel, match=r"onbekend onderdeel 'B' \(bekend: geen\)"):
        Scenario("één pool", SAMEN, maatregelen=(voor_b,))
    with pytest.raises(OnbekendOnderdeel, match=r"\(bekend: Vol, Ruim\)"):
        Scenario(TWEE_GIS.naam, SAMEN, (voor_b,), onderdelen=TWEE_GIS.onderdelen)
