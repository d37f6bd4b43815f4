from django.contrib import admin
from django.urls import include, path

from ketenzicht.toegang.inloggen import beheer_inloggen

urlpatterns = [
    path("beheer/login/", beheer_inloggen, name="beheer-inloggen"),  # the site's, two steps
    path("beheer/", admin.site.urls),
    path("api/", include("ketenzicht.kinderen.api_urls")),
    path("planning/", include("ketenzicht.planning.urls")),
    path("doorbraak/", include("ketenzicht.doorbraak.urls")),
    path("bemiddeling/", include("ketenzicht.bemiddeling.urls")),
    path("prognose/", include("ketenzicht.prognose.urls")),
    path("", include("ketenzicht.toegang.urls")),
    path("", include("ketenzicht.web.urls")),
]
