from django.urls import path

from ketenzicht.prognose import views

urlpatterns = [
    path("", views.pagina, name="prognose"),
    path("<int:run_id>/", views.run_pagina, name="prognose-run"),
    path("<int:run_id>/stap/", views.stap, name="prognose-stap"),
    path("<int:run_id>/prognose.<str:formaat>", views.download, name="prognose-download"),
]
