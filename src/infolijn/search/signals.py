"""Index upkeep: publishing or withdrawing a script syncs the search index after commit."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from infolijn.knowledge.models import ScriptPage
from infolijn.search.models import Synonym


def _schedule_sync() -> None:
    from infolijn.search import service
    from infolijn.search.tasks import sync_search_index

    service.mark_stale()
    transaction.on_commit(service.mark_stale)
    transaction.on_commit(lambda: sync_search_index.enqueue())


@receiver(page_published)
def script_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ScriptPage):
        _schedule_sync()


@receiver(page_unpublished)
def script_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ScriptPage):
        _schedule_sync()


@receiver([post_save, post_delete], sender=Synonym)
def synonyms_changed(sender: Any, **kwargs: Any) -> None:
    from infolijn.search import service

    service.mark_stale()
    transaction.on_commit(service.mark_stale)
