from django.urls import path

from ketenzicht.toegang import views

urlpatterns = [
    path("sessie/status/", views.status, name="sessie-status"),
    path("sessie/verlengen/", views.verlengen, name="sessie-verlengen"),
    path("koppelingen/", views.koppelingen, name="koppelingen"),
    path("koppelingen/<int:sleutel_id>/intrekken/", views.intrekken, name="sleutel-intrekken"),
    path("gebruikers/", views.gebruikers_lijst, name="gebruikers"),
    path("gebruikers/<int:gebruiker_id>/", views.gebruiker, name="gebruiker"),
    path("gebruikers/overzicht.csv", views.gebruikers_csv, name="gebruikers-csv"),
]
