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
    from ketenzicht.demo.logins import DEMO_WACHTWOORD

    pagina.goto(f"{url}/inloggen/")
    pagina.fill("#id_username", gebruiker)
    pagina.fill("#id_password", DEMO_WACHTWOORD)
    pagina.click("button[type=submit]")


def wacht_op_melding(pagina, tekst: str) -> str:  # type: ignore[no-untyped-def]
    """Wait until a status message with ``tekst`` shows, and return its whole text.

    After a form is sent the page before it may still be there for a moment, with a status of
    its own; ``count()`` and ``inner_text()`` read at once, so the next page's message is waited
    for by its text (Playwright's ``expect`` retries until it holds)."""
    from playwright.sync_api import expect

    melding = pagina.locator("[role=status]", has_text=tekst)
    expect(melding).to_have_count(1)
    return str(melding.inner_text())


def ga_naar(pagina, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``url`` and wait until it shows what it is for: a page that first computes in
    steps (the monitor and its trend, ``web/monitor_berekenen.html``) has loaded again with
    its result."""
    pagina.goto(url)
    berekenen = pagina.locator("[data-testid=berekenen]")
    if berekenen.count():
        berekenen.wait_for(state="detached", timeout=120_000)
        pagina.wait_for_load_state()


@pytest.fixture(autouse=True)
def _trage_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``KZ_E2E_VERTRAGING=<ms>`` the live server sends the first half of every page and
    htmx fragment at once and the rest that much later: a slow server on demand, to find a test
    that reads a page before it is all there (``count()`` and ``inner_text()`` do not wait for
    it; a click waits only until the next page has begun to arrive). Only while a browser test
    runs, and only in the live server's threads: the test client is left alone. (A page still
    arriving when its test has ended makes the server thread print a database error.)"""
    ms = int(os.environ.get("KZ_E2E_VERTRAGING", "0"))
    if not ms:
        return
    import threading
    import time

    from django.core.handlers.base import BaseHandler
    from django.http import StreamingHttpResponse

    echt = BaseHandler.get_response

    def traag(self, request):  # type: ignore[no-untyped-def]
        antwoord = echt(self, request)
        if (
            threading.current_thread() is threading.main_thread()
            or antwoord.status_code >= 400  # the favicon's 404 may outlast the test
            or not antwoord.get("Content-Type", "").startswith("text/html")
            or antwoord.streaming
            or len(antwoord.content) < 2
        ):
            return antwoord
        inhoud = antwoord.content

        def in_delen() -> Iterator[bytes]:  # the browser has the page, but not all of it yet
            yield inhoud[: len(inhoud) // 2]
            time.sleep(ms / 1000)
            yield inhoud[len(inhoud) // 2 :]

        traag_antwoord = StreamingHttpResponse(in_delen(), status=antwoord.status_code)
        for naam, waarde in antwoord.items():
            traag_antwoord[naam] = waarde
        del traag_antwoord["Content-Length"]
        traag_antwoord.cookies = antwoord.cookies
        return traag_antwoord

    monkeypatch.setattr(BaseHandler, "get_response", traag)


@pytest.fixture
def pagina(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
