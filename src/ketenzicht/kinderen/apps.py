from django.apps import AppConfig


class KinderenConfig(AppConfig):
    name = "ketenzicht.kinderen"
