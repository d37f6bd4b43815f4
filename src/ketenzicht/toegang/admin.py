"""Login attempts and the beheerders' changes to users, read-only, for the security officer; API
keys made, listed and revoked. ``/beheer/login/`` is the site's login (``toegang.inloggen``), so
the lock and the second factor hold here too."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from ketenzicht.audit.admin import AlleenLezen
from ketenzicht.toegang.models import ApiSleutel, Gebruikerswijziging, Inlogpoging, TweedeFactor
from ketenzicht.toegang.services import MAX_DAGEN, sleutel_aanmaken, sleutel_intrekken
from ketenzicht.toegang.tweede_factor import vergeten


@admin.register(Inlogpoging)
class InlogpogingAdmin(AlleenLezen):
    list_display = ["tijdstip", "gebruikersnaam", "naam_sleutel_kort", "ip", "kanaal", "uitkomst"]
    list_filter = ["uitkomst", "kanaal"]
    search_fields = ["gebruikersnaam", "ip"]
    date_hierarchy = "tijdstip"

    @admin.display(description="naam (versleuteld)")
    def naam_sleutel_kort(self, poging: Inlogpoging) -> str:
        """The same typed name gives the same code: attempts on one unknown name stand out."""
        return poging.naam_sleutel[:10]


@admin.register(Gebruikerswijziging)
class GebruikerswijzigingAdmin(AlleenLezen):
    """What the organisations' functioneel beheerders changed about their users."""

    list_display = ["tijdstip", "organisatie", "gebruikersnaam", "handeling", "toelichting", "door"]
    list_filter = ["handeling", "organisatie"]
    search_fields = ["gebruikersnaam", "door"]
    date_hierarchy = "tijdstip"


@admin.register(TweedeFactor)
class TweedeFactorAdmin(admin.ModelAdmin):
    """Who logs in with a second factor; deleting one wipes it (a lost phone of someone the
    organisations' beheerders do not manage, such as another application administrator). The
    secret is never shown."""

    list_display = ["gebruiker", "aangemaakt_op", "bevestigd_op"]
    search_fields = ["gebruiker__username"]
    fields = ["gebruiker", "aangemaakt_op", "bevestigd_op"]
    readonly_fields = ["gebruiker", "aangemaakt_op", "bevestigd_op"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: TweedeFactor) -> None:
        vergeten(obj.gebruiker_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[TweedeFactor]) -> None:
        for rij in queryset:
            vergeten(rij.gebruiker_id)


class NieuweSleutel(forms.ModelForm):
    dagen = forms.IntegerField(
        min_value=1, max_value=MAX_DAGEN, initial=365, help_text="Hoe lang de sleutel geldt."
    )

    class Meta:
        model = ApiSleutel
        fields = ["gebruiker", "naam"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gebruiker"]
        veld.queryset = veld.queryset.filter(is_active=True)  # type: ignore[attr-defined]


@admin.register(ApiSleutel)
class ApiSleutelAdmin(admin.ModelAdmin):
    velden = [
        "prefix",
        "naam",
        "gebruiker",
        "aangemaakt_op",
        "verloopt_op",
        "laatst_gebruikt",
        "ingetrokken_op",
    ]
    list_display = tuple(velden)
    list_filter = ["ingetrokken_op"]
    search_fields = ["prefix", "naam", "gebruiker__username"]
    actions = ["intrekken"]
    readonly_fields = [*velden, "aangemaakt_door"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = NieuweSleutel
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [] if obj is None else self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ["gebruiker", "naam", "dagen"] if obj is None else self.readonly_fields

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the row says which link used which key until when

    def save_model(self, request: HttpRequest, obj: ApiSleutel, form: Any, change: bool) -> None:
        """Made by the service, as by the CLI; the admin's object then is the row made."""
        try:
            rij, sleutel = sleutel_aanmaken(
                obj.gebruiker.get_username(),
                obj.naam,
                form.cleaned_data["dagen"],
                door=request.user.get_username(),
            )
        except ValueError as fout:  # the form already holds active users, names, days
            raise PermissionDenied(str(fout)) from fout
        for veld in ApiSleutel._meta.concrete_fields:
            setattr(obj, veld.attname, getattr(rij, veld.attname))
        messages.warning(
            request,
            f"De sleutel voor {obj.naam}: {sleutel} — kopieer hem nu naar de koppeling; "
            "Ketenzicht bewaart hem niet en toont hem niet nog eens.",
        )

    @admin.action(description="Geselecteerde sleutels intrekken")
    def intrekken(self, request: HttpRequest, queryset: QuerySet[ApiSleutel]) -> None:
        open_ = list(queryset.filter(ingetrokken_op=None).values_list("prefix", flat=True))
        for prefix in open_:
            sleutel_intrekken(prefix)
        self.message_user(request, f"{len(open_)} sleutel(s) ingetrokken.")
