from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.kalender import NederlandseKalender, werkdagen_na

K = NederlandseKalender()


@pytest.mark.parametrize("jaar", range(2020, 2031))
def test_algemene_termijnenwet_feestdagen_elk_jaar(jaar: int) -> None:
    pasen = easter(jaar)
    niet_werkdagen = [
        date(jaar, 1, 1),
        pasen - timedelta(days=2),
        pasen + timedelta(days=1),
        date(jaar, 5, 5),
        pasen + timedelta(days=39),
        pasen + timedelta(days=50),
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    ]
    koningsdag = date(jaar, 4, 27) if date(jaar, 4, 27).weekday() != 6 else date(jaar, 4, 26)
    for dag in [*niet_werkdagen, koningsdag]:
        assert not K.is_werkdag(dag), dag


def test_vijf_werkdagen_over_pasen_2024() -> None:
    # Thursday 28 March 2024; Good Friday 29 March and Easter Monday 1 April don't count.
    assert werkdagen_na(date(2024, 3, 28), 5, K) == date(2024, 4, 8)


def test_vrijdag_plus_een_werkdag_is_maandag() -> None:
    assert werkdagen_na(date(2026, 11, 20), 1, K) == date(2026, 11, 23)


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(0, 40))
def test_termijn_telt_precies_n_werkdagen(start: date, n: int) -> None:
    einde = werkdagen_na(start, n, K)
    tussen = [start + timedelta(days=i) for i in range(1, (einde - start).days + 1)]
    assert sum(K.is_werkdag(d) for d in tussen) == n
    assert n == 0 or K.is_werkdag(einde)
