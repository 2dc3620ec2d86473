"""Citizens' feedback on script pages: stored without personal data, rate-limited."""

import hashlib

from django.core.cache import cache

from infolijn.search.actions import scrub
from infolijn.website.models import PageFeedback

MAX_PER_HOUR = 20


def _bucket(client_address: str) -> str:
    # Only a hash of the address, for the hour; the address itself is never stored.
    return "feedback:" + hashlib.sha256(client_address.encode()).hexdigest()[:24]


def give_feedback(
    *, script_id: str, useful: bool, comment: str, client_address: str
) -> PageFeedback | None:
    """Store one answer; None when this address sent too many in the last hour (spam)."""
    key = _bucket(client_address)
    cache.add(key, 0, timeout=3600)
    if cache.incr(key) > MAX_PER_HOUR:
        return None
    return PageFeedback.objects.create(
        script_id=script_id, useful=useful, comment=scrub(comment)[:1000]
    )
