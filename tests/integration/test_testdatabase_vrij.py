"""The live server the browser tests use gives its database connection back after each request.

A browser keeps its HTTP connection open between requests (keep-alive), and the live server's
thread for that connection kept its own PostgreSQL session open as long as Django's
``CONN_MAX_AGE`` allowed. When a test worker finished, its test database was dropped while such
a thread could still hold a session, and PostgreSQL refused: "database ... is being accessed by
other users" (seen now and then in CI). The test settings close each request's connection.
(The browser tests' other way to leave a session behind is closed in ``tests/e2e/conftest.py``.)
"""

from __future__ import annotations

import http.client
import re
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection


def _andere_sessies() -> list[tuple[object, ...]]:
    """Other clients' sessions on this test database (autovacuum may work there too; dropping
    the database stops it), with what they did last."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, backend_start, left(query, 80) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND backend_type = 'client backend'"
        )
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_een_open_gehouden_verbinding_houdt_geen_databasesessie_vast(live_server) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    al_open = {sessie[0] for sessie in _andere_sessies()}  # e.g. a browser test's, below
    adres = urlsplit(live_server.url)
    http_verbinding = http.client.HTTPConnection(adres.hostname, adres.port, timeout=10)
    try:
        http_verbinding.request("GET", "/inloggen/")
        antwoord = http_verbinding.getresponse()
        pagina = antwoord.read().decode()
        [token] = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina)
        koekje = antwoord.getheader("Set-Cookie", "").split(";")[0]
        # A sign-in attempt looks the user up: this request uses the database.
        http_verbinding.request(
            "POST",
            "/inloggen/",
            body=urlencode(
                {"csrfmiddlewaretoken": token, "username": "niemand", "password": "fout"}
            ),
            headers={"Cookie": koekje, "Content-Type": "application/x-www-form-urlencoded"},
        )
        antwoord = http_verbinding.getresponse()
        antwoord.read()
        assert antwoord.status == 200  # the form again, with its error: no such user
        assert not antwoord.will_close, "de server hield de verbinding niet open (keep-alive)"
        # The server ends the request just after the response is sent; give it a moment.
        tot = time.monotonic() + 3
        while (nieuw := [s for s in _andere_sessies() if s[0] not in al_open]) and (
            time.monotonic() < tot
        ):
            time.sleep(0.05)
        assert nieuw == []
    finally:
        http_verbinding.close()
