from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "infolijn.partners"
    verbose_name = "Partners"
