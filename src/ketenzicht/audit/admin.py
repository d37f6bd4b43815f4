"""The audit log, read-only: rows are only ever added by the services."""

from django.contrib import admin
from django.http import HttpRequest

from ketenzicht.audit.models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(admin.ModelAdmin):
    list_display = [
        "tijdstip",
        "gebruikersnaam",
        "organisatie",
        "actie",
        "kanaal",
        "kind_pid",
        "doel",
    ]
    list_filter = ["actie", "kanaal"]
    search_fields = ["gebruikersnaam", "kind_pid"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
