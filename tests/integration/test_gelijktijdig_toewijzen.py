"""Two planners at the same moment can never push a jeugdbeschermer over the cap (PostgreSQL)."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection, connections

from ketenzicht.domain.capaciteit import Rol
from ketenzicht.kinderen import services
from ketenzicht.kinderen.models import Gezin, Kind, Maatregel, Toewijzing
from ketenzicht.organisaties.models import Medewerker, Organisatie, Werklastnorm

pytestmark = pytest.mark.django_db(transaction=True)
START = date(2026, 11, 2)
CAP = 14


def _kinderen(gi: Organisatie, gemeente: Organisatie, n: int) -> list[Maatregel]:
    gezin = Gezin.objects.create(naam="Test")
    kinderen = Kind.objects.bulk_create(
        Kind(
            gezin=gezin,
            bsn_zoeksleutel=f"gelijktijdig-{gezin.pk}-{i}",
            bsn_versleuteld="-",
            voornaam="K",
            achternaam=str(i),
            geboortedatum=date(2015, 1, 1),
            gemeente=gemeente,
        )
        for i in range(n)
    )
    return Maatregel.objects.bulk_create(
        Maatregel(kind=k, gi=gi, code="11", beschikking_datum=START, start=START) for k in kinderen
    )


def test_duizend_gelijktijdige_pogingen_niemand_boven_de_norm() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    gi = Organisatie.objects.create(naam="GI", type="gi")
    gemeente = Organisatie.objects.create(naam="G", type="gemeente", gemeentecode="GM0001")
    Werklastnorm.objects.create(gi=gi, geldig_van=date(2026, 1, 1), clienten_per_fte=CAP)
    medewerkers = [
        Medewerker.objects.create(
            gi=gi,
            naam=f"JB {i}",
            rol=Rol.JEUGDBESCHERMER.value,
            fte=1,
            in_dienst_van=date(2020, 1, 1),
        )
        for i in range(20)
    ]
    bestaand = _kinderen(gi, gemeente, 20 * (CAP - 2))
    Toewijzing.objects.bulk_create(
        Toewijzing(maatregel=m, medewerker=medewerkers[i % 20], start=START)
        for i, m in enumerate(bestaand)
    )
    nieuw = _kinderen(gi, gemeente, 1000)  # names collide with nothing: keys differ by offset
    rng = random.Random(7)
    pogingen = [(m, rng.choice(medewerkers)) for m in nieuw]

    def probeer(paar: tuple[Maatregel, Medewerker]) -> str:
        try:
            services.jeugdbeschermer_toewijzen(
                maatregel=paar[0], medewerker=paar[1], start=START, door=None
            )
            return "ok"
        except services.BovenNorm:
            return "vol"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=16) as pool:
        uitkomsten = list(pool.map(probeer, pogingen))
    for m in medewerkers:
        assert Toewijzing.objects.filter(medewerker=m, einde__isnull=True).count() <= CAP
    assert uitkomsten.count("ok") == 20 * 2  # exactly the room there was
    assert uitkomsten.count("vol") == 1000 - 40


def test_gelijktijdig_ziek_melden_geeft_een_ziekte() -> None:
    """Two planners registering the same caseworker sick at once: one sickness, not two
    overlapping ones (the caseworker's row is locked while the registration is checked)."""
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    from ketenzicht.organisaties.models import BeschikbaarheidsPeriode
    from ketenzicht.planning import afwezigheid

    gi = Organisatie.objects.create(naam="GI", type="gi")
    tom = Medewerker.objects.create(
        gi=gi, naam="Tom", rol=Rol.JEUGDBESCHERMER.value, fte=1, in_dienst_van=date(2020, 1, 1)
    )

    def probeer(dag: int) -> str:
        try:
            afwezigheid.ziek_melden(medewerker=tom, van=date(2026, 11, dag), door=None)
            return "ok"
        except services.Weigering:
            return "geweigerd"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        uitkomsten = list(pool.map(probeer, range(1, 25)))
    assert uitkomsten.count("ok") == 1
    assert BeschikbaarheidsPeriode.objects.filter(medewerker=tom).count() == 1


def test_gelijktijdig_intrekken_trekt_een_ziekmelding_een_keer_in() -> None:
    """Eight planners withdrawing the same sickness at once: one withdrawal is stored, the
    others are told there is nothing left to withdraw (the caseworker's row is locked)."""
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    from ketenzicht.organisaties.models import Intrekking
    from ketenzicht.planning import afwezigheid, intrekking

    gi = Organisatie.objects.create(naam="GI", type="gi")
    tom = Medewerker.objects.create(
        gi=gi, naam="Tom", rol=Rol.JEUGDBESCHERMER.value, fte=1, in_dienst_van=date(2020, 1, 1)
    )
    afwezigheid.ziek_melden(medewerker=tom, van=date(2026, 11, 2), door=None)

    def probeer(i: int) -> str:
        try:
            intrekking.intrekken(medewerker=tom, wat="ziek", reden=f"vergissing {i}", door=None)
            return "ok"
        except services.Weigering as fout:
            return fout.veld or "?"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        uitkomsten = list(pool.map(probeer, range(8)))
    assert sorted(uitkomsten) == ["ok"] + ["wat"] * 7
    assert Intrekking.objects.filter(medewerker=tom).count() == 1


def test_gelijktijdige_intake_van_hetzelfde_kind_geeft_een_kind_en_een_maatregel() -> None:
    """Eight users registering the same court decision at once (a new BSN): one child and one
    OTS; the others are refused because it is running already, none fails with an error."""
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    from ketenzicht.domain.bsn import testnummers
    from ketenzicht.domain.maatregelen import MaatregelCode
    from ketenzicht.kinderen.intake import Beschikking, IntakeGeweigerd, maatregel_intake

    gi = Organisatie.objects.create(naam="GI", type="gi")
    gemeente = Organisatie.objects.create(naam="Gemeente", type="gemeente", gemeentecode="GM0001")
    beschikking = Beschikking(
        bsn=next(testnummers(vanaf=97_000)),
        voornaam="Eva",
        achternaam="Smit",
        geboortedatum=date(2015, 5, 5),
        gemeente=gemeente,
        code=MaatregelCode.OTS,
        beschikking_datum=date(2026, 11, 2),
        start=date(2026, 11, 2),
    )

    def probeer(_: int) -> str:
        try:
            maatregel_intake(beschikking, gi=gi, door=None)
            return "ok"
        except IntakeGeweigerd as fout:
            return fout.veld
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        uitkomsten = list(pool.map(probeer, range(8)))
    assert sorted(uitkomsten) == ["code"] * 7 + ["ok"]
    assert Kind.objects.count() == 1 and Maatregel.objects.count() == 1
