"""Kept monitor figures (``monitor.bewaren``): a figure at a peildatum is reused until a fact
registered since touches that peildatum, and is then the figure computed afresh."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, ToewijzingEindeReden
from ketenzicht.domain.uitvraag import KOLOMMEN
from ketenzicht.kinderen import services
from ketenzicht.kinderen.correctie import Correctie, maatregel_corrigeren
from ketenzicht.kinderen.models import Maatregel, Toewijzing
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.monitor import selectors
from ketenzicht.monitor.bewaren import MARGE
from ketenzicht.monitor.gebieden import gebieden
from ketenzicht.monitor.selectors import reeks
from ketenzicht.monitor.uitvraag import importeren
from ketenzicht.organisaties.models import Medewerker, Organisatie, Werklastnorm
from ketenzicht.planning.afwezigheid import beter_melden, uit_dienst_melden, ziek_melden
from ketenzicht.planning.indienst import in_dienst_nemen
from ketenzicht.planning.intrekking import intrekken
from tests.integration.conftest import Wereld, in_beheer_wijzigen

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
VANDAAG = date(2026, 11, 20)
PEILDATA = [date(2025, 10, 1), date(2026, 4, 1), date(2026, 10, 1), VANDAAG]
EERSTE = date(2025, 1, 1)


@pytest.fixture
def klok() -> Iterator[Any]:
    """The clock stands still until the test moves it on."""
    with time_machine.travel(datetime(2026, 11, 20, 9, 0, tzinfo=AMS), tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def gi(wereld: Wereld, klok: Any) -> Wereld:
    """GI Alfa since 2025: two caseworkers, six measures begun over the year, four assigned;
    a second gemeente in another jeugdregio for moves."""
    regio = Organisatie.objects.create(naam="Jeugdregio Ander", type=Organisatie.Type.JEUGDREGIO)
    Organisatie.objects.create(
        naam="Gemeente Ander", type=Organisatie.Type.GEMEENTE, gemeentecode="GM9998", regio=regio
    )
    tom, ria = wereld.medewerker(wereld.gi_a), wereld.medewerker(wereld.gi_a, fte=0.8)
    for i, start in enumerate(date(2025, m, 3) for m in (1, 3, 5, 7, 9, 11)):
        _, maatregel = wereld.kind(wereld.gi_a, start=start, voornaam=f"Kind{i}")
        if i < 4:
            services.jeugdbeschermer_toewijzen(
                maatregel=maatregel, medewerker=(tom, ria)[i % 2], start=start, door=None
            )
    later(klok)  # what a figure computed from now on holds, it holds for good
    return wereld


def later(klok: Any) -> None:
    """Move the clock past the margin a computation leaves for transactions still open."""
    klok.shift(MARGE + timedelta(minutes=1))


@pytest.fixture
def bewaard(gi: Wereld, klok: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[date]]:
    """The figures at ``PEILDATA`` kept, the clock moved on, and from then on the list of the
    peildata the monitor is computed for (not read from what was kept)."""
    voor = reeks(PEILDATA)
    berekend: list[date] = []
    echt = selectors.monitor

    def monitor(**kwargs: Any) -> Any:
        berekend.append(kwargs["peildatum"])
        return echt(**kwargs)

    monkeypatch.setattr(selectors, "monitor", monitor)
    later(klok)
    return voor, berekend


def _dag() -> st.SearchStrategy[date]:
    """Any day since 2025, often a peildatum or a day beside one (where a wrong bound shows)."""
    rond = [
        p + timedelta(days=d) for p in PEILDATA for d in (-1, 0, 1) if p + timedelta(d) <= VANDAAG
    ]
    return st.one_of(st.sampled_from(rond), st.dates(EERSTE, VANDAAG))


FEITEN = st.one_of(
    st.tuples(st.just("maatregel"), _dag()),
    st.tuples(st.just("toewijzen"), st.integers(0, 20), _dag()),
    st.tuples(st.just("toewijzing_einde"), st.integers(0, 20), _dag()),
    st.tuples(st.just("maatregel_einde"), st.integers(0, 20), _dag()),
    st.tuples(st.just("ziek"), st.integers(0, 1), _dag()),
    st.tuples(st.just("beter"), st.integers(0, 1), st.integers(1, 60)),  # days after ziek
    st.tuples(st.just("uit_dienst"), st.integers(0, 1), st.integers(0, 30)),  # after today
    st.tuples(st.just("correctie"), st.integers(0, 20), st.integers(-90, 90)),  # start moved
    st.tuples(st.just("verhuizing"), st.integers(0, 20), _dag()),
    st.tuples(st.just("in_dienst"), _dag()),
)


def registreer(wereld: Wereld, feit: tuple[Any, ...]) -> None:
    """Register ``feit`` as a user would; one the services refuse changes nothing."""
    soort, *args = feit
    maatregelen = list(Maatregel.objects.filter(gi=wereld.gi_a).order_by("pk"))
    medewerkers = list(Medewerker.objects.filter(gi=wereld.gi_a).order_by("pk"))
    try:
        if soort == "maatregel":
            wereld.kind(wereld.gi_a, start=args[0], code=MaatregelCode.VOOGDIJ)
        elif soort == "in_dienst":
            wereld.medewerker(wereld.gi_a, in_dienst=args[0])
        elif soort == "ziek":
            ziek_melden(medewerker=medewerkers[args[0]], van=args[1], door=None)
        elif soort == "beter":
            ziek = medewerkers[args[0]].perioden.filter(tot__isnull=True).first()
            if ziek is not None:
                per = min(ziek.van + timedelta(days=args[1]), VANDAAG)
                beter_melden(medewerker=medewerkers[args[0]], per=per, door=None)
        elif soort == "uit_dienst":
            per = VANDAAG + timedelta(days=args[1])
            uit_dienst_melden(medewerker=medewerkers[args[0]], per=per, door=None)
        else:
            m = maatregelen[args[0] % len(maatregelen)]
            _maatregel_feit(wereld, soort, m, args[1], medewerkers)
    except services.Weigering:
        pass


def _maatregel_feit(
    wereld: Wereld, soort: str, m: Maatregel, dag: Any, medewerkers: list[Medewerker]
) -> None:
    # a day before the measure (or assignment) began is moved to the day after: a fact the
    # services refuse would test nothing
    if soort == "toewijzen":
        services.jeugdbeschermer_toewijzen(
            maatregel=m,
            medewerker=medewerkers[m.pk % 2],
            start=_na(dag, m.start),
            door=None,
            override_reden="boven de norm in de test",
        )
    elif soort == "toewijzing_einde":
        lopend = m.toewijzingen.filter(einde__isnull=True).first()
        if lopend is not None:
            services.toewijzing_beeindigen(
                toewijzing=lopend,
                einde=_na(dag, lopend.start),
                reden=ToewijzingEindeReden.OVERDRACHT,
                door=None,
            )
    elif soort == "maatregel_einde":
        services.maatregel_beeindigen(
            maatregel=m, einde=_na(dag, m.start), reden=EindeReden.OPGEHEVEN, door=None
        )
    elif soort == "correctie":
        start = min(m.start + timedelta(days=dag), VANDAAG)
        nieuw = Correctie(m.maatregelcode, start, start, "verkeerde startdatum")
        maatregel_corrigeren(m, nieuw, door=None)
    elif soort == "verhuizing":
        ander = Organisatie.objects.get(gemeentecode="GM9998")
        gemeente = wereld.gemeente if m.kind.gemeente_id == ander.pk else ander
        verhuizing_registreren(m.kind, gemeente, per=dag, door=None)


def _na(dag: date, begin: date) -> date:
    return dag if dag > begin else min(begin + timedelta(days=1), VANDAAG)


def alles() -> tuple[object, ...]:
    return (reeks(PEILDATA), [gebieden(peildatum=p) for p in PEILDATA])


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(feiten=st.lists(FEITEN, min_size=1, max_size=4))
def test_een_bewaard_cijfer_is_het_cijfer_van_nu(gi: Wereld, klok: Any, feiten: list) -> None:  # type: ignore[type-arg]
    """After each fact (on the history the examples before left), every kept figure is the
    one computed afresh."""
    alles()  # kept
    for feit in feiten:
        later(klok)
        registreer(gi, feit)
        bewaard = alles()
        cache.clear()
        assert bewaard == alles(), feit  # (which keeps them again)


def _maatregel(start: date) -> Maatregel:
    return Maatregel.objects.get(start=start)


def _tom() -> Medewerker:
    return Medewerker.objects.order_by("pk")[0]


def _lever_aan(gi: str, peildatum: date) -> None:
    """``gi`` delivers its figures of ``peildatum`` (the uitvraag), as ``uitvraag import``."""
    rij = [gi, peildatum.isoformat(), "1000", "80", "70", "15", "7", "10", "30", "20", "40"]
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "uitvraag.csv"
        with pad.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([list(KOLOMMEN), rij])
        importeren(pad)


# Per kind of fact, one registered late that changes a past peildatum's figures: (what is
# registered before the figures are kept, the fact registered after).
ACHTERAF = {
    "maatregel": (None, lambda w: w.kind(w.gi_a, start=date(2026, 3, 2), voornaam="Laat")),
    "toewijzing": (
        None,
        lambda w: services.jeugdbeschermer_toewijzen(
            maatregel=_maatregel(date(2025, 9, 3)),
            medewerker=_tom(),
            start=date(2025, 9, 20),
            door=None,
        ),
    ),
    "einde toewijzing": (
        None,
        lambda w: services.toewijzing_beeindigen(
            toewijzing=_maatregel(date(2025, 1, 3)).toewijzingen.get(),
            einde=date(2025, 9, 1),
            reden=ToewijzingEindeReden.OVERDRACHT,
            door=None,
        ),
    ),
    "einde maatregel": (
        None,
        lambda w: services.maatregel_beeindigen(  # one still waiting: no assignment ends
            maatregel=_maatregel(date(2025, 9, 3)),
            einde=date(2025, 9, 20),
            reden=EindeReden.OPGEHEVEN,
            door=None,
        ),
    ),
    "ziek": (None, lambda w: ziek_melden(medewerker=_tom(), van=date(2025, 8, 1), door=None)),
    "beter": (
        lambda w: ziek_melden(medewerker=_tom(), van=date(2025, 9, 20), door=None),
        lambda w: beter_melden(medewerker=_tom(), per=date(2025, 9, 25), door=None),
    ),
    "ziekte ingetrokken": (
        lambda w: ziek_melden(medewerker=_tom(), van=date(2026, 9, 1), door=None),
        lambda w: intrekken(medewerker=_tom(), wat="ziek", reden="verkeerde collega", door=None),
    ),
    "betermelding ingetrokken": (  # ill again from 20 September 2025
        lambda w: (
            ziek_melden(medewerker=_tom(), van=date(2025, 9, 20), door=None),
            beter_melden(medewerker=_tom(), per=date(2025, 9, 25), door=None),
        ),
        lambda w: intrekken(medewerker=_tom(), wat="beter", reden="nog ziek", door=None),
    ),
    "betermelding eerder": (  # at work again before 1 October 2025 after all
        lambda w: (
            ziek_melden(medewerker=_tom(), van=date(2025, 9, 20), door=None),
            beter_melden(medewerker=_tom(), per=date(2025, 10, 5), door=None),
        ),
        lambda w: intrekken(
            medewerker=_tom(), wat="beter", reden="typfout", door=None, per=date(2025, 9, 25)
        ),
    ),
    "uit dienst": (
        None,
        lambda w: uit_dienst_melden(medewerker=_tom(), per=VANDAAG, door=None),
    ),
    "startdatum later": (
        None,
        lambda w: maatregel_corrigeren(
            _maatregel(date(2025, 9, 3)),
            Correctie(MaatregelCode.OTS, date(2025, 10, 15), date(2025, 10, 15), "verkeerd"),
            door=None,
        ),
    ),
    "in dienst": (
        None,
        lambda w: in_dienst_nemen(
            gi=w.gi_a,
            naam="Nieuw",
            rol=Rol.JEUGDBESCHERMER,
            fte=Decimal(1),
            per=VANDAAG,
            inwerkweken=0,
            door=None,
        ),
    ),
    "werklastnorm": (  # a shorter ziektedrempel since June 2025 (not through /beheer/)
        lambda w: ziek_melden(medewerker=_tom(), van=date(2025, 9, 20), door=None),
        lambda w: Werklastnorm.objects.create(
            gi=w.gi_a, geldig_van=date(2025, 6, 1), ziekte_drempel_dagen=7
        ),
    ),
    "uitvraag": (None, lambda w: _lever_aan("GI Beta", date(2026, 10, 1))),
    "verhuizing": (
        None,
        lambda w: verhuizing_registreren(
            _maatregel(date(2025, 1, 3)).kind,
            Organisatie.objects.get(gemeentecode="GM9998"),
            per=date(2025, 9, 1),
            door=None,
        ),
    ),
}


@pytest.mark.parametrize("soort", ACHTERAF)
def test_een_feit_achteraf_geeft_het_cijfer_van_nu(gi: Wereld, klok: Any, soort: str) -> None:
    eerst, feit = ACHTERAF[soort]
    if eerst is not None:
        eerst(gi)
        later(klok)
    voor = alles()
    later(klok)
    feit(gi)

    bewaard = alles()
    cache.clear()
    assert bewaard == alles()
    assert bewaard != voor  # the fact did change a figure


def test_een_toewijzing_van_vandaag_laat_eerdere_peildata_staan(
    gi: Wereld, bewaard: tuple[list[Any], list[date]]
) -> None:
    _, berekend = bewaard
    wachtend = Maatregel.objects.filter(gi=gi.gi_a, toewijzingen__isnull=True).first()
    assert wachtend is not None
    services.jeugdbeschermer_toewijzen(
        maatregel=wachtend, medewerker=Medewerker.objects.first(), start=VANDAAG, door=None
    )

    na = reeks(PEILDATA)
    assert berekend == [VANDAAG]  # only today's figures can have changed
    assert na[-1].landelijk.wachtlijst_start.aantal == 1
    assert reeks(PEILDATA) == na and berekend == [VANDAAG]  # and now that is kept too


def test_een_ziekte_met_terugwerkende_kracht_telt_vanaf_haar_eerste_dag(
    bewaard: tuple[list[Any], list[date]],
) -> None:
    voor, berekend = bewaard
    ziek_melden(medewerker=_tom(), van=date(2026, 3, 2), door=None)  # registered only now

    na = reeks(PEILDATA)
    assert berekend == [date(2026, 4, 1), date(2026, 10, 1), VANDAAG]
    assert na[0] == voor[0]
    assert na[2].landelijk.wachtlijst_intern.aantal > voor[2].landelijk.wachtlijst_intern.aantal


def test_een_wijziging_in_beheer_rekent_elke_peildatum_opnieuw(
    gi: Wereld, bewaard: tuple[list[Any], list[date]], admin_client: Any
) -> None:
    voor, berekend = bewaard
    ria = Medewerker.objects.filter(gi=gi.gi_a).order_by("pk").last()
    assert ria is not None
    in_beheer_wijzigen(admin_client, ria, fte="1.0")  # an fte has no registration moment

    na = reeks(PEILDATA)
    assert berekend == PEILDATA
    assert na[0].landelijk.fte_formatie == pytest.approx(voor[0].landelijk.fte_formatie + 0.2)


def test_een_verwijderd_feit_rekent_opnieuw(bewaard: tuple[list[Any], list[date]]) -> None:
    voor, berekend = bewaard
    Toewijzing.objects.filter(maatregel__start=date(2025, 1, 3)).delete()

    na = reeks(PEILDATA)
    assert berekend == PEILDATA
    assert na[0].landelijk.wachtlijst_start.aantal == voor[0].landelijk.wachtlijst_start.aantal + 1
