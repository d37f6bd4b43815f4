"""Which sickness, recovery and leaving registrations make sense (domain.afwezigheid)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.afwezigheid import (
    AfwezigheidOngeldig,
    controleer_betermelding,
    controleer_indiensttreding,
    controleer_intrekking_betermelding,
    controleer_intrekking_indiensttreding,
    controleer_intrekking_vertrek,
    controleer_intrekking_ziekte,
    controleer_vertrek,
    controleer_ziekmelding,
    intrekbaar,
    inwerken_tot,
    relatie_eindigt_op,
    relaties_eindigen_bij,
)
from ketenzicht.domain.capaciteit import MedewerkerStand, Rol, verloop_pct
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.wachtlijst import effectieve_toewijzing

DIENST = Periode(date(2024, 1, 1))
VANDAAG = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("van", "ziekten", "dienst", "woord"),
    [
        (date(2023, 12, 31), [], DIENST, "In dienst sinds 01-01-2024"),
        (date(2026, 3, 1), [], Periode(date(2024, 1, 1), date(2026, 3, 1)), "Uit dienst per"),
        (date(2026, 3, 1), [Periode(date(2026, 2, 1))], DIENST, "Al ziek sinds 01-02-2026"),
        (
            date(2026, 2, 5),
            [Periode(date(2026, 2, 1), date(2026, 2, 10))],
            DIENST,
            "Overlapt de ziekte van 01-02-2026 tot 10-02-2026",
        ),
        (date(2026, 1, 5), [Periode(date(2026, 2, 1), date(2026, 2, 10))], DIENST, "Overlapt"),
    ],
)
def test_a_sickness_that_cannot_be_is_refused_saying_why(van, ziekten, dienst, woord) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AfwezigheidOngeldig, match=woord):
        controleer_ziekmelding(van, dienst, ziekten)


def test_sick_again_after_an_earlier_sickness_ended() -> None:
    controleer_ziekmelding(
        date(2026, 2, 10), DIENST, [Periode(date(2026, 2, 1), date(2026, 2, 10))]
    )


def test_better_ends_the_running_sickness_from_the_day_after_it_began() -> None:
    lopend = Periode(date(2026, 11, 1))
    assert (
        controleer_betermelding(
            date(2026, 11, 2), [Periode(date(2026, 1, 1), date(2026, 1, 5)), lopend]
        )
        == lopend
    )
    with pytest.raises(AfwezigheidOngeldig, match="de dag daarna"):
        controleer_betermelding(date(2026, 11, 1), [lopend])
    with pytest.raises(AfwezigheidOngeldig, match="Niet ziek gemeld"):
        controleer_betermelding(date(2026, 11, 2), [Periode(date(2026, 1, 1), date(2026, 1, 5))])


def test_leaving_once_after_the_start_and_not_in_the_past() -> None:
    controleer_vertrek(VANDAAG, DIENST, VANDAAG)
    with pytest.raises(AfwezigheidOngeldig, match="Al uit dienst per 01-12-2026"):
        controleer_vertrek(VANDAAG, Periode(DIENST.van, date(2026, 12, 1)), VANDAAG)
    with pytest.raises(AfwezigheidOngeldig, match="functioneel beheerder"):
        controleer_vertrek(VANDAAG - timedelta(days=1), DIENST, VANDAAG)
    with pytest.raises(AfwezigheidOngeldig, match="pas daarna"):
        controleer_vertrek(DIENST.van, DIENST, DIENST.van)


def test_the_functioneel_beheerder_may_register_a_past_leaving_date_and_nothing_else_more() -> None:
    gisteren = VANDAAG - timedelta(days=1)
    controleer_vertrek(gisteren, DIENST, VANDAAG, verleden=True)
    with pytest.raises(AfwezigheidOngeldig, match="Al uit dienst"):
        controleer_vertrek(gisteren, Periode(DIENST.van, date(2026, 12, 1)), VANDAAG, verleden=True)
    with pytest.raises(AfwezigheidOngeldig, match="pas daarna"):
        controleer_vertrek(DIENST.van, DIENST, VANDAAG, verleden=True)


@given(
    st.dates(date(2024, 1, 2), date(2027, 1, 1)),
    st.integers(1, 90),
    st.integers(0, 200),
)
def test_sickness_ends_the_relation_exactly_when_it_reaches_the_threshold(
    van: date, drempel: int, duur: int
) -> None:
    """The day the planner is told the children go to the internal list is the day the
    waitlist moves them there: one rule for both."""
    toewijzing = Periode(date(2024, 1, 1))
    ziekte = Periode(van, van + timedelta(days=duur))
    effectief = effectieve_toewijzing(toewijzing, None, [ziekte], drempel)
    if duur > drempel:
        assert effectief.tot == relatie_eindigt_op(van, drempel)
    else:
        assert effectief.tot is None


@given(
    per=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    fte=st.floats(min_value=-1, max_value=2, allow_nan=False),
    weken=st.integers(-5, 80),
    verleden=st.booleans(),
)
def test_indiensttreding_vanaf_vandaag_tot_een_jaar_vooruit(
    per: date, fte: float, weken: int, verleden: bool
) -> None:
    """From today (for the functioneel beheerder, ``verleden``, also before) up to a year."""
    vandaag = date(2026, 11, 20)
    vanaf = date.min if verleden else vandaag
    mag = 0 < fte <= 1.2 and 0 <= weken <= 52 and vanaf <= per <= vandaag + timedelta(days=366)
    try:
        controleer_indiensttreding(per, fte, weken, vandaag, verleden=verleden)
    except AfwezigheidOngeldig as fout:
        assert not mag and fout.veld in {"fte", "inwerkweken", "datum"}
    else:
        assert mag
        tot = inwerken_tot(per, weken)  # onboarding, if any, ends after it began
        assert tot is None if weken == 0 else tot == per + timedelta(weeks=weken) > per


dagen = st.dates(date(2024, 1, 1), date(2027, 12, 31))


@given(ingetrokken_van=dagen, van=dagen, drempel=st.integers(1, 90))
def test_a_withdrawn_sickness_is_as_if_it_never_was(
    ingetrokken_van: date, van: date, drempel: int
) -> None:
    """Withdrawn, a sickness is the empty period [van, van): it blocks no new sickness, not
    even one from before it, and ends no vaste relation."""
    weg = Periode(ingetrokken_van, ingetrokken_van)
    assert weg.leeg
    controleer_ziekmelding(van, DIENST, [weg])
    toewijzing = Periode(date(2024, 1, 1))
    assert effectieve_toewijzing(toewijzing, None, [weg], drempel) == toewijzing


def test_only_a_running_sickness_is_withdrawn_and_with_a_reason() -> None:
    lopend = Periode(date(2026, 11, 1))
    voorbij = Periode(date(2026, 1, 1), date(2026, 1, 5))
    assert not voorbij.leeg and not lopend.leeg
    assert controleer_intrekking_ziekte([voorbij, lopend], "Verkeerde collega") == lopend
    with pytest.raises(AfwezigheidOngeldig, match="Niet ziek gemeld") as fout:
        controleer_intrekking_ziekte([voorbij], "Verkeerde collega")
    assert fout.value.veld == "wat"
    with pytest.raises(AfwezigheidOngeldig, match="waarom") as fout:
        controleer_intrekking_ziekte([lopend], " \n ")
    assert fout.value.veld == "reden"


@given(per=dagen, vandaag=dagen)
def test_a_leaving_date_is_withdrawn_only_before_it_takes_effect(per: date, vandaag: date) -> None:
    """The first day no longer employed is withdrawn up to the day before; from that day on it
    changes figures already counted, as registering a past leaving date would."""
    dienst = Periode(date(2023, 1, 1), per)
    if per > vandaag:
        assert controleer_intrekking_vertrek(dienst, vandaag, "Blijft toch") == per
    else:
        with pytest.raises(AfwezigheidOngeldig, match="functioneel beheerder"):
            controleer_intrekking_vertrek(dienst, vandaag, "Blijft toch")
    with pytest.raises(AfwezigheidOngeldig, match="Geen datum uit dienst"):
        controleer_intrekking_vertrek(DIENST, vandaag, "Blijft toch")


@given(eerste_dag=dagen, vandaag=dagen)
def test_a_joining_is_withdrawn_only_before_the_first_day(eerste_dag: date, vandaag: date) -> None:
    dienst = Periode(eerste_dag)
    if eerste_dag > vandaag:
        assert controleer_intrekking_indiensttreding(dienst, vandaag, "Afgezegd") == eerste_dag
    else:
        with pytest.raises(AfwezigheidOngeldig, match="meld uit dienst"):
            controleer_intrekking_indiensttreding(dienst, vandaag, "Afgezegd")


@given(
    eerste_dag=dagen,
    peildatum=dagen,
    fte=st.floats(min_value=0.1, max_value=1.2),
    vertrek=st.none() | dagen,
)
def test_a_withdrawn_joining_is_neither_formation_nor_turnover(
    eerste_dag: date, peildatum: date, fte: float, vertrek: date | None
) -> None:
    """A colleague whose joining was withdrawn (the empty employment) changes no staff figure."""
    blijver = MedewerkerStand(Rol.JEUGDBESCHERMER, 1.0, Periode(date(2020, 1, 1)))
    if vertrek is not None and vertrek > date(2020, 1, 1):
        blijver = MedewerkerStand(Rol.JEUGDBESCHERMER, 1.0, Periode(date(2020, 1, 1), vertrek))
    nooit = MedewerkerStand(Rol.JEUGDBESCHERMER, fte, Periode(eerste_dag, eerste_dag))
    assert nooit.dienstverband.leeg and not nooit.in_dienst(eerste_dag)
    assert verloop_pct([blijver, nooit], peildatum) == verloop_pct([blijver], peildatum)


@given(
    van=dagen,
    ziekte_tot=st.none() | st.integers(0, 60),
    vertrek=st.none() | st.integers(0, 400),
    vandaag=dagen,
)
def test_what_a_page_offers_to_withdraw_is_what_the_rules_accept(
    van: date, ziekte_tot: int | None, vertrek: int | None, vandaag: date
) -> None:
    """The form offers exactly the withdrawals the service would take (given a reason)."""
    ziekten = [Periode(van, None if ziekte_tot is None else van + timedelta(days=ziekte_tot))]
    dienst = Periode(van, None if vertrek is None else van + timedelta(days=vertrek))
    regels = {
        "ziek": lambda: controleer_intrekking_ziekte(ziekten, "Vergissing"),
        "beter": lambda: controleer_intrekking_betermelding(ziekten, None, 28, "Vergissing"),
        "uit_dienst": lambda: controleer_intrekking_vertrek(dienst, vandaag, "Vergissing"),
        "in_dienst": lambda: controleer_intrekking_indiensttreding(dienst, vandaag, "Vergissing"),
    }
    aanvaard = set()
    for wat, regel in regels.items():
        try:
            regel()
        except AfwezigheidOngeldig:
            continue
        aanvaard.add(wat)
    assert intrekbaar(ziekten, dienst, vandaag) == aanvaard


def test_only_the_recovery_of_the_latest_sickness_is_withdrawn_and_with_a_reason() -> None:
    eerder = Periode(date(2026, 1, 1), date(2026, 1, 5))
    laatste = Periode(date(2026, 10, 1), date(2026, 10, 9))
    weg = Periode(date(2026, 11, 1), date(2026, 11, 1))  # a sickness withdrawn since
    assert controleer_intrekking_betermelding([eerder, laatste, weg], None, 28, "Te vroeg") == (
        laatste
    )
    for ziekten, woord in (([], "nooit ziek"), ([eerder, Periode(date(2026, 11, 2))], "nog ziek")):
        with pytest.raises(AfwezigheidOngeldig, match=woord) as fout:
            controleer_intrekking_betermelding(ziekten, None, 28, "Te vroeg")
        assert fout.value.veld == "wat"
    with pytest.raises(AfwezigheidOngeldig, match="waarom") as fout:
        controleer_intrekking_betermelding([laatste], None, 28, "  ")
    assert fout.value.veld == "reden"


@given(duur=st.integers(1, 120), juist=st.none() | st.integers(-5, 120), drempel=st.integers(1, 90))
def test_a_right_recovery_date_is_taken_unless_it_would_undo_the_handover(
    duur: int, juist: int | None, drempel: int
) -> None:
    """The right date (days after the sickness began; none: still ill) is taken when it is a
    day after the first and not the date already there, except when the date registered had
    let the children go at the threshold and the right one falls on or before it: that
    handover is undone by assigning the children again, not by a date."""
    van = date(2026, 6, 1)
    ziekte = Periode(van, van + timedelta(days=duur))
    per = None if juist is None else van + timedelta(days=juist)
    eindigt = relatie_eindigt_op(van, drempel)
    geweigerd = per is not None and (
        per <= van or per == ziekte.tot or (ziekte.tot is not None and ziekte.tot > eindigt >= per)
    )
    if geweigerd:
        with pytest.raises(AfwezigheidOngeldig) as fout:
            controleer_intrekking_betermelding([ziekte], per, drempel, "Verkeerde datum")
        assert fout.value.veld == "per"
    else:
        assert controleer_intrekking_betermelding([ziekte], per, drempel, "Verkeerde datum") == (
            ziekte
        )


def test_relations_end_at_the_threshold_once_a_recovery_after_it_is_registered() -> None:
    """A recovery after the threshold registers the end of the vaste relations on the
    threshold day, unless the recovery it replaces was after it too (registered then)."""
    van, drempel = date(2026, 6, 1), 28
    eindigt = relatie_eindigt_op(van, drempel)
    na, voor = eindigt + timedelta(days=3), eindigt - timedelta(days=3)
    assert relaties_eindigen_bij(van, None, na, drempel) == eindigt  # a running sickness
    assert relaties_eindigen_bij(van, voor, na, drempel) == eindigt  # moved past it
    assert relaties_eindigen_bij(van, na + timedelta(days=1), na, drempel) is None  # done then
    assert relaties_eindigen_bij(van, None, eindigt, drempel) is None  # back on the day itself
    assert relaties_eindigen_bij(van, na, None, drempel) is None  # still ill: nothing now
