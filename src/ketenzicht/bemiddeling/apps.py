from django.apps import AppConfig


class BemiddelingConfig(AppConfig):
    name = "ketenzicht.bemiddeling"
    verbose_name = "Zorgbemiddeling en iJw-berichten"
