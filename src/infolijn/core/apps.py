from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "infolijn.core"
    verbose_name = "infolijn"

    def ready(self) -> None:
        from infolijn.core.setup import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="infolijn-base-setup")
