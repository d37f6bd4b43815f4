from django.urls import path

from ketenzicht.bemiddeling import views

urlpatterns = [
    path("", views.tafel, name="bemiddeling"),
    path("besluit/", views.besluit, name="bemiddeling-besluit"),
    path("capaciteit/", views.capaciteit, name="bemiddeling-capaciteit"),
    path("capaciteit/lijst/", views.capaciteitslijst, name="bemiddeling-capaciteitslijst"),
]
