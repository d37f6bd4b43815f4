"""Scenario and parameter files: the chain simulator's data as JSON, read with an error that
names the field and where it is, and written back as only what differs.

A parameter file is a JSON object with the fields of ``Parameters`` (all optional: missing ones
keep their default). A scenario file is ``{"naam": ..., "parameters": {...}, "maatregelen":
[{"vanaf_maand": m, <one change>}, ...]}`` where a change is one of ``extra_medewerkers`` (N,
with ``zij_instroom``: true for onboarding), ``verloop_delta`` (e.g. -0.02 = 2 points lower),
``instroom_factor`` (e.g. 0.9), ``norm`` (clients per case-holding FTE) or ``norm_factor`` (the
cap relative to the one in force, for a calibrated baseline whose cap is the observed one).

``typen`` splits the measures into types with their own duration: a list of ``{"naam": ...,
"instroom": share of new measures, "voorraad": share of the clients at the start, "duur_dagen":
mean duration}``, optionally with a new measure's first phase (``eerst_dagen``,
``eerst_tot_dagen``) and the clients' remaining duration (``rest_dagen``); without it every
measure lasts ``duur_dagen`` on average.

``onzekerheid`` gives the standard error of estimated fields, ``{"instroom_per_maand": 9.5,
...}``: each replication then draws those fields (parameter uncertainty in the bands; see
``onzekerheid.py``). A calibrated baseline has them; without it the parameters are exact.

``onderdelen``, ``[{"naam": ..., "parameters": {...}}, ...]``, splits the chain into parts with
a capacity of their own (the country's GIs): each part's parameters are read on top of the
scenario's, and a measure with ``"onderdeel": naam`` reaches that part alone (``onderdelen.py``).

``ketenzicht prognose kalibreer`` writes a parameter file from the registered history; every
field is documented in ``docs/prognose.md``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from ketenzicht.domain.prognose.parameters import (
    Maatregel,
    Maatregeltype,
    Onderdeel,
    OngeldigeParameters,
    Parameters,
    Scenario,
    maand_label,
)

_LEEG_OPTIONEEL = {"int | None": 0, "float | None": 0.0}  # what an optional number is checked as


def _velden(cls: type, gegeven: dict[str, Any], waar: str) -> dict[str, Any]:
    bekend = {f.name: f for f in fields(cls)}
    onbekend = sorted(set(gegeven) - set(bekend))
    if onbekend:
        raise OngeldigeParameters(f"{waar}: onbekend veld {', '.join(onbekend)}")
    uit: dict[str, Any] = {}
    leeg = cls() if cls is Parameters else None
    for naam, waarde in gegeven.items():
        standaard = getattr(leeg, naam, None)
        # an optional number (``int | None``) takes null, or a value checked as that number
        soort = str(bekend[naam].type)
        of_null = " of null" if soort.endswith(" | None") else ""
        if of_null and waarde is None:
            uit[naam] = None
            continue
        if standaard is None:
            standaard = _LEEG_OPTIONEEL.get(soort)
        if naam == "typen":
            waarde = _typen(waarde, f"{waar}.typen")
        elif naam == "onzekerheid":
            if not isinstance(waarde, dict):
                raise OngeldigeParameters(
                    f"{waar}.onzekerheid: verwacht een object veld → standaardfout"
                )
            waarde = dict(waarde)
        elif isinstance(standaard, tuple):
            if not isinstance(waarde, list):
                raise OngeldigeParameters(f"{waar}.{naam}: verwacht een lijst getallen")
            waarde = tuple(float(x) for x in waarde)
        elif isinstance(standaard, bool | str):
            pass
        elif isinstance(standaard, (int, float)) and not isinstance(waarde, (int, float)):
            raise OngeldigeParameters(
                f"{waar}.{naam}: verwacht een getal{of_null}, kreeg {waarde!r}"
            )
        elif isinstance(standaard, int) and waarde != int(waarde):
            raise OngeldigeParameters(
                f"{waar}.{naam}: verwacht een geheel getal{of_null}, kreeg {waarde!r}"
            )
        elif isinstance(standaard, int):
            waarde = int(waarde)
        uit[naam] = waarde
    return uit


def _getal(w: object) -> bool:
    return isinstance(w, (int, float)) and not isinstance(w, bool)


KWANTIEL_VELDEN = ("achttien_dagen", "achttien_nieuw_dagen")  # a type's lists of days


def _typen(gegeven: Any, waar: str) -> tuple[Maatregeltype, ...]:
    if not isinstance(gegeven, list):
        raise OngeldigeParameters(f"{waar}: verwacht een lijst objecten")
    uit = []
    nodig = {"naam", "instroom", "voorraad", "duur_dagen"}
    velden = {f.name for f in fields(Maatregeltype)}
    for i, t in enumerate(gegeven):
        if not isinstance(t, dict) or not nodig <= set(t) or set(t) - velden:
            raise OngeldigeParameters(
                f"{waar}[{i}]: een object met {', '.join(sorted(nodig))} (en eventueel "
                "eerst_dagen, eerst_tot_dagen, rest_dagen, achttien_dagen, achttien_nieuw_dagen)"
            )
        lijsten: dict[str, Any] = {}
        for naam in KWANTIEL_VELDEN:
            lijst = t.get(naam, [])
            if not isinstance(lijst, list) or not all(_getal(w) for w in lijst):
                raise OngeldigeParameters(f"{waar}[{i}].{naam}: verwacht een lijst getallen")
            lijsten[naam] = tuple(float(w) for w in lijst)
        for naam in velden - {"naam", *KWANTIEL_VELDEN}:
            if not _getal(t.get(naam, 0.0)):
                raise OngeldigeParameters(f"{waar}[{i}].{naam}: verwacht een getal")
        getallen: dict[str, Any] = {
            k: float(w) for k, w in t.items() if k != "naam" and k not in lijsten
        }
        uit.append(Maatregeltype(naam=str(t["naam"]), **lijsten, **getallen))
    return tuple(uit)


def parameters_uit(gegeven: dict[str, Any], basis: Parameters | None = None) -> Parameters:
    try:
        return replace(basis or Parameters(), **_velden(Parameters, gegeven, "parameters"))
    except TypeError as fout:
        raise OngeldigeParameters(f"parameters: {fout}") from None


def scenario_uit(gegeven: dict[str, Any], basis: Parameters | None = None) -> Scenario:
    if not isinstance(gegeven, dict) or "naam" not in gegeven:
        raise OngeldigeParameters("scenario: een object met minstens 'naam'")
    velden = {"naam", "parameters", "maatregelen", "vanaf", "kalibratie", "onderdelen"}
    onbekend = sorted(set(gegeven) - velden)
    if onbekend:
        raise OngeldigeParameters(f"scenario: onbekend veld {', '.join(onbekend)}")
    par = parameters_uit(gegeven.get("parameters", {}), basis)
    onderdelen = _onderdelen(gegeven.get("onderdelen", []), par)
    maatregelen = []
    for i, m in enumerate(gegeven.get("maatregelen", [])):
        waar = f"maatregelen[{i}]"
        if not isinstance(m, dict) or "vanaf_maand" not in m:
            raise OngeldigeParameters(f"{waar}: een object met 'vanaf_maand'")
        bekend = {f.name for f in fields(Maatregel)}
        if set(m) - bekend:
            raise OngeldigeParameters(f"{waar}: onbekend veld {', '.join(sorted(set(m) - bekend))}")
        maatregelen.append(Maatregel(**m))
    vanaf = None
    if "vanaf" in gegeven:
        try:
            jaar, maand = (int(x) for x in str(gegeven["vanaf"]).split("-"))
            vanaf = date(jaar, maand, 1)
        except ValueError:
            raise OngeldigeParameters(
                f"vanaf: een maand als JJJJ-MM, kreeg {gegeven['vanaf']!r}"
            ) from None
    return Scenario(str(gegeven["naam"]), par, tuple(maatregelen), vanaf, onderdelen)


def _onderdelen(gegeven: Any, basis: Parameters) -> tuple[Onderdeel, ...]:
    """``[{"naam": ..., "parameters": {...}}, ...]``, each part's parameters read on top of the
    scenario's own."""
    if not isinstance(gegeven, list):
        raise OngeldigeParameters("onderdelen: verwacht een lijst objecten")
    uit: list[Onderdeel] = []
    for i, o in enumerate(gegeven):
        waar = f"onderdelen[{i}]"
        if not isinstance(o, dict) or "naam" not in o or set(o) - {"naam", "parameters"}:
            raise OngeldigeParameters(f"{waar}: een object met 'naam' en 'parameters'")
        if o["naam"] in {d.naam for d in uit}:
            raise OngeldigeParameters(f"{waar}.naam: {o['naam']!r} staat er al eerder in")
        velden = _velden(Parameters, o.get("parameters", {}), f"{waar}.parameters")
        try:
            par = replace(basis, **velden)
        except OngeldigeParameters as fout:  # a rule across fields, or a value out of range
            raise OngeldigeParameters(f"{waar}.parameters.{fout}") from None
        uit.append(Onderdeel(str(o["naam"]), par))
    return tuple(uit)


def scenario_json(
    scenario: Scenario, toelichting: Sequence[tuple[str, object, str]] = ()
) -> dict[str, Any]:
    """A scenario as its file: the parameters that differ from the defaults, the measures and,
    for a calibrated baseline, what each estimate was made from (``kalibratie``)."""
    uit: dict[str, Any] = {"naam": scenario.naam}
    if scenario.vanaf is not None:
        uit["vanaf"] = maand_label(scenario.vanaf, 0)
    uit["parameters"] = _verschil(scenario.parameters, Parameters())
    if scenario.onderdelen:
        uit["onderdelen"] = [
            {"naam": o.naam, "parameters": _verschil(o.parameters, scenario.parameters)}
            for o in scenario.onderdelen
        ]
    if scenario.maatregelen:
        uit["maatregelen"] = [
            {
                f.name: getattr(m, f.name)
                for f in fields(Maatregel)
                if f.name == "vanaf_maand" or getattr(m, f.name) != getattr(Maatregel(0), f.name)
            }
            for m in scenario.maatregelen
        ]
    if toelichting:
        uit["kalibratie"] = [
            {"naam": n, "waarde": list(w) if isinstance(w, tuple) else w, "uitleg": u}
            for n, w, u in toelichting
        ]
    return uit


def _verschil(par: Parameters, basis: Parameters) -> dict[str, Any]:
    """The fields of ``par`` that differ from ``basis``, as JSON (what a file must say)."""
    return {
        f.name: _json_waarde(getattr(par, f.name))
        for f in fields(Parameters)
        if getattr(par, f.name) != getattr(basis, f.name) and f.name != "peil_norm_dagen"
    }


def _json_waarde(w: object) -> object:
    if isinstance(w, tuple):
        return [
            {k: v for k, v in asdict(x).items() if v is not None and v != ()}
            if isinstance(x, Maatregeltype)
            else x
            for x in w
        ]
    return w


def lees_scenario(pad: Path, basis: Parameters | None = None) -> Scenario:
    try:
        gegeven = json.loads(pad.read_text(encoding="utf-8"))
    except json.JSONDecodeError as fout:
        raise OngeldigeParameters(
            f"{pad}: geen geldige JSON (regel {fout.lineno}): {fout.msg}"
        ) from None
    return scenario_uit(gegeven, basis)
