"""The forms on a child's page that move the doorbraak: the GI registers a milestone, the
gemeente closes an agreement. What the page sends is checked, refused with what was wrong, and
nothing is stored then."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.doorbraak import services
from ketenzicht.doorbraak.models import Afspraak, Mijlpaalregistratie
from tests.integration.test_doorbraak import gebruiker, ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _plan_status(client, kind) -> str:  # type: ignore[no-untyped-def]
    """The status the child's page shows for the veiligheidsplan milestone."""
    html = client.get(reverse("kind", args=[kind.pid])).content.decode()
    start = html.index('data-mijlpaal="veiligheidsplan"')
    return html[start:].split('data-status="', 1)[1].split('"', 1)[0]


def test_de_gi_registreert_een_mijlpaal_en_de_termijn_is_gehaald(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))  # plan due Mon 14 Sep
    c = ingelogd(wereld.planner_a)
    assert _plan_status(c, kind) == "te_laat"
    antwoord = c.post(
        reverse("mijlpaal-registreren", args=[kind.pid]),
        {"maatregel": m.pk, "mijlpaal": "veiligheidsplan", "datum": "2026-09-10", "wie": "jb"},
        follow=True,
    )
    assert "Veiligheidsplan geregistreerd op 10-09-2026." in antwoord.content.decode()
    assert _plan_status(c, kind) == "op_tijd"
    assert AuditRegel.objects.filter(
        kind_pid=kind.pid, actie="schrijven", gebruikersnaam="planner_a"
    ).exists()


@pytest.mark.parametrize(
    ("anders", "fout"),
    [
        ({"maatregel": "andere-gi"}, "Kies een maatregel van uw GI."),
        ({"maatregel": "x"}, "Kies een maatregel van uw GI."),
        ({"datum": "10-09-2026"}, "Vul bij &#x27;datum&#x27; een datum in (JJJJ-MM-DD)."),
        ({"datum": "2026-07-31"}, "ligt voor de start van de maatregel (03-08-2026)"),
        ({"datum": "2026-11-21"}, "De datum 21-11-2026 ligt in de toekomst."),
        ({"mijlpaal": "koffie"}, "Onbekende mijlpaal &#x27;koffie&#x27;"),
        ({"wie": "  "}, "Vul in wie het deed."),
    ],
)
def test_een_mijlpaal_die_niet_kan_wordt_geweigerd_en_niets_opgeslagen(
    wereld, anders: dict[str, str], fout: str
) -> None:  # type: ignore[no-untyped-def]
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    _, elders = wereld.kind(wereld.gi_b, start=date(2026, 8, 3))
    velden = {"maatregel": m.pk, "mijlpaal": "veiligheidsplan", "datum": "2026-09-10", "wie": "jb"}
    velden |= anders
    if velden["maatregel"] == "andere-gi":
        velden["maatregel"] = elders.pk
    antwoord = ingelogd(wereld.planner_a).post(
        reverse("mijlpaal-registreren", args=[kind.pid]), velden, follow=True
    )
    assert fout in antwoord.content.decode()
    assert not Mijlpaalregistratie.objects.exists()


def test_alleen_de_gi_registreert_mijlpalen(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    velden = {"maatregel": m.pk, "mijlpaal": "veiligheidsplan", "datum": "2026-09-10", "wie": "x"}
    url = reverse("mijlpaal-registreren", args=[kind.pid])
    assert ingelogd(gebruiker("gemeente", wereld.gemeente)).post(url, velden).status_code == 404
    # another GI's planner does not even find the child
    assert ingelogd(wereld.planner_b).post(url, velden).status_code == 404
    assert not Mijlpaalregistratie.objects.exists()


def test_de_gemeente_rondt_een_afspraak_af_en_een_keer(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    gemeente = gebruiker("gemeente", wereld.gemeente)
    afspraak = services.afspraak_maken(
        kind=kind, wie="aanbieder", wat="Intake", uiterlijk=date(2026, 11, 27), door=gemeente
    )
    c = ingelogd(gemeente)
    url = reverse("afspraak-afronden", args=[kind.pid, afspraak.pk])

    fout = c.post(url, {"status": "misschien"}, follow=True).content.decode()
    assert "Een afspraak wordt nagekomen of niet nagekomen." in fout
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraak.Status.OPEN and afspraak.afgerond_op is None

    goed = c.post(url, {"status": "nagekomen"}, follow=True).content.decode()
    assert "Afspraak afgerond: nagekomen." in goed
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.afgerond_op) == ("nagekomen", date(2026, 11, 20))

    nogmaals = c.post(url, {"status": "niet_nagekomen"}, follow=True).content.decode()
    assert "Deze afspraak is al afgerond (Nagekomen)." in nogmaals
    afspraak.refresh_from_db()
    assert afspraak.status == "nagekomen"
    onbekend = reverse("afspraak-afronden", args=[kind.pid, afspraak.pk + 1])
    assert c.post(onbekend, {"status": "nagekomen"}).status_code == 404
