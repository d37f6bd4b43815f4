from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "ketenzicht.organisaties"
    verbose_name = "Organisaties en medewerkers"
