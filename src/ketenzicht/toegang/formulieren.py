"""The login form (the site's and ``/beheer/``'s), saying when the lock refuses, and the form
for changing one's own password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils import timezone

from ketenzicht.toegang.auth import client_ip, slotmelding, weigering
from ketenzicht.toegang.selectors import slot_tot_voor


class _MetSlot:
    request: Any
    data: Any

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()  # type: ignore[misc,no-any-return]
        except forms.ValidationError:
            if (waarom := weigering(self.request)) is not None:
                raise forms.ValidationError(waarom, code="geweigerd") from None
            # this very attempt may have been the one that locks the name: say so now
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


class WachtwoordWijzigen(PasswordChangeForm):
    """Django's form, with a weak new password refused at the field where it was chosen, not at
    its repetition."""

    def clean(self) -> dict[str, Any]:
        nieuw = self.cleaned_data.get("new_password1")
        if nieuw and nieuw == self.cleaned_data.get("old_password"):
            self.add_error("new_password1", "Kies een ander wachtwoord dan het huidige.")
            return self.cleaned_data
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return super(SetPasswordForm, self).clean() or self.cleaned_data
