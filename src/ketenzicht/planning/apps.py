from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "ketenzicht.planning"
    verbose_name = "Planning van de GI: prioriteit, toewijzen, werklast"
