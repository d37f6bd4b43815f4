"""Indicators of the monitor jeugdbescherming at a peildatum, per GI and nationally.

Definitions (seed 000/002, DOMAIN.md "The monitor jeugdbescherming"):

* ``clienten``: measures in execution at the GI on the peildatum.
* ``fte_formatie`` / ``fte_beschikbaar``: see ``capaciteit``.
* ``workload`` (organisatieworkload): clienten / fte_beschikbaar, one decimal, computed from the
  FTE as shown (one decimal) so anyone can check it from the printed figures.
* ``wachtlijst_start`` / ``wachtlijst_intern``: see ``wachtlijst``; count and mean days waited.
* ``totaal_wachtend``: start plus internal waitlist, as the published monitor adds them
  (518 + 825 = 1,343 on 1 April 2024).
* ``verloop_pct`` and ``verzuim_pct``: see ``capaciteit``.

National figures aggregate the GIs: counts and FTE are summed, workload is Σ clienten /
Σ fte_beschikbaar, mean days are weighted by the counts, percentages by fte_formatie.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ketenzicht.domain import capaciteit
from ketenzicht.domain.kalender import Kalender
from ketenzicht.domain.wachtlijst import MaatregelStand, Wachtende, WachtSoort, wachtenden

DEFINITIES: dict[str, str] = {
    "peildatum": "De dag waarop de stand wordt opgemaakt (de gepubliceerde monitor: 1 april en "
    "1 oktober).",
    "clienten": "Maatregelen in uitvoering bij de GI op de peildatum (OTS, voogdij, "
    "jeugdreclassering en preventief justitieel kader), gesplitst naar soort.",
    "fte_formatie": "FTE in dienst op de peildatum van jeugdbeschermers, jeugdreclasseerders en "
    "ondersteunend jeugdbeschermers; gedragsdeskundigen en juridisch medewerkers tellen niet mee.",
    "fte_beschikbaar": "De formatie min wie ziek is op de peildatum, min het niet-inzetbare deel "
    "van wie inwerkt (zij-instroom: telt voor de inwerkfactor mee).",
    "workload": "Organisatieworkload: cliënten / fte_beschikbaar, op één decimaal, berekend uit "
    "de getoonde fte. Landelijk: Σ cliënten / Σ fte_beschikbaar.",
    "verloop_pct": "Uitstroom (uit dienst) in de 12 maanden vóór de peildatum, als percentage "
    "van de gemiddelde formatie. Onbekend (—) als de GI pas later in Ketenzicht is gaan "
    "registreren: wie daarvoor vertrok, is niet bekend. Landelijk gewogen naar formatie, over "
    "de GI's van wie het bekend is.",
    "verzuim_pct": "Ziekteverzuim op de peildatum als percentage van de formatie "
    "(puntprevalentie). "
    "Landelijk gewogen naar formatie.",
    "wachtlijst_start": "Kinderen van wie de maatregel liep en die na 5 werkdagen (Algemene "
    "termijnenwet) nog geen vaste jeugdbeschermer hadden; aantal en gemiddeld aantal dagen sinds "
    "de start. Landelijk: som, dagen gewogen naar aantal.",
    "wachtlijst_intern": "Kinderen die hun vaste jeugdbeschermer kwijt zijn (uit dienst, of ziek "
    "langer dan de drempel van de GI) en nog geen nieuwe hebben; aantal en gemiddeld aantal dagen "
    "sinds het wegvallen.",
    "totaal_wachtend": "Wachtlijst start + interne wachtlijst (zoals de gepubliceerde monitor: "
    "518 + 825 = 1.343 op 1 april 2024).",
    "aandeel_wachtend_pct": "Per jeugdregio of gemeente (Wachtenden per regio): van de "
    "maatregelen in uitvoering van kinderen die daar wonen, het percentage van wie het kind op de "
    "wachtlijst start of de interne wachtlijst staat, op één decimaal. Telt over alle GI's die "
    "op de peildatum volledig in Ketenzicht registreren.",
    "bron": "registratie: berekend uit wat de GI in Ketenzicht registreert; uitvraag: door de GI "
    "aangeleverd via het uitvraagsjabloon.",
    "verschil": "Verschil met de vorige peildatum (standaard zes maanden eerder).",
}


@dataclass(frozen=True, slots=True)
class Wachtlijstcijfer:
    """A waiting list's size and the total of days waited (so averages aggregate exactly)."""

    aantal: int
    dagen_totaal: float

    @classmethod
    def van(cls, lijst: Sequence[Wachtende]) -> Wachtlijstcijfer:
        return cls(len(lijst), float(sum(w.dagen_wachtend for w in lijst)))

    @property
    def gemiddelde_dagen(self) -> float | None:
        return round(self.dagen_totaal / self.aantal, 1) if self.aantal else None


@dataclass(frozen=True, slots=True)
class Indicatoren:
    clienten: int
    fte_formatie: float
    fte_beschikbaar: float
    wachtlijst_start: Wachtlijstcijfer
    wachtlijst_intern: Wachtlijstcijfer
    verloop_pct: float | None = None
    verzuim_pct: float | None = None
    clienten_per_soort: dict[str, int] = field(default_factory=dict)

    @property
    def workload(self) -> float | None:
        return round(self.clienten / self.fte_beschikbaar, 1) if self.fte_beschikbaar else None

    @property
    def totaal_wachtend(self) -> int:
        return self.wachtlijst_start.aantal + self.wachtlijst_intern.aantal


def _een(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def indicatoren_gi(
    standen: Iterable[MaatregelStand],
    medewerkers: Sequence[capaciteit.MedewerkerStand],
    peildatum: date,
    kalender: Kalender,
    inwerkfactor: float = capaciteit.INWERKFACTOR_STANDAARD,
    *,
    registratie_vanaf: date | None = None,
) -> Indicatoren:
    """The indicators of one GI from its registered measures and staff (complete from
    ``registratie_vanaf``: a figure over a period that began earlier is unknown)."""
    standen = list(standen)
    lopend = [s for s in standen if s.in_uitvoering(peildatum)]
    wachtend = wachtenden(lopend, peildatum, kalender)
    return Indicatoren(
        clienten=len(lopend),
        fte_formatie=round(capaciteit.fte_formatie(medewerkers, peildatum), 1),
        fte_beschikbaar=round(capaciteit.fte_beschikbaar(medewerkers, peildatum, inwerkfactor), 1),
        wachtlijst_start=Wachtlijstcijfer.van([w for w in wachtend if w.soort is WachtSoort.START]),
        wachtlijst_intern=Wachtlijstcijfer.van(
            [w for w in wachtend if w.soort is WachtSoort.INTERN]
        ),
        verloop_pct=_een(
            capaciteit.verloop_pct(medewerkers, peildatum, registratie_vanaf=registratie_vanaf)
        ),
        verzuim_pct=_een(capaciteit.verzuim_pct(medewerkers, peildatum)),
        clienten_per_soort=dict(sorted(Counter(s.code.value for s in lopend).items())),
    )


def _gewogen(paren: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of the values weighted by the weights, skipping missing values."""
    bekend: list[tuple[float, float]] = [(w, g) for w, g in paren if w is not None and g]
    totaal = sum(g for _, g in bekend)
    return round(sum(w * g for w, g in bekend) / totaal, 1) if totaal else None


def _lijst(cijfers: Sequence[Wachtlijstcijfer]) -> Wachtlijstcijfer:
    return Wachtlijstcijfer(sum(c.aantal for c in cijfers), sum(c.dagen_totaal for c in cijfers))


def landelijk(per_gi: Sequence[Indicatoren]) -> Indicatoren:
    """National aggregate: sums, Σ/Σ workload, count-weighted days, formation-weighted %."""
    per_soort: Counter[str] = Counter()
    for i in per_gi:
        per_soort.update(i.clienten_per_soort)
    return Indicatoren(
        clienten=sum(i.clienten for i in per_gi),
        fte_formatie=round(sum(i.fte_formatie for i in per_gi), 1),
        fte_beschikbaar=round(sum(i.fte_beschikbaar for i in per_gi), 1),
        wachtlijst_start=_lijst([i.wachtlijst_start for i in per_gi]),
        wachtlijst_intern=_lijst([i.wachtlijst_intern for i in per_gi]),
        verloop_pct=_gewogen((i.verloop_pct, i.fte_formatie) for i in per_gi),
        verzuim_pct=_gewogen((i.verzuim_pct, i.fte_formatie) for i in per_gi),
        clienten_per_soort=dict(sorted(per_soort.items())),
    )


def als_dict(i: Indicatoren) -> dict[str, object]:
    """The public JSON shape of the indicators (CLI ``monitor --format json`` and the API)."""
    return {
        "clienten": i.clienten,
        "clienten_per_soort": i.clienten_per_soort,
        "fte_formatie": i.fte_formatie,
        "fte_beschikbaar": i.fte_beschikbaar,
        "workload": i.workload,
        "wachtlijst_start": {
            "aantal": i.wachtlijst_start.aantal,
            "gemiddelde_dagen": i.wachtlijst_start.gemiddelde_dagen,
        },
        "wachtlijst_intern": {
            "aantal": i.wachtlijst_intern.aantal,
            "gemiddelde_dagen": i.wachtlijst_intern.gemiddelde_dagen,
        },
        "totaal_wachtend": i.totaal_wachtend,
        "verloop_pct": i.verloop_pct,
        "verzuim_pct": i.verzuim_pct,
    }


def verschil(nu: Indicatoren, toen: Indicatoren) -> dict[str, Any]:
    """The change of every indicator since ``toen``, as ``als_dict`` writes them (None where
    either is unknown)."""
    a, b = als_dict(nu), als_dict(toen)
    uit: dict[str, Any] = {}
    for k in (
        "clienten",
        "fte_formatie",
        "fte_beschikbaar",
        "workload",
        "totaal_wachtend",
        "verloop_pct",
        "verzuim_pct",
    ):
        x, y = a[k], b[k]
        uit[k] = None if x is None or y is None else round(x - y, 1)  # type: ignore[operator]
    for lijst in ("wachtlijst_start", "wachtlijst_intern"):
        x, y = a[lijst], b[lijst]
        uit[lijst] = {
            "aantal": x["aantal"] - y["aantal"],  # type: ignore[index]
            "gemiddelde_dagen": None
            if x["gemiddelde_dagen"] is None or y["gemiddelde_dagen"] is None  # type: ignore[index]
            else round(x["gemiddelde_dagen"] - y["gemiddelde_dagen"], 1),  # type: ignore[index]
        }
    return uit
