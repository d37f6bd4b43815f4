"""Replications on a Ray cluster give exactly the forecast of the local pool (same seeds).

The test starts a local Ray instance (``ray start --head``) and stops it afterwards; it needs
the optional extra ``ray``, which ``make test`` installs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketenzicht.cli import main
from ketenzicht.domain.prognose.montecarlo import prognose
from ketenzicht.domain.prognose.parameters import Maatregel, Scenario
from tests.unit.test_prognose import KLEIN

pytest.importorskip("ray")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ray_adres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ray = str(Path(sys.executable).parent / "ray")
    poort = _vrije_poort()
    omgeving = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    start = [ray, "start", "--head", f"--port={poort}", "--num-cpus=2"]
    start += ["--include-dashboard=false", "--disable-usage-stats"]
    # Ray's daemons inherit the output: a file, not a pipe nobody closes
    log = tmp_path_factory.mktemp("ray") / "ray.log"
    with log.open("w") as uit:
        subprocess.run(start, check=True, stdout=uit, stderr=uit, env=omgeving, timeout=120)
    try:
        yield f"127.0.0.1:{poort}"
    finally:
        with log.open("a") as uit:
            stop = [ray, "stop", "--force"]
            subprocess.run(stop, stdout=uit, stderr=uit, env=omgeving, timeout=120)


def test_ray_geeft_dezelfde_prognose_als_de_lokale_pool(ray_adres: str) -> None:
    s = Scenario("klein", KLEIN, (Maatregel(vanaf_maand=2, extra_medewerkers=10),))
    gezien: list[int] = []
    op_ray = prognose(s, 6, seed=2, ray_adres=ray_adres, voortgang=lambda _, k, n: gezien.append(k))
    assert op_ray.maanden == prognose(s, 6, seed=2, werkers=1).maanden
    assert gezien == [1, 2, 3, 4, 5, 6]


def test_cli_met_ray_address(
    ray_adres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = tmp_path / "s.json"
    bestand.write_text(json.dumps({"naam": "r", "parameters": {"medewerkers": 150,
        "begin_clienten": 2300, "instroom_per_maand": 60, "horizon_maanden": 3}}))  # fmt: skip
    opties = ["--runs", "4", "--format", "json", "--vanaf", "2027-01"]
    assert main(["prognose", "--scenario", str(bestand), *opties, "--ray-address", ray_adres]) == 0
    op_ray = json.loads(capsys.readouterr().out)
    assert main(["prognose", "--scenario", str(bestand), *opties, "--werkers", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == op_ray
