"""The demo generator, without a database: deterministic, synthetic, calibrated."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from ketenzicht.demo import feiten, generator, stamdata
from ketenzicht.demo.laden import opdracht
from ketenzicht.demo.verhuizingen import verhuizingen
from ketenzicht.domain.capaciteit import MedewerkerStand
from ketenzicht.domain.kalender import NederlandseKalender
from ketenzicht.domain.maatregelen import EindeReden, Soort, achttiende_verjaardag
from ketenzicht.domain.monitor import Indicatoren, indicatoren_gi, landelijk
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.wachtlijst import MaatregelStand

TOT = date(2026, 11, 22)


def monitor(uit: feiten.Uitkomst, peildatum: date) -> Indicatoren:
    tw: dict[int, list[Periode]] = defaultdict(list)
    for t in uit.toewijzingen:
        tw[t.maatregel_id].append(Periode(t.start, t.einde))
    afw: dict[int, list] = defaultdict(list)
    for p in uit.perioden:
        afw[p.medewerker_id].append((p.soort, Periode(p.van, p.tot)))
    per_gi = []
    for gi in {m.gi for m in uit.medewerkers}:
        st = [
            MaatregelStand(m.id, m.kind_id, gi, m.code, Periode(m.start, m.einde), tuple(tw[m.id]))
            for m in uit.maatregelen
            if m.gi == gi
        ]
        mw = [
            MedewerkerStand(m.rol, m.fte, Periode(m.in_dienst, m.uit_dienst), tuple(afw[m.id]))
            for m in uit.medewerkers
            if m.gi == gi
        ]
        per_gi.append(indicatoren_gi(st, mw, peildatum, NederlandseKalender()))
    return landelijk(per_gi)


def test_zelfde_seed_zelfde_historie() -> None:
    a = generator.genereer(opdracht("klein", 7, TOT))
    b = generator.genereer(opdracht("klein", 7, TOT))
    c = generator.genereer(opdracht("klein", 8, TOT))
    assert a == b
    assert a.maatregelen != c.maatregelen


def test_geen_feit_na_de_einddatum() -> None:
    uit = generator.genereer(opdracht("klein", 3, TOT))
    assert all(m.start <= TOT and (m.einde is None or m.einde <= TOT) for m in uit.maatregelen)
    assert all(t.einde is None or t.start <= t.einde <= TOT for t in uit.toewijzingen)


def test_een_ots_of_voogdij_eindigt_op_de_18e_verjaardag() -> None:
    """As the law has it (and as the forecast's calibration reads it): on the birthday, not
    on the first of its month; jeugdreclassering goes on."""
    uit = generator.genereer(opdracht("klein", 3, TOT))
    kinderen = {k.id: k for k in uit.kinderen}
    meerderjarig = [m for m in uit.maatregelen if m.reden is EindeReden.MEERDERJARIG]
    assert len(meerderjarig) > 20
    for m in meerderjarig:
        assert m.code.soort is not Soort.JEUGDRECLASSERING
        assert m.einde == achttiende_verjaardag(kinderen[m.kind_id].geboortedatum)
    assert achttiende_verjaardag(date(2008, 2, 29)) == date(2026, 3, 1)


@pytest.fixture(scope="module")
def landelijk_uit() -> feiten.Uitkomst:
    return generator.genereer(opdracht("landelijk", 1, TOT))


# DOMAIN.md, 1 April 2024: 32,080 clients; 2,254 FTE available; workload 14.2;
# start waitlist 518; internal waitlist 825; total waiting 1,343.
GEPUBLICEERD = {
    "clienten": 32_080,
    "fte_beschikbaar": 2_254,
    "workload": 14.2,
    "start": 518,
    "intern": 825,
    "totaal": 1_343,
}


# On 1 April 2024 (the acceptance of the Foundation issue) within 10%; other peildata move with
# the batches a leaving caseworker drops on the internal list (sd ~ 13%), so within 20% there.
@pytest.mark.parametrize(
    ("peildatum", "marge"), [(date(2024, 4, 1), 0.10), (date(2026, 4, 1), 0.20)]
)
def test_landelijk_dicht_bij_de_monitor(
    landelijk_uit: feiten.Uitkomst, peildatum: date, marge: float
) -> None:
    n = monitor(landelijk_uit, peildatum)
    gemeten = {
        "clienten": n.clienten,
        "fte_beschikbaar": n.fte_beschikbaar,
        "workload": n.workload,
        "start": n.wachtlijst_start.aantal,
        "intern": n.wachtlijst_intern.aantal,
        "totaal": n.totaal_wachtend,
    }
    for naam, doel in GEPUBLICEERD.items():
        assert abs(gemeten[naam] - doel) <= marge * doel, (naam, gemeten[naam], doel)
    assert 0.85 <= n.fte_beschikbaar / n.fte_formatie <= 0.91
    assert n.verzuim_pct is not None and 5.5 <= n.verzuim_pct <= 8.5
    assert n.verloop_pct is not None and 12 <= n.verloop_pct <= 18
    assert len({m.gi for m in landelijk_uit.medewerkers}) == 13


def test_boven_de_werklastnorm_alleen_met_reden(landelijk_uit: feiten.Uitkomst) -> None:
    # the demo GIs register NORM_CLIENTEN_PER_FTE as their werklastnorm and keep to it, as the
    # planner's service does: an assignment that takes a weighted caseload above fte × norm is
    # one made when nobody had room, and carries the reason; nationally they are rare (a small
    # GI's few jeugdreclasseerders are full more often)
    uit = landelijk_uit
    code = {m.id: m.code for m in uit.maatregelen}
    fte = {m.id: m.fte for m in uit.medewerkers}
    einden: dict[date, list[tuple[int, float]]] = defaultdict(list)
    for t in uit.toewijzingen:
        if t.einde is not None:
            einden[t.einde].append((t.medewerker_id, generator.gewicht(code[t.maatregel_id])))
    last: dict[int, float] = defaultdict(float)
    verwerkt = date.min
    hoogste = 0.0
    for t in sorted(uit.toewijzingen, key=lambda t: t.start):  # ends of a day before its starts
        for dag in sorted(d for d in einden if verwerkt < d <= t.start):
            for mid, w in einden[dag]:
                last[mid] -= w
        verwerkt = max(verwerkt, t.start)
        last[t.medewerker_id] += generator.gewicht(code[t.maatregel_id])
        bezetting = last[t.medewerker_id] / (generator.NORM_CLIENTEN_PER_FTE * fte[t.medewerker_id])
        if not t.boven_norm:
            assert bezetting <= 1 + 1e-9, t
            hoogste = max(hoogste, bezetting)
    assert hoogste > 0.95  # the norm is what limits the caseloads
    assert sum(t.boven_norm for t in uit.toewijzingen) < 0.005 * len(uit.toewijzingen)


def test_de_voorraad_kwam_met_zijn_mijlpalen() -> None:
    # a measure already running when the history begins came with its milestones: no
    # veiligheidsplan or help of years ago stands open on the planner's signal list
    from ketenzicht.demo import doorbraak
    from ketenzicht.domain import normen

    uit = generator.genereer(opdracht("klein", 4, TOT))
    assert uit.begin is not None
    gehaald: dict[int, set[str]] = defaultdict(set)
    for r in doorbraak.mijlpalen(uit, 4, TOT):
        gehaald[r.maatregel_id].add(r.mijlpaal)
    met_jb = {t.maatregel_id for t in uit.toewijzingen}
    voorraad = [m for m in uit.maatregelen if m.start < uit.begin and m.einde is None]
    nieuw = [m for m in uit.maatregelen if m.start >= uit.begin and m.id in met_jb]
    assert voorraad and nieuw
    for m in voorraad:
        if m.id in met_jb:
            assert {normen.VEILIGHEIDSPLAN, normen.HULPAANBOD} <= gehaald[m.id], m
    # measures of the history itself still miss some, as GIs do
    zonder_plan = sum(normen.VEILIGHEIDSPLAN not in gehaald[m.id] for m in nieuw)
    assert 0 < zonder_plan < 0.2 * len(nieuw)


def test_verhuizingen_blijven_in_de_regio_en_het_gebied_van_de_gi() -> None:
    """Some children move during their first measure to another gemeente of the same
    jeugdregio that their GI serves, registered within two weeks and not after the end."""
    taak = opdracht("landelijk", 1, TOT)
    uit = generator.genereer(taak)
    verhuisd = verhuizingen(uit, taak)
    assert verhuizingen(uit, taak) == verhuisd  # the seed fixes them
    regio = {code: naam for code, _, naam in stamdata.LANDELIJK}
    gebied = {naam: set(codes) for naam, _, codes in taak.gis}
    kinderen = {k.id: k for k in uit.kinderen}
    eerste = {m.kind_id: m for m in sorted(uit.maatregelen, key=lambda m: m.start, reverse=True)}
    assert 0.015 < len(verhuisd) / len(eerste) < 0.04, len(verhuisd) / len(eerste)
    for v in verhuisd.values():
        m = eerste[v.kind_id]
        assert v.van == kinderen[v.kind_id].gemeentecode != v.naar
        assert regio[v.van] == regio[v.naar] and v.naar in gebied[m.gi]
        assert m.start < v.per < (m.einde or TOT) and v.per <= v.geregistreerd <= TOT
