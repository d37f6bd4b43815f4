"""Reads of the registration for the forecast: the history a calibration needs (what the
monitor showed afterwards, to check a forecast made on a past peildatum, is ``waargenomen``).

The history is read as valid time: a fact dated after the peildatum does not exist yet for it
(an end, a leaving date, a sickness that had not begun), so a calibration on a past date sees
what a planner could have known then. Only aggregates leave this module: no child is named, nothing
about a child is shown, so nothing here is audited per child.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date

from django.conf import settings
from django.db.models import Min, Q

from ketenzicht.domain import normen
from ketenzicht.domain.capaciteit import Beschikbaarheid, MedewerkerStand, Rol
from ketenzicht.domain.maatregelen import (
    EindeReden,
    MaatregelCode,
    Soort,
    ToewijzingEindeReden,
    achttiende_verjaardag,
)
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.perioden import Periode
from ketenzicht.domain.prognose.kalibratie.historie import (
    Historie,
    MaatregelVerloop,
    TeWeinigHistorie,
    Uitval,
    Werknemer,
    venster_begin,
)
from ketenzicht.domain.registratie import samen_vanaf, volledig_op
from ketenzicht.doorbraak.models import Mijlpaalregistratie
from ketenzicht.kinderen.models import Maatregel, Toewijzing
from ketenzicht.monitor.selectors import Monitor, monitor
from ketenzicht.organisaties.models import BeschikbaarheidsPeriode, Medewerker, Organisatie
from ketenzicht.organisaties.selectors import NOOIT_IN_DIENST, gis, werklastnorm
from ketenzicht.prognose import plafond


def _voor(d: date | None, peildatum: date) -> date | None:
    """A date as known on ``peildatum``: a later one has not happened yet."""
    return d if d is not None and d <= peildatum else None


def organisaties(gi_naam: str | None) -> list[Organisatie]:
    """Every GI, or the one named (``LookupError`` naming the GIs there are)."""
    alle = gis()
    if gi_naam is None:
        return alle
    gekozen = [g for g in alle if g.naam == gi_naam]
    if not gekozen:
        raise LookupError(
            f"Onbekende GI: {gi_naam!r}. Bekend zijn: {', '.join(g.naam for g in alle)}."
        )
    return gekozen


def historien(
    *, peildatum: date, venster_maanden: int = 24
) -> tuple[Historie, dict[str, Historie]]:
    """The country's history and that of each GI registering here (with a measure by then):
    the country's is theirs together, with the national monitor. Read once, the monitor too."""
    opname = monitor(peildatum=peildatum, bron="registratie")
    if not opname.per_gi:
        raise TeWeinigHistorie(
            f"op {peildatum:%d-%m-%Y} registreerde geen GI volledig in Ketenzicht"
        )
    starts = _starts_gis(plus_maanden(peildatum, -venster_maanden), peildatum)
    per_gi = {
        naam: historie(
            peildatum=peildatum,
            gi_naam=naam,
            venster_maanden=venster_maanden,
            opname=opname,
            starts_gis=starts,
        )
        for naam in opname.per_gi
    }
    delen = list(per_gi.values())
    drempels = Counter(h.ziekte_drempel_dagen for h in delen)
    land = opname.landelijk
    land_historie = Historie(
        peildatum=peildatum,
        maatregelen=[m for h in delen for m in h.maatregelen],
        uitval=[u for h in delen for u in h.uitval],
        medewerkers=[w for h in delen for w in h.medewerkers],
        caseloads=[c for h in delen for c in h.caseloads],
        geregistreerde_norm=plafond.gewogen_norm(delen),
        plan_dagen=[d for h in delen for d in h.plan_dagen],
        hulp_dagen=[d for h in delen for d in h.hulp_dagen],
        clienten=land.clienten,
        wachtlijst_start=land.wachtlijst_start.aantal,
        wachtlijst_intern=land.wachtlijst_intern.aantal,
        ziekte_drempel_dagen=drempels.most_common(1)[0][0] if drempels else 28,
        inwerkfactor=settings.INWERKFACTOR,
        registratie_vanaf=samen_vanaf(h.registratie_vanaf for h in delen),
    )
    return land_historie, per_gi


def historie(
    *,
    peildatum: date,
    gi_naam: str | None = None,
    venster_maanden: int = 24,
    opname: Monitor | None = None,
    starts_gis: Mapping[str, list[date]] | None = None,
) -> Historie:
    """The history of one GI (or all) up to ``peildatum``, for ``kalibratie.kalibreer``;
    ``opname`` and ``starts_gis``: the monitor on that day and every GI's starts in the window,
    when already read."""
    org = organisaties(gi_naam)
    gi_ids = [g.pk for g in org]
    vanaf = samen_vanaf(g.registratie_vanaf for g in org)
    begin = venster_begin(peildatum, venster_maanden, vanaf)

    maatregelen = Maatregel.objects.filter(gi_id__in=gi_ids, start__lte=peildatum).filter(
        Q(einde__isnull=True) | Q(einde__gte=begin)
    )
    rijen = list(
        maatregelen.values_list(
            "id", "start", "einde", "code", "einde_reden", "kind__geboortedatum"
        )
    )
    eerste = dict(
        Toewijzing.objects.filter(maatregel__in=maatregelen, start__lte=peildatum)
        .values("maatregel_id")
        .annotate(eerste=Min("start"))
        .values_list("maatregel_id", "eerste")
    )
    verloop = [
        _verloop(start, _voor(einde, peildatum), eerste.get(mid), MaatregelCode(code), reden, geb)
        for mid, start, einde, code, reden, geb in rijen
    ]
    einde_van = {mid: _voor(einde, peildatum) for mid, _, einde, *_ in rijen}
    start_van = {mid: start for mid, start, *_ in rijen}

    # staff of the formation roles, with every absence, as known on the peildatum
    staf = (
        Medewerker.objects.filter(gi_id__in=gi_ids, in_dienst_van__lte=peildatum)
        .filter(Q(uit_dienst_per__isnull=True) | Q(uit_dienst_per__gte=plus_maanden(begin, -12)))
        .exclude(NOOIT_IN_DIENST)
    )
    afwezig: dict[int, list[tuple[Beschikbaarheid, Periode]]] = defaultdict(list)
    for mid, soort, van, tot in BeschikbaarheidsPeriode.objects.filter(
        medewerker__in=staf, van__lte=peildatum
    ).values_list("medewerker_id", "soort", "van", "tot"):
        afwezig[mid].append((Beschikbaarheid(soort), Periode(van, _voor(tot, peildatum))))
    naam_van = {g.pk: g.naam for g in org}
    werknemers: dict[int, Werknemer] = {}
    for mid, gi_id, rol, fte, van, tot in staf.values_list(
        "id", "gi_id", "rol", "fte", "in_dienst_van", "uit_dienst_per"
    ):
        if Rol(rol).in_formatie:
            stand = MedewerkerStand(
                Rol(rol), float(fte), Periode(van, _voor(tot, peildatum)), tuple(afwezig[mid])
            )
            werknemers[mid] = Werknemer(naam_van[gi_id], stand)

    # children who lost their caseworker, and who took over
    toewijzingen = list(
        Toewijzing.objects.filter(maatregel__in=maatregelen, start__lte=peildatum).values_list(
            "maatregel_id", "medewerker_id", "start", "einde", "einde_reden"
        )
    )
    starts: dict[int, list[date]] = defaultdict(list)
    for mid, _, start, _, _ in toewijzingen:
        starts[mid].append(start)
    uitval: list[Uitval] = []
    caseload: Counter[int] = Counter()
    for mid, medewerker, _, einde, reden in toewijzingen:
        einde = _voor(einde, peildatum)
        if einde is None:
            if einde_van[mid] is None:
                caseload[medewerker] += 1
            continue
        if reden not in (ToewijzingEindeReden.ZIEKTE.value, ToewijzingEindeReden.UITSTROOM.value):
            continue
        if einde_van[mid] is not None and einde_van[mid] <= einde:  # type: ignore[operator]
            continue
        volgende = min((s for s in starts[mid] if s >= einde), default=None)
        ziek_dagen = None
        if reden == ToewijzingEindeReden.ZIEKTE.value and medewerker in werknemers:
            ziek_dagen = next(
                (
                    (einde - p.van).days
                    for s, p in werknemers[medewerker].stand.afwezigheden
                    if s is Beschikbaarheid.ZIEK
                    and p.van <= einde
                    and (p.tot is None or einde <= p.tot)
                ),
                None,
            )
        uitval.append(Uitval(einde, volgende, einde_van[mid], ziek_dagen))

    caseloads = [
        caseload[mid] / w.stand.fte
        for mid, w in werknemers.items()
        if w.stand.rol.heeft_caseload
        and w.stand.beschikbaar_fte(peildatum) == w.stand.fte
        and w.stand.fte > 0
    ]

    plan: list[int] = []
    hulp: list[int] = []
    for mid, soort, datum in Mijlpaalregistratie.objects.filter(
        maatregel__in=maatregelen,
        datum__lte=peildatum,
        mijlpaal__in=[normen.VEILIGHEIDSPLAN, normen.HULPAANBOD],
    ).values_list("maatregel_id", "mijlpaal", "datum"):
        if start_van[mid] < begin:
            continue
        if soort == normen.HULPAANBOD:
            hulp.append((datum - start_van[mid]).days)
        elif mid in eerste and datum >= eerste[mid]:
            plan.append((datum - eerste[mid]).days)

    opname = opname or monitor(peildatum=peildatum, bron="registratie")
    cijfers = opname.landelijk if gi_naam is None else opname.per_gi.get(gi_naam)
    if cijfers is None or not opname.per_gi:
        raise TeWeinigHistorie(
            f"op {peildatum:%d-%m-%Y} registreerde {gi_naam or 'geen GI'} nog niet volledig in "
            "Ketenzicht" + (f" (pas vanaf {vanaf:%d-%m-%Y})" if vanaf and vanaf > peildatum else "")
        )
    lopend = [m.code for m in verloop if m.einde is None and m.code is not None]
    norm = plafond.geregistreerde_norm(org, peildatum, lopend, werknemers.values())
    drempels = Counter(werklastnorm(g, peildatum).ziekte_drempel_dagen for g in gi_ids)
    if gi_naam is not None:  # one GI: its trend is drawn to the others' over the same months
        starts_gis = _registrerend_sinds(
            starts_gis if starts_gis is not None else _starts_gis(begin, peildatum), begin
        )
    return Historie(
        peildatum=peildatum,
        maatregelen=verloop,
        uitval=uitval,
        medewerkers=list(werknemers.values()),
        caseloads=caseloads,
        geregistreerde_norm=norm,
        plan_dagen=plan,
        hulp_dagen=hulp,
        clienten=cijfers.clienten,
        wachtlijst_start=cijfers.wachtlijst_start.aantal,
        wachtlijst_intern=cijfers.wachtlijst_intern.aantal,
        ziekte_drempel_dagen=drempels.most_common(1)[0][0] if drempels else 28,
        inwerkfactor=settings.INWERKFACTOR,
        starts_gis=starts_gis or {},
        registratie_vanaf=vanaf,
    )


def _verloop(
    start: date,
    einde: date | None,
    eerste: date | None,
    code: MaatregelCode,
    reden: str,
    geboren: date,
) -> MaatregelVerloop:
    """A measure as the calibration sees it; an OTS or voogdij ends at 18 by law, a
    jeugdreclassering measure does not."""
    tot_18 = code.soort is not Soort.JEUGDRECLASSERING
    return MaatregelVerloop(
        start,
        einde,
        eerste,
        code,
        achttiende_verjaardag(geboren) if tot_18 else None,
        einde is not None and reden == EindeReden.MEERDERJARIG.value,
    )


def _registrerend_sinds(starts_gis: Mapping[str, list[date]], begin: date) -> dict[str, list[date]]:
    """The GIs' starts, without the GIs that began registering after ``begin``: their first
    months would count only the measures still running when they began."""
    sinds = {g.naam: g.registratie_vanaf for g in gis()}
    return {
        naam: starts for naam, starts in starts_gis.items() if volledig_op(sinds.get(naam), begin)
    }


def _starts_gis(begin: date, peildatum: date) -> dict[str, list[date]]:
    """The start of every measure of every GI between ``begin`` and ``peildatum``."""
    uit: dict[str, list[date]] = defaultdict(list)
    for naam, start in Maatregel.objects.filter(
        gi__in=gis(), start__gte=begin, start__lte=peildatum
    ).values_list("gi__naam", "start"):
        uit[naam].append(start)
    return uit
