"""What every page needs to know about the user: their organisation and its type, and whether
they hold a caseload of their own and see individual children (for the menu)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ketenzicht.kinderen.selectors import ORGANISATIES_MET_KINDEREN
from ketenzicht.organisaties.selectors import lidmaatschap_van


def organisatie(request: HttpRequest) -> dict[str, Any]:
    lid = lidmaatschap_van(request.user) if hasattr(request, "user") else None
    if lid is None:
        return {
            "organisatie": None,
            "org_type": None,
            "eigen_caseload": False,
            "ziet_kinderen": False,
        }
    return {
        "organisatie": lid.organisatie,
        "org_type": lid.organisatie.type,
        "eigen_caseload": lid.medewerker_id is not None,  # "Mijn kinderen" in the menu
        "ziet_kinderen": lid.organisatie.type in ORGANISATIES_MET_KINDEREN,  # "Zoeken"
    }
