"""Monitor figures delivered through the uitvraag by GIs that do not register in Ketenzicht.

Deliveries are kept, never overwritten: a new delivery for the same GI and peildatum is a newer
row, and the monitor uses the newest known at the moment asked (``bekend_op``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ketenzicht.domain.uitvraag import Uitvraagrij
from ketenzicht.organisaties.models import Organisatie


class Uitvraaglevering(models.Model):
    bestand = models.CharField(max_length=255)
    geladen_op = models.DateTimeField(default=timezone.now)
    geladen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.bestand} ({self.geladen_op:%Y-%m-%d %H:%M})"


class Uitvraagcijfers(models.Model):
    levering = models.ForeignKey(Uitvraaglevering, on_delete=models.PROTECT, related_name="rijen")
    gi = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="uitvraag")
    peildatum = models.DateField()
    clienten = models.PositiveIntegerField()
    fte_formatie = models.DecimalField(max_digits=9, decimal_places=2)
    fte_beschikbaar = models.DecimalField(max_digits=9, decimal_places=2)
    verloop_pct = models.DecimalField(max_digits=5, decimal_places=2)
    verzuim_pct = models.DecimalField(max_digits=5, decimal_places=2)
    wachtlijst_start_aantal = models.PositiveIntegerField()
    wachtlijst_start_dagen_gem = models.DecimalField(max_digits=7, decimal_places=2)
    wachtlijst_intern_aantal = models.PositiveIntegerField()
    wachtlijst_intern_dagen_gem = models.DecimalField(max_digits=7, decimal_places=2)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["peildatum", "gi"])]
        constraints = [
            models.CheckConstraint(
                name="uitvraag_beschikbaar_niet_boven_formatie",
                condition=models.Q(fte_beschikbaar__lte=models.F("fte_formatie")),
            )
        ]
        verbose_name_plural = "uitvraagcijfers"

    def __str__(self) -> str:
        return f"{self.gi} {self.peildatum}"

    def als_rij(self) -> Uitvraagrij:
        return Uitvraagrij(
            gi=self.gi.naam,
            peildatum=self.peildatum,
            clienten=self.clienten,
            fte_formatie=self.fte_formatie,
            fte_beschikbaar=self.fte_beschikbaar,
            verloop_pct=self.verloop_pct,
            verzuim_pct=self.verzuim_pct,
            wachtlijst_start_aantal=self.wachtlijst_start_aantal,
            wachtlijst_start_dagen_gem=self.wachtlijst_start_dagen_gem,
            wachtlijst_intern_aantal=self.wachtlijst_intern_aantal,
            wachtlijst_intern_dagen_gem=self.wachtlijst_intern_dagen_gem,
        )
