"""The waitlist page: the two counters and the list shown, switched in place with htmx. Only the
list shown names children, so only its children are audited as seen; the counters name none."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.kinderen import services
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = pytest.mark.django_db


def _actief(html: str) -> list[str]:
    """The counters marked as the list shown (``aria-current``), by their href."""
    return re.findall(r'data-testid="teller-(\w+)"[^>]*aria-current="true"', html)


def _gezien() -> set[object]:
    return set(AuditRegel.objects.values_list("kind_pid", flat=True))


@pytest.mark.usefixtures("bevroren_klok")
def test_switching_lists_marks_the_counter_and_audits_only_the_list_shown(wereld) -> None:  # type: ignore[no-untyped-def]
    start, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    intern, m = wereld.kind(wereld.gi_a, start=date(2026, 9, 1), voornaam="Bram")
    jb = wereld.medewerker(wereld.gi_a)
    services.jeugdbeschermer_toewijzen(
        maatregel=m, medewerker=jb, start=date(2026, 9, 1), door=None
    )
    BeschikbaarheidsPeriode.objects.create(medewerker=jb, soort="ziek", van=date(2026, 10, 1))
    AuditRegel.objects.all().delete()
    c = ingelogd(wereld.planner_a)

    pagina = c.get(reverse("wachtlijst")).content.decode()
    assert _actief(pagina) == ["start"]
    assert 'data-testid="aantal-start">1<' in pagina and 'data-testid="aantal-intern">1<' in pagina
    assert "Anna de Vries" in pagina and "Bram de Vries" not in pagina
    assert _gezien() == {start.pid}

    AuditRegel.objects.all().delete()
    deel = c.get(reverse("wachtlijst"), {"soort": "intern"}, HTTP_HX_REQUEST="true")
    html = deel.content.decode()
    assert "<html" not in html  # the part htmx swaps: the counters and the list
    assert _actief(html) == ["intern"]
    assert 'data-testid="aantal-start">1<' in html and 'data-testid="wachtlijst-intern"' in html
    assert "Bram de Vries" in html and "Anna de Vries" not in html
    assert _gezien() == {intern.pid}


def _volgorde(html: str, *namen: str) -> list[str]:
    return sorted(namen, key=html.index)


@pytest.mark.usefixtures("bevroren_klok")
def test_a_heading_sorts_the_list_and_a_second_click_turns_it_round(wereld) -> None:  # type: ignore[no-untyped-def]
    for voornaam, start in (("Anna", date(2026, 10, 1)), ("Bram", date(2026, 9, 1))):
        wereld.kind(wereld.gi_a, start=start, voornaam=voornaam)
    wereld.kind(wereld.gi_a, start=date(2026, 11, 2), voornaam="Cas")
    namen = ("Anna de Vries", "Bram de Vries", "Cas de Vries")
    c = ingelogd(wereld.planner_a)

    def pagina(**params: str) -> str:
        return c.get(reverse("wachtlijst"), params).content.decode()

    standaard = pagina()
    assert _volgorde(standaard, *namen) == ["Cas de Vries", "Anna de Vries", "Bram de Vries"]
    # the default order is marked as such, and is the only one marked
    assert re.findall(r'aria-sort="(\w+)" data-kolom="(\w+)"', standaard) == [
        ("descending", "sinds")
    ]

    langst = pagina(sorteer="-dagen")
    assert _volgorde(langst, *namen) == ["Bram de Vries", "Anna de Vries", "Cas de Vries"]
    assert re.findall(r'aria-sort="(\w+)" data-kolom="(\w+)"', langst) == [("descending", "dagen")]
    assert 'data-testid="volgorde">langst wachtend bovenaan<' in langst
    assert "?soort=start&amp;sorteer=dagen" in langst  # its heading now turns it round
    assert "?soort=intern&amp;sorteer=-dagen" in langst  # the other list keeps the order

    assert _volgorde(pagina(sorteer="kind"), *namen) == list(namen)
    z_a = pagina(sorteer="-kind")
    assert _volgorde(z_a, *namen) == list(reversed(namen))
    assert 'data-testid="volgorde">op kind, Z–A<' in z_a
    # an order the page does not know falls back to the default, as an unknown list does
    onbekend = c.get(reverse("wachtlijst"), {"sorteer": "bsn"})
    assert onbekend.status_code == 200
    assert _volgorde(onbekend.content.decode(), *namen) == _volgorde(standaard, *namen)
