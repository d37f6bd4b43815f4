"""The zorgbemiddelingstafel's records: care offers and their capacity over time (supply), care
requests (demand), the table's decisions on proposed matches, care periods and assignments read
from iJw messages, and the messages themselves (without their content: it holds a BSN).

Facts are added, never overwritten: a capacity report is a new row, a decision is a new row, a
care period is ended once (JW307)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.organisaties.models import Organisatie


class Aanbod(models.Model):
    """An offer of a jeugdhulpaanbieder: one zorgvorm (iJw productcategorie) for an age range,
    at a location (the municipality it is in), with or without stay."""

    aanbieder = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="aanbod",
        limit_choices_to={"type": Organisatie.Type.JEUGDHULPAANBIEDER},
    )
    naam = models.CharField(max_length=200)
    productcategorie = models.CharField(max_length=2, help_text="iJw JZ020, bv. 35 pleegzorg")
    vestiging = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="aanbod_in_gemeente",
        limit_choices_to={"type": Organisatie.Type.GEMEENTE},
    )
    leeftijd_van = models.PositiveSmallIntegerField(default=0)
    leeftijd_tot = models.PositiveSmallIntegerField(default=17)
    met_verblijf = models.BooleanField(default=False)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "aanbod"
        ordering = ["aanbieder__naam", "naam"]
        constraints = [
            models.CheckConstraint(
                name="aanbod_leeftijd_oplopend",
                condition=models.Q(leeftijd_tot__gte=models.F("leeftijd_van")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.aanbieder})"


GEMELD_DOOR_LENGTE = 150


class Capaciteit(models.Model):
    """A capacity report for an offer from ``geldig_van`` on: places, occupied, places known to
    come free on a date, and the provider's own waiting list. The newest report applies."""

    aanbod = models.ForeignKey(Aanbod, on_delete=models.PROTECT, related_name="capaciteit")
    geldig_van = models.DateField()
    plaatsen = models.PositiveIntegerField()
    bezet = models.PositiveIntegerField()
    verwacht_vrij = models.PositiveIntegerField(default=0, help_text="Plekken die vrijkomen")
    verwacht_vrij_per = models.DateField(null=True, blank=True)
    eigen_wachtlijst = models.PositiveIntegerField(default=0)
    gemeld_door = models.CharField(
        max_length=GEMELD_DOOR_LENGTE, help_text="Aanbieder of regio die het meldde"
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "capaciteit"
        ordering = ["-geldig_van", "-geregistreerd_op"]
        indexes = [models.Index(fields=["aanbod", "geldig_van"])]
        constraints = [
            models.CheckConstraint(
                name="capaciteit_bezet_niet_boven_plaatsen",
                condition=models.Q(bezet__lte=models.F("plaatsen")),
            ),
            models.CheckConstraint(
                name="capaciteit_vrij_met_datum",
                condition=models.Q(verwacht_vrij=0) | models.Q(verwacht_vrij_per__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbod}: {self.bezet}/{self.plaatsen} vanaf {self.geldig_van}"


class Hulpvraag(models.Model):
    """A care request for a child, with or without a measure. A GI's request carries the
    measure. Urgency comes from the child's triage; the status follows the table's decisions."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wachtend"
        GERESERVEERD = "gereserveerd", "Plek gereserveerd"
        GESTART = "gestart", "Hulp gestart"
        AFGEWEZEN = "afgewezen", "Afgewezen door gemeente"
        INGETROKKEN = "ingetrokken", "Ingetrokken"

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="hulpvragen")
    maatregel = models.ForeignKey(
        Maatregel, null=True, blank=True, on_delete=models.PROTECT, related_name="hulpvragen"
    )
    aangevraagd_door = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="hulpvragen"
    )
    regio = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="hulpvragen_in_regio",
        limit_choices_to={"type": Organisatie.Type.JEUGDREGIO},
    )
    productcategorie = models.CharField(max_length=2)
    aangevraagd_op = models.DateField()
    referentie = models.CharField(max_length=36, unique=True, help_text="ReferentieAanbieder")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WACHTEND)
    toelichting = models.TextField(blank=True)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "hulpvragen"
        indexes = [models.Index(fields=["regio", "status"])]

    def __str__(self) -> str:
        return f"hulpvraag {self.referentie} ({self.productcategorie})"


class Besluit(models.Model):
    """The table's decision on a proposed match. An accepted match reserves one place of the
    offer while the request is ``gereserveerd``; a declined pair is never proposed again."""

    class Soort(models.TextChoices):
        AKKOORD = "akkoord", "Geaccepteerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.PROTECT, related_name="besluiten")
    aanbod = models.ForeignKey(Aanbod, on_delete=models.PROTECT, related_name="besluiten")
    soort = models.CharField(max_length=10, choices=Soort.choices)
    reden = models.TextField(blank=True)
    vrij_vanaf = models.DateField()
    score = models.IntegerField()
    redenen = models.TextField(help_text="Waarom het voorstel deze match deed")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "besluiten"
        indexes = [models.Index(fields=["aanbod", "soort"])]
        constraints = [
            models.CheckConstraint(
                name="afwijzing_met_reden",
                condition=~models.Q(soort="afgewezen") | ~models.Q(reden=""),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.hulpvraag} → {self.aanbod}"


class Zorgperiode(models.Model):
    """Care actually given: started by a JW305, ended once by a JW307 with its reason."""

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="zorgperioden")
    aanbieder = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    productcategorie = models.CharField(max_length=2)
    toewijzingnummer = models.PositiveIntegerField(null=True, blank=True)
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_beeindiging = models.CharField(max_length=2, blank=True, help_text="iJw JZ588")
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    einde_geregistreerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "zorgperioden"

    def __str__(self) -> str:
        return f"zorg {self.productcategorie} vanaf {self.begindatum}"


class JeugdhulpToewijzing(models.Model):
    """A municipality's assignment of a product to a provider or GI (JW301, read or written)."""

    gemeente = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="jeugdhulptoewijzingen")
    hulpvraag = models.ForeignKey(
        Hulpvraag, null=True, blank=True, on_delete=models.PROTECT, related_name="toewijzingen"
    )
    toewijzingnummer = models.PositiveIntegerField()
    productcategorie = models.CharField(max_length=2)
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "jeugdhulptoewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "toewijzingnummer"], name="toewijzingnummer_per_gemeente"
            )
        ]

    def __str__(self) -> str:
        return f"toewijzing {self.toewijzingnummer} ({self.productcategorie})"


class IjwBericht(models.Model):
    """A message read or written. Only its identification and a fingerprint are kept: the
    content holds a BSN, which is stored nowhere in plain text."""

    class Richting(models.TextChoices):
        IN = "in", "Ontvangen"
        UIT = "uit", "Verzonden"

    soort = models.CharField(max_length=5)
    richting = models.CharField(max_length=3, choices=Richting.choices)
    afzender = models.CharField(max_length=8)
    ontvanger = models.CharField(max_length=8)
    identificatie = models.CharField(max_length=12)
    dagtekening = models.DateField()
    sha256 = models.CharField(max_length=64)
    kind = models.ForeignKey(
        Kind, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "iJw-berichten"
        constraints = [
            models.UniqueConstraint(
                fields=["afzender", "identificatie", "dagtekening"],
                name="berichtidentificatie_uniek_per_afzender",
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.identificatie} ({self.richting})"
