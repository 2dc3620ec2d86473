"""Cache upkeep: any publish, unpublish, move or delete of a page drops the public page cache."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from infolijn.website.cache import invalidate_public_pages


def _invalidate(**kwargs: Any) -> None:
    invalidate_public_pages()
    transaction.on_commit(invalidate_public_pages)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender: Any, **kwargs: Any) -> None:
    _invalidate()


@receiver(post_delete)
def page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _invalidate()
