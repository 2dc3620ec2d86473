"""Index upkeep: publishing or withdrawing a script syncs the search index after commit."""

from typing import Any

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from infolijn.knowledge.models import ScriptPage


def _schedule_sync() -> None:
    from infolijn.search.tasks import sync_search_index

    transaction.on_commit(lambda: sync_search_index.enqueue())


@receiver(page_published)
def script_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ScriptPage):
        _schedule_sync()


@receiver(page_unpublished)
def script_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ScriptPage):
        _schedule_sync()
