from typing import Any

from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "ketenzicht.toegang"
    verbose_name = "Toegang"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ketenzicht.toegang import schema  # noqa: F401  registers the API's security schemes

        user_logged_in.connect(_ingelogd, dispatch_uid="toegang-ingelogd")


def _ingelogd(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A new session's clocks start at its login, not at its first request after it; a login
    with a temporary password is marked, so only choosing one's own is open, and one without
    a second factor where it is required, so only setting it up is."""
    from django.conf import settings

    from ketenzicht.toegang.middleware import TIJDELIJK, TWEEDE_FACTOR_INSTELLEN, ingelogd
    from ketenzicht.toegang.selectors import tijdelijk_wachtwoord
    from ketenzicht.toegang.tweede_factor import staat_aan

    if request is not None and hasattr(request, "session"):
        ingelogd(request.session)
        if tijdelijk_wachtwoord(user.pk) is not None:
            request.session[TIJDELIJK] = True
        if settings.TWEEDE_FACTOR == "verplicht" and not staat_aan(user.pk):
            request.session[TWEEDE_FACTOR_INSTELLEN] = True
