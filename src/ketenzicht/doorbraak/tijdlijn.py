"""A child's doorbraak timeline: milestones per measure, agreements, escalations and what
happened, newest first. For a child whose read was already audited (``kind_inzien``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from ketenzicht.domain import normen
from ketenzicht.domain.escalatie import EscalatieStatus, is_open
from ketenzicht.domain.normen import escalatie_voorstel
from ketenzicht.doorbraak import lijsten, mijlpalen
from ketenzicht.doorbraak.models import Afspraak, Escalatie
from ketenzicht.kinderen.historie import correcties
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Organisatie


@dataclass(frozen=True, slots=True)
class Gebeurtenis:
    datum: date
    soort: str  # maatregel mijlpaal jeugdbeschermer afspraak escalatie verhuizing correctie
    tekst: str


@dataclass(frozen=True, slots=True)
class Tijdlijn:
    """A child's doorbraak view: milestones per measure, agreements, escalations, events."""

    mijlpalen: dict[int, list[normen.MijlpaalStand]]  # per maatregel id
    afspraken: list[Afspraak]
    escalaties: list[Escalatie]
    open_escalatie: Escalatie | None
    voorstel_escalatie: str | None
    expertteam: Organisatie | None
    gebeurtenissen: list[Gebeurtenis]


def tijdlijn(kind: Kind, maatregelen: Sequence[Maatregel], peildatum: date) -> Tijdlijn:
    """For a child whose read was audited by ``kind_inzien``."""
    met = {
        k.maatregel_id: k
        for k in mijlpalen.met_mijlpalen(
            [m for m in maatregelen if m.start <= peildatum],
            peildatum,
            mijlpalen.bijna_dagen(peildatum),
        )
    }
    afspraken = list(kind.afspraken.order_by("uiterlijk", "pk"))
    escalaties = list(
        kind.escalaties.select_related("expertteam").prefetch_related("overgangen").order_by("pk")
    )
    open_ = next((e for e in escalaties if is_open(EscalatieStatus(e.status))), None)
    lopend = [k for mid, k in met.items() if _loopt(maatregelen, mid, peildatum)]
    voorstel = None
    if open_ is None:
        voorstel = next(
            (
                r
                for k in lopend
                if (r := escalatie_voorstel(k.standen, settings.ESCALATIE_HULPAANBOD_DAGEN_TE_LAAT))
            ),
            None,
        )
    return Tijdlijn(
        {mid: list(k.standen) for mid, k in met.items()},
        afspraken,
        escalaties,
        open_,
        voorstel,
        lijsten.expertteam_voor(kind),
        sorted(  # newest first; on one day in the order _gebeurtenissen gives (a stable sort)
            _gebeurtenissen(maatregelen, list(met.values()), afspraken, escalaties, peildatum)
            + _registraties(kind, maatregelen),
            key=lambda g: g.datum,
            reverse=True,
        ),
    )


def _registraties(kind: Kind, maatregelen: Sequence[Maatregel]) -> list[Gebeurtenis]:
    """The child's moves (on the day of the move) and the corrections of its measures (on the
    day they were made)."""
    uit = [
        Gebeurtenis(w.van, "verhuizing", f"Verhuisd naar {w.gemeente.naam}")
        for w in list(kind.woonplaatsen.select_related("gemeente"))[1:]  # the first: from before
    ]
    uit += [
        Gebeurtenis(
            timezone.localdate(c.geregistreerd_op),
            "correctie",
            f"Registratie {m.maatregelcode.kort} gecorrigeerd: {c.wat}",
        )
        for m in maatregelen
        for c in correcties(m)
    ]
    return uit


def _gebeurtenissen(
    maatregelen: Sequence[Maatregel],
    met: Sequence[mijlpalen.KindMetMijlpalen],
    afspraken: Sequence[Afspraak],
    escalaties: Sequence[Escalatie],
    peildatum: date,
) -> list[Gebeurtenis]:
    """What happened to the child up to ``peildatum``, newest first."""
    gebeurtenissen = [
        Gebeurtenis(
            m.start,
            "maatregel",
            f"{m.maatregelcode.label} overgenomen door {m.gi}"
            if m.overgenomen_van_id
            else f"Start {m.maatregelcode.label} bij {m.gi}",
        )
        for m in maatregelen
    ]
    gebeurtenissen += [
        Gebeurtenis(m.einde, "maatregel", f"Einde {m.maatregelcode.kort} ({m.einde_reden})")
        for m in maatregelen
        if m.einde is not None and m.einde <= peildatum
    ]
    for m in maatregelen:
        for t in m.toewijzingen.all():
            if t.start <= peildatum:
                gebeurtenissen.append(
                    Gebeurtenis(
                        t.start, "jeugdbeschermer", f"Vaste jeugdbeschermer: {t.medewerker}"
                    )
                )
            if t.einde is not None and t.einde <= peildatum:
                gebeurtenissen.append(
                    Gebeurtenis(
                        t.einde, "jeugdbeschermer", f"{t.medewerker} stopt ({t.einde_reden})"
                    )
                )
    # a measure handed over shows its earlier part's milestones again: each once
    gehaald: set[Gebeurtenis] = set()
    for k in met:
        for s in k.standen:
            if s.gehaald_op is not None:
                tekst = f"{s.mijlpaal.naam} ({k.maatregel})"
                if s.status is normen.Status.TE_LAAT_GEHAALD:
                    tekst += f", {s.dagen_te_laat} dagen na de termijn"
                gehaald.add(Gebeurtenis(s.gehaald_op, "mijlpaal", tekst))
    gebeurtenissen += gehaald
    for a in afspraken:
        gebeurtenissen.append(
            Gebeurtenis(
                a.gemaakt_op.date(),
                "afspraak",
                f"Afspraak: {a.get_wie_display()} — {a.wat} (uiterlijk {a.uiterlijk:%d-%m-%Y})",
            )
        )
    for e in escalaties:
        for o in e.overgangen.all():
            gebeurtenissen.append(
                Gebeurtenis(
                    o.datum,
                    "escalatie",
                    f"Escalatie {e.expertteam}: {o.get_naar_display().lower()} — {o.reden}",
                )
            )
    volgorde = {"maatregel": 0, "jeugdbeschermer": 1, "mijlpaal": 2, "afspraak": 3}
    gebeurtenissen.sort(key=lambda g: (g.datum, volgorde.get(g.soort, 4)), reverse=True)
    return gebeurtenissen


def _loopt(maatregelen: Sequence[Maatregel], maatregel_id: int, peildatum: date) -> bool:
    m = next(m for m in maatregelen if m.pk == maatregel_id)
    return m.start <= peildatum and (m.einde is None or m.einde > peildatum)
