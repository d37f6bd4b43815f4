"""Deadlines per the Algemene termijnenwet, milestone status and norm sets."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ketenzicht.cli import main
from ketenzicht.domain.kalender import NederlandseKalender, werkdagen_tussen
from ketenzicht.domain.normen import (
    DOORBRAAK_2020,
    Eenheid,
    Mijlpaal,
    Normset,
    OngeldigeTermijn,
    Status,
    Termijn,
    eerste_open,
    normset_op,
    plus_maanden,
    standen,
    volgende_termijn,
)

K = NederlandseKalender()

# Checked by hand against a calendar: (start, termijn, uiterste datum, why)
TABEL = [
    ("2024-12-20", "5 werkdagen", "2024-12-31", "Christmas: 25 and 26 Dec skipped"),
    ("2024-12-24", "5 werkdagen", "2025-01-03", "Christmas and New Year"),
    ("2025-12-23", "5 werkdagen", "2026-01-02", "Christmas on Thu/Fri, New Year on Thu"),
    ("2026-12-24", "5 werkdagen", "2027-01-04", "Christmas Fri, 26 Dec a Saturday, New Year Fri"),
    ("2024-03-27", "5 werkdagen", "2024-04-05", "Good Friday and Easter Monday 2024"),
    ("2024-03-28", "1 werkdag", "2024-04-02", "Thursday before Good Friday"),
    ("2025-04-17", "5 werkdagen", "2025-04-28", "Easter 2025; Koningsdag on Saturday 26 April"),
    ("2026-04-02", "5 werkdagen", "2026-04-13", "Easter 2026"),
    ("2023-04-06", "5 werkdagen", "2023-04-17", "Easter 2023"),
    ("2026-04-24", "5 werkdagen", "2026-05-04", "Koningsdag Monday 27 April 2026"),
    ("2026-04-30", "5 werkdagen", "2026-05-08", "5 May 2026 is a Tuesday"),
    ("2023-04-26", "5 werkdagen", "2023-05-04", "Koningsdag Thursday 27 April 2023"),
    ("2023-05-01", "5 werkdagen", "2023-05-09", "5 May 2023 is a Friday"),
    ("2025-05-02", "1 werkdag", "2025-05-06", "5 May 2025 is a Monday"),
    ("2020-05-04", "1 werkdag", "2020-05-06", "5 May counts every year (Atw art. 3)"),
    ("2024-05-08", "2 werkdagen", "2024-05-13", "Ascension Thursday 9 May 2024"),
    ("2025-05-28", "5 werkdagen", "2025-06-05", "Ascension 29 May 2025"),
    ("2024-05-17", "1 werkdag", "2024-05-21", "Whit Monday 20 May 2024"),
    ("2025-06-06", "5 werkdagen", "2025-06-16", "Whit Monday 9 June 2025"),
    ("2026-05-22", "3 werkdagen", "2026-05-28", "Whit Monday 25 May 2026"),
    ("2024-01-31", "1 maand", "2024-02-29", "31 Jan + 1 month in a leap year"),
    ("2023-01-31", "1 maand", "2023-02-28", "31 Jan + 1 month"),
    ("2025-11-30", "3 maanden", "2026-03-02", "28 Feb 2026 is a Saturday"),
    ("2027-11-30", "3 maanden", "2028-02-29", "leap year 2028"),
    ("2024-02-29", "12 maanden", "2025-02-28", "29 Feb + a year"),
    ("2025-09-25", "3 maanden", "2025-12-29", "lands on Christmas, then a weekend"),
    ("2026-01-06", "3 maanden", "2026-04-07", "lands on Easter Monday 2026"),
    ("2024-12-31", "2 maanden", "2025-02-28", "31 Dec + 2 months"),
    ("2024-10-31", "6 weken", "2024-12-12", "plain six weeks"),
    ("2024-11-13", "6 weken", "2024-12-27", "lands on Christmas Day"),
    ("2026-03-24", "6 weken", "2026-05-06", "lands on 5 May"),
    ("2025-03-15", "6 weken", "2025-04-28", "lands on Koningsdag (Saturday 26 April)"),
    ("2024-03-19", "10 kalenderdagen", "2024-04-02", "lands on Good Friday"),
    ("2024-04-24", "10 kalenderdagen", "2024-05-06", "Saturday 4 May, Sunday 5 May"),
    ("2028-02-28", "1 kalenderdag", "2028-02-29", "leap day is a working day"),
    ("2028-02-24", "3 werkdagen", "2028-02-29", "working days over the leap day"),
    ("2026-02-25", "5 kalenderdagen", "2026-03-02", "February 2026 has 28 days"),
    ("2028-02-25", "5 kalenderdagen", "2028-03-01", "February 2028 has 29 days"),
    ("2026-11-20", "0 werkdagen", "2026-11-20", "zero is the start itself"),
]


@pytest.mark.parametrize(("start", "termijn", "verwacht", "waarom"), TABEL)
def test_termijn_tabel(start: str, termijn: str, verwacht: str, waarom: str) -> None:
    uit = Termijn.lees(termijn).vervaldatum(date.fromisoformat(start), K)
    assert uit == date.fromisoformat(verwacht), waarom


def test_cli_termijn_drukt_iso_datum_af(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(TABEL) >= 30
    for start, termijn, verwacht, _ in TABEL:
        assert main(["termijn", "--start", start, "--termijn", termijn]) == 0
        assert capsys.readouterr().out.strip() == verwacht
    assert main(["termijn", "--start", "2024-01-01", "--termijn", "5 jaren"]) == 2
    assert "'5 jaren'" in capsys.readouterr().err


@pytest.mark.parametrize("tekst", ["", "vijf werkdagen", "5", "-5 werkdagen", "5 werkuren"])
def test_onleesbare_termijn_geeft_duidelijke_fout(tekst: str) -> None:
    with pytest.raises(OngeldigeTermijn, match="schrijf bijvoorbeeld"):
        Termijn.lees(tekst)


dagen = st.dates(date(2019, 1, 1), date(2032, 12, 31))
termijnen = st.builds(Termijn, st.integers(1, 40), st.sampled_from(list(Eenheid)))


@given(dagen, st.integers(0, 60))
def test_maanden_tellen_met_afkappen_op_de_laatste_dag(dag: date, n: int) -> None:
    uit = plus_maanden(dag, n)
    assert (uit.year * 12 + uit.month) - (dag.year * 12 + dag.month) == n
    laatste = calendar.monthrange(uit.year, uit.month)[1]
    assert uit.day == min(dag.day, laatste)


@given(dagen, termijnen)
def test_uiterste_datum_is_een_werkdag_en_de_eerste_vanaf_het_nominale_einde(
    dag: date, termijn: Termijn
) -> None:
    uit = termijn.vervaldatum(dag, K)
    assert K.is_werkdag(uit)
    if termijn.eenheid is Eenheid.WERKDAGEN:
        assert werkdagen_tussen(dag, uit, K) == termijn.aantal
    else:
        nominaal = {
            Eenheid.KALENDERDAGEN: dag + timedelta(days=termijn.aantal),
            Eenheid.WEKEN: dag + timedelta(weeks=termijn.aantal),
            Eenheid.MAANDEN: plus_maanden(dag, termijn.aantal),
        }[termijn.eenheid]
        assert uit >= nominaal
        tussen = [nominaal + timedelta(days=i) for i in range((uit - nominaal).days)]
        assert not any(K.is_werkdag(d) for d in tussen)


@given(termijnen)
def test_termijn_leest_terug_wat_hij_schrijft(termijn: Termijn) -> None:
    assert Termijn.lees(str(termijn)) == termijn


@given(dagen, dagen, st.integers(0, 10))
def test_status_van_een_mijlpaal(start: date, peil: date, bijna: int) -> None:
    taxatie = DOORBRAAK_2020.mijlpalen[0]
    verval = taxatie.termijn.vervaldatum(start, K)
    [open_] = standen(_alleen(taxatie), start, {}, peil, K, bijna)
    if peil > verval:
        assert open_.status is Status.TE_LAAT and open_.dagen_te_laat == (peil - verval).days
    elif (verval - peil).days <= bijna:
        assert open_.status is Status.BIJNA
    else:
        assert open_.status is Status.OPEN
    [gehaald] = standen(_alleen(taxatie), start, {taxatie.code: peil}, peil, K, bijna)
    assert gehaald.status is (Status.OP_TIJD if peil <= verval else Status.TE_LAAT_GEHAALD)
    # a date not known yet at the peildatum does not count
    [later] = standen(
        _alleen(taxatie), start, {taxatie.code: peil + timedelta(days=1)}, peil, K, bijna
    )
    assert not later.status.gehaald


def _alleen(m: Mijlpaal) -> Normset:
    return Normset("test", date(2000, 1, 1), None, (m,))


def test_mijlpaal_vanaf_een_andere_mijlpaal() -> None:
    plan = Mijlpaal("plan", "Plan", Termijn(2, Eenheid.WEKEN), Decimal("0.9"))
    evaluatie = Mijlpaal("evaluatie", "Evaluatie", Termijn(1, Eenheid.MAANDEN), Decimal(1), "plan")
    normset = Normset("keten", date(2020, 1, 1), None, (plan, evaluatie))
    start = date(2026, 1, 5)
    zonder = standen(normset, start, {}, date(2026, 6, 1), K)
    assert zonder[1].vervaldatum is None and zonder[1].status is Status.OPEN
    met = standen(normset, start, {"plan": date(2026, 1, 12)}, date(2026, 6, 1), K)
    assert met[1].vervaldatum == date(2026, 2, 12)
    assert met[1].status is Status.TE_LAAT
    with pytest.raises(OngeldigeTermijn, match="eerdere mijlpaal"):
        Normset("fout", date(2020, 1, 1), None, (evaluatie, plan))


def test_normset_van_de_startdatum_telt() -> None:
    nieuw = Normset("2027", date(2027, 1, 1), None, DOORBRAAK_2020.mijlpalen[:2])
    oud = Normset("2020", date(2020, 1, 1), date(2027, 1, 1), DOORBRAAK_2020.mijlpalen)
    assert normset_op([oud, nieuw], date(2026, 12, 31)) is oud
    assert normset_op([oud, nieuw], date(2027, 1, 1)) is nieuw
    with pytest.raises(LookupError, match="2019-12-31"):
        normset_op([oud, nieuw], date(2019, 12, 31))


@given(dagen, dagen, st.sets(st.sampled_from([m.code for m in DOORBRAAK_2020.mijlpalen])))
def test_volgende_termijn_is_the_earliest_not_met(
    start: date, peil: date, gehaald: set[str]
) -> None:
    """The next deadline of a child: not met, with a due date, none of those earlier."""
    stand = standen(DOORBRAAK_2020, start, {c: start for c in gehaald}, peil, K)
    volgende = volgende_termijn(stand)
    open_ = [s for s in stand if not s.status.gehaald and s.vervaldatum is not None]
    if volgende is None:
        assert not open_
    else:
        assert volgende in open_
        assert all(volgende.vervaldatum <= s.vervaldatum for s in open_)  # type: ignore[operator]


@given(
    dagen,
    dagen,
    st.sets(st.sampled_from([m.code for m in DOORBRAAK_2020.mijlpalen])),
    st.sets(st.sampled_from([m.code for m in DOORBRAAK_2020.mijlpalen]), min_size=1),
)
def test_the_form_offers_the_first_registrable_milestone_not_met(
    start: date, peil: date, gehaald: set[str], codes: set[str]
) -> None:
    assume(peil >= start)  # what was met on the start day counts as met
    stand = standen(DOORBRAAK_2020, start, {c: start for c in gehaald}, peil, K)
    open_ = [s.mijlpaal.code for s in stand if s.mijlpaal.code in codes - gehaald]
    assert eerste_open(stand, codes) == (open_[0] if open_ else None)
