"""The checks on a court decision before it is registered, and on a correction of it
(``domain.intake``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.intake import IntakeOngeldig, controleer, controleer_correctie
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import (
    JEUGDRECLASSERINGCODES,
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
WAS = (MaatregelCode.OTS, date(2026, 10, 1), date(2026, 10, 1))


@given(
    code=st.sampled_from([MaatregelCode.OTS, MaatregelCode.VOOGDIJ]),
    beschikking=dagen,
    start=dagen,
    einde=st.none() | dagen,
    eerste_toewijzing=st.none() | dagen,
    reden=st.sampled_from(["", "  ", "verkeerde beschikking overgenomen"]),
)
def test_een_geaccepteerde_correctie_laat_een_mogelijke_maatregel_achter(
    code: MaatregelCode,
    beschikking: date,
    start: date,
    einde: date | None,
    eerste_toewijzing: date | None,
    reden: str,
) -> None:
    try:
        controleer_correctie(
            code=code,
            geboortedatum=GEBOREN,
            beschikking_datum=beschikking,
            start=start,
            vandaag=VANDAAG,
            was=WAS,
            einde=einde,
            eerste_toewijzing=eerste_toewijzing,
            reden=reden,
        )
    except IntakeOngeldig as fout:
        assert fout.veld in {"code", "beschikking_datum", "start", "reden"}
        return
    assert (code, beschikking, start) != WAS and reden.strip()
    assert beschikking <= start and beschikking <= VANDAAG
    assert einde is None or start <= einde
    assert eerste_toewijzing is None or start <= eerste_toewijzing


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({}, "start", "niets veranderd"),
        ({"start": date(2026, 10, 5), "reden": " "}, "reden", "waarom"),
        ({"start": date(2026, 10, 20)}, "start", "eindigde op 15-10-2026"),
        ({"start": date(2026, 10, 9)}, "start", "toegewezen op 08-10-2026"),
        ({"start": date(2026, 9, 30)}, "start", "voor de beschikking"),
        ({"code": MaatregelCode.JR_41}, "code", "vanaf 12 jaar"),  # 11 on the start day
        ({"start": date(2026, 10, 8)}, None, ""),  # the day of the first assignment: fine
    ],
)
def test_correctie_weigert_met_het_veld(wijziging: dict, veld: str | None, tekst: str) -> None:  # type: ignore[type-arg]
    gegevens = {
        "code": WAS[0],
        "geboortedatum": GEBOREN,
        "beschikking_datum": WAS[1],
        "start": WAS[2],
        "vandaag": VANDAAG,
        "was": WAS,
        "einde": date(2026, 10, 15),
        "eerste_toewijzing": date(2026, 10, 8),
        "reden": "startdatum van de verkeerde beschikking",
    } | wijziging
    if veld is None:
        controleer_correctie(**gegevens)
        return
    with pytest.raises(IntakeOngeldig) as fout:
        controleer_correctie(**gegevens)
    assert fout.value.veld == veld
    assert tekst in str(fout.value).lower()
