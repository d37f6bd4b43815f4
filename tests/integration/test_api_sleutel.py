"""API keys for case systems' links: made by ``ketenzicht sleutel`` or in /beheer/, used as
``Authorization: Bearer``, acting and audited as their user, refused once revoked or expired,
and never kept in the clear."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.selectors import logging_van
from ketenzicht.cli import main
from ketenzicht.toegang.models import ApiSleutel

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]


def _sleutel(capsys, gebruiker: str = "planner_a", *extra: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    args = ["sleutel", "aanmaken", "--gebruiker", gebruiker, "--naam", "Zaaksysteem", *extra]
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _get(url: str, sleutel: str) -> Any:
    return Client().get(url, HTTP_AUTHORIZATION=f"Bearer {sleutel}")


def test_koppeling_ziet_wat_haar_gebruiker_ziet_en_wordt_gelogd(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    eigen, _ = wereld.kind(wereld.gi_a, start=date(2026, 10, 1))
    ander, _ = wereld.kind(wereld.gi_b, start=date(2026, 10, 1))
    nieuw = _sleutel(capsys)
    sleutel = nieuw["sleutel"]
    assert sleutel.startswith(nieuw["prefix"]) and len(sleutel) > 40
    assert nieuw["verloopt_op"].startswith("2027-11-20") and nieuw["laatst_gebruikt"] is None

    r = _get(reverse("api-kind", args=[eigen.pid]), sleutel)
    assert r.status_code == 200 and r.json()["kind"] == str(eigen.pid)
    assert _get(reverse("api-kind", args=[ander.pid]), sleutel).status_code == 404
    regel = AuditRegel.objects.get(kind_pid=eigen.pid, actie="lezen")
    assert (regel.gebruikersnaam, regel.kanaal, regel.organisatie) == (
        "planner_a",
        "api",
        "GI Alfa",
    )
    assert regel.via == nieuw["prefix"]  # the log names the link's key
    sessie = Client()  # the same user by session: no key named
    sessie.force_login(wereld.planner_a)
    sessie.get(reverse("api-kind", args=[eigen.pid]))
    assert AuditRegel.objects.filter(kind_pid=eigen.pid, actie="lezen", via="").count() == 1
    # and the record's log, which the functioneel beheerder reads, names it too
    vias = {r.via for r in logging_van(kind_pid=eigen.pid, organisatie="GI Alfa").regels}
    assert vias == {nieuw["prefix"], ""}

    rij = ApiSleutel.objects.get()
    assert rij.laatst_gebruikt == timezone.now()
    assert sleutel not in json.dumps(list(ApiSleutel.objects.values()), default=str)

    assert main(["sleutel", "lijst", "--format", "json"]) == 0
    lijst = json.loads(capsys.readouterr().out)
    assert [(s["prefix"], s["naam"], s["gebruiker"]) for s in lijst] == [
        (rij.prefix, "Zaaksysteem", "planner_a")
    ]
    assert "sleutel" not in lijst[0] and lijst[0]["laatst_gebruikt"] is not None


def test_ingetrokken_verlopen_onbekend_of_inactief_wordt_geweigerd(wereld, capsys) -> None:  # type: ignore[no-untyped-def]
    url = reverse("api-wachtlijst")
    intrekken = _sleutel(capsys)
    assert _get(url, intrekken["sleutel"]).status_code == 200
    assert main(["sleutel", "intrekken", "--prefix", intrekken["prefix"]]) == 0
    assert f"{intrekken['prefix']}… (Zaaksysteem) ingetrokken op" in capsys.readouterr().out
    r = _get(url, intrekken["sleutel"])
    assert r.status_code == 401 and "ingetrokken" in r.json()["detail"]
    assert r["WWW-Authenticate"] == 'Bearer realm="api"'

    kort = _sleutel(capsys, "planner_a", "--dagen", "2")
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        r = _get(url, kort["sleutel"])
        assert r.status_code == 401 and "verlopen" in r.json()["detail"]
        assert main(["sleutel", "lijst"]) == 0  # the list says so too, not "geldig"
        regels = {r.split()[0]: r.split()[-1] for r in capsys.readouterr().out.splitlines()[1:]}
        assert regels == {kort["prefix"]: "verlopen", intrekken["prefix"]: "ingetrokken"}

    geraden = kort["sleutel"][:-4] + "AAAA"
    r = _get(url, geraden)
    assert r.status_code == 401 and "Onbekende API-sleutel" in r.json()["detail"]
    r = Client().get(url, HTTP_AUTHORIZATION="Bearer")
    assert r.status_code == 401 and "Bearer <sleutel>" in r.json()["detail"]

    van_b = _sleutel(capsys, "planner_b")
    get_user_model().objects.filter(username="planner_b").update(is_active=False)
    r = _get(url, van_b["sleutel"])
    assert r.status_code == 401 and "inactief" in r.json()["detail"]


@pytest.mark.parametrize(
    ("args", "fout"),
    [
        (["aanmaken", "--gebruiker", "niemand", "--naam", "X"], "gebruiker: geen actieve"),
        (["aanmaken", "--gebruiker", "planner_a", "--naam", "  "], "naam: geef"),
        (["aanmaken", "--gebruiker", "planner_a", "--naam", "X", "--dagen", "0"], "dagen:"),
        (["aanmaken", "--gebruiker", "planner_a", "--naam", "X" * 101], "naam: hoogstens"),
        (["aanmaken", "--naam", "X"], "geef --gebruiker en --naam"),
        (["intrekken", "--prefix", "kz_onbekend"], "geen API-sleutel"),
        (["intrekken"], "geef --prefix"),
    ],
)
def test_cli_weigert_met_naam_van_wat_fout_is(wereld, capsys, args, fout) -> None:  # type: ignore[no-untyped-def]
    assert main(["sleutel", *args]) == 2
    assert fout in capsys.readouterr().err
    assert not ApiSleutel.objects.exists()


def test_beheer_maakt_een_sleutel_en_toont_hem_een_keer(wereld) -> None:  # type: ignore[no-untyped-def]
    beheerder = get_user_model().objects.create_superuser("fb", password="x" * 12)
    c = Client()
    c.force_login(beheerder)
    r = c.post(
        "/beheer/toegang/apisleutel/add/",
        {"gebruiker": wereld.planner_a.pk, "naam": "Zaaksysteem", "dagen": 30},
        follow=True,
    )
    rij = ApiSleutel.objects.get()
    meldingen = [str(m) for m in r.context["messages"]]
    sleutel = next(m for m in meldingen if rij.prefix in m).split(": ")[1].split(" ")[0]
    assert _get(reverse("api-wachtlijst"), sleutel).status_code == 200
    assert rij.aangemaakt_door == "fb" and rij.verloopt_op == timezone.now() + timedelta(days=30)
    detail = c.get(f"/beheer/toegang/apisleutel/{rij.pk}/change/").content.decode()
    assert sleutel not in detail and rij.prefix in detail

    c.post(
        "/beheer/toegang/apisleutel/",
        {"action": "intrekken", "_selected_action": [rij.pk]},
    )
    rij.refresh_from_db()
    assert rij.ingetrokken_op == timezone.now()
    assert _get(reverse("api-wachtlijst"), sleutel).status_code == 401
