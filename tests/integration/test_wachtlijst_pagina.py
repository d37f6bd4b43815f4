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
    return re.findall(r'href="\?soort=(\w+)" aria-current="true"', html)


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
