"""Cache upkeep: any publish, unpublish, move or delete of a page drops the public page cache."""

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from infolijn.partners.models import Agreement, ClosingDay, OpeningHours
from infolijn.website.cache import invalidate_public_pages
from infolijn.website.context_processors import reachability_cache_key
from infolijn.website.models import Publication


def _invalidate(**kwargs: Any) -> None:
    invalidate_public_pages()
    transaction.on_commit(invalidate_public_pages)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender: Any, **kwargs: Any) -> None:
    _invalidate()


@receiver(post_save, sender=Publication)
@receiver(post_delete, sender=Publication)
def publication_changed(sender: Any, **kwargs: Any) -> None:
    _invalidate()


@receiver(post_delete)
def page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _invalidate()


@receiver(post_save, sender=ClosingDay)
@receiver(post_delete, sender=ClosingDay)
@receiver(post_save, sender=Agreement)
@receiver(post_delete, sender=Agreement)
@receiver(post_save, sender=OpeningHours)
@receiver(post_delete, sender=OpeningHours)
def opening_hours_changed(sender: Any, **kwargs: Any) -> None:
    """Opening hours and closing days appear on every public page."""
    cache.delete(reachability_cache_key())
    _invalidate()
