"""Writes of the search app: the search log that feeds the editors' analytics."""

import datetime as dt
import re

from django.utils import timezone

from infolijn.search.models import SearchLog, SearchScope

MAX_QUERY_CHARS = 200
# A search box is no place for personal data, but people type it anyway: national register
# and phone numbers, e-mail addresses. They never reach the log.
_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d[\d ./-]{5,}\d")
TYPING_WINDOW = dt.timedelta(seconds=30)


def scrub(query: str) -> str:
    cleaned = _LONG_NUMBER.sub("[nummer]", _EMAIL.sub("[e-mail]", query))
    return " ".join(cleaned.split())[:MAX_QUERY_CHARS]


def log_search(
    *, query: str, scope: SearchScope, results: int, previous_id: int | None = None
) -> SearchLog | None:
    """Record a search. A query that extends the previous one of the same person within a few
    seconds (typing "huurp", "huurpremie") updates that row instead of adding one."""
    text = scrub(query)
    if not text:
        return None
    now = timezone.now()
    if previous_id is not None:
        previous = SearchLog.objects.filter(
            pk=previous_id, scope=scope, created_at__gte=now - TYPING_WINDOW
        ).first()
        if previous is not None and (
            text.startswith(previous.query) or previous.query.startswith(text)
        ):
            previous.query, previous.results, previous.created_at = text, results, now
            previous.save(update_fields=["query", "results", "created_at"])
            return previous
    return SearchLog.objects.create(query=text, scope=scope, results=results, created_at=now)


def record_click(*, log_id: int, script_id: str) -> None:
    SearchLog.objects.filter(pk=log_id, clicked_script_id="").update(
        clicked_script_id=script_id[:120]
    )


def purge_old_search_logs(*, keep_days: int = 400) -> int:
    """Retention: search logs are kept about 13 months (a year-on-year comparison), no longer."""
    deleted, _ = SearchLog.objects.filter(
        created_at__lt=timezone.now() - dt.timedelta(days=keep_days)
    ).delete()
    return deleted


__all__ = ["log_search", "purge_old_search_logs", "record_click", "scrub"]
