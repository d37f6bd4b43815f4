"""What every page needs to know about the user: their organisation and its type, whether they
hold a caseload of their own and see individual children (for the menu), and how long a
session lasts without a request (for the warning before the idle logout)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from ketenzicht.kinderen.selectors import ORGANISATIES_MET_KINDEREN
from ketenzicht.organisaties.selectors import lidmaatschap_van
from ketenzicht.toegang.middleware import eerst


def organisatie(request: HttpRequest) -> dict[str, Any]:
    lid = lidmaatschap_van(request.user) if hasattr(request, "user") else None
    seconden = int(settings.SESSIE_DUUR.total_seconds())  # the warning before the idle logout
    sessie = {
        # a temporary password or a second factor to set up first: the menu would only lead
        # back to that page (toegang.middleware.EerstInstellenMiddleware)
        "eerst_instellen": hasattr(request, "session") and eerst(request.session) is not None,
        "sessie_seconden": seconden,
        "sessie_minuten": seconden // 60,
        "sessie_max_uren": int(settings.SESSIE_MAX.total_seconds() // 3600),
    }
    if lid is None:
        return {
            **sessie,
            "organisatie": None,
            "org_type": None,
            "eigen_caseload": False,
            "ziet_kinderen": False,
            "rol": None,
        }
    return {
        **sessie,
        "organisatie": lid.organisatie,
        "org_type": lid.organisatie.type,
        "eigen_caseload": lid.medewerker_id is not None,  # "Mijn kinderen" in the menu
        "ziet_kinderen": lid.organisatie.type in ORGANISATIES_MET_KINDEREN,  # "Zoeken"
        "rol": lid.rol,  # "Koppelingen" for the functioneel beheerder
    }
