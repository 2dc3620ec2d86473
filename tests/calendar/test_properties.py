"""Properties of due moments over random moments, deadlines and closing days, checked against
a naive day-by-day oracle that asks the ``holidays`` package about every day."""

import datetime as dt
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given
from hypothesis import strategies as st

from infolijn.calendar import BRUSSELS, WorkingCalendar

BELGIUM = holidays.country_holidays("BE", years=range(2024, 2032))
ZONES = st.sampled_from(
    [
        dt.UTC,
        BRUSSELS,
        ZoneInfo("America/New_York"),
        ZoneInfo("Asia/Tokyo"),
        dt.timezone(dt.timedelta(hours=-11, minutes=-30)),
    ]
)
received_moments = st.datetimes(
    min_value=dt.datetime(2025, 1, 1),  # noqa: DTZ001  (hypothesis bounds are naive)
    max_value=dt.datetime(2028, 12, 31),  # noqa: DTZ001
    timezones=ZONES,
    allow_imaginary=False,
)
extra_days = st.sets(st.dates(dt.date(2025, 1, 1), dt.date(2029, 6, 30)), max_size=40)
deadlines = st.integers(min_value=1, max_value=30)


def naive_is_working(day: dt.date, extra: set[dt.date]) -> bool:
    if day.weekday() >= 5 or day in BELGIUM or day in extra:
        return False
    return (day.month, day.day) != (7, 11)


def naive_due_date(received: dt.datetime, n: int, extra: set[dt.date]) -> dt.date:
    day = received.astimezone(BRUSSELS).date()
    while not naive_is_working(day, extra):
        day += dt.timedelta(days=1)
    while n:
        day += dt.timedelta(days=1)
        if naive_is_working(day, extra):
            n -= 1
    return day


@given(received=received_moments, n=deadlines, extra=extra_days)
def test_due_moment_properties(received, n, extra):
    calendar = WorkingCalendar(extra)
    due = calendar.due_moment(received, working_days=n)

    assert due.tzinfo is BRUSSELS
    assert due.time() == dt.time(23, 59, 59)
    assert calendar.is_working_day(due.date())
    assert due > received
    arrived = received.astimezone(BRUSSELS).date()
    counted_from = calendar.roll_forward(arrived)
    assert calendar.working_days_between(counted_from, due.date()) == n
    # Arriving on a non-working day: that next working day itself is one more working day.
    late_arrival = 0 if calendar.is_working_day(arrived) else 1
    assert calendar.working_days_between(arrived, due.date()) == n + late_arrival
    assert due.date() == naive_due_date(received, n, extra)


@given(
    day=st.dates(dt.date(2025, 1, 1), dt.date(2029, 12, 31)),
    n=st.integers(min_value=-600, max_value=600),
    extra=extra_days,
)
def test_add_working_days_agrees_with_counting(day, n, extra):
    calendar = WorkingCalendar(extra)
    result = calendar.add_working_days(day, n)
    if n > 0:
        assert calendar.is_working_day(result)
        assert result > day
        assert calendar.working_days_between(day, result) == n
    elif n < 0:
        assert calendar.is_working_day(result)
        assert result < day
        # |n| working days from `result` (included) up to `day` (excluded).
        assert (
            calendar.working_days_between(result - dt.timedelta(days=1), day)
            - (1 if calendar.is_working_day(day) else 0)
            == -n
        )
    else:
        assert result == day


@given(
    start=st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)),
    length=st.integers(min_value=0, max_value=800),
    extra=extra_days,
)
def test_working_days_between_matches_a_day_by_day_count(start, length, extra):
    calendar = WorkingCalendar(extra)
    end = start + dt.timedelta(days=length)
    expected = sum(
        naive_is_working(start + dt.timedelta(days=offset), extra)
        for offset in range(1, length + 1)
    )
    assert calendar.working_days_between(start, end) == expected
    assert calendar.working_days_between(end, start) == -expected
