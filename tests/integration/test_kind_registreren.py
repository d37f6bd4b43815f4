"""Registering children: BSN validated, never echoed, never stored in plain text."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.db import connection

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.bsn import BsnOngeldig
from ketenzicht.kinderen import bsnopslag, services
from ketenzicht.kinderen.models import Gezin, Kind
from tests.conftest import volgend_bsn

pytestmark = pytest.mark.django_db


def registreer(wereld, bsn: str) -> Kind:  # type: ignore[no-untyped-def]
    return services.kind_registreren(
        bsn=bsn,
        voornaam="Noor",
        achternaam="Bakker",
        geboortedatum=date(2014, 6, 1),
        gemeente=wereld.gemeente,
        door=wereld.planner_a,
    )


def test_ongeldig_bsn_geweigerd_zonder_het_nummer_en_zonder_sporen(wereld, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    with pytest.raises(BsnOngeldig) as fout:
        registreer(wereld, "999000008")
    assert "999000008" not in str(fout.value)
    assert "elfproef" in str(fout.value)
    assert "999000008" not in caplog.text
    assert Kind.objects.count() == 0 and Gezin.objects.count() == 0
    assert AuditRegel.objects.count() == 0


def test_bsn_staat_nergens_leesbaar_in_de_database(wereld) -> None:  # type: ignore[no-untyped-def]
    bsn = volgend_bsn()
    kind = registreer(wereld, bsn)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM kinderen_kind")
        rijen = cursor.fetchall()
    assert bsn not in repr(rijen)
    assert bsnopslag.ontsleutel(kind.bsn_versleuteld).cijfers == bsn
    assert AuditRegel.objects.filter(kind_pid=kind.pid, actie="aanmaken").count() == 1


def test_dubbel_bsn_geweigerd(wereld) -> None:  # type: ignore[no-untyped-def]
    bsn = volgend_bsn()
    registreer(wereld, bsn)
    with pytest.raises(services.Weigering, match="al een kind"):
        registreer(wereld, bsn)
    assert Kind.objects.count() == 1
