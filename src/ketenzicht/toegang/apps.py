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
    """A new session's clocks start at its login, not at its first request after it."""
    from ketenzicht.toegang.middleware import ingelogd

    if request is not None and hasattr(request, "session"):
        ingelogd(request.session)
