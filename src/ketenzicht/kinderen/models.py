"""Children, families, measures and vaste jeugdbeschermers.

History is never overwritten: a measure or an assignment is ended by setting its end once
(with the moment it was registered), never deleted or re-dated, so any past peildatum can be
recomputed. ``geregistreerd_op`` columns make "as known at" queries possible too.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from ketenzicht.domain.intake import Registratie
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode, ToewijzingEindeReden
from ketenzicht.domain.prioriteit import Urgentie
from ketenzicht.domain.triage import TRIAGECRITERIA, criteriumnaam
from ketenzicht.organisaties.models import Medewerker, Organisatie


class Gezin(models.Model):
    """A family/household: the unit the Toekomstscenario (seed 002) wants the work to centre on."""

    pid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=200, help_text="Familienaam, voor de professional")

    def __str__(self) -> str:
        return f"Gezin {self.naam}"


class Kind(models.Model):
    """A child. ``pid`` is the pseudonymous id used in URLs and APIs; the BSN is never shown."""

    pid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gezin = models.ForeignKey(Gezin, on_delete=models.PROTECT, related_name="kinderen")
    bsn_zoeksleutel = models.CharField(max_length=64, unique=True, editable=False)
    bsn_versleuteld = models.TextField(editable=False)
    voornaam = models.CharField(max_length=100)
    achternaam = models.CharField(max_length=100)
    geboortedatum = models.DateField()
    zoeknaam = models.CharField(
        max_length=201, editable=False, help_text="Voor- en achternaam zonder accenten, gevouwen"
    )  # domain.zoeken.zoeknaam, written with the names (kinderen.services, demo loader)
    gemeente = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="inwonende_kinderen",
        limit_choices_to={"type": Organisatie.Type.GEMEENTE},
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "kinderen"

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"


class Maatregel(models.Model):
    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="maatregelen")
    gi = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="maatregelen")
    code = models.CharField(max_length=2, choices=[(c.value, c.label) for c in MaatregelCode])
    beschikking_datum = models.DateField(help_text="Datum van de beschikking van de kinderrechter")
    start = models.DateField()
    einde = models.DateField(null=True, blank=True)
    einde_reden = models.CharField(
        max_length=16, blank=True, choices=[(r.value, r.value) for r in EindeReden]
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    einde_geregistreerd_op = models.DateTimeField(null=True, blank=True)
    overgenomen_van = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="overgedragen_aan",
        help_text="De maatregel die een andere GI overdroeg; deze zet haar voort",
    )

    class Meta:
        verbose_name_plural = "maatregelen"
        indexes = [models.Index(fields=["gi", "start", "einde"]), models.Index(fields=["einde"])]
        constraints = [
            models.CheckConstraint(
                name="maatregel_einde_na_start",
                condition=models.Q(einde__isnull=True) | models.Q(einde__gte=models.F("start")),
            ),
            models.CheckConstraint(
                name="maatregel_start_na_beschikking",
                condition=models.Q(start__gte=models.F("beschikking_datum")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maatregelcode.kort} vanaf {self.start}"

    @property
    def maatregelcode(self) -> MaatregelCode:
        return MaatregelCode(self.code)

    @property
    def registratie(self) -> Registratie:
        """What a correction can change, as registered now."""
        r = (self.beschikking_datum, self.start, self.einde, self.einde_reden)
        return Registratie(self.maatregelcode, *r)


class Toewijzing(models.Model):
    """A vaste jeugdbeschermer (or jeugdreclasseerder) for a measure, ``[start, einde)``."""

    maatregel = models.ForeignKey(Maatregel, on_delete=models.PROTECT, related_name="toewijzingen")
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="toewijzingen"
    )
    start = models.DateField()
    einde = models.DateField(null=True, blank=True)
    einde_reden = models.CharField(
        max_length=16, blank=True, choices=[(r.value, r.value) for r in ToewijzingEindeReden]
    )
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    einde_geregistreerd_op = models.DateTimeField(null=True, blank=True)
    override_reden = models.TextField(
        blank=True, help_text="Waarom boven de werklastnorm is toegewezen (leeg: binnen de norm)"
    )

    class Meta:
        verbose_name_plural = "toewijzingen"
        indexes = [models.Index(fields=["medewerker", "einde"])]
        constraints = [
            models.CheckConstraint(
                name="toewijzing_einde_na_start",
                condition=models.Q(einde__isnull=True) | models.Q(einde__gte=models.F("start")),
            ),
            models.UniqueConstraint(
                fields=["maatregel"],
                condition=models.Q(einde__isnull=True),
                name="een_lopende_toewijzing_per_maatregel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker} vanaf {self.start}"


class Triage(models.Model):
    """A triage of a child (seed 004 criteria); re-triage adds a row, history is kept."""

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="triages")
    datum = models.DateField()
    beoordelaar = models.CharField(max_length=150)
    acute_onveiligheid = models.BooleanField(default=False)
    ernstige_ontwikkelingsbedreiging = models.BooleanField(default=False)
    recidiverisico = models.BooleanField(default=False)
    rechtsstatelijkheid = models.BooleanField(default=False)
    urgentie = models.PositiveSmallIntegerField(choices=[(u.value, u.label) for u in Urgentie])
    toelichting = models.TextField(blank=True)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-datum", "-geregistreerd_op"]
        indexes = [models.Index(fields=["kind", "datum"])]

    def __str__(self) -> str:
        return f"triage {self.datum}: {Urgentie(self.urgentie).label}"

    @property
    def criteria(self) -> list[str]:
        """The criteria that hold, as words."""
        return [criteriumnaam(c) for c in TRIAGECRITERIA if getattr(self, c)]


class MaatregelCorrectie(models.Model):
    """A correction of how a measure was registered (code, beschikking, start; the end of an
    ended one): the values it had until then (``was_*``, the end with the moment it had been
    registered), when the correction was registered, by whom and why.

    The measure's own row holds the corrected values, so every current list reads it as it is.
    The values as known at an earlier moment are those of the first correction registered after
    it (``domain.registratie.bekend_als``): a figure computed "as known at" that moment stays
    what it was, and the history of the registration is kept, never overwritten."""

    maatregel = models.ForeignKey(Maatregel, on_delete=models.PROTECT, related_name="correcties")
    was_code = models.CharField(max_length=2, choices=[(c.value, c.label) for c in MaatregelCode])
    was_beschikking_datum = models.DateField()
    was_start = models.DateField()
    was_einde = models.DateField(null=True, blank=True)
    was_einde_reden = models.CharField(
        max_length=16, blank=True, choices=[(r.value, r.value) for r in EindeReden]
    )
    was_einde_geregistreerd_op = models.DateTimeField(null=True, blank=True)
    reden = models.TextField(help_text="Waarom de registratie onjuist was (geen BSN)")
    door = models.CharField(max_length=150)
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "correcties van maatregelen"
        ordering = ["geregistreerd_op", "pk"]
        indexes = [models.Index(fields=["maatregel", "geregistreerd_op"])]

    def __str__(self) -> str:
        return f"correctie {self.geregistreerd_op:%Y-%m-%d}"

    @property
    def was(self) -> Registratie:
        """The registration this correction replaced."""
        r = (self.was_beschikking_datum, self.was_start, self.was_einde, self.was_einde_reden)
        return Registratie(MaatregelCode(self.was_code), *r)


class Woonplaats(models.Model):
    """A child's move: it lives in ``gemeente`` from ``van`` (``domain.woonplaats``). The first
    move registered also records where the child lived before (from its birth, known since the
    child's own registration); a child that never moved has none and lives where
    ``Kind.gemeente`` says, which always holds the gemeente it lives in now."""

    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="woonplaatsen")
    gemeente = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"type": Organisatie.Type.GEMEENTE},
    )
    van = models.DateField()
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "woonplaatsen"
        ordering = ["van", "geregistreerd_op"]
        indexes = [models.Index(fields=["kind", "van"])]

    def __str__(self) -> str:
        return f"woont vanaf {self.van}"
