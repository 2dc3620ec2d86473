from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from infolijn.calendar import local_date
from infolijn.website.reachability import Reachability, line_reachability

CACHE_KEY = "line-reachability:{day}"


def reachability_cache_key() -> str:
    return CACHE_KEY.format(day=local_date(timezone.now()).isoformat())


def _cached_reachability() -> Reachability:
    found = cache.get_or_set(reachability_cache_key(), line_reachability, timeout=3600)
    return found if isinstance(found, Reachability) else line_reachability()


def reachability(request: HttpRequest) -> dict:
    """The line's phone hours for any template, computed only when a template uses them."""
    return {"line_reachability": SimpleLazyObject(_cached_reachability)}
