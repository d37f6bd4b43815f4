from django.urls import path

from ketenzicht.doorbraak import views

urlpatterns = [
    path("", views.monitor, name="doorbraak"),
    path("achter-het-cijfer/", views.achter_het_cijfer, name="achter-het-cijfer"),
    path("niet-tijdig/", views.niet_tijdig, name="niet-tijdig"),
    path("signalen/", views.signalen, name="signalen"),
    path("expertteam/", views.werklijst, name="werklijst-ret"),
    path("kinderen/<uuid:pid>/mijlpaal/", views.mijlpaal, name="mijlpaal-registreren"),
    path("kinderen/<uuid:pid>/afspraak/", views.afspraak, name="afspraak-maken"),
    path(
        "kinderen/<uuid:pid>/afspraak/<int:afspraak_id>/",
        views.afspraak_afronden,
        name="afspraak-afronden",
    ),
    path("kinderen/<uuid:pid>/escaleren/", views.escaleren, name="escaleren"),
    path(
        "kinderen/<uuid:pid>/escalatie/<int:escalatie_id>/",
        views.escalatie_stap,
        name="escalatie-stap",
    ),
]
