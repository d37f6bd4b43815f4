"""The GI's workload norm: every member sees which norm holds from which day (the history is
kept, so an earlier day's figures use that day's norm); the functioneel beheerder sets a new
one from a day, or takes back one that has not taken effect yet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.normen import plus_maanden
from ketenzicht.domain.werklast import WerklastnormOngeldig
from ketenzicht.organisaties import services
from ketenzicht.organisaties.models import Werklastnorm
from ketenzicht.organisaties.selectors import werklastnorm as norm_op
from ketenzicht.planning.views import eigen_gi
from ketenzicht.toegang.selectors import beheerder_van
from ketenzicht.web.formulieren import geheel_getal

GETALLEN = (
    "clienten_per_fte",
    "gewicht_jeugdbescherming",
    "gewicht_voogdij",
    "gewicht_jeugdreclassering",
)


def _getal(request: HttpRequest, veld: str) -> Decimal:
    try:
        return Decimal(request.POST.get(veld, "").strip().replace(",", "."))
    except InvalidOperation:
        raise WerklastnormOngeldig(veld, "vul een getal in") from None


@login_required
def werklastnorm(request: HttpRequest) -> HttpResponse:
    gi = eigen_gi(request)
    beheerder = beheerder_van(request.user) is not None  # the GI's functioneel beheerder
    vandaag = timezone.localdate()
    context: dict[str, Any] = {"fout": None, "veld": None, "invoer": {}, "gedaan": None}
    if request.method == "POST":
        if not beheerder:
            return render(request, "toegang/alleen_beheerder.html", status=403)
        context["invoer"] = request.POST
        try:
            try:
                geldig_van = date.fromisoformat(request.POST.get("geldig_van", ""))
            except ValueError:
                raise WerklastnormOngeldig("geldig_van", "vul een datum in") from None
            _, context["gedaan"] = services.werklastnorm_vastleggen(
                gi=gi,
                geldig_van=geldig_van,
                **{veld: _getal(request, veld) for veld in GETALLEN},
                ziekte_drempel_dagen=geheel_getal(request.POST.get("ziekte_drempel_dagen")) or 0,
                door=request.user.get_username(),
                verleden=True,
            )
            context["invoer"] = {}
        except WerklastnormOngeldig as fout:
            context["fout"], context["veld"] = str(fout), fout.veld
    nu = norm_op(gi.pk, vandaag)
    context |= {
        "gi": gi,
        "beheerder": beheerder,
        "vandaag": vandaag,
        "nu": nu,
        "gewicht": {s.value: nu.gewichten.get(s, 1.0) for s in Soort},
        "normen": Werklastnorm.objects.filter(gi=gi).order_by("-geldig_van"),
        "van": context["invoer"].get("geldig_van")
        or plus_maanden(vandaag.replace(day=1), 1).isoformat(),
    }
    status = 400 if context["fout"] else 200
    return render(request, "planning/werklastnorm.html", context, status=status)


@login_required
def werklastnorm_intrekken(request: HttpRequest, norm_id: int) -> HttpResponse:
    gi = eigen_gi(request)
    if request.method != "POST" or beheerder_van(request.user) is None:
        return render(request, "toegang/alleen_beheerder.html", status=403)
    try:
        services.werklastnorm_intrekken(gi=gi, norm_id=norm_id, door=request.user.get_username())
    except LookupError as fout:
        raise Http404(str(fout)) from None
    except WerklastnormOngeldig:
        pass  # in force already: the page shows it without the button
    return HttpResponseRedirect(reverse("werklastnorm"))
