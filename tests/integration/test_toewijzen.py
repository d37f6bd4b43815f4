"""Assigning a vaste jeugdbeschermer within the workload norm; triage; long sickness."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.cli import main
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.kinderen import services, triage, wachtlijsten
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Lidmaatschap, Werklastnorm
from ketenzicht.planning import selectors
from tests.conftest import volgend_bsn

pytestmark = pytest.mark.django_db
VANDAAG = date(2026, 11, 20)


def vol(wereld, medewerker, n: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        _, m = wereld.kind(wereld.gi_a, start=date(2026, 1, 5))
        services.jeugdbeschermer_toewijzen(
            maatregel=m, medewerker=medewerker, start=date(2026, 1, 5), door=None
        )


def zus_van(wereld, broer, *, start: date):  # type: ignore[no-untyped-def]
    """A sister in the same family, with an OTS at GI Alfa from ``start``."""
    zus = services.kind_registreren(
        bsn=volgend_bsn(),
        voornaam="Zus",
        achternaam="de Vries",
        geboortedatum=date(2016, 1, 1),
        gemeente=wereld.gemeente,
        gezin=broer.gezin,
        door=None,
    )
    maatregel = services.maatregel_registreren(
        kind=zus,
        gi=wereld.gi_a,
        code=MaatregelCode.OTS,
        beschikking_datum=start,
        start=start,
        door=None,
    )
    return zus, maatregel


def test_boven_de_norm_alleen_met_reden_en_gelogd(wereld) -> None:  # type: ignore[no-untyped-def]
    Werklastnorm.objects.create(gi=wereld.gi_a, geldig_van=date(2026, 1, 1), clienten_per_fte=3)
    jb = wereld.medewerker(wereld.gi_a, fte=1.0)
    vol(wereld, jb, 3)
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 11, 2))
    with pytest.raises(services.BovenNorm, match="3 van 3"):
        services.jeugdbeschermer_toewijzen(
            maatregel=m, medewerker=jb, start=VANDAAG, door=wereld.planner_a
        )
    assert not m.toewijzingen.exists()
    t = services.jeugdbeschermer_toewijzen(
        maatregel=m,
        medewerker=jb,
        start=VANDAAG,
        door=wereld.planner_a,
        override_reden="broer al bij haar",
    )
    assert t.override_reden == "broer al bij haar"
    regel = AuditRegel.objects.filter(kind_pid=kind.pid, gebruikersnaam="planner_a").latest(
        "tijdstip"
    )
    assert "boven de norm (4/3): broer al bij haar" in regel.doel
    # the child's page says so beside the jeugdbeschermer, with the reason
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(wereld.planner_a)
    pagina = client.get(reverse("kind", args=[kind.pid])).content.decode()
    assert 'data-testid="boven-norm-reden">broer al bij haar<' in pagina


def test_rol_ziekte_en_andere_gi_geweigerd(wereld) -> None:  # type: ignore[no-untyped-def]
    _, ots = wereld.kind(wereld.gi_a, start=date(2026, 11, 2))
    _, jr = wereld.kind(wereld.gi_a, start=date(2026, 11, 2), code=MaatregelCode.JR_41)
    jb = wereld.medewerker(wereld.gi_a)
    with pytest.raises(services.Weigering, match="jeugdreclasseerder"):
        services.jeugdbeschermer_toewijzen(maatregel=jr, medewerker=jb, start=VANDAAG, door=None)
    with pytest.raises(services.Weigering, match="geen caseload"):
        services.jeugdbeschermer_toewijzen(
            maatregel=ots,
            medewerker=wereld.medewerker(wereld.gi_a, rol=Rol.JURIDISCH),
            start=VANDAAG,
            door=None,
        )
    with pytest.raises(services.Weigering, match="GI"):
        services.jeugdbeschermer_toewijzen(
            maatregel=ots, medewerker=wereld.medewerker(wereld.gi_b), start=VANDAAG, door=None
        )
    BeschikbaarheidsPeriode.objects.create(medewerker=jb, soort="ziek", van=date(2026, 11, 1))
    with pytest.raises(services.Weigering, match="ziek"):
        services.jeugdbeschermer_toewijzen(maatregel=ots, medewerker=jb, start=VANDAAG, door=None)


def test_langdurig_ziek_zet_kind_op_interne_lijst_met_de_juiste_datum(wereld) -> None:  # type: ignore[no-untyped-def]
    jb = wereld.medewerker(wereld.gi_a)
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    services.jeugdbeschermer_toewijzen(
        maatregel=m, medewerker=jb, start=date(2026, 9, 1), door=None
    )
    BeschikbaarheidsPeriode.objects.create(medewerker=jb, soort="ziek", van=date(2026, 10, 1))

    def lijst(peildatum: date) -> list:
        return wachtlijsten.wachtlijst(
            gebruiker=wereld.planner_a, gi=wereld.gi_a, peildatum=peildatum, kanaal="web"
        )

    assert lijst(date(2026, 10, 28)) == []  # 27 days ill: still the vaste jeugdbeschermer
    [regel] = lijst(VANDAAG)
    assert regel.kind_pid == kind.pid and regel.soort is WachtSoort.INTERN
    assert regel.sinds == date(2026, 10, 29) and regel.dagen_wachtend == 22
    Werklastnorm.objects.create(
        gi=wereld.gi_a, geldig_van=date(2026, 1, 1), ziekte_drempel_dagen=60
    )
    assert lijst(VANDAAG) == []  # the threshold is the GI's own


def test_triage_bepaalt_de_volgorde_en_historie_blijft(wereld) -> None:  # type: ignore[no-untyped-def]
    eerst, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1), voornaam="Anna")
    later, _ = wereld.kind(wereld.gi_a, start=date(2026, 11, 2), voornaam="Bram")
    triage.trieren(
        kind=later,
        datum=date(2026, 11, 3),
        urgentie=Urgentie.LAAG,
        criteria=[],
        door=wereld.planner_a,
    )
    triage.trieren(
        kind=later,
        datum=date(2026, 11, 10),
        urgentie=Urgentie.ACUUT,
        criteria=["acute_onveiligheid"],
        door=wereld.planner_a,
    )
    regels = selectors.te_verdelen(
        gebruiker=wereld.planner_a, gi=wereld.gi_a, peildatum=VANDAAG, kanaal="web"
    )
    assert [r.kind_pid for r in regels] == [later.pid, eerst.pid]
    assert regels[0].redenen[1] == "urgentie acuut"
    assert later.triages.count() == 2
    with pytest.raises(services.Weigering, match="triagecriterium"):
        triage.trieren(
            kind=later,
            datum=VANDAAG,
            urgentie=Urgentie.HOOG,
            criteria=["zomaar"],
            door=wereld.planner_a,
        )


def test_kandidaten_op_passendheid(wereld) -> None:  # type: ignore[no-untyped-def]
    gezin_jb, ander = wereld.medewerker(wereld.gi_a), wereld.medewerker(wereld.gi_a)
    broer, mb = wereld.kind(wereld.gi_a, start=date(2026, 6, 1))
    services.jeugdbeschermer_toewijzen(
        maatregel=mb, medewerker=gezin_jb, start=date(2026, 6, 1), door=None
    )
    zus, mz = zus_van(wereld, broer, start=date(2026, 11, 2))
    lijst = selectors.kandidaten(maatregel=mz, peildatum=VANDAAG)
    assert [k.id for k in lijst] == [gezin_jb.pk, ander.pk]
    assert lijst[0].redenen()[0] == "kent het gezin al"
    # the two are called the same (as colleagues can be): the planner can still tell them apart
    assert gezin_jb.naam == ander.naam
    assert lijst[0].naam != lijst[1].naam
    assert all(k.naam.startswith(f"{gezin_jb.naam} (jeugdbeschermer, in dienst") for k in lijst)


def test_cli_wachtlijst_json(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    wereld.kind(wereld.gi_a, start=date(2026, 11, 18))  # new, within the norm
    args = ["wachtlijst", "--gi", "GI Alfa", "--peildatum", "2026-11-20", "--format", "json"]
    assert main([*args, "--soort", "alle"]) == 0
    alle = json.loads(capsys.readouterr().out)
    assert [r["soort"] for r in alle] == ["start", "nieuw"]
    assert set(alle[0]) >= {"kind", "soort", "dagen_wachtend", "positie", "redenen"}
    assert alle[0]["positie"] == 1 and alle[0]["dagen_wachtend"] == 50
    assert (alle[0]["laatste_triage"], alle[0]["uit_zicht"]) == (None, True)  # never triaged
    assert main([*args, "--soort", "start"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["wachtlijst", "--gi", "Geen", "--format", "json"]) == 2


@pytest.mark.usefixtures("bevroren_klok")
def test_cli_wachtlijst_weigert_een_peildatum_na_vandaag(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    args = ["wachtlijst", "--gi", "GI Alfa", "--format", "json"]
    assert main([*args, "--peildatum", "2026-11-20"]) == 0  # today
    capsys.readouterr()
    assert main([*args, "--peildatum", "2027-05-01"]) == 2
    fout = capsys.readouterr()
    assert fout.out == "" and "2027-05-01 ligt na vandaag (2026-11-20)" in fout.err


def test_wisselingen_per_kind_en_per_gezin_op_de_kindpagina(wereld) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client
    from django.urls import reverse

    from ketenzicht.domain.maatregelen import ToewijzingEindeReden

    jb1, jb2, jb3 = (wereld.medewerker(wereld.gi_a) for _ in range(3))
    broer, mb = wereld.kind(wereld.gi_a, start=date(2026, 1, 5))
    zus, mz = zus_van(wereld, broer, start=date(2026, 2, 2))
    for maatregel, eerst, daarna, wissel in (
        (mb, jb1, jb2, date(2026, 5, 1)),
        (mz, jb2, jb3, date(2026, 7, 1)),
    ):
        t = services.jeugdbeschermer_toewijzen(
            maatregel=maatregel, medewerker=eerst, start=maatregel.start, door=None
        )
        services.toewijzing_beeindigen(
            toewijzing=t, einde=wissel, reden=ToewijzingEindeReden.UITSTROOM, door=None
        )
        services.jeugdbeschermer_toewijzen(
            maatregel=maatregel, medewerker=daarna, start=wissel, door=None
        )

    client = Client()
    client.force_login(wereld.planner_a)
    data = client.get(reverse("api-kind", args=[broer.pid])).json()
    assert (data["wisselingen"], data["wisselingen_gezin"], data["jeugdbeschermers_gezin"]) == (
        1,
        2,
        2,
    )
    pagina = client.get(reverse("kind", args=[zus.pid])).content.decode()
    assert 'data-testid="wisselingen-gezin">2 (alle kinderen samen) · nu 2 vaste' in pagina


@pytest.mark.usefixtures("bevroren_klok")
def test_teampagina_zet_wie_boven_de_norm_zit_voorop_en_telt_de_ruimte(wereld) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client
    from django.urls import reverse

    Werklastnorm.objects.create(gi=wereld.gi_a, geldig_van=date(2026, 1, 1), clienten_per_fte=3)
    vol_jb = wereld.medewerker(wereld.gi_a, fte=1.0)
    vol(wereld, vol_jb, 3)
    _, m = wereld.kind(wereld.gi_a, start=date(2026, 11, 2))
    services.jeugdbeschermer_toewijzen(  # a fourth, above the norm, with a reason
        maatregel=m, medewerker=vol_jb, start=VANDAAG, door=None, override_reden="broer"
    )
    wereld.medewerker(wereld.gi_a, fte=0.5)  # cap 1.5: room for one whole child
    jr = wereld.medewerker(wereld.gi_a, rol=Rol.JEUGDRECLASSEERDER, fte=1.0)  # room for 3

    client = Client()
    client.force_login(wereld.planner_a)
    pagina = client.get(reverse("team"))
    assert pagina.status_code == 200
    rijen = [c for c, _ in pagina.context["caseloads"]]
    assert [c.medewerker for c in rijen][0] == vol_jb and rijen[0].boven_norm
    # the two jeugdbeschermers share a name, role and start date: their number tells them apart
    namen = dict((c.medewerker.pk, naam) for c, naam in pagina.context["caseloads"])
    assert (
        namen[vol_jb.pk]
        == f"{vol_jb.naam} (jeugdbeschermer, in dienst 01-01-2020, nr. {vol_jb.pk})"
    )
    assert namen[jr.pk] == jr.naam  # nobody else is called that
    assert [c.ruimte for c in rijen] == sorted(c.ruimte for c in rijen)
    s = pagina.context["samenvatting"]
    assert (s.medewerkers, s.boven) == (3, 1)
    assert dict(s.plekken) == {"jeugdbeschermer": 1, "jeugdreclasseerder": 3}
    html = pagina.content.decode()
    assert html.count("data-boven-norm") == 1 and "boven norm</span>" in html
    assert ">−1,0<" in html  # the row above the norm: one child too many
    assert pagina.context["schaal"] == 4.0  # the fullest caseload sets the scale of every bar
    assert jr in [c.medewerker for c in rijen]


@pytest.mark.usefixtures("bevroren_klok")
def test_from_the_childs_page_a_planner_assigns_and_comes_back_to_it(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, m = wereld.kind(wereld.gi_a, start=date(2026, 11, 2))
    jb = wereld.medewerker(wereld.gi_a)
    c = Client()
    c.force_login(wereld.planner_a)
    dossier = reverse("kind", args=[kind.pid])
    url = f"{reverse('toewijzen', args=[kind.pid])}?van=kind"

    pagina = c.get(dossier).content.decode()
    assert f'href="{url}" data-testid="toewijzen">Een vaste jeugdbeschermer toewijzen' in pagina
    # the form to register a milestone offers the first one not met yet
    assert '<option value="veiligheidstaxatie" selected>' in pagina
    assert f'href="{dossier}">Terug naar {kind}</a>' in c.get(url).content.decode()

    antwoord = c.post(url, {"medewerker": jb.pk})
    assert (antwoord.status_code, antwoord.url) == (302, dossier)
    assert m.toewijzingen.get().medewerker == jb
    pagina = c.get(dossier).content.decode()
    assert "Een andere vaste jeugdbeschermer toewijzen" in pagina


@pytest.mark.usefixtures("bevroren_klok")
def test_only_a_planner_of_the_childs_gi_sees_the_assign_link(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, _ = wereld.kind(wereld.gi_a, start=date(2026, 11, 2))
    collega = get_user_model().objects.create_user(username="jb_a", password="geheim-wachtwoord")
    Lidmaatschap.objects.create(
        gebruiker=collega, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    c = Client()
    c.force_login(collega)  # sees the child (with a reason), does not hand children to colleagues
    c.post(reverse("kind-inzage", args=[kind.pid]), {"reden": "overleg"})
    pagina = c.get(reverse("kind", args=[kind.pid]))
    assert pagina.status_code == 200 and 'data-testid="toewijzen"' not in pagina.content.decode()
    c.force_login(wereld.planner_b)  # another GI's planner does not see the child at all
    assert c.get(reverse("kind", args=[kind.pid])).status_code == 404
