from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "infolijn.quality"
    verbose_name = "Kwaliteit"
