from django.urls import path

from ketenzicht.planning import views

urlpatterns = [
    path("", views.prioriteit, name="prioriteit"),
    path("voorstel/", views.voorstel, name="voorstel"),
    path("team/", views.team, name="team"),
    path("mijn-kinderen/", views.mijn_kinderen, name="mijn-kinderen"),
    path("team/inzage/", views.inzage_buiten_caseload, name="inzage-buiten-caseload"),
    path("team/<int:medewerker_id>/", views.kinderen_van, name="kinderen-van"),
    path(
        "team/<int:medewerker_id>/afwezigheid/",
        views.afwezigheid_melden,
        name="afwezigheid-melden",
    ),
    path("kinderen/<uuid:pid>/toewijzen/", views.toewijzen, name="toewijzen"),
]
