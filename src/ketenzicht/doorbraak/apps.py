from django.apps import AppConfig


class DoorbraakConfig(AppConfig):
    name = "ketenzicht.doorbraak"
    verbose_name = "Doorbraakaanpak: normen, mijlpalen, afspraken en escalaties"
