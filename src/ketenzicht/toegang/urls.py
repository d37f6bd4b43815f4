from django.urls import path

from ketenzicht.toegang import views

urlpatterns = [
    path("status/", views.status, name="sessie-status"),
    path("verlengen/", views.verlengen, name="sessie-verlengen"),
]
