"""Reads for the forecast page: the runs an organisation may see, and a run's bands per month
ready for the charts, with the monitor of the months already gone held against the baseline.
What the registration showed is read by :mod:`ketenzicht.prognose.registratie`."""

from __future__ import annotations

from typing import Any

import numpy as np

from ketenzicht.domain.prognose.montecarlo import Band, Prognose, Replicatie, banden
from ketenzicht.domain.prognose.motor import Maandcijfers
from ketenzicht.domain.prognose.omhullende import omhullende
from ketenzicht.domain.prognose.parameters import maand_label
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.prognose.models import PER_ONDERDEEL, Prognoserun


def runs_van(organisatie: Organisatie | None, gebruiker: Any) -> list[Prognoserun]:
    """The forecasts of the user's organisation (or the user's own without one), newest first."""
    qs = Prognoserun.objects.all()
    qs = qs.filter(organisatie=organisatie) if organisatie else qs.filter(aangemaakt_door=gebruiker)
    return list(qs.defer("uitkomsten")[:20])


def gi_namen() -> list[str]:
    """The GIs, by name: what a measure on the country's forecast can be for."""
    gis = Organisatie.objects.filter(type=Organisatie.Type.GI).order_by("naam")
    return list(gis.values_list("naam", flat=True))


def zichtbare_run(run_id: int, organisatie: Organisatie | None, gebruiker: Any) -> Prognoserun:
    run = Prognoserun.objects.get(pk=run_id)
    eigen = (
        run.organisatie_id == organisatie.pk if organisatie else run.aangemaakt_door == gebruiker
    )
    if not eigen:
        raise Prognoserun.DoesNotExist
    return run


GRAFIEKEN = (
    ("wachtlijst_start", "Wachtlijst bij de start (> 5 werkdagen)"),
    ("wachtlijst_intern", "Interne wachtlijst"),
    ("workload", "Workload (cliënten per beschikbare fte)"),
    ("binnen_norm", "Aandeel nieuwe kinderen met jeugdbeschermer binnen de norm"),
    ("binnen_norm_veiligheidsplan", "Aandeel met veiligheidsplan binnen 6 weken"),
    ("binnen_norm_hulpaanbod", "Aandeel met hulp binnen 3 maanden"),
)


# how the page writes an indicator: children as a whole number, the workload with two decimals,
# the rest (shares of new measures) as a percentage
SOORT = {"wachtlijst_start": "aantal", "wachtlijst_intern": "aantal", "workload": "workload"}

GETOETST = frozenset({"wachtlijst_start", "wachtlijst_intern", "workload"})  # in the monitor


def prognoses(run: Prognoserun) -> tuple[Prognose | None, Prognose | None]:
    """The bands of the run's scenario and of its baseline (none without measures)."""

    def prognose_van(sleutel: str) -> Prognose | None:
        rijen: list[Replicatie] = [
            (Maandcijfers(**u[sleutel]), 0, {}) for u in run.uitkomsten if sleutel in u
        ]
        return banden(run.naam, rijen) if rijen else None

    return prognose_van("s"), prognose_van("b")


def resultaat(run: Prognoserun) -> dict[str, Any]:
    """Bands per month of the scenario (and its baseline), ready for the page's charts."""
    scenario, basis = prognoses(run)
    if scenario is None:
        return {}
    maanden = [maand_label(run.vanaf, m) for m in range(len(scenario.maanden))]
    grafieken: list[dict[str, Any]] = []
    uit: dict[str, Any] = {
        "runs": scenario.runs,
        "laatste_maand": maanden[-1],
        "grafiek": {"maanden": maanden, "grafieken": grafieken},  # for the charts (JSON)
    }
    for naam, titel in GRAFIEKEN:
        reeks = [m[naam] for m in scenario.maanden]
        echt = [w.get(naam) for w in run.waargenomen] if naam in GETOETST else []
        grafieken.append(
            {
                "naam": naam,
                "titel": titel,
                "soort": SOORT.get(naam, "aandeel"),  # aandeel: a share, drawn as a percentage
                "p10": [b.p10 for b in reeks],
                "p50": [b.p50 for b in reeks],
                "p90": [b.p90 for b in reeks],
                # the band 80% of the replications stay inside in every month of the horizon
                "omhullende_laag": list(scenario.omhullende[naam].laag),
                "omhullende_hoog": list(scenario.omhullende[naam].hoog),
                "basis": [m[naam].p50 for m in basis.maanden] if basis else None,
                # the monitor of the months already gone (None: not yet, or not monitored)
                "waargenomen": (echt + [None] * len(reeks))[: len(reeks)] if echt else None,
            }
        )
    # what happened is held against the baseline: the measures of a scenario were not taken
    uit["toets"] = _toets(run, basis or scenario, "b" if basis else "s")
    laatste = scenario.maanden[-1]
    uit["tabel"] = [
        {
            "titel": titel,
            "soort": SOORT.get(naam, "aandeel"),
            "scenario": laatste[naam],
            "basis": basis.maanden[-1][naam] if basis else None,
        }
        for naam, titel in GRAFIEKEN
    ]
    uit["per_onderdeel"] = per_onderdeel(run)
    uit["grafiek"]["onderdelen"] = _onderdelen_grafiek(uit["per_onderdeel"])
    return uit


def per_onderdeel(run: Prognoserun) -> list[dict[str, Any]]:
    """A scenario in parts (the country as its GIs): each part's bands in the last month, of
    the scenario and its baseline, the longest start list first; none for a single pool."""
    if not run.uitkomsten or "s_delen" not in run.uitkomsten[0]:
        return []

    def bands(sleutel: str, naam: str) -> dict[str, Band] | None:
        rijen = [u[sleutel][naam] for u in run.uitkomsten if sleutel in u]
        if not rijen:
            return None
        return {ind: Band.van([r[ind] for r in rijen]) for ind in PER_ONDERDEEL}

    rijen = [
        {"naam": naam, "scenario": bands("s_delen", naam), "basis": bands("b_delen", naam)}
        for naam in run.uitkomsten[0]["s_delen"]
    ]
    return sorted(rijen, key=lambda r: (-r["scenario"]["wachtlijst_start"].p50, r["naam"]))


def _onderdelen_grafiek(rijen: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The parts side by side for the charts: per indicator each part's P10, P50, P90 (and the
    baseline's), in the table's order."""
    if not rijen:
        return None
    titels = dict(GRAFIEKEN)
    reeksen = []
    for ind in ("wachtlijst_start", "workload"):
        reeks: dict[str, Any] = {"naam": ind, "titel": titels[ind]}
        for kant, sleutel in (("scenario", ""), ("basis", "basis_")):
            if rijen[0][kant] is None:
                continue
            for p in ("p10", "p50", "p90"):
                reeks[sleutel + p] = [getattr(r[kant][ind], p) for r in rijen]
        reeksen.append(reeks)
    return {"namen": [r["naam"] for r in rijen], "reeksen": reeksen}


def _toets(run: Prognoserun, band: Prognose, sleutel: str) -> list[dict[str, Any]]:
    """Per monitored indicator: the months gone by inside ``band``'s P10–P90, below, above; and
    whether they lay inside, all of them, the envelope of those months: the band that 80% of the
    replications (``sleutel`` in their outcomes) stay inside over just the months gone by."""
    uit = []
    gezien = run.waargenomen[: len(band.maanden)]
    for naam, titel in GRAFIEKEN:
        if naam not in GETOETST or not run.waargenomen:
            continue
        echt = [(m, float(w[naam])) for m, w in enumerate(gezien) if w.get(naam) is not None]
        kanten = [band.maanden[m][naam].kant(x) for m, x in echt]
        paden = np.array([u[sleutel][naam][: len(gezien)] for u in run.uitkomsten], dtype=float)
        omh = omhullende(paden)
        heel = all(omh.bevat(m, x) for m, x in echt)
        uit.append(
            {
                "naam": naam,
                "titel": titel,
                "maanden": len(kanten),
                "binnen": kanten.count(0),
                "onder": kanten.count(-1),
                "boven": kanten.count(1),
                "heel_binnen_omhullende": heel,
            }
        )
    return uit


# what a planner or policy officer calls the calibrated parameters (docs/prognose.md, Parameters)
AANNAMEN = {
    "instroom_per_maand": "Nieuwe maatregelen per maand",
    "duur_dagen": "Gemiddelde duur van een maatregel (dagen)",
    "typen": "Per type maatregel: duur en aandeel",
    "medewerkers": "Fte met een caseload",
    "begin_inwerkend": "Waarvan nog inwerkend (fte)",
    "begin_ziek": "Waarvan langdurig ziek (fte)",
    "ondersteuners": "Fte ondersteuners",
    "verloop_per_jaar": "Verloop per jaar",
    "vacature_dagen": "Dagen tot een vacature vervuld is",
    "begin_vacatures": "Open vacatures (fte)",
    "lang_ziek_per_jaar": "Lange ziekmeldingen per fte per jaar",
    "kort_verzuim": "Kort verzuim (aandeel fte)",
    "inwerk_dagen": "Inwerktijd (dagen)",
    "start_direct": "Aandeel direct een jeugdbeschermer",
    "intern_warm": "Aandeel warm overgedragen",
    "ziekte_drempel_dagen": "Dagen ziek tot de overdracht",
    "veiligheidsplan_dagen": "Dagen tot het veiligheidsplan",
    "hulpaanbod_dagen": "Dagen tot de hulp",
    "norm": "Plafond op de caseload (cliënten per fte)",
}


def aannamen(run: Prognoserun) -> list[dict[str, Any]]:
    """What the run's baseline assumes, as its calibration estimated it, with how: the
    parameters a reader weighs a forecast by (the start state and uncertainties left out)."""
    return [
        {
            "naam": AANNAMEN[s["naam"]],
            "waarde": s["waarde"],
            "getal": isinstance(s["waarde"], int | float),
            "uitleg": s["uitleg"],
        }
        for s in run.scenario.get("kalibratie", [])
        if s.get("naam") in AANNAMEN
    ]
