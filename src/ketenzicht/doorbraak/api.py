"""JSON API of the doorbraakaanpak: afspraak 1 per gemeente, the monthly monitor, and a
jeugdbeschermer's own children with their deadlines."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.doorbraak import Maand
from ketenzicht.doorbraak import lijsten, selectors
from ketenzicht.organisaties.models import Organisatie
from ketenzicht.organisaties.selectors import gemeente_met_code, lidmaatschap_van
from ketenzicht.planning.bezetting import caseload_van


class TeLaatSerializer(serializers.Serializer):
    mijlpaal = serializers.CharField(source="mijlpaal.code")
    naam = serializers.CharField(source="mijlpaal.naam")
    vervaldatum = serializers.DateField()
    dagen_te_laat = serializers.IntegerField()


class NietTijdigSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind_pid", help_text="Pseudoniem id van het kind")
    naam = serializers.CharField()
    gi = serializers.CharField()
    maatregel = serializers.CharField()
    start = serializers.DateField()
    jeugdbeschermer = serializers.CharField(allow_null=True)
    te_laat = TeLaatSerializer(many=True)


class NietTijdigApi(APIView):
    @extend_schema(
        summary="Afspraak 1: kinderen met een maatregel in de gemeente met een mijlpaal over de "
        "termijn (gemeente: eigen inwoners; GI: eigen kinderen; wordt gelogd)",
        responses=NietTijdigSerializer(many=True),
    )
    def get(self, request: Request, gemeentecode: str) -> Response:
        lid = lidmaatschap_van(request.user)
        if lid is None or lid.organisatie.type not in (
            Organisatie.Type.GEMEENTE,
            Organisatie.Type.GI,
        ):
            raise PermissionDenied("Alleen voor gemeenten en GI's.")
        gemeente = gemeente_met_code(gemeentecode)
        if gemeente is None or (
            lid.organisatie.type == Organisatie.Type.GEMEENTE and gemeente != lid.organisatie
        ):
            raise Http404("Geen gemeente met deze code binnen uw bereik.")
        lijst = lijsten.niet_tijdig(
            gebruiker=request.user,
            gemeente=gemeente,
            peildatum=timezone.localdate(),
            kanaal=AuditRegel.Kanaal.API,
        )
        return Response(NietTijdigSerializer(lijst, many=True).data)


class DoorbraakRijSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(choices=["gi", "gemeente", "regio", "landelijk"])
    naam = serializers.CharField()
    mijlpaal = serializers.CharField()
    noemer = serializers.IntegerField()
    op_tijd = serializers.IntegerField()
    aandeel = serializers.FloatField(allow_null=True)
    doel = serializers.FloatField()


class DoorbraakSerializer(serializers.Serializer):
    maand = serializers.CharField()
    rijen = DoorbraakRijSerializer(many=True)


class DoorbraakApi(APIView):
    @extend_schema(
        summary="De maandelijkse doorbraakmonitor (alleen aantallen), zoals `ketenzicht doorbraak`",
        parameters=[OpenApiParameter("maand", str, required=True, description="JJJJ-MM")],
        responses=DoorbraakSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            maand = Maand.lees(request.query_params.get("maand", ""))
        except ValueError as fout:
            raise ValidationError({"maand": str(fout)}) from None
        try:
            [cijfers] = selectors.doorbraak_reeks([maand])
        except LookupError as fout:
            raise ValidationError({"maand": fout.args[0]}) from None
        return Response({"maand": str(maand), "rijen": [r.als_dict() for r in cijfers.rijen]})


class TermijnSerializer(serializers.Serializer):
    mijlpaal = serializers.CharField(source="mijlpaal.code")
    naam = serializers.CharField(source="mijlpaal.naam")
    vervaldatum = serializers.DateField()
    status = serializers.ChoiceField(choices=["open", "bijna", "te_laat"], source="status.value")
    dagen_te_laat = serializers.IntegerField()


class MijnKindSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind.kind_pid", help_text="Pseudoniem id van het kind")
    naam = serializers.CharField(source="kind.naam")
    gemeente = serializers.CharField(source="kind.gemeente")
    maatregel = serializers.CharField(source="kind.maatregel")
    maatregel_start = serializers.DateField(source="kind.start")
    sinds = serializers.DateField(help_text="Sinds wanneer u de vaste jeugdbeschermer bent")
    te_laat = serializers.BooleanField()
    volgende = TermijnSerializer(
        allow_null=True, help_text="De eerstvolgende termijn die nog gehaald moet worden"
    )


class MijnKinderenSerializer(serializers.Serializer):
    medewerker = serializers.CharField()
    peildatum = serializers.DateField()
    caseload = serializers.FloatField(help_text="Gewogen aantal kinderen")
    norm = serializers.FloatField(help_text="Werklastnorm maal fte")
    kinderen = MijnKindSerializer(many=True)


class MijnKinderenApi(APIView):
    @extend_schema(
        summary="Mijn kinderen: de kinderen van wie u de vaste jeugdbeschermer bent, een "
        "verstreken termijn eerst, met uw caseload tegen de norm (wordt gelogd)",
        responses=MijnKinderenSerializer,
    )
    def get(self, request: Request) -> Response:
        lid = lidmaatschap_van(request.user)
        medewerker = lid.medewerker if lid is not None else None
        if medewerker is None:
            raise PermissionDenied(
                "Uw account is niet gekoppeld aan een jeugdbeschermer of jeugdreclasseerder."
            )
        peildatum = timezone.localdate()
        kinderen = lijsten.kinderen_van(
            gebruiker=request.user,
            medewerker=medewerker,
            peildatum=peildatum,
            kanaal=AuditRegel.Kanaal.API,
        )
        last = caseload_van(medewerker, peildatum)
        data = {
            "medewerker": medewerker.naam,
            "peildatum": peildatum,
            "caseload": last.caseload,
            "norm": last.cap,
            "kinderen": kinderen,
        }
        return Response(MijnKinderenSerializer(data).data)
