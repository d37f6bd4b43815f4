"""A worker that runs a browser test between other database tests drops its PostgreSQL test
database cleanly at the end.

pytest-xdist hands a worker whole files in any order. While Playwright runs, Django keeps the
test thread's connections apart (its event loop counts as running), and a non-transactional
test after a browser test left such a connection open: the drop at the end then failed, "being
accessed by other users" (``browser`` in ``conftest.py`` closes them). This runs that order
in a pytest of its own, on a test database of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.e2e

WORTEL = Path(__file__).resolve().parents[2]
VOLGORDE = [
    "tests/integration/test_triage.py::test_only_the_childs_gi_triages",
    "tests/e2e/test_gemeente.py",
    "tests/integration/test_menu.py::test_every_page_in_the_menu_shows_the_same_menu[planner1-moet0]",
]
# Runs the files in the order given (pytest-django would put the browser test last).
PLUGIN = f"""
import pytest

VOLGORDE = {[v.split("::")[0] for v in VOLGORDE]!r}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: VOLGORDE.index(item.nodeid.split("::")[0]))
"""


def test_een_browsertest_tussen_andere_laat_de_testdatabase_vrij(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    (tmp_path / "op_volgorde.py").write_text(PLUGIN)
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    omgeving["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])
    )
    # the same server, a database name of its own: the test database it makes is not this one's
    server = {k: connection.settings_dict[k] for k in ("HOST", "PORT", "USER", "PASSWORD")}
    naam = f"ketenzicht_opruimen_{os.getpid()}"
    gebruiker = quote(server["USER"]) + (
        f":{quote(server['PASSWORD'])}" if server["PASSWORD"] else ""
    )
    omgeving["DATABASE_URL"] = f"postgres://{gebruiker}@{server['HOST']}:{server['PORT']}/{naam}"

    try:
        uitkomst = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "op_volgorde",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:xdist",
                "-W",
                "error::pytest.PytestWarning",
                *VOLGORDE,
            ],
            cwd=WORTEL,
            env=omgeving,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:  # a failed drop leaves it behind; nothing uses it any more
        with psycopg.connect(
            host=server["HOST"],
            port=server["PORT"],
            user=server["USER"],
            password=server["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as db:
            db.execute(f"DROP DATABASE IF EXISTS test_{naam}")

    uitvoer = uitkomst.stdout + uitkomst.stderr
    assert uitkomst.returncode == 0, uitvoer
    assert "being accessed by other users" not in uitvoer
    assert "passed" in uitvoer and "failed" not in uitvoer
