"""How the API's security schemes appear in ``openapi.yaml``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SleutelSchema(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "ketenzicht.toegang.auth.SleutelAuthenticatie"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "API-sleutel van een koppeling (ketenzicht sleutel aanmaken): "
            "Authorization: Bearer kz_…",
        }


class BasicSchema(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "ketenzicht.toegang.auth.BasicMetSlot"
    name = "basicAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "basic",
            "description": "Naam en wachtwoord van een gebruiker; na 5 fouten in 15 minuten "
            "een kwartier geweigerd. Niet voor een gebruiker met een tweede factor of een "
            "tijdelijk wachtwoord (401). Voor koppelingen liever een API-sleutel.",
        }
