from django.urls import path

from ketenzicht.planning import norm, team, views

urlpatterns = [
    path("", views.prioriteit, name="prioriteit"),
    path("voorstel/", views.voorstel, name="voorstel"),
    path("team/", team.team, name="team"),
    path("team/werklastnorm/", norm.werklastnorm, name="werklastnorm"),
    path(
        "team/werklastnorm/<int:norm_id>/intrekken/",
        norm.werklastnorm_intrekken,
        name="werklastnorm-intrekken",
    ),
    path("team/nieuw/", team.nieuwe_collega, name="nieuwe-collega"),
    path("mijn-kinderen/", team.mijn_kinderen, name="mijn-kinderen"),
    path("team/inzage/", team.inzage_buiten_caseload, name="inzage-buiten-caseload"),
    path(
        "team/inzage.csv",
        team.inzage_buiten_caseload,
        {"formaat": "csv"},
        name="inzage-buiten-caseload-csv",
    ),
    path("team/<int:medewerker_id>/", team.kinderen_van, name="kinderen-van"),
    path("team/<int:medewerker_id>/overdracht/", team.overdracht, name="overdracht"),
    path(
        "team/<int:medewerker_id>/afwezigheid/",
        team.afwezigheid_melden,
        name="afwezigheid-melden",
    ),
    path(
        "team/<int:medewerker_id>/intrekken/",
        team.afwezigheid_intrekken,
        name="afwezigheid-intrekken",
    ),
    path("kinderen/<uuid:pid>/toewijzen/", views.toewijzen, name="toewijzen"),
]
