from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.bsn import Bsn, BsnOngeldig, controleer, elfproef, is_testnummer, testnummers

TEST_BSNS = list(testnummers(vanaf=90_000))


def test_bekende_geldige_en_ongeldige_nummers() -> None:
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")


def test_acht_cijfers_krijgen_een_voorloopnul() -> None:
    negen = next(f"{n:09d}" for n in range(12_345_670, 12_345_700) if elfproef(f"{n:09d}"))
    assert negen.startswith("0")
    assert controleer(negen[1:]) == negen
    assert controleer(f" {negen[:3]} {negen[3:6]}.{negen[6:]} ") == negen


@given(st.sampled_from(TEST_BSNS), st.integers(0, 8), st.integers(1, 9))
def test_een_verkeerd_cijfer_valt_altijd_door_de_elfproef(bsn: str, plek: int, delta: int) -> None:
    cijfers = list(bsn)
    cijfers[plek] = str((int(cijfers[plek]) + delta) % 10)
    assert not elfproef("".join(cijfers))


@given(st.text(alphabet="0123456789 .x", min_size=1, max_size=14))
def test_foutmelding_herhaalt_het_nummer_nooit(invoer: str) -> None:
    try:
        controleer(invoer)
    except BsnOngeldig as fout:
        kern = invoer.replace(" ", "").replace(".", "")
        if len(kern) >= 4:
            assert kern not in str(fout)


def test_testnummers_liggen_in_het_testbereik_en_zijn_uniek() -> None:
    alle = list(testnummers())
    assert len(alle) > 85_000
    assert len(set(alle)) == len(alle)
    assert all(is_testnummer(b) for b in alle[::97])
    assert not is_testnummer("123456782")


def test_bsn_toont_zich_nooit() -> None:
    bsn = Bsn("999000007")
    assert "999000007" not in str(bsn)
    assert "999000007" not in repr(bsn)
    assert "999000007" not in f"{bsn!r} {[bsn]}"


def test_ongeldig_bsn_wordt_geweigerd_zonder_het_te_noemen() -> None:
    with pytest.raises(BsnOngeldig) as fout:
        Bsn("123456789")
    assert "123456789" not in str(fout.value)
    assert "elfproef" in str(fout.value)
