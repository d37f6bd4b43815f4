"""The JSON API for GI staff: the same waitlists and records as the pages, org-scoped."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain.inzage import (
    INZAGEREDENEN,
    MEESTE_TEKENS,
    MINSTE_TEKENS_ANDERS,
    InzageredenOngeldig,
    lees_reden,
)
from ketenzicht.domain.wachtlijst import WachtSoort
from ketenzicht.domain.zoeken import ZoekvraagOngeldig
from ketenzicht.domain.zoeken import lees as zoeken_lezen
from ketenzicht.kinderen import inzage, selectors, wachtlijsten, zoeken
from ketenzicht.kinderen.models import Kind
from ketenzicht.organisaties.selectors import gi_van


class WachtendeSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind_pid", help_text="Pseudoniem id van het kind")
    naam = serializers.CharField()
    gemeente = serializers.CharField()
    maatregel = serializers.CharField()
    soort = serializers.ChoiceField(choices=[s.value for s in WachtSoort])
    sinds = serializers.DateField()
    dagen_wachtend = serializers.IntegerField()


class WachtlijstSerializer(serializers.Serializer):
    gi = serializers.CharField()
    peildatum = serializers.DateField()
    wachtenden = WachtendeSerializer(many=True)


class WachtlijstApi(APIView):
    @extend_schema(
        summary="Wachtlijst bij de start en interne wachtlijst van de eigen GI",
        parameters=[
            OpenApiParameter("soort", str, enum=["start", "intern", "alle"], required=False),
        ],
        responses=WachtlijstSerializer,
    )
    def get(self, request: Request) -> Response:
        gi = gi_van(request.user)
        if gi is None:
            raise PermissionDenied("Alleen medewerkers van een GI zien wachtlijsten.")
        gevraagd = request.query_params.get("soort", "alle")
        if gevraagd not in ("start", "intern", "alle"):
            raise ValidationError({"soort": f"Kies start, intern of alle, niet {gevraagd!r}."})
        peildatum = timezone.localdate()
        regels = wachtlijsten.wachtlijst(
            gebruiker=request.user,
            gi=gi,
            peildatum=peildatum,
            soort=None if gevraagd == "alle" else WachtSoort(gevraagd),
            kanaal=AuditRegel.Kanaal.API,
        )
        return Response(
            WachtlijstSerializer({"gi": gi.naam, "peildatum": peildatum, "wachtenden": regels}).data
        )


class ToewijzingSerializer(serializers.Serializer):
    jeugdbeschermer = serializers.CharField(source="medewerker.naam")
    start = serializers.DateField()
    einde = serializers.DateField(allow_null=True)
    einde_reden = serializers.CharField()


class CorrectieregelSerializer(serializers.Serializer):
    geregistreerd_op = serializers.DateTimeField()
    door = serializers.CharField()
    wat = serializers.CharField(help_text="Bv. 'start 01-10-2026 → 05-10-2026'")
    reden = serializers.CharField()


class MaatregelSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        help_text="Voor POST /api/maatregelen/{id}/correctie/ en .../overdracht/"
    )
    code = serializers.CharField(help_text="Code Beleidsinformatie Jeugd")
    gi = serializers.CharField(source="gi.naam")
    beschikking_datum = serializers.DateField()
    start = serializers.DateField()
    einde = serializers.DateField(allow_null=True)
    einde_reden = serializers.CharField()
    overgenomen_van = serializers.IntegerField(
        source="overgenomen_van_id",
        allow_null=True,
        help_text="De maatregel die een andere GI overdroeg en die deze voortzet (of null)",
    )
    toewijzingen = ToewijzingSerializer(many=True, source="toewijzingen_chrono")
    correcties = CorrectieregelSerializer(
        many=True, source="correctieregels", help_text="Correcties van de registratie, oudste eerst"
    )


class TriageSerializer(serializers.Serializer):
    datum = serializers.DateField()
    urgentie = serializers.CharField(source="get_urgentie_display")
    criteria = serializers.ListField(child=serializers.CharField())
    beoordelaar = serializers.CharField()


class WoonplaatsSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="gemeente.naam")
    van = serializers.DateField(help_text="Woont daar vanaf (de eerste: tot de eerste verhuizing)")


class KindSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind.pid")
    voornaam = serializers.CharField(source="kind.voornaam")
    achternaam = serializers.CharField(source="kind.achternaam")
    geboortedatum = serializers.DateField(source="kind.geboortedatum")
    gemeente = serializers.CharField(source="kind.gemeente.naam")
    wisselingen = serializers.IntegerField(help_text="Aantal wisselingen van jeugdbeschermer")
    wisselingen_gezin = serializers.IntegerField(
        help_text="Wisselingen van jeugdbeschermer, opgeteld over alle kinderen van het gezin"
    )
    jeugdbeschermers_gezin = serializers.IntegerField(
        help_text="Aantal verschillende vaste jeugdbeschermers dat het gezin nu heeft"
    )
    woonplaatsen = WoonplaatsSerializer(
        many=True,
        source="kind.woonplaatsen.all",
        help_text="Verhuizingen, oudste eerst; leeg: nooit verhuisd (zie gemeente)",
    )
    maatregelen = MaatregelSerializer(many=True)
    triages = TriageSerializer(many=True, help_text="De nieuwste eerst")


class KindApi(APIView):
    @extend_schema(summary="Dossier van een kind (wordt gelogd)", responses=KindSerializer)
    def get(self, request: Request, pid: UUID) -> Response:
        try:
            kind = selectors.kind_inzien(
                gebruiker=request.user, pid=pid, doel="inzage dossier", kanaal=AuditRegel.Kanaal.API
            )
        except Kind.DoesNotExist:
            raise Http404 from None
        except inzage.RedenNodig:
            raise PermissionDenied(
                "Dit kind staat niet op uw caseload: geef eerst een reden met "
                f"POST /api/kinderen/{pid}/inzage/."
            ) from None
        return Response(KindSerializer(selectors.dossier(kind)).data)


class InzageRedenSerializer(serializers.Serializer):
    reden = serializers.ChoiceField(
        choices=INZAGEREDENEN,
        help_text="Waarom u het dossier opent van een kind dat niet op uw caseload staat",
    )
    toelichting = serializers.CharField(
        allow_blank=True,
        default="",
        help_text=(
            f"Verplicht bij 'anders' (minstens {MINSTE_TEKENS_ANDERS} tekens), ten hoogste "
            f"{MEESTE_TEKENS}; geen BSN"
        ),
    )


class InzageGegevenSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind_pid")
    reden = serializers.CharField()
    toelichting = serializers.CharField()
    geldig_tot = serializers.DateTimeField(help_text="Tot wanneer de reden het dossier opent")


class KindInzageApi(APIView):
    @extend_schema(
        summary="Reden opgeven om het dossier te openen van een kind buiten uw caseload",
        description=(
            "Een jeugdbeschermer opent het dossier van een kind dat niet (meer) op de eigen "
            "caseload staat alleen met een reden. Die geldt een werkdag voor dit kind, staat "
            "bij elke inzage in het auditlog en is voor planner en functioneel beheerder "
            "zichtbaar op 'Inzage buiten caseload'."
        ),
        request=InzageRedenSerializer,
        responses={201: InzageGegevenSerializer},
    )
    def post(self, request: Request, pid: UUID) -> Response:
        try:
            kind = selectors.zichtbare_kinderen(request.user).get(pid=pid)
        except Kind.DoesNotExist:
            raise Http404 from None
        invoer = InzageRedenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            reden = lees_reden(invoer.validated_data["reden"], invoer.validated_data["toelichting"])
        except InzageredenOngeldig as fout:
            raise ValidationError({fout.veld: [str(fout)]}) from None
        gegeven = inzage.reden_geven(
            gebruiker=request.user, kind=kind, reden=reden, kanaal=AuditRegel.Kanaal.API
        )
        return Response(InzageGegevenSerializer(gegeven).data, status=201)


class ZoekvraagSerializer(serializers.Serializer):
    q = serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        help_text="Delen van de naam en/of een geboortedatum (dd-mm-jjjj), of een BSN",
    )


class ZoekRegelSerializer(serializers.Serializer):
    kind = serializers.UUIDField(source="kind_pid", help_text="Pseudoniem id van het kind")
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    gemeente = serializers.CharField()
    maatregel = serializers.CharField(help_text="De laatste maatregel die u mag zien; leeg: geen")


class ZoekresultaatSerializer(serializers.Serializer):
    kinderen = ZoekRegelSerializer(many=True, source="regels")
    meer = serializers.BooleanField(
        help_text=f"Meer dan {zoeken.MAX_ZOEKRESULTATEN} kinderen gevonden: zoek preciezer"
    )


class ZoekenApi(APIView):
    @extend_schema(
        summary="Een kind zoeken op naam, geboortedatum of BSN (gevonden kinderen worden gelogd)",
        description=(
            "Een POST, zodat een naam of BSN niet in een URL of toegangslog belandt. Alleen "
            "kinderen die uw organisatie mag zien; de zoektekst wordt nergens bewaard."
        ),
        request=ZoekvraagSerializer,
        responses=ZoekresultaatSerializer,
    )
    def post(self, request: Request) -> Response:
        if not selectors.ziet_kinderen(request.user):
            raise PermissionDenied("Uw organisatie ziet geen individuele kinderen.")
        invoer = ZoekvraagSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            vraag = zoeken_lezen(invoer.validated_data["q"])
        except ZoekvraagOngeldig as fout:
            raise ValidationError({"q": [str(fout)]}) from None
        resultaat = zoeken.zoek_kinderen(
            gebruiker=request.user,
            vraag=vraag,
            peildatum=timezone.localdate(),
            kanaal=AuditRegel.Kanaal.API,
        )
        return Response(ZoekresultaatSerializer(resultaat).data)
