"""The ``ketenzicht`` command starts in a fresh interpreter, before Django is set up.

The parser is built before ``django.setup()``: a module it imports that imports a model at
import time breaks every command, ``make run`` included, while the in-process CLI tests
(which run with Django already set up) stay green.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SUBCOMMANDS = [
    "demo",
    "monitor",
    "wachtlijst",
    "termijn",
    "doorbraak",
    "uitvraag",
    "bemiddel",
    "capaciteit",
    "ijw",
    "prognose",
    "gi",
    "sleutel",
    "gebruiker",
]


def _ketenzicht(
    *args: str, data: Path, database_url: str | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    # as a user's shell has it: not the test run's settings, nor the browser tests' async switch
    weg = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    omgeving.update(extra)
    omgeving["KETENZICHT_DATA"] = str(data)
    omgeving.pop("DATABASE_URL", None)
    if database_url is not None:
        omgeving["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "ketenzicht.cli", *args],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=120,
    )


@pytest.mark.parametrize("sub", [None, *SUBCOMMANDS])
def test_every_command_starts_without_django_set_up(sub: str | None, tmp_path: Path) -> None:
    uit = _ketenzicht(*([sub] if sub else []), "--help", data=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "usage: ketenzicht" in uit.stdout


def test_served_over_https_passes_djangos_deployment_check(tmp_path: Path) -> None:
    """``KETENZICHT_HTTPS=1`` is all a deployment needs for ``check --deploy`` to be clean."""
    check = ("beheer", "check", "--deploy", "--fail-level", "WARNING")
    # the secret kept in the data folder, as on a real install (the tests' own is short)
    geheim = {"KETENZICHT_SECRET_KEY": ""}
    uit = _ketenzicht(*check, data=tmp_path, KETENZICHT_HTTPS="1", **geheim)
    assert uit.returncode == 0, uit.stderr
    zonder = _ketenzicht(*check, data=tmp_path, **geheim)
    assert zonder.returncode != 0 and "SESSION_COOKIE_SECURE" in zonder.stderr


def test_django_management_runs_through_the_command(tmp_path: Path) -> None:
    uit = _ketenzicht("beheer", "check", data=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "no issues" in uit.stdout


def test_an_empty_database_url_is_the_embedded_sqlite_file(tmp_path: Path) -> None:
    """``DATABASE_URL=`` (in a shell or a .env file) counts as unset, not as a broken URL."""
    uit = _ketenzicht("beheer", "migrate", "-v0", data=tmp_path, database_url="")
    assert uit.returncode == 0, uit.stderr
    assert (tmp_path / "ketenzicht.sqlite3").exists()
