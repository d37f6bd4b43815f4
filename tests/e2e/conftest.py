"""A real Chromium from Debian, driven by Playwright; never a downloaded browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the test makes
# itself are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} ontbreekt: apt-get install -y chromium chromium-driver")
        pytest.skip(f"{CHROMIUM} ontbreekt (apt-get install -y chromium chromium-driver)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=VLAGGEN)
        yield b
        # While Playwright is started, its event loop counts as running in this thread, and
        # Django keeps the database connections made meanwhile (by these tests, and by any test
        # this worker runs after them) apart from the thread's own, as for async code. Close
        # them while they can be reached: once the loop is gone they would stay open, and
        # dropping the worker's test database at the end failed ("being accessed by other
        # users", now and then in CI on PostgreSQL).
        connections.close_all()
        b.close()


@pytest.fixture
def klok() -> Iterator[None]:
    """Server and test share a frozen date (ticking, so the browser's timeouts still work)."""
    import time_machine

    with time_machine.travel("2026-11-20 10:00 +01:00", tick=True):
        yield


def inloggen(pagina, url: str, gebruiker: str) -> None:  # type: ignore[no-untyped-def]
    """Log in as a demo user; the browser then lands on that user's first page."""
    from ketenzicht.demo.laden import DEMO_WACHTWOORD

    pagina.goto(f"{url}/inloggen/")
    pagina.fill("#id_username", gebruiker)
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("button[type=submit]")


def ga_naar(pagina, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``url`` and wait until it shows what it is for: a page that first computes in
    steps (the monitor and its trend, ``web/monitor_berekenen.html``) has loaded again with
    its result."""
    pagina.goto(url)
    berekenen = pagina.locator("[data-testid=berekenen]")
    if berekenen.count():
        berekenen.wait_for(state="detached", timeout=120_000)
        pagina.wait_for_load_state()


@pytest.fixture
def pagina(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
