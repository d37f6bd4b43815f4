from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.inlogslot import Slotregel, normaliseer_naam, slot_na_herstel, slot_tot

REGEL = Slotregel(max_pogingen=5, venster=timedelta(minutes=15))
NU = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _minuten_geleden(*minuten: float) -> list[datetime]:
    return [NU - timedelta(minutes=m) for m in minuten]


def test_vier_fouten_laten_de_vijfde_poging_toe() -> None:
    assert slot_tot(_minuten_geleden(1, 2, 3, 4), NU, REGEL) is None


def test_vijf_fouten_sluiten_tot_de_oudste_uit_het_venster_is() -> None:
    assert slot_tot(_minuten_geleden(1, 2, 3, 4, 10), NU, REGEL) == NU + timedelta(minutes=5)


def test_fouten_van_voor_het_venster_tellen_niet() -> None:
    assert slot_tot(_minuten_geleden(1, 2, 3, 4, 15), NU, REGEL) is None
    assert slot_tot(_minuten_geleden(1, 2, 3, 4, 30, 40, 50), NU, REGEL) is None


def test_regel_zonder_pogingen_of_venster_bestaat_niet() -> None:
    with pytest.raises(ValueError, match="pogingen"):
        Slotregel(max_pogingen=0, venster=timedelta(minutes=1))
    with pytest.raises(ValueError, match="venster"):
        Slotregel(max_pogingen=3, venster=timedelta(0))


def test_naam_telt_zonder_hoofdletters_en_spaties() -> None:
    assert normaliseer_naam("  Planner1 ") == normaliseer_naam("planner1") == "planner1"


momenten = st.lists(st.integers(min_value=0, max_value=3600), max_size=30).map(
    lambda secs: [NU - timedelta(seconds=s) for s in secs]
)
regels = st.builds(
    Slotregel,
    max_pogingen=st.integers(min_value=1, max_value=8),
    venster=st.integers(min_value=1, max_value=1800).map(lambda s: timedelta(seconds=s)),
)


@given(momenten, regels)
def test_slot_ligt_in_de_toekomst_en_is_dan_open(mislukt: list[datetime], regel: Slotregel) -> None:
    """A lock ends after now, and on its end the same failures no longer lock: a user is never
    told a time at which they are still refused."""
    tot = slot_tot(mislukt, NU, regel)
    if tot is not None:
        assert NU < tot <= NU + regel.venster
        assert slot_tot(mislukt, tot, regel) is None
        assert slot_tot(mislukt, tot - timedelta(microseconds=1), regel) is not None


@given(momenten, regels, st.integers(min_value=0, max_value=3600))
def test_een_fout_erbij_maakt_het_slot_nooit_korter(
    mislukt: list[datetime], regel: Slotregel, seconden: int
) -> None:
    voor = slot_tot(mislukt, NU, regel)
    na = slot_tot([*mislukt, NU - timedelta(seconds=seconden)], NU, regel)
    if voor is not None:
        assert na is not None and na >= voor


@given(momenten, regels)
def test_slot_alleen_bij_genoeg_fouten_in_het_venster(
    mislukt: list[datetime], regel: Slotregel
) -> None:
    in_venster = sum(NU - regel.venster < t <= NU for t in mislukt)
    assert (slot_tot(mislukt, NU, regel) is not None) == (in_venster >= regel.max_pogingen)


@given(momenten, momenten, regels)
def test_na_een_herstel_tellen_alleen_de_fouten_erna(
    mislukt: list[datetime], herstel: list[datetime], regel: Slotregel
) -> None:
    """A successful login or a lock lifted by the beheerder: the wrong attempts before it no
    longer count, those after it do, as for a name never reset."""
    tot = slot_na_herstel(mislukt, herstel, NU, regel)
    laatste = max(herstel, default=None)
    erna = [t for t in mislukt if laatste is None or t > laatste]
    assert tot == slot_tot(erna, NU, regel)
    if laatste is not None and all(t <= laatste for t in mislukt):
        assert tot is None
