from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "ketenzicht.monitor"
