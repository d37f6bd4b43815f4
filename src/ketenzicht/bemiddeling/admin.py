"""Supply kept current by providers or the region: offers, and capacity reports that are added,
never edited (a new report is the correction; the history stays)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ketenzicht.bemiddeling.models import Aanbod, Capaciteit, IjwBericht


class CapaciteitInline(admin.TabularInline):
    model = Capaciteit
    extra = 1
    fields = [
        "geldig_van", "plaatsen", "bezet", "verwacht_vrij", "verwacht_vrij_per",
        "eigen_wachtlijst", "gemeld_door", "geregistreerd_op",
    ]  # fmt: skip
    readonly_fields = ["geregistreerd_op"]
    ordering = ["-geldig_van", "-geregistreerd_op"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Aanbod)
class AanbodAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "aanbieder",
        "productcategorie",
        "vestiging",
        "leeftijd_van",
        "leeftijd_tot",
    ]
    list_filter = ["productcategorie", "met_verblijf", "vestiging__regio"]
    search_fields = ["naam", "aanbieder__naam"]
    inlines = [CapaciteitInline]


@admin.register(IjwBericht)
class IjwBerichtAdmin(admin.ModelAdmin):
    list_display = ["soort", "richting", "afzender", "ontvanger", "identificatie", "dagtekening"]
    list_filter = ["soort", "richting"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
