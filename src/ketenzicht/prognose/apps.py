from django.apps import AppConfig


class PrognoseConfig(AppConfig):
    name = "ketenzicht.prognose"
    verbose_name = "Prognoses"
