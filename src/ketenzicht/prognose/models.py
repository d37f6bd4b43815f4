"""A forecast asked for in the web app: its scenario, and the replications done so far.

The replications are computed a few at a time, each time the page asks for the next step
(``services.stap``), so a long forecast shows its progress without a background worker and
a server restart loses nothing but the step under way. A forecast from a past month then reads
the monitor of the months already gone, one a step, to put what happened beside the bands."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# A scenario in parts (the country as its GIs) also keeps, per replication, each part's last
# month of these: what the page compares the GIs on. The whole series of every part would be
# some fourteen times the run's own outcomes, rewritten at every step.
PER_ONDERDEEL = ("wachtlijst_start", "wachtlijst_intern", "workload", "binnen_norm")


class Prognoserun(models.Model):
    naam = models.CharField(max_length=200)
    scenario = models.JSONField(help_text="Het scenario als scenariobestand (docs/prognose.md)")
    runs = models.PositiveIntegerField()
    seed = models.PositiveIntegerField(default=1)
    vanaf = models.DateField(help_text="Eerste maand van de prognose")
    uitkomsten = models.JSONField(
        default=list,
        help_text="Per replicatie de maandcijfers: {'s': scenario, 'b': basislijn}; bij een "
        "scenario in onderdelen ook per onderdeel de laatste maand: {'s_delen': {naam: "
        "{indicator: waarde}}, 'b_delen': ...}",
    )
    toets_maanden = models.PositiveIntegerField(
        default=0,
        help_text="Maanden van de prognose die al voorbij waren bij het aanvragen: de monitor "
        "van die maanden komt naast de banden (een toets op wat er gebeurde)",
    )
    waargenomen = models.JSONField(
        default=list,
        help_text="Per voorbije maand de monitor op de eerste van de maand erna: {'maand', "
        "'wachtlijst_start', 'wachtlijst_intern', 'clienten', 'workload'}",
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
