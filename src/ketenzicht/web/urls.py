from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from ketenzicht.audit import views as audit
from ketenzicht.kinderen import registreren, wijzigen
from ketenzicht.kinderen import views as kinderen
from ketenzicht.monitor import views as monitor
from ketenzicht.toegang import inloggen
from ketenzicht.toegang.formulieren import WachtwoordWijzigen
from ketenzicht.toegang.views import WachtwoordWijzigenView
from ketenzicht.web import views

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", inloggen.Inloggen.as_view(), name="login"),
    path("inloggen/code/", inloggen.code, name="inloggen-code"),
    path("tweede-factor/", inloggen.instellen, name="tweede-factor"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord/",
        WachtwoordWijzigenView.as_view(
            template_name="web/wachtwoord.html",
            form_class=WachtwoordWijzigen,
            success_url=reverse_lazy("wachtwoord-gewijzigd"),
            extra_context={"minimale_lengte": settings.MINIMALE_LENGTE},
        ),
        name="wachtwoord",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(template_name="web/wachtwoord_gewijzigd.html"),
        name="wachtwoord-gewijzigd",
    ),
    path("wachtlijst/", kinderen.wachtlijst, name="wachtlijst"),
    path("kinderen/zoeken/", kinderen.zoeken, name="zoeken"),
    path("kinderen/nieuw/", registreren.nieuwe_maatregel, name="nieuwe-maatregel"),
    path("kinderen/<uuid:pid>/", kinderen.kind, name="kind"),
    path("kinderen/<uuid:pid>/einde/", registreren.maatregel_einde, name="maatregel-einde"),
    path("kinderen/<uuid:pid>/verhuizing/", wijzigen.verhuizing, name="verhuizing"),
    path(
        "kinderen/<uuid:pid>/overdracht/",
        wijzigen.maatregel_overdracht,
        name="maatregel-overdracht",
    ),
    path(
        "kinderen/<uuid:pid>/correctie/",
        wijzigen.maatregel_correctie,
        name="maatregel-correctie",
    ),
    path("kinderen/<uuid:pid>/inzage/", kinderen.inzage_reden, name="kind-inzage"),
    path("kinderen/<uuid:pid>/logging/", audit.logging, name="kind-logging"),
    path(
        "kinderen/<uuid:pid>/logging.csv",
        audit.logging,
        {"formaat": "csv"},
        name="kind-logging-csv",
    ),
    path("monitor/", monitor.monitor_pagina, name="monitor"),
    path("monitor/stap/", monitor.monitor_stap, name="monitor-stap"),
    path("monitor/trend/", monitor.trend, name="monitor-trend"),
    path("monitor/trend/stap/", monitor.trend_stap, name="monitor-trend-stap"),
    path("monitor/gebieden/", monitor.gebieden, name="monitor-gebieden"),
    path("monitor/gebieden/trend/", monitor.gebieden_trend, name="monitor-gebieden-trend"),
    path(
        "monitor/gebieden.csv",
        monitor.gebieden,
        {"formaat": "csv"},
        name="monitor-gebieden-csv",
    ),
    path("monitor/definities/", monitor.definities, name="definities"),
]
