from django.urls import path

from ketenzicht.doorbraak import api as doorbraak
from ketenzicht.kinderen import api, api_registreren
from ketenzicht.monitor import api as monitor
from ketenzicht.planning import api as planning

urlpatterns = [
    path("wachtlijst/", api.WachtlijstApi.as_view(), name="api-wachtlijst"),
    path("kinderen/zoeken/", api.ZoekenApi.as_view(), name="api-zoeken"),
    path("maatregelen/", api_registreren.MaatregelenApi.as_view(), name="api-maatregelen"),
    path(
        "maatregelen/<int:maatregel_id>/correctie/",
        api_registreren.MaatregelCorrectieApi.as_view(),
        name="api-maatregel-correctie",
    ),
    path(
        "maatregelen/<int:maatregel_id>/overdracht/",
        api_registreren.MaatregelOverdrachtApi.as_view(),
        name="api-maatregel-overdracht",
    ),
    path("kinderen/<uuid:pid>/", api.KindApi.as_view(), name="api-kind"),
    path(
        "kinderen/<uuid:pid>/verhuizing/",
        api_registreren.VerhuizingApi.as_view(),
        name="api-verhuizing",
    ),
    path("kinderen/<uuid:pid>/inzage/", api.KindInzageApi.as_view(), name="api-kind-inzage"),
    path(
        "gemeenten/<str:gemeentecode>/niet-tijdig/",
        doorbraak.NietTijdigApi.as_view(),
        name="api-niet-tijdig",
    ),
    path("doorbraak/", doorbraak.DoorbraakApi.as_view(), name="api-doorbraak"),
    path("mijn-kinderen/", doorbraak.MijnKinderenApi.as_view(), name="api-mijn-kinderen"),
    path("monitor/", monitor.MonitorApi.as_view(), name="api-monitor"),
    path("monitor/gebieden/", monitor.MonitorGebiedenApi.as_view(), name="api-monitor-gebieden"),
    path("team/", planning.TeamApi.as_view(), name="api-team"),
    path("medewerkers/", planning.MedewerkersApi.as_view(), name="api-medewerkers"),
    path(
        "medewerkers/<int:medewerker_id>/afwezigheid/",
        planning.AfwezigheidApi.as_view(),
        name="api-afwezigheid",
    ),
    path(
        "medewerkers/<int:medewerker_id>/intrekking/",
        planning.IntrekkingApi.as_view(),
        name="api-intrekking",
    ),
]
