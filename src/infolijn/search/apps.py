from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "infolijn.search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from infolijn.search import signals  # noqa: F401
