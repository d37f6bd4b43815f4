"""Per type of measure (a code with fewer than ``MIN_TYPE`` ends or starts in the last year is
pooled into "overig"): its share of the new measures and of the clients in execution, and three
exit rates: of the clients in execution (the last 12 months), of a new measure in its first
years (the measures started in the window, over the window's length) and of one older than
that (the last 12 months). A measure for a young child runs for years; the stock holds many
close to 18: an OTS or voogdij of a client at the peildatum ends no later than the child's 18th
birthday (the days until then, as percentiles), and the stock's rate then counts the other ends
only. So does a new one: the new measures get the days from their start until 18 of those started
in the last year, and the rates of the new measures count the other ends.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

import numpy as np

from ketenzicht.domain.prognose.kalibratie.historie import Historie
from ketenzicht.domain.prognose.kalibratie.schatting import dagen, overlap
from ketenzicht.domain.prognose.parameters import NOOIT, Maatregeltype

MIN_TYPE = 30  # ends and starts a year a type needs for its own duration; fewer: "overig"


@dataclass(slots=True)
class _Telling:
    """What one code's (or the pool's) shares and durations are estimated from."""

    dagen: float = 0.0  # client-days in the last 12 months
    einden: int = 0  # ... and the ends in them
    starts: int = 0  # measures started in the last 12 months
    lopend: int = 0  # in execution at the peildatum
    nieuw_dagen: float = 0.0  # client-days of the measures started in the window
    nieuw_einden: int = 0
    oud_dagen: float = 0.0  # client-days in the last 12 months older than the window
    oud_einden: int = 0
    meerderjarig: int = 0  # of ``einden``: because the child came of age
    nieuw_meerderjarig: int = 0  # of ``nieuw_einden``: the same
    oud_meerderjarig: int = 0  # of ``oud_einden``: the same
    # in execution at the peildatum: days until the child turns 18 (NOOIT: no end then)
    achttien: list[float] = field(default_factory=list)
    # started in the last 12 months: days from the start until the child turns 18 (NOOIT: none)
    achttien_nieuw: list[float] = field(default_factory=list)

    def tel_op(self, ander: _Telling) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(ander, f.name))


def per_type(h: Historie, begin: date, recent: date, duur: float) -> tuple[Maatregeltype, ...]:
    """Per code its shares and exit rates; codes with too few ends or starts to estimate from
    are pooled as "overig", a rate with too few ends falls back to the stock's."""
    t = h.peildatum
    oud = dagen(begin, t)  # a measure older than the window is past its first phase
    tel: dict[str, _Telling] = defaultdict(_Telling)
    for m in h.maatregelen:
        if m.code is None:
            return ()
        c = tel[m.code.kort]
        einde = m.einde if m.einde is not None and m.einde < t else None
        c.dagen += overlap(m.start, m.einde, recent, t)
        c.einden += einde is not None and recent <= einde
        if recent <= m.start < t:
            c.starts += 1
            c.achttien_nieuw.append(
                NOOIT if m.achttien is None else float(max(0, dagen(m.start, m.achttien)))
            )
        c.meerderjarig += einde is not None and recent <= einde and m.meerderjarig
        if m.start <= t and (m.einde is None or m.einde > t):
            c.lopend += 1
            c.achttien.append(NOOIT if m.achttien is None else float(max(0, dagen(t, m.achttien))))
        if begin <= m.start < t:
            c.nieuw_dagen += overlap(m.start, m.einde, m.start, t)
            c.nieuw_einden += einde is not None
            c.nieuw_meerderjarig += einde is not None and m.meerderjarig
        ouder = max(recent, m.start + timedelta(days=oud))
        if ouder < t:
            c.oud_dagen += overlap(ouder, m.einde, ouder, t)
            c.oud_einden += einde is not None and ouder <= einde
            c.oud_meerderjarig += einde is not None and ouder <= einde and m.meerderjarig
    groepen: dict[str, _Telling] = {}
    for naam, c in sorted(tel.items(), key=lambda kv: -kv[1].lopend):
        eigen = c.einden >= MIN_TYPE and c.starts >= MIN_TYPE
        groepen.setdefault(naam if eigen else "overig", _Telling()).tel_op(c)
    starts = sum(g.starts for g in groepen.values())
    lopend = sum(g.lopend for g in groepen.values())
    if not starts or not lopend:
        return ()

    def gemiddeld(dagen: float, einden: int, anders: float) -> float:
        return round(dagen / einden, 1) if einden >= MIN_TYPE else anders

    typen = []
    for naam, g in groepen.items():
        if not (g.starts or g.lopend):
            continue
        achttien = _kwantielen(g.achttien)
        # with the ends at 18 drawn per client, the rest rate is that of the other ends
        andere = g.einden - g.meerderjarig if achttien else g.einden
        rest = round(g.dagen / andere, 1) if andere else duur  # a pool without ends
        # likewise a new measure, capped at 18 from its start
        achttien_nieuw = _kwantielen(g.achttien_nieuw)
        nieuw_andere = g.nieuw_einden - (g.nieuw_meerderjarig if achttien_nieuw else 0)
        oud_andere = g.oud_einden - (g.oud_meerderjarig if achttien_nieuw else 0)
        typen.append(
            Maatregeltype(
                naam,
                instroom=round(g.starts / starts, 4),
                voorraad=round(g.lopend / lopend, 4),
                duur_dagen=gemiddeld(g.oud_dagen, oud_andere, rest),
                eerst_dagen=gemiddeld(g.nieuw_dagen, nieuw_andere, rest),
                eerst_tot_dagen=float(oud),
                rest_dagen=rest,
                achttien_dagen=achttien,
                achttien_nieuw_dagen=achttien_nieuw,
            )
        )
    return tuple(typen)  # shares rounded: the engine normalises them


KWANTIELEN = 101  # of the days until 18 of a type's clients at the peildatum: 0%, 1%, ..., 100%


def _kwantielen(dagen_tot_18: list[float]) -> tuple[float, ...]:
    """The days until 18 at the percentiles 0, 1, ..., 100 (sample values, so NOOIT stays
    NOOIT); none when no client of the type turns 18 in its measure (jeugdreclassering)."""
    if not any(d < NOOIT for d in dagen_tot_18):
        return ()
    kansen = np.linspace(0, 1, KWANTIELEN)
    return tuple(float(x) for x in np.quantile(dagen_tot_18, kansen, method="inverted_cdf"))
