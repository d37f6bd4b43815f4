"""A forecast asked for in the web app: its scenario, and the replications done so far.

The replications are computed a few at a time, each time the page asks for the next step
(``services.stap``), so a long forecast shows its progress without a background worker and
a server restart loses nothing but the step under way."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Prognoserun(models.Model):
    naam = models.CharField(max_length=200)
    scenario = models.JSONField(help_text="Het scenario als scenariobestand (docs/prognose.md)")
    runs = models.PositiveIntegerField()
    seed = models.PositiveIntegerField(default=1)
    vanaf = models.DateField(help_text="Eerste maand van de prognose")
    uitkomsten = models.JSONField(
        default=list, help_text="Per replicatie de maandcijfers: {'s': scenario, 'b': basislijn}"
    )
    klaar = models.BooleanField(default=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = "prognose"
        verbose_name_plural = "prognoses"

    def __str__(self) -> str:
        return f"{self.naam} ({self.runs} replicaties)"

    @property
    def gedaan(self) -> int:
        return len(self.uitkomsten)
