"""The line's time zone and the one way to turn a moment into a local date or time.

All calendar arithmetic happens on local dates in Europe/Brussels; moments come in and go out
as aware datetimes. Naive datetimes are refused: guessing their zone is how deadlines drift by
an hour twice a year.
"""

import datetime as dt
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def require_aware(moment: dt.datetime, name: str = "moment") -> dt.datetime:
    """Return ``moment`` unchanged, or raise ValueError if it has no UTC offset."""
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"{name} must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"{name} must be timezone-aware (have a UTC offset), got naive {moment.isoformat()}"
        )
    return moment


def to_local(moment: dt.datetime, name: str = "moment") -> dt.datetime:
    """``moment`` as wall-clock time in Europe/Brussels."""
    return require_aware(moment, name).astimezone(BRUSSELS)


def local_date(moment: dt.datetime, name: str = "moment") -> dt.date:
    """The date in Brussels on which ``moment`` falls (23:30 UTC on 10 July is 11 July)."""
    return to_local(moment, name).date()


def local_moment(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment at wall-clock ``time`` on ``day`` in Brussels.

    A wall-clock time that does not exist (inside the spring-forward gap) is moved forward by
    the gap, so 02:30 on the last Sunday of March becomes 03:30 CEST. An ambiguous time (the
    autumn fold) is taken as its first occurrence.
    """
    naive_local = dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=BRUSSELS)
    # The round trip through UTC normalises non-existent wall times.
    return naive_local.astimezone(dt.UTC).astimezone(BRUSSELS)
