"""JSON API of the team: each caseworker's caseload against the norm and who is away, and
registering a new colleague, or a caseworker sick, better or leaving (for an HR system, say),
and withdrawing a sickness or leaving date registered by mistake.
Same rules and rights as the pages: any member of the GI reads, a planner or functioneel
beheerder writes."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.domain.afwezigheid import MEESTE_FTE, MEESTE_INWERKWEKEN
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.kinderen.services import Weigering, mag_toewijzen
from ketenzicht.organisaties.models import Medewerker, Organisatie
from ketenzicht.organisaties.selectors import gi_van
from ketenzicht.planning import afwezigheid, bezetting, intrekking
from ketenzicht.planning.indienst import in_dienst_nemen, komende_collegas


class CaseloadSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="medewerker.pk")
    naam = serializers.CharField()
    rol = serializers.CharField(source="medewerker.rol")
    fte = serializers.FloatField(source="medewerker.fte")
    caseload = serializers.FloatField(help_text="Gewogen cliënten, zoals de werklastnorm telt")
    norm = serializers.FloatField(source="cap", help_text="fte × werklastnorm")
    ruimte = serializers.FloatField()


class AfwezigeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="medewerker.pk")
    naam = serializers.CharField(source="medewerker.naam")
    reden = serializers.ChoiceField(choices=["ziek", "vertrekt"])
    sinds = serializers.DateField(help_text="Ziek sinds, of de dag uit dienst")
    naar_interne_wachtlijst = serializers.DateField(
        source="relatie_eindigt",
        help_text="De dag dat de kinderen naar de interne wachtlijst gaan (of gingen)",
    )
    kinderen = serializers.IntegerField()


class KomendSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="medewerker.pk")
    naam = serializers.CharField(source="medewerker.naam")
    rol = serializers.CharField(source="medewerker.rol")
    fte = serializers.FloatField(source="medewerker.fte")
    per = serializers.DateField(source="medewerker.in_dienst_van", help_text="Eerste dag")
    inwerken_tot = serializers.DateField(allow_null=True, help_text="Zij-instroom; null: geen")


class TeamSerializer(serializers.Serializer):
    gi = serializers.CharField()
    peildatum = serializers.DateField()
    medewerkers = CaseloadSerializer(many=True, help_text="Beschikbaar, de minste ruimte eerst")
    afwezig = AfwezigeSerializer(many=True)
    komend = KomendSerializer(many=True, help_text="Nog niet in dienst, de eerste eerst")


def _gi(request: Request) -> Organisatie:
    gi = gi_van(request.user)
    if gi is None:
        raise PermissionDenied("Alleen voor medewerkers van een GI.")
    return gi


class TeamApi(APIView):
    @extend_schema(
        summary="Caseload van het team en wie ziek is of vertrekt", responses=TeamSerializer
    )
    def get(self, request: Request) -> Response:
        gi = _gi(request)
        vandaag = timezone.localdate()
        data = {
            "gi": gi.naam,
            "peildatum": vandaag,
            "medewerkers": [
                {
                    "medewerker": c.medewerker,
                    "naam": naam,
                    "caseload": c.caseload,
                    "cap": c.cap,
                    "ruimte": c.ruimte,
                }
                for c, naam in bezetting.team_op_ruimte(gi=gi, peildatum=vandaag)
            ],
            "afwezig": afwezigheid.afwezigen(gi=gi, peildatum=vandaag),
            "komend": komende_collegas(gi=gi, peildatum=vandaag),
        }
        return Response(TeamSerializer(data).data)


class AfwezigheidSerializer(serializers.Serializer):
    actie = serializers.ChoiceField(
        choices=list(afwezigheid.ACTIES),
        help_text="ziek vanaf datum; beter per datum (eerste werkdag); uit_dienst per datum "
        "(eerste dag niet meer in dienst)",
    )
    datum = serializers.DateField()


def _schrijven(
    request: Request, medewerker_id: int, soort: type[serializers.Serializer]
) -> tuple[Medewerker, dict[str, Any]]:
    """A write about a caseworker of the user's own GI (404 otherwise): the input, checked
    with ``soort`` (400 naming the field), and only for a planner (403)."""
    medewerker = Medewerker.objects.filter(gi=_gi(request), pk=medewerker_id).first()
    if medewerker is None:
        raise Http404("Geen medewerker van uw GI.")
    invoer = soort(data=request.data)
    invoer.is_valid(raise_exception=True)
    if not mag_toewijzen(request.user):
        raise PermissionDenied("Dit registreert de teamleider of planner.")
    return medewerker, invoer.validated_data


class MeldingSerializer(serializers.Serializer):
    melding = serializers.CharField(help_text="Wat het betekent voor de kinderen")


class AfwezigheidApi(APIView):
    @extend_schema(
        summary="Een medewerker ziek, beter of uit dienst melden",
        description=(
            "Na de ziektedrempel van de GI, of op de dag uit dienst, gaan de kinderen vanzelf "
            "naar de interne wachtlijst. Een datum uit dienst in het verleden registreert alleen "
            "de functioneel beheerder (voor een planner: 400), want die verandert cijfers van de "
            "monitor."
        ),
        request=AfwezigheidSerializer,
        responses={201: MeldingSerializer},
    )
    def post(self, request: Request, medewerker_id: int) -> Response:
        medewerker, invoer = _schrijven(request, medewerker_id, AfwezigheidSerializer)
        try:
            tekst = afwezigheid.melden(
                invoer["actie"], medewerker=medewerker, datum=invoer["datum"], door=request.user
            )
        except Weigering as fout:
            raise ValidationError({"datum": [str(fout)]}) from None
        return Response({"melding": tekst}, status=201)


class IntrekkingSerializer(serializers.Serializer):
    wat = serializers.ChoiceField(
        choices=list(intrekking.WAT),
        help_text="ziek: de lopende ziekmelding; beter: beter per van de laatste ziekte; "
        "uit_dienst: de datum uit dienst, zolang die nog niet is ingegaan; in_dienst: een "
        "indiensttreding, voor de eerste dag",
    )
    reden = serializers.CharField(max_length=1000, help_text="Waarom de melding niet klopte")
    per = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Alleen bij beter: de juiste datum beter (eerste werkdag); zonder: nog ziek",
    )


class IntrekkingApi(APIView):
    @extend_schema(
        summary=(
            "Een ziekmelding, betermelding, datum uit dienst of indiensttreding intrekken die "
            "niet klopte"
        ),
        description=(
            "De melding blijft bewaard (wie, wanneer, waarom); cijfers 'zoals bekend op' een "
            "eerder moment veranderen niet. Kinderen die nog niet aan een collega zijn gegeven "
            "zijn weer van deze medewerker. Niets in te trekken, of een datum uit dienst die al "
            "is ingegaan, of een collega die al in dienst is: 400 met het veld `wat`; geen "
            "reden: 400 met `reden`. Bij `beter` zet `per` de juiste datum (zonder: weer "
            "ziek); een datum die de overdracht van de kinderen na de ziektedrempel ongedaan "
            "zou maken, of `per` bij iets anders dan `beter`: 400 met `per`."
        ),
        request=IntrekkingSerializer,
        responses={201: MeldingSerializer},
    )
    def post(self, request: Request, medewerker_id: int) -> Response:
        medewerker, invoer = _schrijven(request, medewerker_id, IntrekkingSerializer)
        try:
            tekst = intrekking.intrekken(medewerker=medewerker, door=request.user, **invoer)
        except Weigering as fout:
            if fout.veld is None:  # not this GI's planner: checked above, kept as a backstop
                raise PermissionDenied(str(fout)) from None
            raise ValidationError({fout.veld: [str(fout)]}) from None
        return Response({"melding": tekst}, status=201)


class IndiensttredingSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    rol = serializers.ChoiceField(choices=[r.value for r in Rol])
    fte = serializers.DecimalField(max_digits=4, decimal_places=2)
    datum = serializers.DateField(help_text="Eerste dag in dienst; vandaag of later")
    inwerkweken = serializers.IntegerField(
        default=0, help_text=f"Zij-instroom: weken inwerken, 0 tot {MEESTE_INWERKWEKEN}"
    )


class NieuweMedewerkerSerializer(MeldingSerializer):
    id = serializers.IntegerField()


class MedewerkersApi(APIView):
    @extend_schema(
        summary="Een nieuwe collega in dienst melden",
        description=(
            f"Bij de eigen GI, met fte (tot {MEESTE_FTE:g}) en zo nodig weken inwerken "
            "(zij-instroom: die tellen voor de inwerkfactor in de beschikbare fte). Een datum in "
            "het verleden registreert alleen de functioneel beheerder (voor een planner: 400)."
        ),
        request=IndiensttredingSerializer,
        responses={201: NieuweMedewerkerSerializer},
    )
    def post(self, request: Request) -> Response:
        gi = _gi(request)
        if not mag_toewijzen(request.user):
            raise PermissionDenied("Een nieuwe collega registreert de teamleider of planner.")
        invoer = IndiensttredingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            medewerker, tekst = in_dienst_nemen(
                gi=gi,
                naam=d["naam"],
                rol=Rol(d["rol"]),
                fte=d["fte"],
                per=d["datum"],
                inwerkweken=d["inwerkweken"],
                door=request.user,
            )
        except Weigering as fout:
            raise ValidationError({fout.veld or "medewerker": [str(fout)]}) from None
        return Response({"id": medewerker.pk, "melding": tekst}, status=201)
