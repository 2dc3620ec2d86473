"""Background work of quality monitoring. Tasks take plain values and are safe to run twice."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from infolijn.quality.retention import delete_expired_recordings
from infolijn.quality.rollup import rollup_range


@task()
def rollup_contact_facts(start: str | None = None, end: str | None = None) -> int:
    """Recompute the daily facts from ``start`` to ``end`` (ISO dates); default yesterday and
    today, so late registrations of yesterday are caught. Returns the rows written."""
    today = timezone.localdate()
    first = dt.date.fromisoformat(start) if start else today - dt.timedelta(days=1)
    last = dt.date.fromisoformat(end) if end else today
    return rollup_range(first, last)


@task()
def purge_expired_recordings() -> int:
    """Delete recordings past retention that no evaluation or calibration still needs."""
    return delete_expired_recordings(now=timezone.now())
