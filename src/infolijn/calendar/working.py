"""Working days and e-mail due moments (DESIGN §8).

A working day is Monday–Friday in Europe/Brussels that is not a closing day. Closing days are
the Belgian public holidays (from the ``holidays`` package), 11 July (the Flemish Community's
holiday, which that package does not have) and any extra days an administrator adds.

Each year is indexed once, lazily: a sorted tuple of the ordinals of its working days. Every
question after that is a set lookup or a binary search, plus one step per year crossed.
"""

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import holidays

from infolijn.calendar.zone import BRUSSELS, local_date

FLEMISH_COMMUNITY_DAY = "Feestdag van de Vlaamse Gemeenschap"
DEFAULT_EXTRA_REASON = "Sluitingsdag"
DUE_TIME = dt.time(23, 59, 59)

_BELGIUM = holidays.country_holidays("BE", language="nl")
# Outside these years the package knows no Belgian holidays at all; answering there would
# silently treat Christmas as a working day, so the calendar refuses instead.
FIRST_YEAR: int = _BELGIUM.start_year
LAST_YEAR: int = _BELGIUM.end_year


@cache
def _public_holidays(year: int) -> tuple[tuple[dt.date, str], ...]:
    """Belgian public holidays of ``year`` with their Dutch names (shared by all calendars)."""
    found = holidays.country_holidays("BE", years=year, language="nl")
    return tuple(sorted(found.items()))


@dataclass(frozen=True, slots=True)
class _Year:
    closing_days: Mapping[dt.date, str]
    working: tuple[int, ...]  # ordinals of the working days, ascending


class WorkingCalendar:
    """Belgian public holidays + 11 July + ``extra_closing_days``.

    ``extra_closing_days`` is a mapping date → reason, or an iterable of dates. The calendar is
    immutable; build a new one when the administrator's list changes.
    """

    def __init__(self, extra_closing_days: Mapping[dt.date, str] | Iterable[dt.date] = ()) -> None:
        if isinstance(extra_closing_days, Mapping):
            extras = {_as_date(day): str(reason) for day, reason in extra_closing_days.items()}
        else:
            extras = {_as_date(day): DEFAULT_EXTRA_REASON for day in extra_closing_days}
        self._extras_by_year: dict[int, dict[dt.date, str]] = {}
        for day, reason in extras.items():
            self._extras_by_year.setdefault(day.year, {})[day] = reason
        self._years: dict[int, _Year] = {}

    def __repr__(self) -> str:
        count = sum(len(days) for days in self._extras_by_year.values())
        return f"<WorkingCalendar Belgium + 11 July + {count} extra closing days>"

    # -- closing days ---------------------------------------------------------------------

    @property
    def extra_closing_days(self) -> dict[dt.date, str]:
        """The administrator's days, date → reason."""
        return {
            day: reason for days in self._extras_by_year.values() for day, reason in days.items()
        }

    def closing_days(self, year: int) -> dict[dt.date, str]:
        """Every closing day of ``year`` (weekends included when a holiday falls on one),
        in date order, with the reason shown to people."""
        return dict(self._year(year).closing_days)

    def is_closing_day(self, day: dt.date) -> bool:
        """A public holiday, 11 July or an extra day, whatever the weekday."""
        return _as_date(day) in self._year(day.year).closing_days

    def is_working_day(self, day: dt.date) -> bool:
        day = _as_date(day)
        return day.weekday() < 5 and day not in self._year(day.year).closing_days

    # -- moving over working days ---------------------------------------------------------

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def roll_forward(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the next working day."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``day`` itself never counts).

        Negative ``n`` goes back: the ``|n|``-th working day before ``day``. ``n == 0`` returns
        ``day`` unchanged, working day or not.
        """
        day = _as_date(day)
        if n == 0:
            return day
        year = day.year
        working = self._year(year).working
        if n > 0:
            index = bisect_right(working, day.toordinal()) + n - 1
            while index >= len(working):
                index -= len(working)
                year += 1
                working = self._year(year).working
        else:
            index = bisect_left(working, day.toordinal()) + n
            while index < 0:
                year -= 1
                working = self._year(year).working
                index += len(working)
        return dt.date.fromordinal(working[index])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days fall after ``start`` up to and including ``end``.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 0``. With
        ``end`` before ``start`` the count is negated.
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count = sum(len(self._year(year).working) for year in range(start.year, end.year))
        count += bisect_right(self._year(end.year).working, end.toordinal())
        count -= bisect_right(self._year(start.year).working, start.toordinal())
        return count

    # -- due moments ----------------------------------------------------------------------

    def due_date(self, received: dt.datetime, working_days: int = 2) -> dt.date:
        """The local date on which a contact received at ``received`` is due (DESIGN §8)."""
        if isinstance(working_days, bool) or not isinstance(working_days, int):
            raise TypeError(f"working_days must be an int, not {type(working_days).__name__}")
        if working_days < 1:
            raise ValueError(f"working_days must be at least 1, got {working_days}")
        arrived = local_date(received, "received")
        # Received on a non-working day counts as received on the next working day. Both cases
        # in one search: bisect_left finds the arrival day itself when it is a working day, else
        # the next one; the due day lies `working_days` further along the index.
        year = arrived.year
        working = self._year(year).working
        index = bisect_left(working, arrived.toordinal()) + working_days
        while index >= len(working):
            index -= len(working)
            year += 1
            working = self._year(year).working
        return dt.date.fromordinal(working[index])

    def due_moment(self, received: dt.datetime, working_days: int = 2) -> dt.datetime:
        """23:59:59 Brussels time on the ``working_days``-th working day after the (working)
        day of receipt. Friday 18:00 → Tuesday 23:59:59; Saturday → Wednesday 23:59:59.

        Raises ValueError for a naive ``received`` or ``working_days < 1``.
        """
        # 23:59:59 exists on every day in Brussels (DST changes happen at 02:00/03:00).
        return dt.datetime.combine(self.due_date(received, working_days), DUE_TIME, BRUSSELS)

    # -- the per-year index ---------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build_year(year)
        return cached

    def _build_year(self, year: int) -> _Year:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(
                f"{year} is outside the years with Belgian holiday data ({FIRST_YEAR}–{LAST_YEAR})"
            )
        closing: dict[dt.date, str] = dict(_public_holidays(year))
        _add_reason(closing, dt.date(year, 7, 11), FLEMISH_COMMUNITY_DAY)
        for day, reason in self._extras_by_year.get(year, {}).items():
            _add_reason(closing, day, reason)
        closed = {day.toordinal() for day in closing}
        first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        # date.fromordinal(1) is a Monday, so (ordinal + 6) % 7 is the weekday.
        working = tuple(
            ordinal
            for ordinal in range(first, last + 1)
            if (ordinal + 6) % 7 < 5 and ordinal not in closed
        )
        return _Year(closing_days=dict(sorted(closing.items())), working=working)


def _add_reason(closing: dict[dt.date, str], day: dt.date, reason: str) -> None:
    existing = closing.get(day)
    if existing is None or not reason:
        closing.setdefault(day, reason)
    elif reason not in existing.split("; "):
        closing[day] = f"{existing}; {reason}"


def _as_date(day: dt.date) -> dt.date:
    """Refuse datetimes: their date depends on a time zone the caller should choose."""
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise TypeError(f"expected a date, got {type(day).__name__}; use local_date() for moments")
    return day
