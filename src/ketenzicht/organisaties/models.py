"""Organisations of the chain, their staff and the staff's availability over time."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ketenzicht.domain.capaciteit import Beschikbaarheid, Rol
from ketenzicht.domain.perioden import Periode


class Organisatie(models.Model):
    class Type(models.TextChoices):
        GI = "gi", "Gecertificeerde instelling"
        GEMEENTE = "gemeente", "Gemeente"
        JEUGDREGIO = "jeugdregio", "Jeugdregio"
        JEUGDHULPAANBIEDER = "jeugdhulpaanbieder", "Jeugdhulpaanbieder"
        EXPERTTEAM = "expertteam", "Regionaal expertteam"
        MINISTERIE = "ministerie", "Ministerie"

    naam = models.CharField(max_length=200, unique=True)
    type = models.CharField(max_length=24, choices=Type.choices)
    gemeentecode = models.CharField(
        max_length=6, unique=True, null=True, blank=True, help_text="CBS-code, bv. GM0363"
    )
    regio = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="gemeenten"
    )
    agb_code = models.CharField(
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        help_text="AGB-code (8 cijfers): afzender of ontvanger van iJw-berichten",
    )
    registratie_vanaf = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "GI: de eerste dag waarvan zij haar maatregelen, toewijzingen en personeel volledig "
            "in Ketenzicht registreert (de ingebruikname, of het begin van de ingelezen "
            "historie). Wie eerder uit dienst ging, kent Ketenzicht niet: een cijfer over een "
            "periode die eerder begint, is onbekend. Leeg: de registratie is volledig."
        ),
    )
    breedtegraad = models.FloatField(null=True, blank=True, help_text="Ligging (WGS84)")
    lengtegraad = models.FloatField(null=True, blank=True, help_text="Ligging (WGS84)")

    class Meta:
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                name="gemeentecode_alleen_voor_gemeente",
                condition=models.Q(gemeentecode__isnull=True) | models.Q(type="gemeente"),
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Lidmaatschap(models.Model):
    """A user belongs to exactly one organisation, with one role there."""

    class Rol(models.TextChoices):
        PLANNER = "planner", "Teamleider / planner"
        JEUGDBESCHERMER = "jeugdbeschermer", "Jeugdbeschermer"
        BELEID = "beleid", "Beleidsmedewerker"
        FUNCTIONEEL_BEHEERDER = "beheerder", "Functioneel beheerder"
        ZORGBEMIDDELAAR = "zorgbemiddelaar", "Zorgbemiddelaar"

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschap"
    )
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="leden")
    rol = models.CharField(max_length=16, choices=Rol.choices)
    medewerker = models.OneToOneField(
        "Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lidmaatschap",
        help_text=(
            "Jeugdbeschermer of jeugdreclasseerder: wie deze gebruiker in het personeel van de "
            "GI is. 'Mijn kinderen' toont dan de eigen caseload en termijnen."
        ),
    )

    def __str__(self) -> str:
        return f"{self.gebruiker} ({self.get_rol_display()}, {self.organisatie})"

    def clean(self) -> None:
        # organisatie_id, not organisatie: the form may not have one yet (its own field error)
        if (
            self.medewerker is not None
            and self.organisatie_id is not None
            and self.medewerker.gi_id != self.organisatie_id
        ):
            raise ValidationError(
                {"medewerker": f"{self.medewerker} werkt niet bij {self.organisatie}."}
            )


class Medewerker(models.Model):
    """An employee of a GI. Employment is a period; leaving sets ``uit_dienst_per``, and
    ``uit_dienst_geregistreerd_op`` says when that date was registered (a figure asked "as
    known at" an earlier moment ignores it)."""

    gi = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="medewerkers")
    naam = models.CharField(max_length=200)
    rol = models.CharField(max_length=32, choices=[(r.value, r.value) for r in Rol])
    fte = models.DecimalField(max_digits=4, decimal_places=2)
    in_dienst_van = models.DateField()
    uit_dienst_per = models.DateField(null=True, blank=True)
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    uit_dienst_geregistreerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        indexes = [models.Index(fields=["gi", "in_dienst_van"])]
        constraints = [
            models.CheckConstraint(
                name="fte_positief", condition=models.Q(fte__gt=0, fte__lte=1.2)
            ),
            models.CheckConstraint(
                name="uit_dienst_na_in_dienst",
                condition=models.Q(uit_dienst_per__isnull=True)
                | models.Q(uit_dienst_per__gte=models.F("in_dienst_van")),
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def dienstverband(self) -> Periode:
        """From the first day in service up to (not including) the leaving date."""
        return Periode(self.in_dienst_van, self.uit_dienst_per)


class BeschikbaarheidsPeriode(models.Model):
    """Sickness or onboarding of an employee, ``[van, tot)``; ``tot`` empty while it lasts, and
    ``tot_geregistreerd_op`` when its end was registered."""

    medewerker = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="perioden")
    soort = models.CharField(max_length=16, choices=[(b.value, b.value) for b in Beschikbaarheid])
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    tot_geregistreerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["van", "tot"])]
        constraints = [
            models.CheckConstraint(
                name="periode_tot_na_van",
                condition=models.Q(tot__isnull=True) | models.Q(tot__gte=models.F("van")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort} vanaf {self.van}"


class Werklastnorm(models.Model):
    """A GI's workload norm from ``geldig_van`` on (the newest one not after a date applies)."""

    gi = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="werklastnormen")
    geldig_van = models.DateField()
    clienten_per_fte = models.DecimalField(max_digits=4, decimal_places=1, default=14)
    gewicht_jeugdbescherming = models.DecimalField(max_digits=3, decimal_places=2, default=1)
    gewicht_voogdij = models.DecimalField(max_digits=3, decimal_places=2, default=1)
    gewicht_jeugdreclassering = models.DecimalField(max_digits=3, decimal_places=2, default=1)
    ziekte_drempel_dagen = models.PositiveSmallIntegerField(
        default=28, help_text="Zo lang ziek beëindigt de vaste relatie (interne wachtlijst)"
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    geregistreerd_door = models.CharField(max_length=150, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gi", "geldig_van"], name="een_norm_per_gi_per_dag"),
            models.CheckConstraint(
                name="norm_positief", condition=models.Q(clienten_per_fte__gt=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gi}: {self.clienten_per_fte} per fte vanaf {self.geldig_van}"


class Intrekking(models.Model):
    """A sickness, a leaving date or a joining registered by mistake, withdrawn: what had been
    registered and when, who withdrew it, when and why (``planning.intrekking``).

    A withdrawn sickness stays as the empty period ``[van, van)``, its end registered at the
    withdrawal (``domain.perioden.Periode.leeg``); so does a withdrawn joining, as the
    employment (never in service). A withdrawn leaving date is taken off the caseworker, and a
    withdrawn recovery date off its sickness (which then runs again, or ends on the right
    date), and kept here, so a figure "as known at" a moment in between still sees it
    (``domain.registratie.bekend_gecorrigeerd``)."""

    class Soort(models.TextChoices):
        ZIEK = "ziek", "ziekmelding"
        BETER = "beter", "betermelding"
        UIT_DIENST = "uit_dienst", "datum uit dienst"
        IN_DIENST = "in_dienst", "indiensttreding"

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="intrekkingen"
    )
    soort = models.CharField(max_length=16, choices=Soort.choices)
    datum = models.DateField(
        help_text="Ziek sinds, beter per, of de datum uit of in dienst die niet klopte"
    )
    periode = models.ForeignKey(
        BeschikbaarheidsPeriode,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="intrekkingen",
        help_text="Bij een betermelding: de ziekte waarvan het einde niet klopte",
    )
    was_geregistreerd_op = models.DateTimeField(null=True, blank=True)
    reden = models.TextField(help_text="Waarom de melding niet klopte")
    door = models.CharField(max_length=150)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "intrekkingen"
        ordering = ["geregistreerd_op", "pk"]
        indexes = [models.Index(fields=["soort", "geregistreerd_op"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} per {self.datum} ingetrokken"
