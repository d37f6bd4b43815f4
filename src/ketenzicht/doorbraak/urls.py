from django.urls import path

from ketenzicht.doorbraak import acties, views

urlpatterns = [
    path("", views.monitor, name="doorbraak"),
    path("achter-het-cijfer/", views.achter_het_cijfer, name="achter-het-cijfer"),
    path("niet-tijdig/", views.niet_tijdig, name="niet-tijdig"),
    path("signalen/", views.signalen, name="signalen"),
    path("expertteam/", views.werklijst, name="werklijst-ret"),
    path("kinderen/<uuid:pid>/mijlpaal/", acties.mijlpaal, name="mijlpaal-registreren"),
    path("kinderen/<uuid:pid>/triage/", acties.triage, name="triage-registreren"),
    path("kinderen/<uuid:pid>/afspraak/", acties.afspraak, name="afspraak-maken"),
    path(
        "kinderen/<uuid:pid>/afspraak/<int:afspraak_id>/",
        acties.afspraak_afronden,
        name="afspraak-afronden",
    ),
    path("kinderen/<uuid:pid>/escaleren/", acties.escaleren, name="escaleren"),
    path(
        "kinderen/<uuid:pid>/escalatie/<int:escalatie_id>/",
        acties.escalatie_stap,
        name="escalatie-stap",
    ),
]
