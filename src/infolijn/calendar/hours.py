"""Weekly opening hours that close on closing days.

A line is open at a moment when the Brussels wall-clock time falls in one of the windows for
that weekday and the date is not a closing day (public holiday, 11 July, extra day). Weekends
follow the windows: a Saturday window opens on Saturdays, unless that Saturday is a closing day.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from infolijn.calendar.working import WorkingCalendar
from infolijn.calendar.zone import local_moment, to_local

# How far next_opening looks before it gives up (only reached when closing days cover years).
_SEARCH_DAYS = 3660


@dataclass(frozen=True, slots=True)
class OpeningWindow:
    """Open from ``opens`` (included) to ``closes`` (excluded) on ``weekday`` (0 = Monday),
    wall-clock times in Brussels."""

    weekday: int
    opens: dt.time
    closes: dt.time

    def __post_init__(self) -> None:
        if isinstance(self.weekday, bool) or self.weekday not in range(7):
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {self.weekday!r}")
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise ValueError("opening times are wall-clock times in Brussels, without tzinfo")
        if not self.opens < self.closes:
            raise ValueError(f"a window must close after it opens: {self.opens}–{self.closes}")

    def contains(self, time: dt.time) -> bool:
        return self.opens <= time < self.closes


class OpeningHours:
    """A week of opening windows (several per day allowed, e.g. around lunch) on a calendar."""

    def __init__(self, windows: Iterable[OpeningWindow], calendar: WorkingCalendar) -> None:
        by_weekday: list[list[OpeningWindow]] = [[] for _ in range(7)]
        for window in windows:
            by_weekday[window.weekday].append(window)
        self._by_weekday = tuple(
            tuple(sorted(day, key=lambda w: (w.opens, w.closes))) for day in by_weekday
        )
        self.calendar = calendar

    @property
    def windows(self) -> tuple[OpeningWindow, ...]:
        return tuple(window for day in self._by_weekday for window in day)

    def windows_on(self, day: dt.date) -> tuple[OpeningWindow, ...]:
        """The windows that apply on ``day``: none on a closing day."""
        if self.calendar.is_closing_day(day):
            return ()
        return self._by_weekday[day.weekday()]

    def is_open(self, moment: dt.datetime) -> bool:
        """Whether the line is open at ``moment`` (aware; ValueError when naive)."""
        local = to_local(moment)
        time = local.time()
        return any(window.contains(time) for window in self.windows_on(local.date()))

    def next_opening(self, moment: dt.datetime) -> dt.datetime | None:
        """The first moment at or after ``moment`` at which the line is open, in Brussels time:
        ``moment`` itself when it is open, else the start of the next window on a day that is
        not a closing day. None when there are no windows at all."""
        local = to_local(moment)
        if not any(self._by_weekday):
            return None
        today, time = local.date(), local.time()
        for window in self.windows_on(today):
            if window.contains(time):
                return local
        for offset in range(_SEARCH_DAYS):
            day = today + dt.timedelta(days=offset)
            for window in self.windows_on(day):
                start = local_moment(day, window.opens)
                # On the autumn-fold day a wall time can occur before `moment`; skip it then.
                if start > local:
                    return start
        return None
