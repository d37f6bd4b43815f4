"""The access log: who read or wrote which child's record, when, through what, and why.

In the spirit of NEN 7513. Rows are only ever added; the admin shows them read-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ketenzicht.domain.inzage import INZAGEREDENEN


class AuditRegel(models.Model):
    class Actie(models.TextChoices):
        LEZEN = "lezen", "Gelezen"
        LEZEN_LIJST = "lezen_lijst", "Gezien in een lijst"
        SCHRIJVEN = "schrijven", "Gewijzigd"
        AANMAKEN = "aanmaken", "Aangemaakt"

    class Kanaal(models.TextChoices):
        WEB = "web"
        API = "api"
        CLI = "cli"
        SYSTEEM = "systeem"

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    gebruikersnaam = models.CharField(
        max_length=150, help_text="Bewaard ook als de gebruiker weg is"
    )
    organisatie = models.CharField(max_length=200, blank=True)
    actie = models.CharField(max_length=16, choices=Actie.choices)
    kanaal = models.CharField(max_length=8, choices=Kanaal.choices)
    objecttype = models.CharField(max_length=40)
    kind_pid = models.UUIDField(db_index=True)
    doel = models.CharField(max_length=200)
    via = models.CharField(
        max_length=12, blank=True, help_text="De API-sleutel (begin) waarmee een koppeling het deed"
    )

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"

    def __str__(self) -> str:
        return (
            f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.objecttype}"
        )


class InzageBuitenCaseload(models.Model):
    """A reason a user gave to open the record of a child not on their own caseload
    (``domain.inzage``): it allows the reads of that child until ``geldig_tot``, and the GI's
    planner and functioneel beheerder review them. Rows are only ever added."""

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    geldig_tot = models.DateTimeField()
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    gebruikersnaam = models.CharField(max_length=150)
    organisatie = models.CharField(
        max_length=200, db_index=True, help_text="Naam; bewaard ook als de organisatie weg is"
    )
    kind_pid = models.UUIDField()
    reden = models.CharField(max_length=16, choices=INZAGEREDENEN)
    toelichting = models.CharField(max_length=200, blank=True)
    kanaal = models.CharField(max_length=8, choices=AuditRegel.Kanaal.choices)

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = "inzage buiten caseload"
        verbose_name_plural = "inzage buiten caseload"
        indexes = [models.Index(fields=["gebruiker", "kind_pid", "geldig_tot"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.reden}"
