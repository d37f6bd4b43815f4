"""The audit log, read-only: rows are only ever added by the services."""

from django.contrib import admin
from django.http import HttpRequest

from ketenzicht.audit.models import AuditRegel, InzageBuitenCaseload


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AuditRegel)
class AuditRegelAdmin(AlleenLezen):
    list_display = [
        "tijdstip",
        "gebruikersnaam",
        "organisatie",
        "actie",
        "kanaal",
        "kind_pid",
        "doel",
        "via",
    ]
    list_filter = ["actie", "kanaal"]
    search_fields = ["gebruikersnaam", "kind_pid", "via"]


@admin.register(InzageBuitenCaseload)
class InzageBuitenCaseloadAdmin(AlleenLezen):
    list_display = ["tijdstip", "gebruikersnaam", "organisatie", "kind_pid", "reden", "toelichting"]
    list_filter = ["reden", "organisatie"]
    search_fields = ["gebruikersnaam", "kind_pid"]
