from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "infolijn.website"
    verbose_name = "Website"

    def ready(self) -> None:
        from infolijn.website import signals  # noqa: F401
