"""Functional administration of the norm sets: the ministry changes norms without a code change.

A norm set that is in force (valid from today or earlier) is frozen: its milestones and start
date are read-only and it can only be given an end date from today on. A change of norms is a
new set with a later ``geldig_van``, so months already measured keep the norms of their time.
Milestones, agreements and escalations are records about children and are not in the admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from django.http import HttpRequest

from ketenzicht.domain import normen
from ketenzicht.doorbraak.models import NormMijlpaal, Normset


class MijlpalenFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        rijen = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE", False)
        ]
        try:
            normen.Normset(
                naam=self.instance.naam or "nieuw",
                geldig_van=self.instance.geldig_van,
                geldig_tot=self.instance.geldig_tot,
                mijlpalen=tuple(
                    normen.Mijlpaal(
                        r["code"],
                        r["naam"],
                        normen.Termijn(r["aantal"], normen.Eenheid(r["eenheid"])),
                        r["doel"],
                        r.get("vanaf") or normen.VANAF_START,
                    )
                    for r in sorted(rijen, key=lambda r: r.get("volgorde") or 0)
                ),
            )
        except (normen.OngeldigeTermijn, KeyError, ValueError) as fout:
            raise ValidationError(str(fout)) from None


class MijlpaalInline(admin.TabularInline):
    model = NormMijlpaal
    formset = MijlpalenFormSet
    extra = 0
    fields = ["volgorde", "code", "naam", "aantal", "eenheid", "vanaf", "doel"]

    def _bevroren(self, obj: Normset | None) -> bool:
        return obj is not None and obj.in_werking()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._bevroren(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._bevroren(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._bevroren(obj) and super().has_delete_permission(request, obj)


@admin.register(Normset)
class NormsetAdmin(admin.ModelAdmin):
    list_display = ["naam", "geldig_van", "geldig_tot", "bijna_dagen"]
    inlines = [MijlpaalInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        bevroren = obj is not None and obj.in_werking()
        return ["naam", "geldig_van", "geregistreerd_op"] if bevroren else ["geregistreerd_op"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.in_werking()
