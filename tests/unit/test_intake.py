"""The checks on a court decision before it is registered, and on a correction of it
(``domain.intake``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.intake import IntakeOngeldig, Registratie, controleer, controleer_correctie
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import (
    JEUGDRECLASSERINGCODES,
    EindeReden,
    MaatregelCode,
    achttiende_verjaardag,
    verjaardag,
)
from ketenzicht.domain.wachtlijst import termijn_jeugdbeschermer

VANDAAG = date(2026, 11, 20)
dagen = st.dates(min_value=date(1995, 1, 1), max_value=date(2027, 12, 31))


@given(
    code=st.sampled_from(list(MaatregelCode)),
    geboren=dagen,
    beschikking=dagen,
    start=dagen,
)
def test_wat_door_de_controle_komt_kan_bestaan(
    code: MaatregelCode, geboren: date, beschikking: date, start: date
) -> None:
    try:
        controleer(
            code=code,
            geboortedatum=geboren,
            beschikking_datum=beschikking,
            start=start,
            vandaag=VANDAAG,
        )
    except IntakeOngeldig as fout:
        assert fout.veld in {"geboortedatum", "beschikking_datum", "start"}
        return
    assert geboren <= VANDAAG and beschikking <= VANDAAG
    assert geboren <= start and beschikking <= start
    if code in JEUGDRECLASSERINGCODES and code is not MaatregelCode.PREVENTIEF_JUSTITIEEL:
        assert verjaardag(geboren, 12) <= start < verjaardag(geboren, 23)
    else:
        assert start < achttiende_verjaardag(geboren)


@pytest.mark.parametrize(
    ("code", "geboren", "veld"),
    [
        (MaatregelCode.OTS, date(2008, 11, 20), "geboortedatum"),  # 18 today
        (MaatregelCode.OTS, date(2008, 11, 21), None),  # 18 tomorrow: still a minor
        (MaatregelCode.VOOGDIJ, date(2026, 11, 20), None),  # born today
        (MaatregelCode.JR_41, date(2014, 11, 21), "geboortedatum"),  # 12 tomorrow
        (MaatregelCode.JR_41, date(2014, 11, 20), None),  # 12 today
        (MaatregelCode.JR_50, date(2003, 11, 21), None),  # adolescentenstrafrecht: 22
        (MaatregelCode.JR_50, date(2003, 11, 20), "geboortedatum"),  # 23 today
        (MaatregelCode.PREVENTIEF_JUSTITIEEL, date(2016, 1, 1), None),  # a minor, under 12
    ],
)
def test_leeftijdsgrenzen_op_de_startdag(
    code: MaatregelCode, geboren: date, veld: str | None
) -> None:
    def doe() -> None:
        controleer(
            code=code,
            geboortedatum=geboren,
            beschikking_datum=VANDAAG,
            start=VANDAAG,
            vandaag=VANDAAG,
        )

    if veld is None:
        doe()
    else:
        with pytest.raises(IntakeOngeldig) as fout:
            doe()
        assert fout.value.veld == veld


def test_een_maatregel_mag_later_ingaan_dan_de_beschikking_maar_niet_eerder() -> None:
    kwargs = {"code": MaatregelCode.OTS, "geboortedatum": date(2015, 1, 1), "vandaag": VANDAAG}
    controleer(beschikking_datum=VANDAAG, start=VANDAAG + timedelta(days=7), **kwargs)  # type: ignore[arg-type]
    with pytest.raises(IntakeOngeldig) as fout:
        controleer(beschikking_datum=VANDAAG, start=VANDAAG - timedelta(days=1), **kwargs)  # type: ignore[arg-type]
    assert fout.value.veld == "start"


def test_vijf_werkdagen_over_het_weekend_en_kerst() -> None:
    k = NederlandseKalender()
    assert termijn_jeugdbeschermer(date(2026, 11, 20), k) == date(2026, 11, 27)
    # Wed 23, Thu 24, (Christmas, weekend), Mon 28, Tue 29, Wed 30
    assert termijn_jeugdbeschermer(date(2026, 12, 22), k) == date(2026, 12, 30)


GEBOREN = date(2015, 3, 1)
WAS = Registratie(MaatregelCode.OTS, date(2026, 10, 1), date(2026, 10, 1))
GEEINDIGD = WAS._replace(einde=date(2026, 10, 15), einde_reden=EindeReden.OPGEHEVEN.value)
registraties = st.builds(
    Registratie,
    st.sampled_from([MaatregelCode.OTS, MaatregelCode.VOOGDIJ]),
    dagen,
    dagen,
    st.none() | dagen,
    st.sampled_from(["", EindeReden.OPGEHEVEN.value]),
)


@given(
    was=st.sampled_from([WAS, GEEINDIGD]),
    nieuw=registraties,
    toewijzingen=st.none() | st.tuples(dagen, dagen).map(sorted).map(tuple),
    reden=st.sampled_from(["", "  ", "verkeerde beschikking overgenomen"]),
)
def test_een_geaccepteerde_correctie_laat_een_mogelijke_maatregel_achter(
    was: Registratie,
    nieuw: Registratie,
    toewijzingen: tuple[date, date] | None,
    reden: str,
) -> None:
    try:
        controleer_correctie(
            was,
            nieuw,
            geboortedatum=GEBOREN,
            vandaag=VANDAAG,
            toewijzingen=toewijzingen,
            reden=reden,
        )
    except IntakeOngeldig as fout:
        assert fout.veld in {"code", "beschikking_datum", "start", "einde", "einde_reden", "reden"}
        return
    assert nieuw != was and reden.strip()
    assert nieuw.beschikking_datum <= nieuw.start and nieuw.beschikking_datum <= VANDAAG
    assert toewijzingen is None or nieuw.start <= toewijzingen[0]
    assert was.einde is not None or nieuw.einde is None  # a running one is not ended here
    if nieuw.einde is None:
        assert not nieuw.einde_reden
    else:
        assert nieuw.start <= nieuw.einde <= VANDAAG and nieuw.einde_reden
        assert toewijzingen is None or toewijzingen[1] <= nieuw.einde


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({}, "start", "niets veranderd"),
        ({"start": date(2026, 10, 5), "reden": " "}, "reden", "waarom"),
        ({"einde": date(2026, 9, 30)}, "einde", "niet eindigen (30-09-2026) voor haar start"),
        ({"start": date(2026, 10, 9)}, "start", "toegewezen op 08-10-2026"),
        ({"start": date(2026, 9, 30)}, "start", "voor de beschikking"),
        ({"code": MaatregelCode.JR_41}, "code", "vanaf 12 jaar"),  # 11 on the start day
        ({"einde": None}, "einde_reden", "geen reden van einde"),
        ({"einde": None, "einde_reden": ""}, None, ""),  # ended by mistake: runs again
        ({"einde": date(2026, 11, 21)}, "einde", "na vandaag"),
        ({"einde": date(2026, 10, 11)}, "einde", "begon op 12-10-2026"),
        ({"einde_reden": ""}, "einde_reden", "waarom de maatregel eindigde"),
        ({"start": date(2026, 10, 8)}, None, ""),  # the day of the first assignment: fine
        ({"einde": date(2026, 10, 12)}, None, ""),  # the day the last assignment began: fine
    ],
)
def test_correctie_weigert_met_het_veld(wijziging: dict, veld: str | None, tekst: str) -> None:  # type: ignore[type-arg]
    reden = wijziging.pop("reden", "startdatum van de verkeerde beschikking")
    nieuw = GEEINDIGD._replace(**wijziging)
    kw = {
        "geboortedatum": GEBOREN,
        "vandaag": VANDAAG,
        "toewijzingen": (date(2026, 10, 8), date(2026, 10, 12)),
        "reden": reden,
    }
    if veld is None:
        controleer_correctie(GEEINDIGD, nieuw, **kw)  # type: ignore[arg-type]
        return
    with pytest.raises(IntakeOngeldig) as fout:
        controleer_correctie(GEEINDIGD, nieuw, **kw)  # type: ignore[arg-type]
    assert fout.value.veld == veld
    assert tekst in str(fout.value).lower()


def test_een_lopende_maatregel_wordt_niet_met_een_correctie_beeindigd() -> None:
    with pytest.raises(IntakeOngeldig) as fout:
        controleer_correctie(
            WAS,
            WAS._replace(einde=date(2026, 11, 1), einde_reden=EindeReden.OPGEHEVEN.value),
            geboortedatum=GEBOREN,
            vandaag=VANDAAG,
            toewijzingen=None,
            reden="einde vergeten",
        )
    assert fout.value.veld == "einde" and "Maatregel beëindigen" in str(fout.value)
