"""JSON API of the monitor jeugdbescherming: the indicators per GI and nationally at a peildatum,
in the shape ``ketenzicht monitor --format json`` prints (aggregates only, for every user)."""

from __future__ import annotations

from datetime import date

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.monitor.cli import gebieden_json, monitor_json
from ketenzicht.monitor.gebieden import gebieden
from ketenzicht.monitor.selectors import BRONNEN, reeks


def _peildatum(request: Request) -> date:
    tekst = request.query_params.get("peildatum", "")
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise ValidationError({"peildatum": f"{tekst!r} is geen datum (JJJJ-MM-DD)."}) from None


class WachtlijstcijferSerializer(serializers.Serializer):
    aantal = serializers.IntegerField()
    gemiddelde_dagen = serializers.FloatField(allow_null=True)


class IndicatorenSerializer(serializers.Serializer):
    clienten = serializers.IntegerField()
    clienten_per_soort = serializers.DictField(child=serializers.IntegerField())
    fte_formatie = serializers.FloatField()
    fte_beschikbaar = serializers.FloatField()
    workload = serializers.FloatField(
        allow_null=True, help_text="cliënten / beschikbare fte, één decimaal"
    )
    wachtlijst_start = WachtlijstcijferSerializer()
    wachtlijst_intern = WachtlijstcijferSerializer()
    totaal_wachtend = serializers.IntegerField()
    verloop_pct = serializers.FloatField(allow_null=True)
    verzuim_pct = serializers.FloatField(allow_null=True)


class GiIndicatorenSerializer(IndicatorenSerializer):
    gi = serializers.CharField()
    bron = serializers.ChoiceField(
        choices=["registratie", "uitvraag"], help_text="waar de cijfers van de GI vandaan komen"
    )


class MonitorSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    gis = GiIndicatorenSerializer(many=True)
    landelijk = IndicatorenSerializer()


class MonitorApi(APIView):
    @extend_schema(
        summary="De monitor jeugdbescherming op een peildatum, zoals `ketenzicht monitor`",
        parameters=[
            OpenApiParameter("peildatum", date, required=True, description="JJJJ-MM-DD"),
            OpenApiParameter("gi", str, description="alleen deze GI; landelijk blijft landelijk"),
            OpenApiParameter("bron", str, enum=list(BRONNEN), description="standaard: alles"),
        ],
        responses=MonitorSerializer,
    )
    def get(self, request: Request) -> Response:
        peildatum = _peildatum(request)
        try:
            [uitkomst] = reeks(  # cached until a fact that feeds it changes
                [peildatum],
                bron=request.query_params.get("bron", "alles"),
                gi_naam=request.query_params.get("gi") or None,
            )
        except LookupError as fout:
            raise ValidationError({"monitor": fout.args[0]}) from None
        return Response(monitor_json(uitkomst))


class GebiedcijfersSerializer(serializers.Serializer):
    clienten = serializers.IntegerField(help_text="maatregelen in uitvoering van kinderen hier")
    wachtlijst_start = WachtlijstcijferSerializer()
    wachtlijst_intern = WachtlijstcijferSerializer()
    totaal_wachtend = serializers.IntegerField()
    aandeel_wachtend_pct = serializers.FloatField(
        allow_null=True, help_text="totaal wachtend als % van de cliënten, één decimaal"
    )


class GebiedSerializer(GebiedcijfersSerializer):
    naam = serializers.CharField()


class GebiedenSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    niveau = serializers.ChoiceField(choices=["regio", "gemeente"])
    regio = serializers.CharField(allow_null=True)
    gebieden = GebiedSerializer(many=True)
    totaal = GebiedcijfersSerializer()
    niet_geteld = serializers.ListField(
        child=serializers.CharField(),
        help_text="GI's die op de peildatum niet volledig registreren (hun kinderen ontbreken)",
    )


class MonitorGebiedenApi(APIView):
    @extend_schema(
        summary="Wachtenden per jeugdregio (of per gemeente van één), zoals "
        "`ketenzicht monitor gebieden`",
        parameters=[
            OpenApiParameter("peildatum", date, required=True, description="JJJJ-MM-DD"),
            OpenApiParameter("regio", str, description="per gemeente van deze jeugdregio"),
        ],
        responses=GebiedenSerializer,
    )
    def get(self, request: Request) -> Response:
        peildatum = _peildatum(request)
        try:
            uitkomst = gebieden(
                peildatum=peildatum, regio_naam=request.query_params.get("regio") or None
            )
        except LookupError as fout:
            raise ValidationError({"monitor": fout.args[0]}) from None
        return Response(gebieden_json(uitkomst))
