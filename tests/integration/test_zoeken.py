"""Finding a child: by name, date of birth or BSN, only among the children the user's
organisation may see; the children found are audited, the search text is kept nowhere."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.maatregelen import EindeReden
from ketenzicht.kinderen import bsnopslag, services
from ketenzicht.kinderen.zoeken import MAX_ZOEKRESULTATEN
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _zoek(client, tekst: str, **headers: str) -> str:  # type: ignore[no-untyped-def]
    return client.post(reverse("zoeken"), {"q": tekst}, **headers).content.decode()


def _gezien() -> set[object]:
    return set(AuditRegel.objects.values_list("kind_pid", flat=True))


def test_a_planner_finds_their_own_gis_children_by_name_and_date(wereld) -> None:  # type: ignore[no-untyped-def]
    anna, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Bram")
    andere, _ = wereld.kind(wereld.gi_b, start=date(2026, 10, 1), voornaam="Annabel")
    AuditRegel.objects.all().delete()
    c = ingelogd(wereld.planner_a)

    html = _zoek(c, "ANNA vries")
    assert "Anna de Vries" in html and "Bram de Vries" not in html
    assert "Annabel" not in html  # GI Beta's child, though the name matches
    assert "OTS bij GI Alfa, sinds 01-10-2026" in html
    assert f'href="{reverse("kind", args=[anna.pid])}"' in html
    assert _gezien() == {anna.pid}
    entry = AuditRegel.objects.get()
    assert (entry.actie, entry.doel) == ("lezen_lijst", "kind zoeken")

    assert "2 gevonden" in _zoek(c, "vries 01-03-2015")  # both children were born then
    assert "Geen kind gevonden" in _zoek(c, "vries 02-03-2015")


def test_names_are_found_without_their_accents_and_after_a_correction(wereld) -> None:  # type: ignore[no-untyped-def]
    zoe, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Zoë")
    c = ingelogd(wereld.planner_a)
    for getypt in ("zoe", "ZOË", "Zoë de vries"):
        assert "Zoë de Vries" in _zoek(c, getypt), getypt
    services.kind_naam_corrigeren(kind=zoe, voornaam="Zoë", achternaam="Öztürk", door=None)
    with pytest.raises(services.Weigering, match="achternaam"):
        services.kind_naam_corrigeren(kind=zoe, voornaam="Zoë", achternaam=" ", door=None)
    assert "Zoë Öztürk" in _zoek(c, "zoe ozturk")
    assert "Geen kind gevonden" in _zoek(c, "zoe vries")


def test_children_with_a_running_measure_come_first(wereld) -> None:  # type: ignore[no-untyped-def]
    _, afgelopen = wereld.kind(wereld.gi_a, start=date(2025, 1, 6), voornaam="Aaron")
    services.maatregel_beeindigen(
        maatregel=afgelopen, einde=date(2026, 1, 6), reden=EindeReden.OPGEHEVEN, door=None
    )
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Bram")
    html = _zoek(ingelogd(wereld.planner_a), "vries")
    assert html.index("Bram de Vries") < html.index("Aaron de Vries")  # A before B otherwise
    assert "OTS bij GI Alfa, beëindigd 06-01-2026" in html
    assert "met een lopende maatregel eerst" in html


def test_a_bsn_finds_the_child_only_for_an_organisation_that_may_see_it(wereld, caplog) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    bsn = bsnopslag.ontsleutel(kind.bsn_versleuteld).cijfers
    getypt = f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"
    AuditRegel.objects.all().delete()
    caplog.set_level(logging.DEBUG)

    assert "Anna de Vries" in _zoek(ingelogd(wereld.planner_a), getypt)
    html = _zoek(ingelogd(wereld.planner_b), getypt)
    assert "Geen kind met dit BSN dat uw organisatie mag zien." in html
    assert "Anna de Vries" not in html
    assert _gezien() == {kind.pid}
    # the number is in no audit row and no log line
    for regel in AuditRegel.objects.values_list(flat=True):
        assert bsn not in str(regel)
    assert bsn not in caplog.text


def test_bad_input_says_what_to_type_and_finds_nobody(wereld) -> None:  # type: ignore[no-untyped-def]
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    AuditRegel.objects.all().delete()  # registering is audited too
    c = ingelogd(wereld.planner_a)
    pagina = c.post(reverse("zoeken"), {"q": "999 999 998"})
    assert pagina.status_code == 400
    html = pagina.content.decode()
    assert "elfproef" in html and 'aria-invalid="true"' in html
    assert 'value="999 999 998"' in html  # kept in the field to correct it
    assert _gezien() == set()
    # htmx gets the message as the part it swaps in
    deel = c.post(reverse("zoeken"), {"q": "a"}, HTTP_HX_REQUEST="true")
    assert deel.status_code == 200 and "<html" not in deel.content.decode()
    assert "minstens 2 letters" in deel.content.decode()


def test_the_search_is_a_post_so_names_and_numbers_stay_out_of_urls(wereld) -> None:  # type: ignore[no-untyped-def]
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    AuditRegel.objects.all().delete()  # registering is audited too
    c = ingelogd(wereld.planner_a)
    html = c.get(reverse("zoeken"), {"q": "anna"}).content.decode()
    assert 'method="post"' in html and "Anna de Vries" not in html
    assert 'href="/kinderen/zoeken/"' in html  # in the menu
    assert _gezien() == set()


def test_too_many_matches_show_the_first_and_ask_for_more(wereld) -> None:  # type: ignore[no-untyped-def]
    for _ in range(MAX_ZOEKRESULTATEN + 1):
        wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    AuditRegel.objects.all().delete()
    html = _zoek(ingelogd(wereld.planner_a), "vries")
    assert f"De eerste {MAX_ZOEKRESULTATEN} gevonden kinderen" in html
    assert html.count("Sem de Vries</a>") == MAX_ZOEKRESULTATEN
    assert AuditRegel.objects.count() == MAX_ZOEKRESULTATEN  # the child not shown is not seen


def test_the_ministry_sees_no_children_and_no_search(wereld) -> None:  # type: ignore[no-untyped-def]
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    AuditRegel.objects.all().delete()  # registering is audited too
    c = ingelogd(wereld.beleid)
    assert c.post(reverse("zoeken"), {"q": "anna"}).status_code == 403
    assert 'href="/kinderen/zoeken/"' not in c.get(reverse("monitor")).content.decode()
    assert _gezien() == set()


def test_the_api_searches_the_same_way_and_answers_bad_input_with_the_field(wereld) -> None:  # type: ignore[no-untyped-def]
    anna, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    wereld.kind(wereld.gi_b, start=date(2026, 10, 1), voornaam="Annabel")
    AuditRegel.objects.all().delete()
    c = ingelogd(wereld.planner_a)
    url = reverse("api-zoeken")

    antwoord = c.post(url, {"q": "anna"}, content_type="application/json")
    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "kinderen": [
            {
                "kind": str(anna.pid),
                "naam": "Anna de Vries",
                "geboortedatum": "2015-03-01",
                "gemeente": "Gemeente Test",
                "maatregel": "OTS bij GI Alfa, sinds 01-10-2026",
            }
        ],
        "meer": False,
    }
    regel = AuditRegel.objects.get()
    assert (regel.kind_pid, regel.kanaal, regel.doel) == (anna.pid, "api", "kind zoeken")

    fout = c.post(url, {"q": "999 999 998"}, content_type="application/json")
    assert fout.status_code == 400 and "elfproef" in fout.json()["q"][0]
    assert "999 999 998" not in fout.content.decode()  # the number is not repeated
    assert c.post(url, {}, content_type="application/json").status_code == 400
    assert c.get(url, {"q": "anna"}).status_code == 405  # never in a URL
    assert ingelogd(wereld.beleid).post(url, {"q": "anna"}).status_code == 403
    assert AuditRegel.objects.count() == 1
