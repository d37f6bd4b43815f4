from django.urls import path

from ketenzicht.toegang import beheer, views

urlpatterns = [
    path("sessie/status/", views.status, name="sessie-status"),
    path("sessie/verlengen/", views.verlengen, name="sessie-verlengen"),
    path("koppelingen/", beheer.koppelingen, name="koppelingen"),
    path("koppelingen/<int:sleutel_id>/intrekken/", beheer.intrekken, name="sleutel-intrekken"),
    path("gebruikers/", beheer.gebruikers_lijst, name="gebruikers"),
    path("gebruikers/<int:gebruiker_id>/", beheer.gebruiker, name="gebruiker"),
    path("gebruikers/overzicht.csv", beheer.gebruikers_csv, name="gebruikers-csv"),
]
