"""Working days, due moments and opening hours in Europe/Brussels (pure: no Django).

>>> import datetime as dt
>>> calendar = WorkingCalendar()
>>> calendar.due_moment(dt.datetime(2026, 7, 10, 18, 0, tzinfo=BRUSSELS)).isoformat()
'2026-07-14T23:59:59+02:00'

The Django side (``infolijn.partners.calendar.working_calendar``) adds the administrator's
closing days from the database.
"""

from infolijn.calendar.hours import OpeningHours, OpeningWindow
from infolijn.calendar.working import (
    DUE_TIME,
    FIRST_YEAR,
    FLEMISH_COMMUNITY_DAY,
    LAST_YEAR,
    WorkingCalendar,
)
from infolijn.calendar.zone import BRUSSELS, local_date, local_moment, require_aware, to_local

__all__ = [
    "BRUSSELS",
    "DUE_TIME",
    "FIRST_YEAR",
    "FLEMISH_COMMUNITY_DAY",
    "LAST_YEAR",
    "OpeningHours",
    "OpeningWindow",
    "WorkingCalendar",
    "local_date",
    "local_moment",
    "require_aware",
    "to_local",
]
