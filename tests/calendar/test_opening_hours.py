"""Weekly opening windows that stay shut on closing days."""

import datetime as dt

import pytest

from infolijn.calendar import BRUSSELS, OpeningHours, OpeningWindow, WorkingCalendar

T = dt.time


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BRUSSELS)  # type: ignore[misc]


@pytest.fixture(scope="module")
def hours() -> OpeningHours:
    """Weekdays 09–12 and 13–17 (a lunch break), Saturday 09–12; 2 November 2026 closed."""
    windows = [OpeningWindow(day, T(9), T(12)) for day in range(5)]
    windows += [OpeningWindow(day, T(13), T(17)) for day in range(5)]
    windows.append(OpeningWindow(5, T(9), T(12)))
    return OpeningHours(windows, WorkingCalendar({dt.date(2026, 11, 2): "Allerzielen"}))


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (local(2026, 6, 15, 8, 59, 59), False),
        (local(2026, 6, 15, 9, 0), True),
        (local(2026, 6, 15, 11, 59), True),
        (local(2026, 6, 15, 12, 0), False),  # a window excludes its closing time
        (local(2026, 6, 15, 12, 30), False),
        (local(2026, 6, 15, 16, 59), True),
        (local(2026, 6, 15, 17, 0), False),
        (local(2026, 6, 13, 10, 0), True),  # Saturday window
        (local(2026, 6, 14, 10, 0), False),  # Sunday: no window
        (local(2026, 4, 6, 10, 0), False),  # Easter Monday
        (local(2026, 8, 15, 10, 0), False),  # a holiday on a Saturday closes that Saturday
        (local(2026, 11, 2, 10, 0), False),  # the extra closing day
        (local(2026, 11, 3, 10, 0), True),
        (dt.datetime(2026, 6, 15, 7, 30, tzinfo=dt.UTC), True),  # 09:30 CEST
        (dt.datetime(2026, 12, 14, 7, 30, tzinfo=dt.UTC), False),  # 08:30 CET
    ],
)
def test_is_open(hours, moment, is_open):
    assert hours.is_open(moment) is is_open


@pytest.mark.parametrize(
    ("moment", "opening"),
    [
        (local(2026, 6, 15, 10, 0), local(2026, 6, 15, 10, 0)),  # open now
        (local(2026, 6, 15, 7, 0), local(2026, 6, 15, 9, 0)),
        (local(2026, 6, 15, 12, 15), local(2026, 6, 15, 13, 0)),  # after lunch
        (local(2026, 6, 12, 17, 30), local(2026, 6, 13, 9, 0)),  # Saturday morning
        (local(2026, 6, 13, 12, 0), local(2026, 6, 15, 9, 0)),  # Monday
        (local(2026, 4, 4, 12, 0), local(2026, 4, 7, 9, 0)),  # past Easter Monday
        (local(2026, 10, 31, 12, 0), local(2026, 11, 3, 9, 0)),  # past 2 November
        (local(2026, 8, 14, 18, 0), local(2026, 8, 17, 9, 0)),  # holiday Saturday skipped
    ],
)
def test_next_opening(hours, moment, opening):
    found = hours.next_opening(moment)
    assert found == opening
    assert found is not None and found.tzinfo is BRUSSELS


def test_next_opening_across_dst(hours):
    saturday_evening = dt.datetime(2026, 3, 28, 20, 0, tzinfo=dt.UTC)
    opening = hours.next_opening(saturday_evening)
    assert opening is not None
    assert opening.isoformat() == "2026-03-30T09:00:00+02:00"
    autumn = hours.next_opening(dt.datetime(2026, 10, 24, 20, 0, tzinfo=dt.UTC))
    assert autumn is not None
    assert autumn.isoformat() == "2026-10-26T09:00:00+01:00"


def test_a_window_starting_in_the_spring_gap_opens_when_the_clock_allows():
    hours = OpeningHours([OpeningWindow(6, T(2, 30), T(4))], WorkingCalendar())
    opening = hours.next_opening(local(2026, 3, 28, 12, 0))
    assert opening is not None
    assert opening.isoformat() == "2026-03-29T03:30:00+02:00"


def test_no_windows_never_opens():
    hours = OpeningHours([], WorkingCalendar())
    assert hours.next_opening(local(2026, 6, 15, 10, 0)) is None
    assert not hours.is_open(local(2026, 6, 15, 10, 0))


def test_windows_on_a_closing_day_are_empty(hours):
    assert hours.windows_on(dt.date(2026, 11, 2)) == ()
    assert [w.opens for w in hours.windows_on(dt.date(2026, 11, 3))] == [T(9), T(13)]
    assert len(hours.windows) == 11


def test_naive_moments_are_rejected(hours):
    with pytest.raises(ValueError, match="timezone-aware"):
        hours.is_open(dt.datetime(2026, 6, 15, 10, 0))  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        hours.next_opening(dt.datetime(2026, 6, 15, 10, 0))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("weekday", "opens", "closes", "message"),
    [
        (7, T(9), T(17), "weekday"),
        (-1, T(9), T(17), "weekday"),
        (0, T(17), T(9), "close after"),
        (0, T(9), T(9), "close after"),
        (0, T(9, tzinfo=dt.UTC), T(17), "without tzinfo"),
    ],
)
def test_invalid_windows(weekday, opens, closes, message):
    with pytest.raises(ValueError, match=message):
        OpeningWindow(weekday, opens, closes)
