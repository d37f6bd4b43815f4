"""Pages whose figures are computed first, a part per request, with progress shown: the
monitor, its trend and the doorbraak monitor. The page answers ``web/monitor_berekenen.html``
while parts are not kept; each htmx step computes the next part and answers the progress, or,
with everything kept, has the page load again (it then shows its figures). ``?direct=1``,
offered without JavaScript, computes everything in the page's own request."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


@dataclass(frozen=True, slots=True)
class Berekening:
    """What a page computes in parts, in its words: ``titel`` and ``kop`` of the page while it
    computes, ``wat`` appears when done, and the parts counted (``eenheid``: one, ``eenheden``:
    several; "peildatum"/"peildata", "maand"/"maanden")."""

    titel: str
    kop: str
    wat: str
    eenheid: str = "peildatum"
    eenheden: str = "peildata"


def eerst_berekenen(
    request: HttpRequest,
    berekening: Berekening,
    *,
    totaal: int,
    open_: int,
    stap_naam: str,
    fout: str = "",
) -> HttpResponse | None:
    """The page showing progress while ``open_`` of the ``totaal`` parts are not kept, computed
    by steps (``stap_naam``); ``None`` when all are kept or ``?direct=1`` asks to compute them
    at once. ``fout``: what was wrong with the request, shown meanwhile with status 400."""
    if not open_ or request.GET.get("direct"):
        return None
    context = {
        "berekening": berekening,
        "fout": fout,
        "voortgang": voortgang(request, berekening, stap_naam, totaal, open_),
        "direct": f"?{met(request, direct='1')}",
    }
    return render(request, "web/monitor_berekenen.html", context, status=400 if fout else 200)


def stap_antwoord(
    request: HttpRequest,
    berekening: Berekening,
    *,
    totaal: int,
    open_: int | None,
    pagina: str,
    stap_naam: str,
) -> HttpResponse:
    """The answer to a step that left ``open_`` parts of ``totaal`` to compute: the progress so
    far; with every part kept (0), the page loaded again; when what was computed is not kept
    (``None``: a cache that keeps nothing), the page computing everything at once."""
    if open_ is None:
        antwoord = HttpResponse("<p class='utrecht-paragraph'>Alles in één keer…</p>")
        antwoord["HX-Redirect"] = f"{reverse(pagina)}?{met(request, direct='1')}"
        return antwoord
    if not open_:
        antwoord = HttpResponse(
            "<p class='utrecht-paragraph'>Klaar; de cijfers worden getoond.</p>"
        )
        antwoord["HX-Refresh"] = "true"
        return antwoord
    stand = voortgang(request, berekening, stap_naam, totaal, open_)
    return render(request, "web/_voortgang.html", {"voortgang": stand})


def voortgang(
    request: HttpRequest, berekening: Berekening, stap: str, totaal: int, open_: int
) -> dict[str, object]:
    """What ``web/_voortgang.html`` shows: parts done of all, and the step to ask next (with
    the request's own query, so the step computes what the page asked)."""
    return {
        "klaar": totaal - open_,
        "totaal": totaal,
        "eenheden": berekening.eenheden,
        "volgende": f"{reverse(stap)}?{met(request)}",
    }


def met(request: HttpRequest, **erbij: str) -> str:
    """The request's query with ``erbij`` set."""
    query = request.GET.copy()
    query.update(erbij)
    return query.urlencode()
