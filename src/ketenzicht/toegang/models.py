"""Logging in: every attempt with a password (for the lock on guessing, and for the security
officer), the second factor (an authenticator app's codes, and recovery codes), the API keys a
case system uses instead of a person's password, and what an organisation's functioneel
beheerder changed about its users."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class Inlogpoging(models.Model):
    """One attempt to log in with a password, by web, admin or API. Only added, never changed.
    Never the password, and the name only when it is a user's: people type their password, or
    a child's BSN, in the name field by mistake."""

    class Uitkomst(models.TextChoices):
        GELUKT = "gelukt", "Gelukt"
        MISLUKT = "mislukt", "Wachtwoord of naam fout"
        GEWEIGERD = "geweigerd", "Geweigerd: te veel fouten"
        VERLOPEN = "verlopen", "Tijdelijk wachtwoord verlopen"
        VRIJGEGEVEN = "vrijgegeven", "Slot opgeheven door de beheerder"
        CODE_NODIG = "code_nodig", "Wachtwoord goed, code gevraagd"
        CODE_FOUT = "code_fout", "Code van de tweede factor fout"

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    gebruikersnaam = models.CharField(
        max_length=150, blank=True, help_text="De gebruiker; leeg als de naam niet bestaat"
    )
    naam_sleutel = models.CharField(
        max_length=64, help_text="Versleutelde vorm van de getypte naam, om pogingen te tellen"
    )
    ip = models.GenericIPAddressField(null=True, blank=True)
    kanaal = models.CharField(max_length=8, help_text="web, beheer of api")
    uitkomst = models.CharField(max_length=12, choices=Uitkomst.choices)

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = "inlogpoging"
        verbose_name_plural = "inlogpogingen"
        indexes = [
            models.Index(fields=["naam_sleutel", "tijdstip"]),
            models.Index(fields=["ip", "tijdstip"]),
        ]

    def __str__(self) -> str:
        wie = self.gebruikersnaam or "onbekende naam"
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {wie} {self.uitkomst}"


class ApiSleutel(models.Model):
    """A key for one case system's link (koppeling), acting as one user: it sees and may do what
    that user sees and may do, and its requests are audited under that user. Only a hash of the
    key is kept; the key is shown once, when it is made."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_sleutels"
    )
    naam = models.CharField(max_length=100, help_text="Welke koppeling, bijv. 'Zaaksysteem'")
    prefix = models.CharField(max_length=12, unique=True, help_text="Het begin van de sleutel")
    sleutel_hash = models.CharField(max_length=64)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    aangemaakt_door = models.CharField(max_length=150)
    verloopt_op = models.DateTimeField()
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    laatst_gebruikt = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.naam})"

    def status(self, nu: datetime) -> str:
        if self.ingetrokken_op is not None:
            return "ingetrokken"
        return "geldig" if nu < self.verloopt_op else "verlopen"


class TijdelijkWachtwoord(models.Model):
    """The user's password was set by a beheerder: it works for ``TIJDELIJK_WACHTWOORD_GELDIG``
    (7 days) and only to choose a new one. Gone once the user has chosen their own."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tijdelijk_wachtwoord"
    )
    gezet_op = models.DateTimeField(default=timezone.now)
    gezet_door = models.CharField(max_length=150)

    class Meta:
        verbose_name = "tijdelijk wachtwoord"
        verbose_name_plural = "tijdelijke wachtwoorden"

    def __str__(self) -> str:
        return f"{self.gebruiker} sinds {self.gezet_op:%Y-%m-%d %H:%M}"


class Gebruikerswijziging(models.Model):
    """What a beheerder changed about a user of their organisation: a new user, a role, a
    caseworker link, (de)activating, a temporary password, a lock lifted. Only added."""

    class Handeling(models.TextChoices):
        AANGEMAAKT = "aangemaakt", "Gebruiker aangemaakt"
        ROL = "rol", "Rol of medewerker gewijzigd"
        GEDEACTIVEERD = "gedeactiveerd", "Gedeactiveerd"
        GEACTIVEERD = "geactiveerd", "Weer actief"
        WACHTWOORD = "wachtwoord", "Tijdelijk wachtwoord gegeven"
        SLOT = "slot", "Slot opgeheven"
        TWEEDE_FACTOR = "tweede_factor", "Tweede factor opnieuw in te stellen"

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="gebruikerswijzigingen"
    )
    gebruikersnaam = models.CharField(max_length=150, help_text="Wiens account")
    door = models.CharField(max_length=150, help_text="Welke beheerder")
    handeling = models.CharField(max_length=16, choices=Handeling.choices)
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "gebruikerswijziging"
        verbose_name_plural = "gebruikerswijzigingen"

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam}: {self.handeling}"


class TweedeFactor(models.Model):
    """The secret a user's authenticator app shares with Ketenzicht (``domain.totp``), kept
    encrypted. Until ``bevestigd_op`` the user is still setting it up and it is not asked at
    login. ``laatste_stap``: the step of the last code accepted; none at or before it is."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tweede_factor"
    )
    geheim = models.TextField(help_text="Versleuteld")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    bevestigd_op = models.DateTimeField(null=True, blank=True)
    laatste_stap = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "tweede factor"
        verbose_name_plural = "tweede factoren"

    def __str__(self) -> str:
        staat = "aan" if self.bevestigd_op else "wordt ingesteld"
        return f"{self.gebruiker}: {staat}"


class Herstelcode(models.Model):
    """One of the codes a user with a second factor keeps on paper for a lost phone: each works
    once, instead of the app's code. Only a keyed hash is kept."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="herstelcodes"
    )
    code_hash = models.CharField(max_length=64)
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "herstelcode"
        verbose_name_plural = "herstelcodes"

    def __str__(self) -> str:
        return f"{self.gebruiker}: {'gebruikt' if self.gebruikt_op else 'ongebruikt'}"
