"""The doorbraakaanpak's records: norm sets (data, editable by a functional administrator),
milestones registered per measure, agreements per child (afspraak 2) and escalations to the
regional expert team (afspraak 3). Facts are added, never overwritten: a correction is a newer
registration, so any month can be recomputed as it was known then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from ketenzicht.domain import normen
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Organisatie


class Normset(models.Model):
    """A set of milestones with deadlines and targets, valid for measures that start in
    [geldig_van, geldig_tot). Once in force its milestones are frozen: change means a new set."""

    naam = models.CharField(max_length=120, unique=True)
    geldig_van = models.DateField()
    geldig_tot = models.DateField(null=True, blank=True, help_text="Exclusief; leeg: open einde")
    bijna_dagen = models.PositiveSmallIntegerField(
        default=2, help_text="Een mijlpaal is 'bijna' zo veel kalenderdagen voor de termijn"
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-geldig_van"]
        verbose_name_plural = "normsets"

    def __str__(self) -> str:
        return self.naam

    def in_werking(self, vandaag: date | None = None) -> bool:
        return self.pk is not None and self.geldig_van <= (vandaag or timezone.localdate())

    def clean(self) -> None:
        if self.geldig_tot is not None and self.geldig_tot <= self.geldig_van:
            raise ValidationError({"geldig_tot": "Moet na 'geldig van' liggen."})
        if self.pk is not None:
            oud = Normset.objects.get(pk=self.pk)
            if oud.in_werking() and oud.geldig_van != self.geldig_van:
                raise ValidationError(
                    {"geldig_van": "Deze normset is al in werking; maak een nieuwe normset."}
                )
            vandaag = timezone.localdate()
            if (
                oud.geldig_tot != self.geldig_tot
                and self.geldig_tot is not None
                and self.geldig_tot < vandaag
                and oud.in_werking()
            ):
                raise ValidationError(
                    {"geldig_tot": "Een normset in werking eindigt niet met terugwerkende kracht."}
                )

    def als_domein(self) -> normen.Normset:
        return normen.Normset(
            naam=self.naam,
            geldig_van=self.geldig_van,
            geldig_tot=self.geldig_tot,
            mijlpalen=tuple(m.als_domein() for m in self.mijlpalen.order_by("volgorde", "pk")),
        )


class NormMijlpaal(models.Model):
    normset = models.ForeignKey(Normset, on_delete=models.PROTECT, related_name="mijlpalen")
    volgorde = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(max_length=40)
    naam = models.CharField(max_length=120)
    aantal = models.PositiveSmallIntegerField()
    eenheid = models.CharField(max_length=16, choices=[(e.value, e.value) for e in normen.Eenheid])
    vanaf = models.CharField(
        max_length=40,
        default=normen.VANAF_START,
        help_text="'start' (van de maatregel) of de code van een eerdere mijlpaal",
    )
    doel = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text="Streefaandeel, 0 tot 1 (0,9 = 90%)",
    )

    class Meta:
        ordering = ["normset", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["normset", "code"], name="mijlpaal_uniek_per_set")
        ]
        verbose_name_plural = "mijlpalen"

    def __str__(self) -> str:
        return f"{self.naam}: {self.aantal} {self.eenheid}"

    def als_domein(self) -> normen.Mijlpaal:
        return normen.Mijlpaal(
            code=self.code,
            naam=self.naam,
            termijn=normen.Termijn(self.aantal, normen.Eenheid(self.eenheid)),
            doel=self.doel,
            vanaf=self.vanaf,
        )


class Mijlpaalregistratie(models.Model):
    """A milestone met for a measure (veiligheidstaxatie, veiligheidsplan, hulpaanbod). The
    jeugdbeschermer milestone is not registered here: it follows from the Toewijzing."""

    class Code(models.TextChoices):
        VEILIGHEIDSTAXATIE = normen.VEILIGHEIDSTAXATIE, "Veiligheidstaxatie"
        VEILIGHEIDSPLAN = normen.VEILIGHEIDSPLAN, "Veiligheidsplan"
        HULPAANBOD = normen.HULPAANBOD, "Hulpaanbod gestart"

    maatregel = models.ForeignKey(Maatregel, on_delete=models.PROTECT, related_name="mijlpalen")
    mijlpaal = models.CharField(max_length=40, choices=Code.choices)
    datum = models.DateField()
    door = models.CharField(max_length=150, help_text="Wie het deed (naam of functie)")
    bron = models.CharField(max_length=40, default="registratie")
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["maatregel", "mijlpaal", "geregistreerd_op"]
        indexes = [models.Index(fields=["maatregel", "mijlpaal"])]

    def __str__(self) -> str:
        return f"{self.get_mijlpaal_display()} {self.datum}"


class Afspraak(models.Model):
    """Afspraak 2: who does what for this child, by when."""

    class Wie(models.TextChoices):
        LOKAAL_TEAM = "lokaal_team", "Lokaal team"
        AANBIEDER = "aanbieder", "Jeugdhulpaanbieder"
        GI = "gi", "GI"
        GEMEENTE = "gemeente", "Gemeente"
        RET = "ret", "Regionaal expertteam"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        NAGEKOMEN = "nagekomen", "Nagekomen"
        NIET_NAGEKOMEN = "niet_nagekomen", "Niet nagekomen"

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="afspraken")
    wie = models.CharField(max_length=16, choices=Wie.choices)
    wat = models.TextField()
    uiterlijk = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    afgerond_op = models.DateField(null=True, blank=True)
    gemaakt_op = models.DateTimeField(default=timezone.now)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["uiterlijk", "pk"]
        verbose_name_plural = "afspraken"

    def __str__(self) -> str:
        return f"{self.get_wie_display()}: {self.wat[:40]} (uiterlijk {self.uiterlijk})"


class Escalatie(models.Model):
    """Afspraak 3: a child escalated to the regional expert team. The state changes only
    through ``services.escalatie_overgang``, which records each transition."""

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", "Aangemeld"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        OPGELOST = "opgelost", "Opgelost"
        TERUGGELEGD = "teruggelegd", "Teruggelegd"

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="escalaties")
    maatregel = models.ForeignKey(
        Maatregel, null=True, blank=True, on_delete=models.PROTECT, related_name="escalaties"
    )
    expertteam = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="escalaties",
        limit_choices_to={"type": Organisatie.Type.EXPERTTEAM},
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.AANGEMELD)
    reden = models.TextField()
    aangemeld_op = models.DateField()
    aangemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["aangemeld_op", "pk"]
        verbose_name_plural = "escalaties"

    def __str__(self) -> str:
        return f"escalatie {self.aangemeld_op} ({self.get_status_display()})"


class EscalatieOvergang(models.Model):
    escalatie = models.ForeignKey(Escalatie, on_delete=models.PROTECT, related_name="overgangen")
    van = models.CharField(max_length=16, blank=True)
    naar = models.CharField(max_length=16, choices=Escalatie.Status.choices)
    reden = models.TextField()
    datum = models.DateField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["escalatie", "geregistreerd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.van or '—'} → {self.naar} ({self.datum})"
