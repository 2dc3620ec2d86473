"""E-mail due moments (DESIGN §8): N working days after the (working) day of receipt, 23:59:59."""

import datetime as dt
import doctest

import pytest

import infolijn.calendar
from infolijn.calendar import BRUSSELS, WorkingCalendar

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


# The reference calendar of the contact-centre notes (§5): 2 Nov, 15 Nov and 26 Dec added.
@pytest.fixture(scope="module")
def flemish_staff_calendar() -> WorkingCalendar:
    return WorkingCalendar(
        {
            dt.date(year, month, day): "Vlaamse overheid"
            for year in (2025, 2026, 2027)
            for month, day in ((11, 2), (11, 15), (12, 26))
        }
    )


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # DESIGN §8: Friday 18:00 → Tuesday; Saturday → Wednesday.
        ("2026-06-12T18:00:00+02:00", "2026-06-16T23:59:59+02:00"),
        ("2026-06-13T11:00:00+02:00", "2026-06-17T23:59:59+02:00"),
        ("2026-06-12T09:00:00+02:00", "2026-06-16T23:59:59+02:00"),
        ("2026-06-14T23:59:59+02:00", "2026-06-17T23:59:59+02:00"),
        ("2026-06-15T00:00:00+02:00", "2026-06-17T23:59:59+02:00"),
    ],
)
def test_design_examples(calendar, received, due):
    assert calendar.due_moment(at(received)).isoformat() == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2025-06-13T18:00:00+02:00", "2025-06-17"),
        ("2025-06-14T11:00:00+02:00", "2025-06-18"),
        ("2025-07-10T18:00:00+02:00", "2025-07-15"),  # Friday 11 July closed
        ("2025-12-24T16:00:00+01:00", "2025-12-30"),  # 25 and 26 December closed
        ("2026-10-30T18:00:00+01:00", "2026-11-04"),  # Monday 2 November closed
    ],
)
def test_reference_table_with_flemish_staff_days(flemish_staff_calendar, received, due):
    moment = flemish_staff_calendar.due_moment(at(received))
    assert moment.date().isoformat() == due
    assert moment.time() == dt.time(23, 59, 59)


def test_extra_closing_days_move_the_due_moment(calendar, flemish_staff_calendar):
    received = at("2025-12-24T16:00:00+01:00")
    assert calendar.due_moment(received).date() == dt.date(2025, 12, 29)
    christmas_week = WorkingCalendar(
        {dt.date(2025, 12, day): "Kerstverlof" for day in (26, 29, 30, 31)}
    )
    assert christmas_week.due_moment(received).date() == dt.date(2026, 1, 5)
    assert calendar.due_moment(at("2026-10-30T18:00:00+01:00")).date() == dt.date(2026, 11, 3)


def test_received_on_11_july_in_brussels_though_10_july_in_utc(calendar):
    # 2025: 11 July is a Friday. 23:30 UTC on 10 July is 01:30 on 11 July in Brussels.
    late = dt.datetime(2025, 7, 10, 23, 30, tzinfo=UTC)
    assert calendar.due_moment(late).isoformat() == "2025-07-16T23:59:59+02:00"
    # 21:30 UTC is still 10 July (23:30) in Brussels: Monday 14 is day 1, Tuesday 15 day 2.
    earlier = dt.datetime(2025, 7, 10, 21, 30, tzinfo=UTC)
    assert calendar.due_moment(earlier).isoformat() == "2025-07-15T23:59:59+02:00"
    # 2028: 11 July is a Tuesday.
    assert calendar.due_moment(dt.datetime(2028, 7, 10, 23, 30, tzinfo=UTC)).date() == (
        dt.date(2028, 7, 14)
    )


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Spring forward on Sunday 29 March 2026 (02:00 CET → 03:00 CEST).
        ("2026-03-27T22:59:59+00:00", "2026-03-31T23:59:59+02:00"),  # Fri 23:59:59 CET
        ("2026-03-27T23:00:00+00:00", "2026-04-01T23:59:59+02:00"),  # Sat 00:00 CET
        ("2026-03-29T00:59:59+00:00", "2026-04-01T23:59:59+02:00"),  # Sun 01:59:59 CET
        ("2026-03-29T01:00:00+00:00", "2026-04-01T23:59:59+02:00"),  # Sun 03:00 CEST
        ("2026-03-29T21:59:59+00:00", "2026-04-01T23:59:59+02:00"),  # Sun 23:59:59 CEST
        ("2026-03-29T22:00:00+00:00", "2026-04-01T23:59:59+02:00"),  # Mon 00:00 CEST
        # Fall back on Sunday 25 October 2026 (03:00 CEST → 02:00 CET).
        ("2026-10-23T21:59:59+00:00", "2026-10-27T23:59:59+01:00"),  # Fri 23:59:59 CEST
        ("2026-10-23T22:00:00+00:00", "2026-10-28T23:59:59+01:00"),  # Sat 00:00 CEST
        ("2026-10-25T00:30:00+00:00", "2026-10-28T23:59:59+01:00"),  # Sun 02:30 CEST
        ("2026-10-25T01:30:00+00:00", "2026-10-28T23:59:59+01:00"),  # Sun 02:30 CET
        ("2026-10-25T22:59:59+00:00", "2026-10-28T23:59:59+01:00"),  # Sun 23:59:59 CET
        ("2026-10-25T23:00:00+00:00", "2026-10-28T23:59:59+01:00"),  # Mon 00:00 CET
        # Spring 2027 falls on Easter Sunday (28 March); Easter Monday is closed.
        ("2027-03-26T18:00:00+01:00", "2027-03-31T23:59:59+02:00"),
    ],
)
def test_dst_changes(calendar, received, due):
    assert calendar.due_moment(at(received)).isoformat() == due


def test_due_moment_in_utc_follows_the_local_offset(calendar):
    summer = calendar.due_moment(at("2026-03-27T18:00:00+01:00"))
    winter = calendar.due_moment(at("2026-10-23T18:00:00+02:00"))
    assert summer.astimezone(UTC) == dt.datetime(2026, 3, 31, 21, 59, 59, tzinfo=UTC)
    assert winter.astimezone(UTC) == dt.datetime(2026, 10, 27, 22, 59, 59, tzinfo=UTC)
    assert summer.tzinfo is BRUSSELS


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-12-31T12:00:00+01:00", "2027-01-05T23:59:59+01:00"),  # 1 January closed
        ("2026-12-31T23:30:00+00:00", "2027-01-06T23:59:59+01:00"),  # already 1 January
        ("2027-12-31T12:00:00+01:00", "2028-01-04T23:59:59+01:00"),
        ("2025-12-31T12:00:00-05:00", "2026-01-05T23:59:59+01:00"),  # 18:00 Brussels
    ],
)
def test_year_boundary(calendar, received, due):
    assert calendar.due_moment(at(received)).isoformat() == due


@pytest.mark.parametrize(
    ("received", "n", "due"),
    [
        ("2026-06-12T18:00:00+02:00", 1, "2026-06-15"),
        ("2026-06-13T18:00:00+02:00", 1, "2026-06-16"),
        ("2026-06-12T18:00:00+02:00", 5, "2026-06-19"),
        ("2026-12-31T12:00:00+01:00", 5, "2027-01-08"),
        ("2026-05-13T10:00:00+02:00", 5, "2026-05-21"),  # over Ascension
        ("2026-05-13T10:00:00+02:00", 1, "2026-05-15"),
    ],
)
def test_other_deadlines(calendar, received, n, due):
    assert calendar.due_moment(at(received), working_days=n).date().isoformat() == due


def test_naive_datetime_is_rejected(calendar):
    with pytest.raises(ValueError, match="received must be timezone-aware"):
        calendar.due_moment(dt.datetime(2026, 6, 12, 18, 0))  # noqa: DTZ001


@pytest.mark.parametrize("n", [0, -1])
def test_working_days_below_one_is_rejected(calendar, n):
    with pytest.raises(ValueError, match="at least 1"):
        calendar.due_moment(at("2026-06-12T18:00:00+02:00"), working_days=n)


def test_working_days_must_be_an_int(calendar):
    with pytest.raises(TypeError):
        calendar.due_moment(at("2026-06-12T18:00:00+02:00"), working_days=2.0)  # type: ignore[arg-type]


def test_package_docstring_example_holds():
    assert doctest.testmod(infolijn.calendar).failed == 0
