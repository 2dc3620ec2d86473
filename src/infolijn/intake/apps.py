from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "infolijn.intake"
    verbose_name = "Intake"
