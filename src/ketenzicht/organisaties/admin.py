"""Functional administration of organisations, memberships and staff.

Children, measures and assignments are deliberately not in the admin: every read of a child's
record must go through the audited selectors.
"""

from django.contrib import admin

from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Intrekking,
    Lidmaatschap,
    Medewerker,
    Organisatie,
)
from ketenzicht.organisaties.services import einde_geregistreerd


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "type", "gemeentecode", "regio", "registratie_vanaf"]
    list_filter = ["type"]
    search_fields = ["naam", "gemeentecode"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "organisatie", "rol", "medewerker"]
    list_filter = ["rol"]
    autocomplete_fields = ["medewerker"]  # a GI has hundreds of caseworkers


class BeschikbaarheidInline(admin.TabularInline):
    model = BeschikbaarheidsPeriode
    extra = 0
    readonly_fields = ["geregistreerd_op", "tot_geregistreerd_op"]


class IntrekkingInline(admin.TabularInline):
    """Withdrawals are registered by the planner (``planning.intrekking``) and only read here."""

    model = Intrekking
    extra = 0
    can_delete = False
    readonly_fields = [
        "soort",
        "datum",
        "periode",
        "was_geregistreerd_op",
        "reden",
        "door",
        "geregistreerd_op",
    ]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    """A leaving date or a sickness's end set or corrected here is stamped with the moment it
    was registered, so the monitor "as known at" an earlier moment (``--bekend-op``) still
    gives the figures published then. The registration moments cannot be edited."""

    list_display = ["naam", "gi", "rol", "fte", "in_dienst_van", "uit_dienst_per"]
    list_filter = ["gi", "rol"]
    search_fields = ["naam"]
    inlines = [BeschikbaarheidInline, IntrekkingInline]
    readonly_fields = ["geregistreerd_op", "uit_dienst_geregistreerd_op"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if "uit_dienst_per" in form.changed_data:
            obj.uit_dienst_geregistreerd_op = einde_geregistreerd(obj.uit_dienst_per)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        for periode_form in formset.forms:
            if "tot" in periode_form.changed_data:
                periode = periode_form.instance
                periode.tot_geregistreerd_op = einde_geregistreerd(periode.tot)
        super().save_formset(request, form, formset, change)
