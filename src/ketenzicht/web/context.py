"""What every page needs to know about the user: their organisation and its type (for the menu)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ketenzicht.organisaties.selectors import lidmaatschap_van


def organisatie(request: HttpRequest) -> dict[str, Any]:
    lid = lidmaatschap_van(request.user) if hasattr(request, "user") else None
    if lid is None:
        return {"organisatie": None, "org_type": None}
    return {"organisatie": lid.organisatie, "org_type": lid.organisatie.type}
