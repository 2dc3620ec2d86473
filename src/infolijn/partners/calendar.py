"""The working calendar as the administrator configured it: the pure engine
(``infolijn.calendar``) plus the ``ClosingDay`` rows."""

from django.db import DatabaseError, connection

from infolijn.calendar import OpeningHours, OpeningWindow, WorkingCalendar
from infolijn.partners.models import Agreement, ClosingDay


def working_calendar() -> WorkingCalendar:
    """A calendar with every ``ClosingDay`` in the database, read now.

    Build one per request, command or batch and reuse it within; a calendar does not see
    closing days added after it was built. A database that was never migrated has no
    closing-day table and therefore no extra closing days.
    """
    try:
        extra = dict(ClosingDay.objects.values_list("date", "reason"))
    except DatabaseError:
        if ClosingDay._meta.db_table in connection.introspection.table_names():
            raise
        extra = {}
    return WorkingCalendar(extra)


def opening_hours(agreement: Agreement, calendar: WorkingCalendar | None = None) -> OpeningHours:
    """The agreement's weekly opening hours on ``calendar`` (default: the configured one)."""
    windows = [
        OpeningWindow(weekday=row.weekday, opens=row.opens, closes=row.closes)
        for row in agreement.opening_hours.all()
    ]
    return OpeningHours(windows, calendar if calendar is not None else working_calendar())
