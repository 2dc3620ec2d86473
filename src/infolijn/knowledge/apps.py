from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "infolijn.knowledge"
    verbose_name = "Kennisbank"

    def ready(self) -> None:
        from infolijn.knowledge import signals  # noqa: F401
