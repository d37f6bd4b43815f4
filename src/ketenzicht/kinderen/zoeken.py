"""Finding a child among those the user may see: by BSN, or by name parts and date of birth
(what was typed is read by ``domain.zoeken``). The children found are audited as seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef

from ketenzicht.audit.models import AuditRegel
from ketenzicht.audit.services import log_toegang
from ketenzicht.domain.zoeken import Zoekvraag
from ketenzicht.kinderen import bsnopslag
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.kinderen.selectors import lopend_op, zichtbare_kinderen
from ketenzicht.organisaties.selectors import gi_van

MAX_ZOEKRESULTATEN = 50


@dataclass(frozen=True, slots=True)
class ZoekRegel:
    """A child found: enough to tell two children of the same name apart, and their latest
    measure as the user may see it."""

    kind_pid: UUID
    naam: str
    geboortedatum: date
    gemeente: str
    maatregel: str  # "OTS bij GI X, sinds 03-08-2026" or "... beëindigd 01-02-2026"; "" none


@dataclass(frozen=True, slots=True)
class Zoekresultaat:
    regels: list[ZoekRegel]
    meer: bool  # more children matched than are shown: the search should be narrower


def zoek_kinderen(
    *, gebruiker: AbstractBaseUser | AnonymousUser, vraag: Zoekvraag, peildatum: date, kanaal: str
) -> Zoekresultaat:
    """The children ``gebruiker`` may see that match ``vraag``: by BSN (its keyed hash), or by
    every name part in the first or last name (without accents or case) and the date of birth.
    At most ``MAX_ZOEKRESULTATEN``: the children with a measure running now first (at the user's
    GI, for a GI), then by last name. The children found are audited as seen; the search
    text is not recorded anywhere."""
    qs = zichtbare_kinderen(gebruiker).select_related("gemeente")
    if vraag.bsn is not None:
        qs = qs.filter(bsn_zoeksleutel=bsnopslag.zoeksleutel(vraag.bsn))
    for deel in vraag.namen:
        qs = qs.filter(zoeknaam__contains=deel)  # both folded by domain.zoeken.vouw
    if vraag.geboortedatum is not None:
        qs = qs.filter(geboortedatum=vraag.geboortedatum)
    gi = gi_van(gebruiker)
    lopend = Maatregel.objects.filter(lopend_op(peildatum), kind=OuterRef("pk"))
    if gi is not None:
        lopend = lopend.filter(gi=gi)
    kinderen = list(
        qs.annotate(lopend=Exists(lopend)).order_by(
            "-lopend", "achternaam", "voornaam", "geboortedatum", "pk"
        )[: MAX_ZOEKRESULTATEN + 1]
    )
    meer = len(kinderen) > MAX_ZOEKRESULTATEN
    kinderen = kinderen[:MAX_ZOEKRESULTATEN]
    maatregelen = Maatregel.objects.filter(kind__in=kinderen).select_related("gi")
    if gi is not None:
        maatregelen = maatregelen.filter(gi=gi)  # a GI sees its own measures of the child
    laatste: dict[int, Maatregel] = {}
    for m in maatregelen.order_by("start", "pk"):
        laatste[m.kind_id] = m
    regels = [
        ZoekRegel(
            kind_pid=k.pid,
            naam=str(k),
            geboortedatum=k.geboortedatum,
            gemeente=k.gemeente.naam,
            maatregel=_stand(laatste[k.pk], peildatum) if k.pk in laatste else "",
        )
        for k in kinderen
    ]
    log_toegang(
        gebruiker=gebruiker,
        kind_pids=[r.kind_pid for r in regels],
        actie=AuditRegel.Actie.LEZEN_LIJST,
        kanaal=kanaal,
        doel="kind zoeken",
    )
    return Zoekresultaat(regels, meer)


def _stand(m: Maatregel, peildatum: date) -> str:
    wat = f"{m.maatregelcode.kort} bij {m.gi.naam}"
    if m.start > peildatum:
        return f"{wat}, start {m.start:%d-%m-%Y}"
    if m.einde is not None and m.einde <= peildatum:
        return f"{wat}, beëindigd {m.einde:%d-%m-%Y}"
    return f"{wat}, sinds {m.start:%d-%m-%Y}"
