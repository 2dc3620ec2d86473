"""Search analytics for editors: what people look for, and what we do not answer."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from infolijn.search.models import SearchLog, SearchScope

WEEKS_SHOWN = 8


@dataclass(frozen=True)
class WeekReport:
    start: dt.date
    searches: int
    top: list[dict]
    no_results: list[dict]
    no_click: list[dict]


def weekly_reports(
    *, scope: SearchScope, today: dt.date | None = None, weeks: int = WEEKS_SHOWN
) -> list[WeekReport]:
    """One report per ISO week (Monday to Sunday, Brussels time), newest first."""
    today = today or timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    reports = []
    for back in range(weeks):
        start = monday - dt.timedelta(weeks=back)
        begin = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
        end = timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=7), dt.time.min))
        logs = SearchLog.objects.filter(scope=scope).between(begin, end)
        reports.append(
            WeekReport(
                start=start,
                searches=logs.count(),
                top=logs.counted(),
                no_results=logs.without_results().counted(),
                no_click=logs.without_click().counted(),
            )
        )
    return reports
