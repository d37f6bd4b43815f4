"""The GI's own process on top of its capacity, from the measures and the hand-overs: the share
of new measures with a jeugdbeschermer within the norm and the mean excess wait of the others; the
share of children handed over the same day when their caseworker dropped out and the mean wait of
the others; days into a sickness the children are handed over; days to the veiligheidsplan and the
help. Waits still running at the peildatum count as censored (exponential maximum likelihood)."""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta

from ketenzicht.domain.kalender import werkdagen_na
from ketenzicht.domain.prognose.kalibratie.historie import Historie, TeWeinigHistorie
from ketenzicht.domain.prognose.kalibratie.schatting import (
    Deel,
    Schatting,
    dagen,
    exp_gemiddelde,
    nl,
    samen,
    se,
    se_gemiddelde,
)
from ketenzicht.domain.wachtlijst import TERMIJN_JEUGDBESCHERMER_WERKDAGEN

NORM_DAGEN = 7  # 5 working days are at least 7 calendar days


def proces(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    return samen([schatter(h, begin, schat) for schatter in (_start, _overdracht, _doorlooptijden)])


def _start(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    """The monitor puts a child on the start list the day after its 5 working days (Algemene
    termijnenwet) until the day before its jeugdbeschermer starts; the simulator does so after
    ``norm_dagen``. So ``norm_dagen`` is the mean calendar length of that term and the excess
    wait is counted in the monitor's days on the list."""
    t = h.peildatum
    direct = 0
    excess: list[float] = []
    open_: list[float] = []
    termijnen: list[int] = []
    for m in h.maatregelen:
        if not begin <= m.start <= t - timedelta(days=NORM_DAGEN):
            continue
        termijn = werkdagen_na(m.start, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, h.kalender)
        if termijn >= t:
            continue
        termijnen.append(dagen(m.start, termijn))
        if m.eerste_toewijzing is not None and m.eerste_toewijzing <= t:
            if m.eerste_toewijzing <= termijn:
                direct += 1
            else:
                excess.append(dagen(termijn, m.eerste_toewijzing) - 1)
        else:
            tot = m.einde if m.einde is not None and m.einde < t else t
            if tot > termijn:
                open_.append(dagen(termijn, tot) - 1)
    n = direct + len(excess) + len(open_)
    if not n:
        raise TeWeinigHistorie("start_direct: geen nieuwe maatregelen in het venster")
    p = direct / n
    # a share's binomial standard error; an exponential mean's is the mean / sqrt(observed)
    onzeker = {"start_direct": se(math.sqrt(p * (1 - p) / n))}
    uit: Deel = {
        "start_direct": round(p, 4),
        "norm_dagen": round(statistics.fmean(termijnen), 2),
        "onzekerheid": onzeker,
    }
    gem = exp_gemiddelde(excess, open_)
    if gem is not None:
        uit["start_vertraging_dagen"] = round(gem, 1)
        onzeker["start_vertraging_dagen"] = se(gem / math.sqrt(len(excess)))
    schat.append(
        Schatting(
            "start_direct",
            uit["start_direct"],
            f"{direct} van {n} nieuwe maatregelen binnen 5 werkdagen een jeugdbeschermer; "
            f"de anderen gemiddeld {nl(gem or 0, 1)} dagen op de startwachtlijst "
            f"({len(open_)} nog wachtend)",
        )
    )
    return uit


def _overdracht(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    """Children whose caseworker dropped out: the share handed over the same day, the others'
    wait (still waiting: censored), and how many days into a sickness they are handed over."""
    t = h.peildatum
    uitval = [u for u in h.uitval if begin <= u.dag <= t]
    uit: Deel = {"ziekte_drempel_dagen": float(h.ziekte_drempel_dagen)}
    if uitval:
        warm = sum(1 for u in uitval if u.volgende is not None and u.volgende <= u.dag)
        gaten = [dagen(u.dag, u.volgende) for u in uitval if u.volgende and u.volgende > u.dag]
        wachtend = [
            dagen(u.dag, u.einde if u.einde is not None and u.einde < t else t)
            for u in uitval
            if u.volgende is None
        ]
        q = warm / len(uitval)
        uit["intern_warm"] = round(q, 4)
        onzeker = {"intern_warm": se(math.sqrt(q * (1 - q) / len(uitval)))}
        gem = exp_gemiddelde([float(g) for g in gaten], [float(w) for w in wachtend])
        if gem is not None:
            uit["intern_vertraging_dagen"] = round(gem, 1)
            onzeker["intern_vertraging_dagen"] = se(gem / math.sqrt(len(gaten)))
        uit["onzekerheid"] = onzeker
        schat.append(
            Schatting(
                "intern_warm",
                uit["intern_warm"],
                f"{warm} van {len(uitval)} kinderen dezelfde dag overgedragen na uitval; de "
                f"anderen gemiddeld {nl(gem or 0, 1)} dagen",
            )
        )
    ziekte = [u.ziekte_dagen for u in uitval if u.ziekte_dagen is not None]
    if ziekte:
        uit["ziekte_drempel_dagen"] = float(statistics.median(ziekte))
        schat.append(
            Schatting(
                "ziekte_drempel_dagen",
                uit["ziekte_drempel_dagen"],
                f"mediaan van {len(ziekte)} overdrachten wegens ziekte",
            )
        )
    return uit


def _doorlooptijden(h: Historie, begin: date, schat: list[Schatting]) -> Deel:
    """Days to the veiligheidsplan and to the help, as registered."""
    uit: Deel = {}
    onzeker: dict[str, float] = {}
    for naam, reeks, wat in (
        ("veiligheidsplan_dagen", h.plan_dagen, "jeugdbeschermer → veiligheidsplan"),
        ("hulpaanbod_dagen", h.hulp_dagen, "start → hulpaanbod"),
    ):
        if reeks:
            uit[naam] = round(max(1.0, statistics.fmean(reeks)), 1)
            if fout := se_gemiddelde(reeks):
                onzeker[naam] = fout
            schat.append(Schatting(naam, uit[naam], f"{len(reeks)} keer {wat}"))
    uit["onzekerheid"] = onzeker
    return uit


def binnen_norm(h: Historie) -> int:
    """Children whose measure runs at the peildatum without a jeugdbeschermer yet, still within
    their 5 working days: not on the monitor's start list today, but many will be."""
    t = h.peildatum
    return sum(
        1
        for m in h.maatregelen
        if t - timedelta(days=21) <= m.start <= t
        and (m.einde is None or m.einde > t)
        and (m.eerste_toewijzing is None or m.eerste_toewijzing > t)
        and werkdagen_na(m.start, TERMIJN_JEUGDBESCHERMER_WERKDAGEN, h.kalender) >= t
    )
