from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "infolijn.planning"
    verbose_name = "Planning"
