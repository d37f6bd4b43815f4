"""Loading the demo into the database: deterministic, synthetic, audited, refuses to overwrite."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ketenzicht.audit.models import AuditRegel
from ketenzicht.cli import main
from ketenzicht.demo.laden import DemoFout, laad
from ketenzicht.domain.bsn import is_testnummer
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.correctie import Correctie, maatregel_corrigeren
from ketenzicht.kinderen.models import Kind, Maatregel, MaatregelCorrectie, Toewijzing, Woonplaats
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db
TOT = date(2026, 11, 20)


def test_laden_is_deterministisch_en_synthetisch() -> None:
    laad(schaal="klein", seed=11, tot=TOT, voortgang=lambda *_: None)
    eerst = list(Kind.objects.order_by("pk").values_list("pid", "voornaam", "geboortedatum"))
    toewijzingen = Toewijzing.objects.count()
    woonplaatsen = list(Woonplaats.objects.order_by("pk").values_list("kind_id", "van"))
    assert woonplaatsen  # the demo has moves
    assert all(
        is_testnummer(bsnopslag.ontsleutel(k.bsn_versleuteld).cijfers)
        for k in Kind.objects.all()[:200]
    )
    assert AuditRegel.objects.filter(actie="aanmaken").count() == len(eerst)
    with pytest.raises(DemoFout, match="--vervang"):
        laad(schaal="klein", seed=11, tot=TOT, voortgang=lambda *_: None)
    _gecorrigeerd_en_verhuisd()  # what a user adds to the demo is replaced with it
    laad(schaal="klein", seed=11, tot=TOT, vervang=True, voortgang=lambda *_: None)
    assert not MaatregelCorrectie.objects.exists()
    assert list(Woonplaats.objects.order_by("pk").values_list("kind_id", "van")) == woonplaatsen
    assert (
        list(Kind.objects.order_by("pk").values_list("pid", "voornaam", "geboortedatum")) == eerst
    )
    assert Toewijzing.objects.count() == toewijzingen
    assert AuditRegel.objects.filter(actie="aanmaken").count() == 2 * len(eerst)  # log only grows


def _gecorrigeerd_en_verhuisd() -> None:
    m = Maatregel.objects.filter(
        einde__isnull=True, toewijzingen__isnull=True, kind__woonplaatsen__isnull=True
    ).first()
    assert m is not None
    eerder = m.start - timedelta(days=1)
    maatregel_corrigeren(m, Correctie(m.maatregelcode, eerder, eerder, "test"), door=None)
    elders = Organisatie.objects.filter(type="gemeente").exclude(pk=m.kind.gemeente_id).first()
    verhuizing_registreren(m.kind, elders, per=m.start, door=None)


def test_cli_toont_voortgang_en_logins(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--schaal", "klein", "--seed", "2", "--tot", "2026-11-20"]) == 0
    uit = capsys.readouterr()
    assert "planner1" in uit.out and "ministerie" in uit.out
    assert "kinderen:" in uit.err and "(100%)" in uit.err
    assert main(["demo", "--schaal", "klein", "--als-leeg"]) == 0
    assert "planner1" in capsys.readouterr().out


def test_applicatiebeheerder_opent_beheer_en_blijft_bij_herladen(capsys) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model
    from django.test import Client

    from ketenzicht.demo.logins import DEMO_WACHTWOORD

    assert main(["demo", "--schaal", "klein", "--seed", "2", "--tot", "2026-11-20"]) == 0
    assert "appbeheer    Applicatiebeheerder" in capsys.readouterr().out
    c = Client()
    assert c.login(username="appbeheer", password=DEMO_WACHTWOORD)
    assert c.get("/").headers["Location"] == "/beheer/"  # no organisation: lands on /beheer/
    beheer = c.get("/beheer/").content.decode()
    assert "Inlogpogingen" in beheer and "API-sleutels" in beheer
    assert "Kinderen" not in beheer  # children's records are never in the admin
    assert 'href="/beheer/"' in c.get("/monitor/").content.decode()  # Beheer in the menu
    pk = get_user_model().objects.get(username="appbeheer").pk
    laad(schaal="klein", seed=2, tot=TOT, vervang=True, voortgang=lambda *_: None)
    assert get_user_model().objects.get(username="appbeheer").pk == pk  # kept, not made again
    assert main(["demo", "--als-leeg"]) == 0
    assert "appbeheer" in capsys.readouterr().out
