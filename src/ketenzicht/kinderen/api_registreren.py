"""The JSON API of the intake: a court decision registered from another system (the GI's
case system or a message from the Raad), the same use case as the page **Nieuwe maatregel**;
the correction of a measure registered wrongly, its handover to another GI and a child's move,
as on the child's page."""

from __future__ import annotations

from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode
from ketenzicht.kinderen import historie, selectors
from ketenzicht.kinderen.correctie import Correctie, IntussenGecorrigeerd, maatregel_corrigeren
from ketenzicht.kinderen.intake import Beschikking, maatregel_intake
from ketenzicht.kinderen.models import Kind, Maatregel
from ketenzicht.kinderen.overdracht import maatregel_overdragen
from ketenzicht.kinderen.services import Weigering, mag_toewijzen
from ketenzicht.kinderen.verhuizing import verhuizing_registreren
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gemeente_met_code, gi_met_code_of_naam, gi_van


class IntakeSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=11, write_only=True, help_text="9 cijfers (elfproef)")
    voornaam = serializers.CharField(max_length=100)
    achternaam = serializers.CharField(max_length=100)
    geboortedatum = serializers.DateField()
    gemeente = serializers.CharField(
        max_length=6, help_text="CBS-gemeentecode van de woongemeente, bv. GM0014"
    )
    code = serializers.ChoiceField(
        choices=[c.value for c in MaatregelCode], help_text="Beleidsinformatie Jeugd-code"
    )
    beschikking_datum = serializers.DateField()
    start = serializers.DateField()


class IntakeAntwoordSerializer(serializers.Serializer):
    kind = serializers.UUIDField(help_text="Pseudoniem id van het kind")
    maatregel = serializers.IntegerField()
    nieuw_kind = serializers.BooleanField(help_text="false: het kind was al bekend (op BSN)")
    jeugdbeschermer_uiterlijk = serializers.DateField(
        help_text="Daarna staat het kind zonder vaste jeugdbeschermer op de wachtlijst start"
    )


class MaatregelenApi(APIView):
    @extend_schema(
        summary="Een beschikking registreren: het kind (nieuw of bekend op BSN) en de maatregel",
        description=(
            "Voor de planner of functioneel beheerder van een GI; de maatregel komt bij de eigen "
            "GI. Een fout noemt het veld en herhaalt nooit het BSN; er wordt dan niets bewaard."
        ),
        request=IntakeSerializer,
        responses={201: IntakeAntwoordSerializer},
    )
    def post(self, request: Request) -> Response:
        gi = _gi_van_planner(request, "registreert maatregelen")
        invoer = IntakeSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        gemeente = _gemeente(d["gemeente"])
        try:
            intake = maatregel_intake(
                Beschikking.uit(d, gemeente),
                gi=gi,
                door=request.user,
                kanaal=AuditRegel.Kanaal.API,
            )
        except Weigering as fout:
            raise ValidationError({fout.veld or "beschikking": [str(fout)]}) from None
        antwoord = {
            "kind": intake.kind.pid,
            "maatregel": intake.maatregel.pk,
            "nieuw_kind": intake.nieuw_kind,
            "jeugdbeschermer_uiterlijk": intake.jeugdbeschermer_uiterlijk,
        }
        return Response(IntakeAntwoordSerializer(antwoord).data, status=status.HTTP_201_CREATED)


class CorrectieSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[c.value for c in MaatregelCode])
    beschikking_datum = serializers.DateField()
    start = serializers.DateField()
    reden = serializers.CharField(max_length=1000, help_text="Waarom de registratie onjuist was")
    einde = serializers.DateField(
        required=False, help_text="Alleen voor een beëindigde maatregel; weggelaten: ongewijzigd"
    )
    einde_reden = serializers.ChoiceField(
        choices=[r.value for r in EindeReden],
        required=False,
        help_text="Alleen voor een beëindigde maatregel; weggelaten: ongewijzigd",
    )
    heropenen = serializers.BooleanField(
        default=False,
        help_text="true: de maatregel is ten onrechte beëindigd en loopt weer, met de vaste "
        "jeugdbeschermer die met haar stopte (als die nog in dienst is)",
    )
    gezien = serializers.IntegerField(
        min_value=0,
        required=False,
        help_text="Het aantal correcties dat u zag (GET /api/kinderen/{pid}/): kwam er intussen "
        "een bij, dan 409 in plaats van die te overschrijven",
    )


class CorrectieAntwoordSerializer(serializers.Serializer):
    maatregel = serializers.IntegerField()
    correcties = serializers.IntegerField(help_text="Het aantal correcties van deze maatregel")
    wat = serializers.CharField(help_text="Wat er veranderde")


class MaatregelCorrectieApi(APIView):
    @extend_schema(
        summary="De registratie van een maatregel corrigeren (code, beschikking, start, einde)",
        description=(
            "Voor de planner of functioneel beheerder van de GI van de maatregel. De oude "
            "registratie blijft bewaard: de monitor zoals bekend op een eerder moment verandert "
            "niet. Een fout noemt het veld; er wordt dan niets bewaard."
        ),
        request=CorrectieSerializer,
        responses={201: CorrectieAntwoordSerializer},
    )
    def post(self, request: Request, maatregel_id: int) -> Response:
        maatregel = _maatregel_van_planner(
            request, maatregel_id, "corrigeert maatregelen", "maatregel corrigeren"
        )
        invoer = CorrectieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        c = Correctie.uit(d)
        try:
            correctie = maatregel_corrigeren(
                maatregel,
                c,
                door=request.user,
                gezien=d.get("gezien"),
                kanaal=AuditRegel.Kanaal.API,
            )
        except IntussenGecorrigeerd as fout:
            return Response({"detail": str(fout)}, status=status.HTTP_409_CONFLICT)
        except Weigering as fout:
            raise ValidationError({fout.veld or "start": [str(fout)]}) from None
        regels = historie.correcties(correctie.maatregel)
        antwoord = {"maatregel": maatregel.pk, "correcties": len(regels), "wat": regels[-1].wat}
        return Response(CorrectieAntwoordSerializer(antwoord).data, status=status.HTTP_201_CREATED)


class VerhuizingSerializer(serializers.Serializer):
    gemeente = serializers.CharField(max_length=6, help_text="CBS-gemeentecode, bv. GM0014")
    per = serializers.DateField(help_text="De dag vanaf welke het kind daar woont")


class VerhuizingAntwoordSerializer(serializers.Serializer):
    gemeente = serializers.CharField(help_text="Naam van de nieuwe woongemeente")
    per = serializers.DateField()


class VerhuizingApi(APIView):
    @extend_schema(
        summary="Een verhuizing van een kind registreren (woonplaatsbeginsel)",
        description=(
            "Voor de planner of functioneel beheerder van een GI met een maatregel voor het "
            "kind. Vanaf die dag ziet de nieuwe gemeente het kind en telt het in haar regio; de "
            "vorige woongemeente blijft bewaard voor eerdere peildata. Een fout noemt het veld."
        ),
        request=VerhuizingSerializer,
        responses={201: VerhuizingAntwoordSerializer},
    )
    def post(self, request: Request, pid: UUID) -> Response:
        _gi_van_planner(request, "registreert verhuizingen")
        try:
            kind = selectors.kind_inzien(
                gebruiker=request.user,
                pid=pid,
                doel="verhuizing registreren",
                kanaal=AuditRegel.Kanaal.API,
            )
        except Kind.DoesNotExist:
            raise NotFound("Geen kind gevonden.") from None
        invoer = VerhuizingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        gemeente = _gemeente(d["gemeente"])
        try:
            verhuizing_registreren(
                kind, gemeente, per=d["per"], door=request.user, kanaal=AuditRegel.Kanaal.API
            )
        except Weigering as fout:
            raise ValidationError({fout.veld or "per": [str(fout)]}) from None
        antwoord = {"gemeente": gemeente.naam, "per": d["per"]}
        return Response(VerhuizingAntwoordSerializer(antwoord).data, status=status.HTTP_201_CREATED)


class OverdrachtSerializer(serializers.Serializer):
    gi = serializers.CharField(
        max_length=200, help_text="De GI die de maatregel overneemt: haar AGB-code of naam"
    )
    per = serializers.DateField(help_text="De dag van de overdracht (niet na vandaag)")


class OverdrachtAntwoordSerializer(serializers.Serializer):
    maatregel = serializers.IntegerField(help_text="Id van de maatregel bij de overnemende GI")
    gi = serializers.CharField()
    per = serializers.DateField()


class MaatregelOverdrachtApi(APIView):
    @extend_schema(
        summary="Een lopende maatregel overdragen aan een andere GI",
        description=(
            "Voor de planner of functioneel beheerder van de GI van de maatregel. Haar deel "
            "eindigt op die dag (reden overgedragen, met de toewijzing); de andere GI zet de "
            "maatregel voort vanaf die dag (zelfde beschikking) en wijst een vaste "
            "jeugdbeschermer toe. De termijnen van de doorbraak lopen door vanaf de eerste "
            "start. Een fout noemt het veld (gi, per); er wordt dan niets bewaard."
        ),
        request=OverdrachtSerializer,
        responses={201: OverdrachtAntwoordSerializer},
    )
    def post(self, request: Request, maatregel_id: int) -> Response:
        maatregel = _maatregel_van_planner(
            request, maatregel_id, "draagt maatregelen over", "maatregel overdragen"
        )
        invoer = OverdrachtSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        naar = gi_met_code_of_naam(d["gi"])
        if naar is None:
            raise ValidationError({"gi": [f"Geen GI met AGB-code of naam {d['gi']!r}."]})
        try:
            voortgezet = maatregel_overdragen(
                maatregel, naar, per=d["per"], door=request.user, kanaal=AuditRegel.Kanaal.API
            )
        except Weigering as fout:
            raise ValidationError({fout.veld or "per": [str(fout)]}) from None
        antwoord = {"maatregel": voortgezet.pk, "gi": naar.naam, "per": d["per"]}
        return Response(OverdrachtAntwoordSerializer(antwoord).data, status=status.HTTP_201_CREATED)


def _maatregel_van_planner(request: Request, maatregel_id: int, wat: str, doel: str) -> Maatregel:
    """The measure of the calling planner's GI, its child's record opened for ``doel``
    (audited); 403 for anyone but a planner or functioneel beheerder, 404 for another GI's."""
    gi = _gi_van_planner(request, wat)
    maatregel = Maatregel.objects.filter(pk=maatregel_id, gi=gi).select_related("kind").first()
    if maatregel is None:
        raise NotFound(f"Geen maatregel {maatregel_id} bij {gi}.")
    selectors.kind_inzien(
        gebruiker=request.user, pid=maatregel.kind.pid, doel=doel, kanaal=AuditRegel.Kanaal.API
    )
    return maatregel


def _gemeente(code: str) -> Organisatie:
    """The gemeente with this CBS code, or a 400 naming the field."""
    gemeente = gemeente_met_code(code)
    if gemeente is None:
        raise ValidationError({"gemeente": [f"Onbekende gemeentecode {code!r}."]})
    return gemeente


def _gi_van_planner(request: Request, wat: str) -> Organisatie:
    """The GI of the planner or functioneel beheerder calling; 403 for anyone else."""
    gi = gi_van(request.user)
    if gi is None or not mag_toewijzen(request.user):
        raise PermissionDenied(f"Alleen de planner of functioneel beheerder van een GI {wat}.")
    return gi
