"""The access log of one child's record, for the organisation's functioneel beheerder: to answer
a parent's or child's request to know who looked at the record (AVG art. 15, NEN 7513). Reading
it is itself audited."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ketenzicht.audit import selectors
from ketenzicht.audit.models import AuditRegel
from ketenzicht.kinderen import selectors as kinderen
from ketenzicht.kinderen.models import Kind
from ketenzicht.organisaties.selectors import lidmaatschap_van


class PeriodeOngeldig(ValueError):
    pass


def _datum(request: HttpRequest, veld: str) -> date | None:
    tekst = request.GET.get(veld, "").strip()
    if not tekst:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise PeriodeOngeldig(f"'{veld}' is geen datum (JJJJ-MM-DD): {tekst[:20]!r}") from None


@login_required
def logging(request: HttpRequest, pid: UUID, formaat: str = "html") -> HttpResponse:
    lid = lidmaatschap_van(request.user)
    if lid is None or not selectors.ziet_logging(request.user):
        reden = "De logging van een dossier ziet de functioneel beheerder van uw organisatie."
        return render(request, "web/geen_toegang.html", {"reden": reden}, status=403)
    try:
        van, tot = _datum(request, "van"), _datum(request, "tot")
    except PeriodeOngeldig as fout:
        return render(request, "web/geen_toegang.html", {"reden": str(fout)}, status=400)
    doel = "logging geëxporteerd" if formaat == "csv" else "logging ingezien"
    try:
        kind = kinderen.kind_inzien(
            gebruiker=request.user, pid=pid, doel=doel, kanaal=AuditRegel.Kanaal.WEB
        )
    except Kind.DoesNotExist:
        raise Http404("Geen kind gevonden.") from None
    gelogd = selectors.logging_van(
        kind_pid=kind.pid, organisatie=lid.organisatie.naam, van=van, tot=tot
    )
    if formaat == "csv":
        antwoord = HttpResponse(selectors.als_csv(gelogd), content_type="text/csv; charset=utf-8")
        naam = f"logging-{str(kind.pid)[:8]}.csv"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    context = {
        "kind": kind,
        "organisatie": lid.organisatie,
        "logging": gelogd,
        "getoond": gelogd.regels[: selectors.MAX_OP_PAGINA],
        "van": van,
        "tot": tot,
        "schaal": max([1, *(n for _, _, n in gelogd.per_gebruiker)]),
    }
    return render(request, "audit/logging.html", context)
