"""Privacy-friendly visit counts: per page per day, counted on the server.

No cookie is set and no address or user agent is stored; requests from bots (by their user
agent) and from signed-in staff are left out. Counts are buffered per process and written
at most every few seconds with one update per page, so counting adds no database write to
a page view; a process that dies loses at most those seconds.
"""

import re
import threading
import time
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from infolijn.website.models import PageViewDay

FLUSH_SECONDS = 10.0
BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|monitor|preview|headless|lighthouse|curl|wget|python|java|go-http",
    re.IGNORECASE,
)

_lock = threading.Lock()
_pending: Counter[tuple[str, int]] = Counter()
_last_flush = [time.monotonic()]


def is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT.search(user_agent))


def count_view(page_id: int) -> None:
    day = timezone.localdate().isoformat()
    with _lock:
        _pending[(day, page_id)] += 1
        due = time.monotonic() - _last_flush[0] >= FLUSH_SECONDS
    if due:
        flush()


def flush() -> int:
    """Write the buffered counts; returns how many views were written."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    for (day, page_id), views in batch.items():
        if not PageViewDay.objects.filter(day=day, page_id=page_id).update(
            views=F("views") + views
        ):
            try:
                with transaction.atomic():
                    PageViewDay.objects.create(day=day, page_id=page_id, views=views)
            except IntegrityError:
                PageViewDay.objects.filter(day=day, page_id=page_id).update(
                    views=F("views") + views
                )
    return sum(batch.values())
