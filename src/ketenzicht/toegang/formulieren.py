"""The login forms of the site and of ``/beheer/``, saying when the lock refuses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from ketenzicht.toegang.auth import client_ip, slotmelding
from ketenzicht.toegang.selectors import slot_tot_voor


class _MetSlot:
    request: Any
    data: Any

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()  # type: ignore[misc,no-any-return]
        except forms.ValidationError:
            naam = str(self.data.get("username", ""))
            tot = slot_tot_voor(naam, client_ip(self.request), timezone.now())
            if tot is not None:
                raise forms.ValidationError(slotmelding(tot), code="geblokkeerd") from None
            raise


class Inlogformulier(_MetSlot, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Gebruikersnaam of wachtwoord klopt niet.",
    }


class BeheerInlogformulier(_MetSlot, AdminAuthenticationForm):
    pass
