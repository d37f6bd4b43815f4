"""Functional administration of organisations, memberships and staff.

Children, measures and assignments are deliberately not in the admin: every read of a child's
record must go through the audited selectors.
"""

from django.contrib import admin

from ketenzicht.organisaties.models import (
    BeschikbaarheidsPeriode,
    Lidmaatschap,
    Medewerker,
    Organisatie,
)


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


@admin.register(Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    list_display = ["naam", "gi", "rol", "fte", "in_dienst_van", "uit_dienst_per"]
    list_filter = ["gi", "rol"]
    search_fields = ["naam"]
    inlines = [BeschikbaarheidInline]
