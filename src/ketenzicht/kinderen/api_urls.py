from django.urls import path

from ketenzicht.kinderen import api

urlpatterns = [
    path("wachtlijst/", api.WachtlijstApi.as_view(), name="api-wachtlijst"),
    path("kinderen/<uuid:pid>/", api.KindApi.as_view(), name="api-kind"),
]
