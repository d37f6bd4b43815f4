"""A measure handed over between GIs, in the pure domain: the chains of parts, the chain as
one doorbraak trajectory, and the checks of a handover and of a correction of a part."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ketenzicht.domain.doorbraak import Maand, Traject, doorgezet, rijen, uitkomsten
from ketenzicht.domain.intake import Registratie
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import MaatregelCode
from ketenzicht.domain.normen import DOORBRAAK_2020
from ketenzicht.domain.overdracht import (
    controleer_correctie_in_keten,
    controleer_overdracht,
    eerst_gehaald,
    keten,
)

DOELEN = {m.code: m.doel for m in DOORBRAAK_2020.mijlpalen}


@st.composite
def ketens_(draw: st.DrawFn) -> list[list[int]]:
    """Disjoint chains of measure ids, each first to last."""
    ids = draw(st.permutations(range(30)))
    sneden = sorted(draw(st.sets(st.integers(1, 29), max_size=12)))
    return [list(ids[a:b]) for a, b in zip([0, *sneden], [*sneden, 30], strict=True)]


@given(ketens_())
def test_elke_keten_wordt_teruggevonden_van_eerste_tot_laatste_deel(
    ketens: list[list[int]],
) -> None:
    voorganger = {deel[i]: deel[i - 1] for deel in ketens for i in range(1, len(deel))}

    gevonden = keten(voorganger)

    assert gevonden == {deel[-1]: deel for deel in ketens if len(deel) > 1}


def _traject(
    mid: int, gi: str, start: date, gehaald: dict[str, date], einde: date | None = None
) -> Traject:
    return Traject(mid, 7, gi, "Zwolle", "IJsselland", start, einde, gehaald)


@settings(deadline=None)  # the first call builds the holiday calendar
@given(
    st.dates(date(2025, 1, 1), date(2026, 6, 30)),
    st.lists(st.integers(1, 120), min_size=1, max_size=3),
    st.dictionaries(st.sampled_from(list(DOELEN)), st.integers(0, 300), max_size=4),
)
def test_een_keten_telt_eenmaal_vanaf_de_eerste_start_bij_de_gi_van_de_termijn(
    start: date, na: list[int], gehaald_na: dict[str, int]
) -> None:
    """However a measure was handed over, each milestone deadline counts once in the monitor,
    as for the same measure never handed over, at the GI that held it on the deadline day."""
    dagen = [start]
    for d in na:
        dagen.append(dagen[-1] + timedelta(days=d))
    gehaald = {code: start + timedelta(days=d) for code, d in gehaald_na.items()}
    delen = [
        _traject(
            i,
            f"GI {i}",
            dag,
            {c: g for c, g in gehaald.items() if i == len(dagen) - 1 or g < dagen[i + 1]},
        )
        for i, dag in enumerate(dagen)
    ]
    [eentje] = doorgezet(delen, {len(dagen) - 1: list(range(len(dagen)))})
    nooit_overgedragen = _traject(0, "GI 0", start, gehaald)
    kalender = NederlandseKalender()

    for m in range(1, 19):
        maand = Maand(start.year + (start.month + m - 2) // 12, (start.month + m - 2) % 12 + 1)
        samen = uitkomsten([eentje], [DOORBRAAK_2020], maand, kalender)
        los = uitkomsten([nooit_overgedragen], [DOORBRAAK_2020], maand, kalender)
        assert [(u.mijlpaal, u.vervaldatum, u.op_tijd) for u in samen] == [
            (u.mijlpaal, u.vervaldatum, u.op_tijd) for u in los
        ]
        for u in samen:
            houder = max(i for i, dag in enumerate(dagen) if dag <= u.vervaldatum)
            assert u.gi == f"GI {houder}"
        landelijk = [r for r in rijen(samen, DOELEN) if r.niveau == "landelijk"]
        assert sum(r.noemer for r in landelijk) == len(samen)


def test_de_melding_van_een_geweigerde_overdracht_noemt_het_veld() -> None:
    geldig = {
        "per": date(2026, 9, 1),
        "vandaag": date(2026, 11, 20),
        "start": date(2026, 8, 3),
        "einde": None,
        "zelfde_gi": False,
        "loopt_daar_al": False,
    }
    assert controleer_overdracht(**geldig) is None  # type: ignore[arg-type]
    for anders, veld in (
        ({"einde": date(2026, 8, 20)}, "maatregel"),
        ({"zelfde_gi": True}, "gi"),
        ({"loopt_daar_al": True}, "gi"),
        ({"per": date(2026, 11, 21)}, "per"),
        ({"per": date(2026, 8, 2)}, "per"),
    ):
        fout = controleer_overdracht(**{**geldig, **anders})  # type: ignore[arg-type]
        assert fout is not None and fout[0] == veld


def test_een_deel_van_een_keten_houdt_soort_einde_en_start() -> None:
    was = Registratie(
        MaatregelCode.OTS, date(2026, 8, 3), date(2026, 8, 3), date(2026, 9, 1), "overgedragen"
    )
    beschikking = Registratie(
        MaatregelCode.OTS, date(2026, 8, 2), date(2026, 8, 3), date(2026, 9, 1), "overgedragen"
    )
    heropend = Registratie(MaatregelCode.OTS, date(2026, 8, 3), date(2026, 8, 3), None, "")
    later = Registratie(
        MaatregelCode.OTS, date(2026, 8, 3), date(2026, 8, 4), date(2026, 9, 1), "overgedragen"
    )

    assert (
        controleer_correctie_in_keten(was, beschikking, overgedragen=True, overgenomen=True) is None
    )
    assert controleer_correctie_in_keten(was, heropend, overgedragen=True, overgenomen=False) == (
        "einde",
        "Deze maatregel is overgedragen: haar einde is de dag van de overdracht.",
    )
    assert (
        controleer_correctie_in_keten(was, heropend, overgedragen=False, overgenomen=False) is None
    )
    fout = controleer_correctie_in_keten(was, later, overgedragen=False, overgenomen=True)
    assert fout is not None and fout[0] == "start"


def test_eerst_gehaald_neemt_de_vroegste_dag_van_elk_deel() -> None:
    assert eerst_gehaald(
        [{"plan": date(2026, 9, 14), "taxatie": date(2026, 8, 5)}, {"plan": date(2026, 9, 10)}]
    ) == {"plan": date(2026, 9, 10), "taxatie": date(2026, 8, 5)}
