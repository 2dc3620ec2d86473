"""When citizens can reach the line by phone: the opening hours of the agreements, in Dutch.

The line answers on behalf of every partner, so its phone hours are the union of the windows
of the agreements that are valid today and include the phone channel. Closing days
(public holidays, 11 July and the days an administrator added) close the line.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from infolijn.calendar import OpeningWindow, local_date
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import Agreement, Channel
from infolijn.partners.models import OpeningHours as OpeningHoursRow

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True, slots=True)
class WeekLine:
    """One line of the weekly overview, e.g. "maandag tot vrijdag" / "9.00 tot 19.00 uur"."""

    days: str
    hours: str


@dataclass(frozen=True, slots=True)
class ClosedDay:
    date: dt.date
    reason: str

    @property
    def label(self) -> str:
        return f"{WEEKDAYS[self.date.weekday()]} {format_date(self.date)}"


@dataclass(frozen=True, slots=True)
class Reachability:
    week: tuple[WeekLine, ...]
    closed_soon: tuple[ClosedDay, ...]

    @property
    def summary(self) -> str:
        """One sentence for a footer: "maandag tot vrijdag van 9.00 tot 19.00 uur"."""
        open_lines = [line for line in self.week if line.hours != "gesloten"]
        if not open_lines:
            return "De telefoonlijn is tijdelijk niet bereikbaar."
        return "; ".join(f"{line.days} van {line.hours}" for line in open_lines).capitalize() + "."


def format_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _format_time(moment: dt.time) -> str:
    return f"{moment.hour}.{moment.minute:02d}"


def _format_windows(windows: Sequence[OpeningWindow]) -> str:
    if not windows:
        return "gesloten"
    parts = [f"{_format_time(w.opens)} tot {_format_time(w.closes)}" for w in windows]
    return " en van ".join(parts) + " uur"


def _format_days(first: int, last: int) -> str:
    if first == last:
        return WEEKDAYS[first]
    if last == first + 1:
        return f"{WEEKDAYS[first]} en {WEEKDAYS[last]}"
    return f"{WEEKDAYS[first]} tot {WEEKDAYS[last]}"


def merge_windows(windows: Sequence[OpeningWindow]) -> list[OpeningWindow]:
    """Overlapping or touching windows of several agreements on one weekday, as one."""
    merged: list[OpeningWindow] = []
    for window in sorted(windows, key=lambda w: (w.opens, w.closes)):
        if merged and window.opens <= merged[-1].closes:
            last = merged[-1]
            merged[-1] = OpeningWindow(last.weekday, last.opens, max(last.closes, window.closes))
        else:
            merged.append(window)
    return merged


def describe_week(windows: Sequence[OpeningWindow]) -> tuple[WeekLine, ...]:
    """Consecutive weekdays with the same hours in one line."""
    per_day = [
        _format_windows(merge_windows([w for w in windows if w.weekday == day])) for day in range(7)
    ]
    lines: list[WeekLine] = []
    start = 0
    for day in range(1, 8):
        if day == 7 or per_day[day] != per_day[start]:
            lines.append(WeekLine(_format_days(start, day - 1), per_day[start]))
            start = day
    return tuple(lines)


def line_phone_windows(today: dt.date) -> list[OpeningWindow]:
    """The phone windows of every agreement valid on ``today``."""
    valid = Agreement.objects.filter(valid_from__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today), partner__active=True
    )
    rows = OpeningHoursRow.objects.filter(agreement__in=valid).select_related("agreement")
    return [
        OpeningWindow(row.weekday, row.opens, row.closes)
        for row in rows
        if row.agreement.handles(Channel.PHONE)
    ]


def line_reachability(*, now: dt.datetime | None = None, ahead_days: int = 45) -> Reachability:
    """The week's phone hours and the closing days in the next ``ahead_days`` days on which
    the line would otherwise be open."""
    today = local_date(now or timezone.now())
    windows = line_phone_windows(today)
    calendar = working_calendar()
    closed = []
    for offset in range(ahead_days + 1):
        day = today + dt.timedelta(days=offset)
        reason = calendar.closing_days(day.year).get(day)
        if reason is not None and any(w.weekday == day.weekday() for w in windows):
            closed.append(ClosedDay(day, reason))
    return Reachability(describe_week(windows), tuple(closed))
