"""Reading what a professional types to find a child: a BSN, or name parts and a date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.bsn import elfproef, testnummers
from ketenzicht.domain.zoeken import ZoekvraagOngeldig, lees, vouw, zoeknaam

TESTBSNS = list(testnummers())[:2000]


@given(st.sampled_from(TESTBSNS), st.lists(st.sampled_from(["", " ", "."]), min_size=9, max_size=9))
def test_a_bsn_is_read_whatever_its_spacing(bsn: str, tussen: list[str]) -> None:
    getypt = "".join(c + t for c, t in zip(bsn, tussen, strict=True))
    vraag = lees(f"  {getypt} ")
    assert vraag.bsn is not None and vraag.bsn.cijfers == bsn
    assert vraag.namen == () and vraag.geboortedatum is None


@given(st.integers(100_000_000, 999_999_999).map(str).filter(lambda c: not elfproef(c)))
def test_a_number_failing_the_elfproef_is_refused_without_repeating_it(cijfers: str) -> None:
    with pytest.raises(ZoekvraagOngeldig, match="elfproef") as fout:
        lees(cijfers)
    assert cijfers not in str(fout.value)


@given(
    st.lists(st.text("abcdeëéijklmnorstuvwyzABCDEVRIJ'-", min_size=1, max_size=12), max_size=4),
    st.dates(date(2000, 1, 1), date(2026, 12, 31)),
    st.booleans(),
)
def test_words_are_name_parts_and_one_date_the_birth_date(
    woorden: list[str], geboren: date, iso: bool
) -> None:
    datum = geboren.isoformat() if iso else f"{geboren:%d-%m-%Y}"
    vraag = lees(" ".join([*woorden, datum]))
    assert vraag.namen == tuple(vouw(w) for w in woorden)
    assert vraag.geboortedatum == geboren and vraag.bsn is None


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("", "Typ een naam"),
        ("   ", "Typ een naam"),
        ("a", "minstens 2 letters"),
        ("...", "minstens 2 letters"),
        ("vries 31-02-2015", "31-02-2015 bestaat niet"),
        ("vries 01-03-2015 02-03-2015", "één geboortedatum"),
        ("anna12", "dd-mm-jjjj"),
        ("12345", "een BSN heeft 9 cijfers"),
        ("12 34", "een BSN heeft 9 cijfers"),
        ("1234 567 890", "9 cijfers"),
    ],
)
def test_what_cannot_be_read_is_refused_with_what_to_type(tekst: str, melding: str) -> None:
    with pytest.raises(ZoekvraagOngeldig, match=melding):
        lees(tekst)


def test_a_short_name_with_a_date_is_enough() -> None:
    assert lees("a 1-3-2015").geboortedatum == date(2015, 3, 1)
    assert lees("de").namen == ("de",)


@pytest.mark.parametrize(
    ("getypt", "naam"),
    [
        ("zoe", "Zoë"),
        ("ZOË", "Zoë"),
        ("ozturk", "Öztürk"),
        ("celine", "Céline"),
        ("strasse", "Straße"),
    ],
)
def test_accents_and_case_do_not_matter(getypt: str, naam: str) -> None:
    assert lees(getypt).namen == (vouw(naam),)


@given(st.text(max_size=30), st.text(max_size=30))
def test_a_folded_name_part_occurs_in_the_folded_name(voornaam: str, achternaam: str) -> None:
    """Each word of either name, typed as it is written, is found in the child's search name;
    folding twice changes nothing."""
    for woord in f"{voornaam} {achternaam}".split():
        assert vouw(woord) in zoeknaam(voornaam, achternaam)
    assert vouw(vouw(voornaam)) == vouw(voornaam)
