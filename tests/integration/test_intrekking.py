"""The planner withdraws a sickness or a leaving date registered by mistake: the children stay
(or are again) with their vaste jeugdbeschermer, the registration is kept with who withdrew it
and why, and a figure "as known at" a moment before the withdrawal stays what it was."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ketenzicht.domain.maatregelen import ToewijzingEindeReden
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.kinderen import wachtlijsten
from ketenzicht.kinderen.models import Toewijzing
from ketenzicht.monitor.selectors import monitor
from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Intrekking,
    Lidmaatschap,
    Medewerker,
)
from ketenzicht.organisaties.selectors import beschikbaarheid, medewerker_standen

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
NA_DE_DREMPEL = datetime(2026, 12, 20, 10, 0).astimezone()  # sick 20-11, threshold 18-12


def _melden(c: Client, tom, actie: str, datum: str):  # type: ignore[no-untyped-def]
    return c.post(reverse("afwezigheid-melden", args=[tom.pk]), {"actie": actie, "datum": datum})


def _intrekken(c: Client, tom, wat: str, reden: str = "Verkeerde collega aangeklikt"):  # type: ignore[no-untyped-def]
    return c.post(
        reverse("afwezigheid-intrekken", args=[tom.pk]), {"wat": wat, "reden": reden}, follow=True
    )


def _intern(wereld, dag: date) -> int:  # type: ignore[no-untyped-def]
    return wachtlijsten.wachtlijst_aantallen(gi=wereld.gi_a, peildatum=dag)[WachtSoort.INTERN]


def _opnieuw_inloggen(c: Client) -> None:
    c.force_login(get_user_model().objects.get(username="planner_a"))


def test_a_sickness_withdrawn_after_the_threshold_gives_the_children_back(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-11-20")
    with time_machine.travel(NA_DE_DREMPEL):
        _opnieuw_inloggen(planner)
        assert _intern(wereld, date(2026, 12, 19)) == 2
        gepubliceerd = monitor(peildatum=date(2026, 12, 19)).landelijk
        assert gepubliceerd.wachtlijst_intern.aantal == 2
        voor = timezone.now()
    with time_machine.travel(NA_DE_DREMPEL.replace(hour=11)):
        _opnieuw_inloggen(planner)
        pagina = _intrekken(planner, tom, "ziek", "  Tom was niet ziek; Tim wel  ")
        html = pagina.content.decode()
        assert f"De ziekmelding van {tom.naam} sinds 20-11-2026 is ingetrokken" in html
        assert "de 2 kinderen die nog niet aan een collega waren gegeven" in html
        assert _intern(wereld, date(2026, 12, 19)) == 0
        assert monitor(peildatum=date(2026, 12, 19)).landelijk.wachtlijst_intern.aantal == 0
        toen = monitor(peildatum=date(2026, 12, 19), bekend_op=voor).landelijk
        assert toen == gepubliceerd  # as known before the withdrawal: unchanged
        assert planner.get(reverse("team")).context["afwezigen"] == []
        ziekte = BeschikbaarheidsPeriode.objects.get(medewerker=tom)  # kept, not deleted
        assert (ziekte.van, ziekte.tot) == (date(2026, 11, 20), date(2026, 11, 20))
        lijst = pagina.context["ingetrokken"]
        assert [(i.get_soort_display(), i.datum, i.door, i.reden) for i in lijst] == [
            ("ziekmelding", date(2026, 11, 20), "planner_a", "Tom was niet ziek; Tim wel")
        ]
        assert 'data-testid="ingetrokken"' in html
        # Tom can fall ill for real later, even from before the withdrawn sickness
        assert "ziek gemeld per 15-11-2026" in _melden_en_lezen(planner, tom, "ziek", "2026-11-15")


def _melden_en_lezen(c: Client, tom, actie: str, datum: str) -> str:  # type: ignore[no-untyped-def]
    return c.post(
        reverse("afwezigheid-melden", args=[tom.pk]),
        {"actie": actie, "datum": datum},
        follow=True,
    ).content.decode()


def test_a_leaving_date_withdrawn_before_it_takes_effect(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "uit_dienst", "2026-12-01")
    assert _intern(wereld, date(2026, 12, 1)) == 2
    voor = timezone.now()
    with time_machine.travel(datetime(2026, 11, 25, 9, 0).astimezone()):
        _opnieuw_inloggen(planner)
        html = _intrekken(planner, tom, "uit_dienst", "Blijft toch").content.decode()
        assert f"Het vertrek van {tom.naam} per 01-12-2026 is ingetrokken" in html
        assert f"{tom.naam} houdt de eigen kinderen" in html
        tom.refresh_from_db()
        assert (tom.uit_dienst_per, tom.uit_dienst_geregistreerd_op) == (None, None)
        assert _intern(wereld, date(2026, 12, 1)) == 0
        i = Intrekking.objects.get()
        assert (i.soort, i.datum, i.reden) == ("uit_dienst", date(2026, 12, 1), "Blijft toch")
        assert i.was_geregistreerd_op is not None and i.was_geregistreerd_op <= voor
        # as known before the withdrawal, Tom was leaving on 1 December; as known now, not
        uit_toen, _ = beschikbaarheid([tom.pk], date(2026, 12, 1), bekend_op=voor)
        uit_nu, _ = beschikbaarheid([tom.pk], date(2026, 12, 1))
        assert (uit_toen[tom.pk], uit_nu[tom.pk]) == (date(2026, 12, 1), None)
        standen = medewerker_standen(gi_ids=[wereld.gi_a.pk], peildatum=date(2026, 11, 25))
        toen = medewerker_standen(
            gi_ids=[wereld.gi_a.pk], peildatum=date(2026, 11, 25), bekend_op=voor
        )
        assert [s.dienstverband.tot for s in standen[wereld.gi_a.pk]] == [None]
        assert [s.dienstverband.tot for s in toen[wereld.gi_a.pk]] == [date(2026, 12, 1)]
        # and Tom can be registered leaving again, on another day
        assert "uit dienst per 01-02-2027" in _melden_en_lezen(
            planner, tom, "uit_dienst", "2027-02-01"
        )


@pytest.mark.parametrize(
    ("stappen", "wat", "reden", "fout"),
    [
        ([], "ziek", "Vergissing", "Niet ziek gemeld; er is geen ziekmelding in te trekken"),
        ([], "uit_dienst", "Vergissing", "Geen datum uit dienst geregistreerd"),
        ([("ziek", "2026-11-20")], "ziek", "   ", "Geef aan waarom de melding niet klopte"),
        ([("ziek", "2026-11-18"), ("beter", "2026-11-20")], "ziek", "Vergissing", "Niet ziek"),
        ([("ziek", "2026-11-20")], "vakantie", "Vergissing", "Kies de ziekmelding, de beter"),
        ([], "beter", "Vergissing", "Geen betermelding om in te trekken: nooit ziek gemeld"),
        ([("ziek", "2026-11-20")], "beter", "Vergissing", "Geen betermelding om in te trekken"),
    ],
)
def test_a_withdrawal_that_cannot_be_is_refused_and_nothing_changes(
    team, stappen, wat, reden, fout
) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    for actie, datum in stappen:
        _melden(planner, tom, actie, datum)
    perioden = list(BeschikbaarheidsPeriode.objects.values_list("van", "tot"))
    html = _intrekken(planner, tom, wat, reden).content.decode()
    assert fout in html
    assert list(BeschikbaarheidsPeriode.objects.values_list("van", "tot")) == perioden
    assert not Intrekking.objects.exists()


def test_a_leaving_date_that_took_effect_is_for_the_functioneel_beheerder(team) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    _melden(planner, tom, "uit_dienst", "2026-12-01")
    with time_machine.travel(datetime(2026, 12, 1, 9, 0).astimezone()):
        _opnieuw_inloggen(planner)
        html = _intrekken(planner, tom, "uit_dienst").content.decode()
        assert "Uit dienst sinds 01-12-2026" in html and "functioneel beheerder" in html
    tom.refresh_from_db()
    assert tom.uit_dienst_per == date(2026, 12, 1) and not Intrekking.objects.exists()


def test_only_a_planner_of_the_caseworkers_own_gi_withdraws(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-11-20")
    html = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    assert 'data-testid="intrekken"' in html and "Ziek sinds 20-11-2026" in html
    jb = get_user_model().objects.create_user(username="jb_a", password="geheim-wachtw")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    c = Client()
    c.force_login(jb)
    assert (
        'data-testid="intrekken"'
        not in c.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    )
    assert _intrekken(c, tom, "ziek").status_code == 403
    ander = Client()
    ander.force_login(wereld.planner_b)
    assert _intrekken(ander, tom, "ziek").status_code == 404
    assert BeschikbaarheidsPeriode.objects.get().tot is None


def test_the_api_withdraws_like_the_page(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    url = reverse("api-intrekking", args=[tom.pk])
    _melden(planner, tom, "ziek", "2026-11-20")
    zonder_reden = planner.post(url, {"wat": "ziek", "reden": " "}, content_type="application/json")
    assert zonder_reden.status_code == 400 and "reden" in zonder_reden.json()
    onbekend = planner.post(url, {"wat": "verlof", "reden": "x"}, content_type="application/json")
    assert onbekend.status_code == 400 and "wat" in onbekend.json()
    niets = planner.post(url, {"wat": "uit_dienst", "reden": "x"}, content_type="application/json")
    assert niets.status_code == 400
    assert "Geen datum uit dienst" in niets.json()["wat"][0]
    assert not Intrekking.objects.exists()
    ok = planner.post(url, {"wat": "ziek", "reden": "Vergissing"}, content_type="application/json")
    assert ok.status_code == 201 and "is ingetrokken" in ok.json()["melding"]
    assert planner.get(reverse("api-team")).json()["afwezig"] == []
    ander = Client()
    ander.force_login(wereld.planner_b)
    nogmaals = ander.post(url, {"wat": "ziek", "reden": "x"}, content_type="application/json")
    assert nogmaals.status_code == 404


def test_a_joining_withdrawn_before_the_first_day_never_counts(team) -> None:  # type: ignore[no-untyped-def]
    """The candidate withdrew: the team page listed them as coming; withdrawn, they never
    join — not on the team, not in the formation, not a leaver in the turnover — while as
    known before the withdrawal they were to start on their first day."""
    wereld, _, planner = team
    planner.post(
        reverse("nieuwe-collega"),
        {"naam": "Anouk Visser", "rol": "jeugdbeschermer", "fte": "0,8", "datum": "2026-12-01"},
    )
    anouk = Medewerker.objects.get(naam="Anouk Visser")
    eigen = planner.get(reverse("kinderen-van", args=[anouk.pk])).content.decode()
    assert 'id="wat-in-dienst" name="wat" value="in_dienst" required checked' in eigen
    assert "In dienst per 01-12-2026 (komt nog)" in eigen  # also withdrawn from their own page
    komend = planner.get(reverse("team")).context["komend"]
    assert [(k.medewerker, k.inwerken_tot) for k in komend] == [(anouk, None)]
    api = planner.get(reverse("api-team")).json()["komend"]
    assert [(k["naam"], k["per"], k["inwerken_tot"]) for k in api] == [
        ("Anouk Visser", "2026-12-01", None)
    ]
    voor = timezone.now()
    with time_machine.travel(datetime(2026, 11, 25, 9, 0).astimezone()):
        _opnieuw_inloggen(planner)
        pagina = planner.post(
            reverse("afwezigheid-intrekken", args=[anouk.pk]),
            {"wat": "in_dienst", "reden": "Kandidaat heeft afgezegd"},
            follow=True,
        )
        assert pagina.request["PATH_INFO"] == reverse("team")
        assert "De indiensttreding van Anouk Visser per 01-12-2026 is ingetrokken" in (
            pagina.content.decode()
        )
        assert pagina.context["komend"] == []
        i = Intrekking.objects.get()
        assert (i.soort, i.datum, i.reden) == (
            "in_dienst",
            date(2026, 12, 1),
            "Kandidaat heeft afgezegd",
        )
        nogmaals = _intrekken(planner, anouk, "in_dienst").content.decode()
        assert "Er staat al een datum uit dienst (01-12-2026)" in nogmaals
    with time_machine.travel(datetime(2027, 1, 4, 9, 0).astimezone()):
        _opnieuw_inloggen(planner)
        team_pagina = planner.get(reverse("team"))
        assert anouk not in [c.medewerker for c, _ in team_pagina.context["caseloads"]]
        assert team_pagina.context["afwezigen"] == []
        peil = date(2027, 1, 1)
        nu = medewerker_standen(gi_ids=[wereld.gi_a.pk], peildatum=peil)[wereld.gi_a.pk]
        toen = medewerker_standen(gi_ids=[wereld.gi_a.pk], peildatum=peil, bekend_op=voor)
        assert [s.fte for s in nu if s.in_dienst(peil)] == [1.0]  # Tom alone
        assert sorted(s.fte for s in toen[wereld.gi_a.pk] if s.in_dienst(peil)) == [0.8, 1.0]
        assert monitor(peildatum=peil).per_gi[wereld.gi_a.naam].verloop_pct == 0.0


def test_a_colleague_already_in_service_leaves_rather_than_being_withdrawn(team) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    html = _intrekken(planner, tom, "in_dienst").content.decode()
    assert "meld uit dienst in plaats van intrekken" in html
    tom.refresh_from_db()
    assert tom.uit_dienst_per is None and not Intrekking.objects.exists()


def test_a_withdrawn_joining_cannot_come_back_as_a_withdrawn_leaving(team) -> None:  # type: ignore[no-untyped-def]
    _, _, planner = team
    planner.post(
        reverse("nieuwe-collega"),
        {"naam": "Anouk Visser", "rol": "jeugdbeschermer", "fte": "1", "datum": "2026-12-01"},
    )
    anouk = Medewerker.objects.get(naam="Anouk Visser")
    _intrekken(planner, anouk, "in_dienst", "Afgezegd")
    html = planner.get(reverse("kinderen-van", args=[anouk.pk])).content.decode()
    assert "indiensttreding ingetrokken" in html and "Afgezegd" in html
    assert 'data-testid="afwezigheid"' not in html and 'data-testid="intrekken"' not in html
    fout = _intrekken(planner, anouk, "uit_dienst", "Toch wel").content.decode()
    assert "De indiensttreding is ingetrokken; er is geen vertrek in te trekken" in fout
    anouk.refresh_from_db()
    assert anouk.uit_dienst_per == anouk.in_dienst_van == date(2026, 12, 1)


def _beter_intrekken(c: Client, tom, per: str, reden: str = "Verkeerde datum getypt"):  # type: ignore[no-untyped-def]
    url = reverse("afwezigheid-intrekken", args=[tom.pk])
    return c.post(url, {"wat": "beter", "reden": reden, "per": per}, follow=True)


def test_a_recovery_withdrawn_makes_the_caseworker_sick_again_as_known_from_then(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-11-02")
    _melden(planner, tom, "beter", "2026-11-05")
    pagina = planner.get(reverse("kinderen-van", args=[tom.pk])).content.decode()
    assert "Beter per 05-11-2026 (ziek sinds 02-11-2026)" in pagina
    voor = timezone.now()
    with time_machine.travel(datetime(2026, 11, 20, 11, 0).astimezone()):
        _opnieuw_inloggen(planner)
        html = _beter_intrekken(planner, tom, "").content.decode()
        assert f"Beter per 05-11-2026 van {tom.naam} is ingetrokken" in html
        assert "weer ziek gemeld sinds 02-11-2026" in html
        ziekte = BeschikbaarheidsPeriode.objects.get(medewerker=tom)
        assert (ziekte.van, ziekte.tot, ziekte.tot_geregistreerd_op) == (
            date(2026, 11, 2),
            None,
            None,
        )
        i = Intrekking.objects.get()
        assert (i.soort, i.datum, i.periode, i.reden) == (
            "beter",
            date(2026, 11, 5),
            ziekte,
            "Verkeerde datum getypt",
        )
        # as known before the withdrawal Tom was at work from 5 November; as known now, ill
        _, ziek_toen = beschikbaarheid([tom.pk], date(2026, 11, 20), bekend_op=voor)
        _, ziek_nu = beschikbaarheid([tom.pk], date(2026, 11, 20))
        assert ziek_toen[tom.pk] == [Periode(date(2026, 11, 2), date(2026, 11, 5))]
        assert ziek_nu[tom.pk] == [Periode(date(2026, 11, 2))]
        nu = monitor(peildatum=date(2026, 11, 20)).landelijk
        toen = monitor(peildatum=date(2026, 11, 20), bekend_op=voor).landelijk
        assert (toen.fte_beschikbaar, nu.fte_beschikbaar) == (1.0, 0.0)
        # the children go at the threshold (30 November), as for any sickness that runs
        assert _intern(wereld, date(2026, 11, 29)) == 0 and _intern(wereld, date(2026, 11, 30)) == 2
        # and a recovery can be registered again
        assert "beter gemeld per 23-11-2026" in _melden_en_lezen(
            planner, tom, "beter", "2026-11-23"
        )


def test_a_recovery_moved_past_the_threshold_hands_the_children_over(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-10-01")
    _melden(planner, tom, "beter", "2026-10-20")  # meant: 10 November
    assert _intern(wereld, date(2026, 11, 1)) == 0
    html = _beter_intrekken(planner, tom, "2026-11-10").content.decode()
    assert f"{tom.naam} is beter per 10-11-2026" in html
    assert "de 2 kinderen die nog niet waren overgedragen, staan sinds 29-10-2026" in html
    ends = Toewijzing.objects.filter(medewerker=tom).values_list("einde", "einde_reden")
    assert set(ends) == {(date(2026, 10, 29), ToewijzingEindeReden.ZIEKTE.value)}
    assert _intern(wereld, date(2026, 11, 1)) == 2


def test_a_right_date_that_would_undo_the_handover_is_refused_saying_what_to_do(team) -> None:  # type: ignore[no-untyped-def]
    wereld, tom, planner = team
    _melden(planner, tom, "ziek", "2026-10-01")
    _melden(planner, tom, "beter", "2026-11-10")  # past the threshold: the children went
    assert _intern(wereld, date(2026, 11, 15)) == 2
    html = _beter_intrekken(planner, tom, "2026-10-20").content.decode()
    assert "Wijs de kinderen opnieuw toe" in html and "29-10-2026" in html
    assert BeschikbaarheidsPeriode.objects.get().tot == date(2026, 11, 10)
    assert not Intrekking.objects.exists() and _intern(wereld, date(2026, 11, 15)) == 2
    assert "geen datum" in _beter_intrekken(planner, tom, "10-20").content.decode()


def test_the_api_withdraws_a_recovery_with_the_right_date(team) -> None:  # type: ignore[no-untyped-def]
    _, tom, planner = team
    url = reverse("api-intrekking", args=[tom.pk])
    _melden(planner, tom, "ziek", "2026-11-02")
    _melden(planner, tom, "beter", "2026-11-05")
    verkeerd = planner.post(
        url, {"wat": "ziek", "reden": "x", "per": "2026-11-09"}, content_type="application/json"
    )
    assert verkeerd.status_code == 400 and "alleen bij" in verkeerd.json()["per"][0]
    zelfde = planner.post(
        url, {"wat": "beter", "reden": "x", "per": "2026-11-05"}, content_type="application/json"
    )
    assert zelfde.status_code == 400 and "staat er al" in zelfde.json()["per"][0]
    assert not Intrekking.objects.exists()
    ok = planner.post(
        url, {"wat": "beter", "reden": "x", "per": "2026-11-09"}, content_type="application/json"
    )
    assert ok.status_code == 201 and "beter per 09-11-2026" in ok.json()["melding"]
    assert BeschikbaarheidsPeriode.objects.get().tot == date(2026, 11, 9)
