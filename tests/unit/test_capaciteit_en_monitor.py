from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ketenzicht.domain.capaciteit import (
    Beschikbaarheid,
    MedewerkerStand,
    Rol,
    fte_beschikbaar,
    fte_formatie,
    verloop_pct,
    verzuim_pct,
)
from ketenzicht.domain.monitor import Indicatoren, Wachtlijstcijfer, landelijk
from ketenzicht.domain.perioden import Periode

P = date(2024, 4, 1)
IN_DIENST = Periode(date(2020, 1, 1))


def mw(
    rol: Rol,
    fte: float = 1.0,
    *afwezig: tuple[Beschikbaarheid, Periode],
    dienst: Periode = IN_DIENST,
) -> MedewerkerStand:
    return MedewerkerStand(rol, fte, dienst, tuple(afwezig))


def test_formatie_zonder_juristen_en_gedragsdeskundigen() -> None:
    staf = [
        mw(Rol.JEUGDBESCHERMER),
        mw(Rol.JEUGDRECLASSEERDER, 0.8),
        mw(Rol.ONDERSTEUNEND, 0.5),
        mw(Rol.GEDRAGSDESKUNDIGE),
        mw(Rol.JURIDISCH),
    ]
    assert fte_formatie(staf, P) == pytest.approx(2.3)


def test_beschikbaar_zonder_zieken_en_met_inwerkfactor() -> None:
    staf = [
        mw(Rol.JEUGDBESCHERMER),
        mw(Rol.JEUGDBESCHERMER, 1.0, (Beschikbaarheid.ZIEK, Periode(date(2024, 3, 1)))),
        mw(
            Rol.JEUGDBESCHERMER,
            0.8,
            (Beschikbaarheid.INWERKEN, Periode(date(2024, 1, 1), date(2024, 9, 1))),
        ),
        mw(Rol.JEUGDBESCHERMER, 1.0, dienst=Periode(date(2020, 1, 1), P)),  # left on the peildatum
    ]
    assert fte_formatie(staf, P) == pytest.approx(2.8)
    assert fte_beschikbaar(staf, P, inwerkfactor=0.5) == pytest.approx(1.4)
    assert verzuim_pct(staf, P) == pytest.approx(100 / 2.8)


def test_verloop_over_twaalf_maanden() -> None:
    staf = [mw(Rol.JEUGDBESCHERMER) for _ in range(9)]
    staf.append(mw(Rol.JEUGDBESCHERMER, dienst=Periode(date(2020, 1, 1), date(2023, 10, 1))))
    # formation 10 a year ago, 9 now: mean 9.5, one FTE left
    assert verloop_pct(staf, P) == pytest.approx(100 / 9.5)


def test_verloop_is_onbekend_als_de_registratie_binnen_de_twaalf_maanden_begon() -> None:
    """Who left before the GI began registering is not known: the count of part of the year
    over a whole year's formation would show as low turnover, so the figure is unknown."""
    staf = [mw(Rol.JEUGDBESCHERMER) for _ in range(9)]
    staf.append(mw(Rol.JEUGDBESCHERMER, dienst=Periode(date(2020, 1, 1), date(2023, 10, 1))))
    # a leaving date counts from the day after 365 days before the peildatum (leap year 2024)
    eerste_dag = date(2023, 4, 3)
    assert verloop_pct(staf, P, registratie_vanaf=eerste_dag) == pytest.approx(100 / 9.5)
    assert verloop_pct(staf, P, registratie_vanaf=date(2023, 4, 4)) is None
    # the leaver was registered, but not who may have left in the months before
    assert verloop_pct(staf, P, registratie_vanaf=date(2023, 9, 1)) is None


def test_landelijk_verloop_over_de_gis_van_wie_het_bekend_is() -> None:
    bekend = replace(ind(1400, 100, (50, 30.0), (80, 40.0)), verloop_pct=12.0)
    nieuw = replace(ind(700, 50, (20, 30.0), (30, 40.0)), verloop_pct=None)
    assert landelijk([bekend, nieuw]).verloop_pct == 12.0
    assert landelijk([nieuw]).verloop_pct is None


def ind(
    clienten: int, fte: float, start: tuple[int, float], intern: tuple[int, float]
) -> Indicatoren:
    return Indicatoren(
        clienten,
        fte * 1.13,
        fte,
        Wachtlijstcijfer(start[0], start[0] * start[1]),
        Wachtlijstcijfer(intern[0], intern[0] * intern[1]),
    )


@pytest.mark.parametrize(
    ("clienten", "fte", "workload"), [(32_429, 2_122, 15.3), (32_080, 2_254, 14.2)]
)
def test_gepubliceerde_workload(clienten: int, fte: float, workload: float) -> None:
    assert ind(clienten, fte, (0, 0), (0, 0)).workload == workload


def test_landelijk_is_som_en_gewogen_gemiddelde() -> None:
    a = ind(1000, 70.0, (10, 20.0), (30, 40.0))
    b = ind(3000, 180.0, (30, 40.0), (10, 20.0))
    n = landelijk([a, b])
    assert n.clienten == 4000 and n.fte_beschikbaar == 250.0
    assert n.workload == 16.0  # 4000/250, not the mean of 14.3 and 16.7
    assert n.wachtlijst_start.aantal == 40 and n.wachtlijst_start.gemiddelde_dagen == 35.0
    assert n.wachtlijst_intern.gemiddelde_dagen == 35.0
    assert n.totaal_wachtend == 80
