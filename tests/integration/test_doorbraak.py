"""The doorbraakaanpak through the database: milestones, the monthly monitor, norm-set history,
afspraak 1, 2 and 3, the signal list and the child's timeline."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.cli import main
from ketenzicht.domain.doorbraak import Maand
from ketenzicht.domain.escalatie import EscalatieStatus
from ketenzicht.doorbraak import lijsten, selectors, services
from ketenzicht.doorbraak.models import Escalatie, NormMijlpaal, Normset
from ketenzicht.kinderen import services as kinderen
from ketenzicht.kinderen.services import Weigering
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
AMS = ZoneInfo("Europe/Amsterdam")


def ingelogd(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def gebruiker(naam: str, org: Organisatie):  # type: ignore[no-untyped-def]
    user = get_user_model().objects.create_user(username=naam, password="geheim-wachtwoord")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=Lidmaatschap.Rol.BELEID)
    return user


@pytest.fixture
def ret(wereld) -> Organisatie:  # type: ignore[no-untyped-def]
    return Organisatie.objects.create(
        naam="Regionaal expertteam Test",
        type=Organisatie.Type.EXPERTTEAM,
        regio=wereld.gemeente.regio,
    )


def september(wereld):  # type: ignore[no-untyped-def]
    """Three OTS measures started Mon 3 Aug 2026: taxatie due Mon 10 Aug, plan due Mon 14 Sep,
    help due Tue 3 Nov. Two at GI Alfa, one at GI Beta."""
    jb = wereld.medewerker(wereld.gi_a)
    uit = []
    for gi, naam in ((wereld.gi_a, "Anna"), (wereld.gi_a, "Bram"), (wereld.gi_b, "Cas")):
        kind, m = wereld.kind(gi, start=date(2026, 8, 3), voornaam=naam)
        uit.append((kind, m))
    a, b, c = (m for _, m in uit)
    services.mijlpaal_registreren(
        maatregel=a, mijlpaal="veiligheidsplan", datum=date(2026, 9, 14), wie="jb", door=None
    )
    services.mijlpaal_registreren(
        maatregel=b, mijlpaal="veiligheidsplan", datum=date(2026, 9, 15), wie="jb", door=None
    )
    services.mijlpaal_registreren(
        maatregel=c, mijlpaal="veiligheidsplan", datum=date(2026, 9, 1), wie="jb", door=None
    )
    kinderen.jeugdbeschermer_toewijzen(
        maatregel=a, medewerker=jb, start=date(2026, 8, 5), door=None
    )
    return uit


def plan_rijen(maand: str = "2026-09", **kw):  # type: ignore[no-untyped-def]
    [cijfers] = selectors.doorbraak(maanden=[Maand.lees(maand)], **kw)
    return {(r.niveau, r.naam): r for r in cijfers.rijen if r.mijlpaal == "veiligheidsplan"}


def test_maandcijfers_per_gi_gemeente_regio_en_landelijk(wereld) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    rijen = plan_rijen()
    assert (rijen[("gi", "GI Alfa")].noemer, rijen[("gi", "GI Alfa")].op_tijd) == (2, 1)
    assert (rijen[("gi", "GI Beta")].noemer, rijen[("gi", "GI Beta")].op_tijd) == (1, 1)
    landelijk = rijen[("landelijk", "Nederland")]
    assert (landelijk.noemer, landelijk.op_tijd, landelijk.aandeel) == (3, 2, 0.667)
    assert landelijk.doel == Decimal("0.9")
    assert rijen[("gemeente", "Gemeente Test")].noemer == 3
    assert rijen[("regio", "Jeugdregio Test")].op_tijd == 2


def test_een_maatregel_van_voor_de_registratie_telt_niet_mee(wereld) -> None:  # type: ignore[no-untyped-def]
    """GI Beta began registering on 4 August 2026, the day after Cas's measure started: what
    happened to it before then was never registered here, so it is in no figure."""
    september(wereld)
    Organisatie.objects.filter(pk=wereld.gi_b.pk).update(registratie_vanaf=date(2026, 8, 4))
    rijen = plan_rijen()
    assert ("gi", "GI Beta") not in rijen
    assert rijen[("landelijk", "Nederland")].noemer == 2
    Organisatie.objects.filter(pk=wereld.gi_b.pk).update(registratie_vanaf=date(2026, 8, 3))
    assert plan_rijen()[("gi", "GI Beta")].noemer == 1  # from its first day on, it counts


def test_cli_doorbraak_json(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    assert main(["doorbraak", "--maand", "2026-09", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["maand"] == "2026-09"
    rij = next(
        r
        for r in data["rijen"]
        if r["niveau"] == "landelijk" and r["mijlpaal"] == "veiligheidsplan"
    )
    assert rij == {
        "niveau": "landelijk",
        "naam": "Nederland",
        "mijlpaal": "veiligheidsplan",
        "noemer": 3,
        "op_tijd": 2,
        "aandeel": 0.667,
        "doel": 0.9,
    }
    assert main(["doorbraak", "--maand", "2026-09", "--gi", "GI Alfa", "--format", "json"]) == 0
    alfa = json.loads(capsys.readouterr().out)["rijen"]
    assert {r["naam"] for r in alfa if r["niveau"] == "gi"} == {"GI Alfa"}
    assert main(["doorbraak", "--maand", "2026-13"]) == 2
    assert "JJJJ-MM" in capsys.readouterr().err
    assert main(["doorbraak", "--maand", "2026-09", "--gi", "Geen"]) == 2


def test_een_maand_die_nog_niet_begon_wordt_geweigerd(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    # the clock stands at 20 November 2026: November has begun (its figures so far), December not
    september(wereld)
    assert main(["doorbraak", "--maand", "2026-11", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["doorbraak", "--maand", "2026-12", "--format", "json"]) == 2
    fout = capsys.readouterr()
    assert fout.out == "" and "2026-12 is nog niet begonnen" in fout.err
    api = ingelogd(wereld.beleid).get(reverse("api-doorbraak"), {"maand": "2026-12"})
    assert api.status_code == 400 and "nog niet begonnen" in api.json()["maand"]
    pagina = ingelogd(wereld.beleid).get(reverse("doorbraak"), {"maand": "2026-12"})
    assert pagina.status_code == 400 and str(pagina.context["maand"]) == "2026-10"
    assert "Maand 2026-12 is nog niet begonnen; getoond wordt 2026-10." in pagina.content.decode()
    # and one before the Jeugdwet: the CLI and API say so, the page falls back; the first
    # month after it has a trend of one month (nothing before it to show)
    assert main(["doorbraak", "--maand", "0001-01"]) == 2
    assert "ligt voor de Jeugdwet" in capsys.readouterr().err
    api = ingelogd(wereld.beleid).get(reverse("api-doorbraak"), {"maand": "0001-01"})
    assert api.status_code == 400 and "ligt voor de Jeugdwet" in api.json()["maand"]
    oud = ingelogd(wereld.beleid).get(reverse("doorbraak"), {"maand": "1999-12"})
    assert oud.status_code == 400 and str(oud.context["maand"]) == "2026-10"
    eerste = ingelogd(wereld.beleid).get(reverse("doorbraak"), {"maand": "2015-01"})
    assert eerste.status_code == 200 and eerste.context["grafiek"]["maanden"] == ["2015-01"]


def test_nieuwe_normset_verandert_oude_maanden_niet(wereld) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    voor = plan_rijen()
    oud = Normset.objects.get()
    oud.geldig_tot = date(2026, 11, 20)
    oud.full_clean()
    oud.save()
    strenger = Normset.objects.create(naam="Strenger 2026", geldig_van=date(2026, 11, 20))
    NormMijlpaal.objects.create(
        normset=strenger,
        code="veiligheidsplan",
        naam="Veiligheidsplan",
        aantal=2,
        eenheid="weken",
        doel=Decimal("1"),
    )
    assert plan_rijen() == voor
    # a set in force cannot be changed in place or ended retroactively
    oud.geldig_van = date(2021, 1, 1)
    with pytest.raises(Exception, match="nieuwe normset"):
        oud.full_clean()


def test_latere_correctie_verandert_het_bekende_verleden_niet(wereld) -> None:  # type: ignore[no-untyped-def]
    _, b, _ = (m for _, m in september(wereld))
    moment = datetime(2026, 11, 20, 10, 0, tzinfo=AMS)  # the frozen clock: all of the above
    with time_machine.travel("2026-11-20 12:00 +01:00", tick=False):
        services.mijlpaal_registreren(
            maatregel=b, mijlpaal="veiligheidsplan", datum=date(2026, 9, 10), wie="jb", door=None
        )
    assert plan_rijen()[("landelijk", "Nederland")].op_tijd == 3
    assert plan_rijen(bekend_op=moment)[("landelijk", "Nederland")].op_tijd == 2


def test_mijlpaal_registreren_weigert_onzin_en_schrijft_niets(wereld) -> None:  # type: ignore[no-untyped-def]
    _, m = wereld.kind(wereld.gi_a, start=date(2026, 8, 3))
    for kwargs, fout in (
        ({"mijlpaal": "koffie", "datum": date(2026, 9, 1)}, "Onbekende mijlpaal"),
        ({"mijlpaal": "veiligheidsplan", "datum": date(2026, 7, 1)}, "voor de start"),
        ({"mijlpaal": "veiligheidsplan", "datum": date(2026, 12, 1)}, "toekomst"),
    ):
        with pytest.raises(Weigering, match=fout):
            services.mijlpaal_registreren(maatregel=m, wie="jb", door=None, **kwargs)
    assert not m.mijlpalen.exists()


def test_afspraak_1_per_gemeente_gedeeld_met_de_gi(wereld) -> None:  # type: ignore[no-untyped-def]
    (anna, _), (bram, _), (cas, _) = september(wereld)
    gemeente = gebruiker("gemeente", wereld.gemeente)
    pagina = ingelogd(gemeente).get(reverse("niet-tijdig"))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    # on 20 Nov everyone's help (due 3 Nov) is overdue: all three children, both GIs
    for kind in (anna, bram, cas):
        assert str(kind.pid) in html
    api = ingelogd(gemeente).get(reverse("api-niet-tijdig", args=["GM9999"])).json()
    assert {r["kind"] for r in api} == {str(k.pid) for k in (anna, bram, cas)}
    assert {"mijlpaal": "hulpaanbod", "dagen_te_laat": 17} in [
        {k: v for k, v in t.items() if k in ("mijlpaal", "dagen_te_laat")}
        for t in api[0]["te_laat"]
    ]
    # the GI sees the same list, but only its own children
    gi = ingelogd(wereld.planner_a).get(reverse("niet-tijdig")).content.decode()
    assert str(anna.pid) in gi and str(cas.pid) not in gi
    assert ingelogd(wereld.beleid).get(reverse("niet-tijdig")).status_code == 403
    assert ingelogd(wereld.planner_a).get(reverse("api-niet-tijdig", args=["GM9999"])).json()
    assert ingelogd(gemeente).get(reverse("api-niet-tijdig", args=["GM0001"])).status_code == 404
    assert AuditRegel.objects.filter(
        gebruikersnaam="gemeente", kind_pid=cas.pid, actie="lezen_lijst"
    ).exists()


def test_afspraak_2_en_escalatie_op_de_tijdlijn(wereld, ret) -> None:  # type: ignore[no-untyped-def]
    (anna, _), _, _ = september(wereld)
    gemeente = gebruiker("gemeente", wereld.gemeente)
    team = gebruiker("ret", ret)
    c = ingelogd(gemeente)
    r = c.post(
        reverse("afspraak-maken", args=[anna.pid]),
        {"wie": "aanbieder", "wat": "Intake gezinsbehandeling", "uiterlijk": "2026-11-27"},
    )
    assert r.status_code == 302
    pagina = c.get(reverse("kind", args=[anna.pid])).content.decode()
    assert "Intake gezinsbehandeling" in pagina
    assert 'data-testid="escalatievoorstel"' not in pagina  # help only 17 days overdue
    c.post(reverse("escaleren", args=[anna.pid]), {"reden": "geen passend aanbod in de regio"})
    escalatie = Escalatie.objects.get(kind=anna)
    assert escalatie.status == "aangemeld" and escalatie.expertteam == ret
    assert escalatie.maatregel is not None  # the running measure it is about
    # the gemeente cannot move the escalation; the RET can, step by step, with a reason
    stap = reverse("escalatie-stap", args=[anna.pid, escalatie.pk])
    assert c.post(stap, {"naar": "opgelost", "reden": "x"}).status_code == 404
    t = ingelogd(team)
    assert "Anna" in t.get(reverse("werklijst-ret")).content.decode()
    t.post(stap, {"naar": "opgelost", "reden": "te snel"})
    escalatie.refresh_from_db()
    assert escalatie.status == "aangemeld"  # refused: not allowed from aangemeld
    t.post(stap, {"naar": "in_behandeling", "reden": "casus besproken"})
    t.post(stap, {"naar": "opgelost", "reden": "plek bij aanbieder X"})
    escalatie.refresh_from_db()
    assert escalatie.status == "opgelost"
    assert [o.naar for o in escalatie.overgangen.all()] == [
        "aangemeld",
        "in_behandeling",
        "opgelost",
    ]
    tijdlijn = c.get(reverse("kind", args=[anna.pid])).content.decode()
    for tekst in (
        "Intake gezinsbehandeling",
        "in behandeling — casus besproken",
        "opgelost — plek bij aanbieder X",
        'data-mijlpaal="veiligheidsplan"',
        'data-status="op_tijd"',
        'data-status="te_laat"',
        "Start Ondertoezichtstelling",
    ):
        assert tekst in tijdlijn, tekst
    doelen = set(
        AuditRegel.objects.filter(kind_pid=anna.pid, actie="schrijven").values_list(
            "doel", flat=True
        )
    )
    assert any("in_behandeling → opgelost" in d for d in doelen)


def test_escalatievoorstel_en_een_open_escalatie_per_kind(wereld, ret, settings) -> None:  # type: ignore[no-untyped-def]
    (anna, _), _, _ = september(wereld)
    settings.ESCALATIE_HULPAANBOD_DAGEN_TE_LAAT = 10
    pagina = ingelogd(wereld.planner_a).get(reverse("kind", args=[anna.pid])).content.decode()
    assert "hulpaanbod 17 dagen over de termijn (drempel 10 dagen)" in pagina
    services.escaleren(kind=anna, expertteam=ret, reden="r", datum=date(2026, 11, 20), door=None)
    with pytest.raises(Weigering, match="al aangemeld"):
        services.escaleren(
            kind=anna, expertteam=ret, reden="r", datum=date(2026, 11, 20), door=None
        )
    e = Escalatie.objects.get()
    with pytest.raises(Weigering, match="reden"):
        services.escalatie_overgang(
            escalatie=e,
            naar=EscalatieStatus.IN_BEHANDELING,
            reden=" ",
            datum=date(2026, 11, 20),
            door=None,
        )


def test_signalen_per_jeugdbeschermer(wereld) -> None:  # type: ignore[no-untyped-def]
    september(wereld)
    _, nieuw = wereld.kind(wereld.gi_a, start=date(2026, 11, 18), voornaam="Dirk")
    lijst = lijsten.signaallijst(
        gebruiker=wereld.planner_a, gi=wereld.gi_a, peildatum=date(2026, 11, 20), kanaal="web"
    )
    per = lijst.getoond
    zonder = per[lijsten.ZONDER_JEUGDBESCHERMER]
    dirk = [s for s in zonder if s.kind.naam.startswith("Dirk")]
    # Dirk's taxatie and jeugdbeschermer are due Wed 25 Nov (5 working days from 18 Nov)
    assert {(s.stand.mijlpaal.code, s.stand.vervaldatum) for s in dirk} == {
        ("veiligheidstaxatie", date(2026, 11, 25)),
        ("jeugdbeschermer", date(2026, 11, 25)),
    }
    anna = [s for lijst in per.values() for s in lijst if s.kind.naam.startswith("Anna")]
    assert {s.stand.mijlpaal.code for s in anna} == {"veiligheidstaxatie", "hulpaanbod"}
    # the overview: per jeugdbeschermer what is past and what is due, the most past first
    overzicht = lijst.overzicht
    assert {r.naam for r in overzicht} == set(per)
    for r in overzicht:
        laat = [s for s in per[r.naam] if s.stand.status.value == "te_laat"]
        assert (r.te_laat, r.deze_week) == (len(laat), len(per[r.naam]) - len(laat))
        assert r.langst_te_laat_dagen == max((s.stand.dagen_te_laat for s in laat), default=0)
    assert [r.te_laat for r in overzicht] == sorted((r.te_laat for r in overzicht), reverse=True)
    assert any(r.te_laat for r in overzicht) and any(r.deze_week for r in overzicht)


def _gezien() -> set[object]:
    return set(AuditRegel.objects.values_list("kind_pid", flat=True))


@pytest.mark.usefixtures("bevroren_klok")
def test_signal_page_shows_the_chosen_caseworkers_deadlines_and_audits_only_those(wereld) -> None:  # type: ignore[no-untyped-def]
    (anna, m_anna), (bram, _), _ = september(wereld)  # Anna has a jeugdbeschermer, Bram none
    jb = m_anna.toewijzingen.get().medewerker
    AuditRegel.objects.all().delete()
    c = ingelogd(wereld.planner_a)

    # the overview names the caseworkers and counts; no child is named, none audited
    pagina = c.get(reverse("signalen"))
    html = pagina.content.decode()
    namen = [r.naam for r in pagina.context["overzicht"]]
    assert set(namen) == {jb.naam, lijsten.ZONDER_JEUGDBESCHERMER}
    assert "Anna de Vries" not in html and "Bram de Vries" not in html
    # each line's overdue count also as a bar, all on one scale: the largest count fills it
    schaal = max(r.te_laat for r in pagina.context["overzicht"])
    assert pagina.context["schaal"] == schaal > 0
    assert html.count(f'class="kz-signaalbalk" min="0" max="{schaal}"') == len(namen)
    assert _gezien() == set()

    # a name shows that caseworker's deadlines, swapped in place with the overview marked
    deel = c.get(reverse("signalen"), {"wie": jb.naam}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in deel
    assert "Anna de Vries" in deel and "Bram de Vries" not in deel
    assert re.findall(r'aria-current="true">([^<]+)</a>', deel) == [jb.naam]
    assert _gezien() == {anna.pid}

    AuditRegel.objects.all().delete()
    alles = c.get(reverse("signalen"), {"alle": "1"}).content.decode()
    assert "Anna de Vries" in alles and "Bram de Vries" in alles
    assert _gezien() == {anna.pid, bram.pid}
    assert 'aria-current="true" data-testid="alle-signalen"' in alles

    AuditRegel.objects.all().delete()
    onbekend = c.get(reverse("signalen"), {"wie": "Niemand"}).content.decode()
    assert "Geen termijnen deze week en niets over de termijn voor Niemand." in onbekend
    assert _gezien() == set()


@pytest.mark.usefixtures("bevroren_klok")
def test_two_caseworkers_with_one_name_are_two_lines_in_the_signal_list(wereld) -> None:  # type: ignore[no-untyped-def]
    (anna, m_anna), (bram, m_bram), _ = september(wereld)
    eerste = m_anna.toewijzingen.get().medewerker
    tweede = wereld.medewerker(wereld.gi_a, in_dienst=date(2023, 5, 1))
    assert tweede.naam == eerste.naam  # two colleagues called the same
    kinderen.jeugdbeschermer_toewijzen(
        maatregel=m_bram, medewerker=tweede, start=date(2026, 8, 5), door=None
    )
    c = ingelogd(wereld.planner_a)

    overzicht = c.get(reverse("signalen")).context["overzicht"]
    assert sorted((r.naam, r.medewerker_id) for r in overzicht) == [
        (f"{eerste.naam} (jeugdbeschermer, in dienst 01-01-2020)", eerste.pk),
        (f"{eerste.naam} (jeugdbeschermer, in dienst 01-05-2023)", tweede.pk),
    ]
    AuditRegel.objects.all().delete()
    wie = f"{eerste.naam} (jeugdbeschermer, in dienst 01-05-2023)"
    deel = c.get(reverse("signalen"), {"wie": wie}, HTTP_HX_REQUEST="true").content.decode()
    assert "Bram de Vries" in deel and "Anna de Vries" not in deel
    assert _gezien() == {bram.pid}


def test_achter_het_cijfer_alleen_eigen_kinderen(wereld) -> None:  # type: ignore[no-untyped-def]
    (anna, _), (bram, _), (cas, _) = september(wereld)
    url = reverse("achter-het-cijfer") + "?maand=2026-09&mijlpaal=veiligheidsplan"
    html = ingelogd(wereld.planner_a).get(url).content.decode()
    assert str(anna.pid) in html and str(bram.pid) in html and str(cas.pid) not in html
    assert ingelogd(wereld.beleid).get(url).status_code == 403
    monitor = ingelogd(wereld.beleid).get(reverse("doorbraak") + "?maand=2026-09")
    assert monitor.status_code == 200 and "achter-het-cijfer" not in monitor.content.decode()


def test_maandmonitor_pagina_toont_een_nieuwe_registratie_meteen(wereld) -> None:  # type: ignore[no-untyped-def]
    (_, _), (_, bram), (_, _) = september(wereld)
    c = ingelogd(wereld.beleid)

    def plan_landelijk() -> tuple[int, int]:
        pagina = c.get(reverse("doorbraak") + "?maand=2026-09")
        [rij] = [r for r in pagina.context["landelijk"] if r.mijlpaal == "veiligheidsplan"]
        return rij.op_tijd, rij.noemer

    assert plan_landelijk() == plan_landelijk() == (2, 3)  # the second from the cache
    # Bram's plan was in fact made on 10 September: a correction, the newest registration wins
    services.mijlpaal_registreren(
        maatregel=bram, mijlpaal="veiligheidsplan", datum=date(2026, 9, 10), wie="jb", door=None
    )
    assert plan_landelijk() == (3, 3)


def test_functioneel_beheer_normset_in_werking_is_bevroren(wereld, admin_client) -> None:  # type: ignore[no-untyped-def]
    oud = Normset.objects.get()
    pagina = admin_client.get(reverse("admin:doorbraak_normset_change", args=[oud.pk]))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert 'name="mijlpalen-0-aantal"' not in html  # milestones read-only
    nieuw = admin_client.post(
        reverse("admin:doorbraak_normset_add"),
        {
            "naam": "Jeugdwet 2027",
            "geldig_van": "2027-01-01",
            "bijna_dagen": "3",
            "mijlpalen-TOTAL_FORMS": "2",
            "mijlpalen-INITIAL_FORMS": "0",
            "mijlpalen-0-volgorde": "1",
            "mijlpalen-0-code": "evaluatie",
            "mijlpalen-0-naam": "Evaluatie",
            "mijlpalen-0-aantal": "1",
            "mijlpalen-0-eenheid": "maanden",
            "mijlpalen-0-vanaf": "plan",
            "mijlpalen-0-doel": "0.8",
            "mijlpalen-1-volgorde": "0",
            "mijlpalen-1-code": "plan",
            "mijlpalen-1-naam": "Plan",
            "mijlpalen-1-aantal": "4",
            "mijlpalen-1-eenheid": "weken",
            "mijlpalen-1-vanaf": "start",
            "mijlpalen-1-doel": "0.9",
        },
    )
    assert nieuw.status_code == 302
    [gemaakt] = [s for s in selectors.normsets() if s.naam == "Jeugdwet 2027"]
    assert [m.code for m in gemaakt.mijlpalen] == ["plan", "evaluatie"]
    fout = admin_client.post(
        reverse("admin:doorbraak_normset_add"),
        {
            "naam": "Fout",
            "geldig_van": "2027-01-01",
            "bijna_dagen": "2",
            "mijlpalen-TOTAL_FORMS": "1",
            "mijlpalen-INITIAL_FORMS": "0",
            "mijlpalen-0-volgorde": "0",
            "mijlpalen-0-code": "evaluatie",
            "mijlpalen-0-naam": "Evaluatie",
            "mijlpalen-0-aantal": "1",
            "mijlpalen-0-eenheid": "maanden",
            "mijlpalen-0-vanaf": "plan",
            "mijlpalen-0-doel": "0.8",
        },
    )
    assert fout.status_code == 200 and "geen eerdere mijlpaal" in fout.content.decode()
    assert not Normset.objects.filter(naam="Fout").exists()
