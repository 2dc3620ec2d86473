"""Which days are working days: Belgian public holidays, 11 July, extra closing days."""

import datetime as dt

import pytest

from infolijn.calendar import FLEMISH_COMMUNITY_DAY, WorkingCalendar

D = dt.date

LEGAL_HOLIDAYS = {
    2026: {
        "Nieuwjaar": D(2026, 1, 1),
        "Paasmaandag": D(2026, 4, 6),
        "Dag van de Arbeid": D(2026, 5, 1),
        "Hemelvaart": D(2026, 5, 14),
        "Pinkstermaandag": D(2026, 5, 25),
        "Nationale feestdag": D(2026, 7, 21),
        "O.L.V. Hemelvaart": D(2026, 8, 15),
        "Allerheiligen": D(2026, 11, 1),
        "Wapenstilstand": D(2026, 11, 11),
        "Kerstmis": D(2026, 12, 25),
    },
    2027: {
        "Nieuwjaar": D(2027, 1, 1),
        "Paasmaandag": D(2027, 3, 29),
        "Dag van de Arbeid": D(2027, 5, 1),
        "Hemelvaart": D(2027, 5, 6),
        "Pinkstermaandag": D(2027, 5, 17),
        "Nationale feestdag": D(2027, 7, 21),
        "O.L.V. Hemelvaart": D(2027, 8, 15),
        "Allerheiligen": D(2027, 11, 1),
        "Wapenstilstand": D(2027, 11, 11),
        "Kerstmis": D(2027, 12, 25),
    },
}


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(
    ("name", "day"),
    [(name, day) for year in LEGAL_HOLIDAYS.values() for name, day in year.items()],
)
def test_every_legal_holiday_is_a_closing_day(calendar, name, day):
    assert calendar.is_closing_day(day), name
    assert not calendar.is_working_day(day), name


@pytest.mark.parametrize("year", [2026, 2027])
def test_weekday_closing_days_are_exactly_the_legal_holidays_and_11_july(calendar, year):
    expected = set(LEGAL_HOLIDAYS[year].values()) | {D(year, 7, 11)}
    weekday_closings = {day for day in calendar.closing_days(year) if day.weekday() < 5}
    assert weekday_closings == {day for day in expected if day.weekday() < 5}


def test_working_days_in_2026(calendar):
    # 261 weekdays minus 8 holidays on a weekday (11 July, 15 August and 1 November are weekend days).
    assert calendar.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 253


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028])
def test_11_july_is_a_closing_day_every_year(calendar, year):
    day = D(year, 7, 11)
    assert calendar.is_closing_day(day)
    assert not calendar.is_working_day(day)
    assert calendar.closing_days(year)[day] == FLEMISH_COMMUNITY_DAY


def test_11_july_on_a_weekday_stops_the_clock(calendar):
    assert D(2025, 7, 11).weekday() == 4  # a Friday
    assert calendar.next_working_day(D(2025, 7, 10)) == D(2025, 7, 14)
    assert D(2028, 7, 11).weekday() == 1  # a Tuesday
    assert calendar.next_working_day(D(2028, 7, 10)) == D(2028, 7, 12)


@pytest.mark.parametrize(
    "day",
    [D(2026, 4, 3), D(2026, 5, 15), D(2026, 11, 2), D(2025, 12, 26), D(2027, 11, 15)],
    ids=["good-friday", "friday-after-ascension", "2-november", "26-december", "15-november"],
)
def test_bank_holidays_and_flemish_staff_days_are_working_days_unless_added(calendar, day):
    assert calendar.is_working_day(day)
    assert not WorkingCalendar({day}).is_working_day(day)


def test_weekends_are_not_working_days_but_not_closing_days_either(calendar):
    assert not calendar.is_working_day(D(2026, 6, 13))
    assert not calendar.is_closing_day(D(2026, 6, 13))
    assert calendar.is_working_day(D(2026, 6, 12))


def test_extra_closing_days_keep_their_reason_and_only_change_their_own_year():
    calendar = WorkingCalendar({D(2026, 11, 2): "Allerzielen", D(2026, 12, 25): "Kerstverlof"})
    assert calendar.closing_days(2026)[D(2026, 11, 2)] == "Allerzielen"
    assert calendar.closing_days(2026)[D(2026, 12, 25)] == "Kerstmis; Kerstverlof"
    assert calendar.is_working_day(D(2027, 11, 2))
    assert calendar.extra_closing_days == {
        D(2026, 11, 2): "Allerzielen",
        D(2026, 12, 25): "Kerstverlof",
    }


def test_extra_closing_days_as_plain_dates():
    calendar = WorkingCalendar([D(2026, 11, 2)])
    assert calendar.closing_days(2026)[D(2026, 11, 2)] == "Sluitingsdag"


def test_closing_days_are_listed_in_date_order(calendar):
    days = list(WorkingCalendar([D(2026, 2, 2)]).closing_days(2026))
    assert days == sorted(days)
    assert days[:2] == [D(2026, 1, 1), D(2026, 2, 2)]


def test_next_working_day_and_roll_forward(calendar):
    friday, saturday, monday = D(2026, 6, 12), D(2026, 6, 13), D(2026, 6, 15)
    assert calendar.next_working_day(friday) == monday
    assert calendar.next_working_day(saturday) == monday
    assert calendar.roll_forward(friday) == friday
    assert calendar.roll_forward(saturday) == monday
    # Easter: Friday 3 April is a working day, Monday 6 April is not.
    assert calendar.next_working_day(D(2026, 4, 3)) == D(2026, 4, 7)


def test_add_working_days_forward_and_back(calendar):
    thursday = D(2026, 12, 31)
    assert calendar.add_working_days(thursday, 1) == D(2027, 1, 4)
    assert calendar.add_working_days(thursday, 5) == D(2027, 1, 8)
    assert calendar.add_working_days(thursday, 0) == thursday
    assert calendar.add_working_days(D(2027, 1, 4), -1) == thursday
    assert calendar.add_working_days(D(2027, 1, 2), -1) == thursday  # from a Saturday
    assert calendar.add_working_days(D(2026, 7, 22), -2) == D(2026, 7, 17)  # over 21 July
    # A whole year and more in one call, crossing two year boundaries.
    assert calendar.add_working_days(D(2025, 12, 31), 253 + 1) == D(2027, 1, 4)


def test_working_days_between_counts_after_start_up_to_end(calendar):
    friday, tuesday = D(2026, 6, 12), D(2026, 6, 16)
    assert calendar.working_days_between(friday, tuesday) == 2
    assert calendar.working_days_between(tuesday, friday) == -2
    assert calendar.working_days_between(friday, friday) == 0
    assert calendar.working_days_between(D(2026, 12, 31), D(2027, 1, 5)) == 2


def test_years_without_holiday_data_are_refused(calendar):
    with pytest.raises(ValueError, match="2101 is outside"):
        calendar.is_working_day(D(2101, 1, 3))
    with pytest.raises(ValueError, match="outside"):
        calendar.add_working_days(D(2100, 12, 30), 5)


def test_a_datetime_is_not_a_date(calendar):
    with pytest.raises(TypeError, match="local_date"):
        calendar.is_working_day(dt.datetime(2026, 6, 12, 12, 0, tzinfo=dt.UTC))
