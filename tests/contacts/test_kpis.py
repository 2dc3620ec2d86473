"""The KPI engine (DESIGN §8) on hand-computed cases; pure, no database."""

import datetime as dt
import doctest

import pytest

import infolijn.contacts.kpis
from infolijn.calendar import BRUSSELS, WorkingCalendar
from infolijn.contacts.kpis import ContactRecord, Kpis, compute_kpis

MONDAY = dt.date(2026, 6, 15)
EMPTY = Kpis(
    calls_offered=0,
    calls_answered=0,
    service_level=None,
    abandonment_rate=None,
    asa=None,
    emails_due=0,
    emails_on_time=None,
)


def local(text: str) -> dt.datetime:
    """A Brussels wall-clock time, e.g. '2026-06-15 09:00'."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BRUSSELS)


def call(received: dt.datetime, wait: float, outcome: str = "answered") -> ContactRecord:
    end = received + dt.timedelta(seconds=wait)
    if outcome == "abandoned":
        return ContactRecord("phone", received, closed_at=end, outcome=outcome)
    return ContactRecord("phone", received, answered_at=end, closed_at=end, outcome=outcome)


def written(
    received: dt.datetime,
    answered: dt.datetime | None,
    outcome: str = "answered",
    channel: str = "email",
) -> ContactRecord:
    due = WorkingCalendar().due_moment(received)
    return ContactRecord(channel, received, answered_at=answered, outcome=outcome, due_at=due)


NINE = local("2026-06-15 09:00")
MONDAY_CALLS = [
    call(NINE, 10),
    call(NINE, 20),  # exactly the threshold: within
    call(NINE, 21),
    call(NINE, 40, "forwarded"),  # forwarded after pick-up: answered
    call(NINE, 4.999, "abandoned"),  # short abandon: in no phone KPI
    call(NINE, 5, "abandoned"),  # 5 s is not short
    call(NINE, 30, "abandoned"),
    ContactRecord("chat", NINE, answered_at=NINE, outcome="answered"),  # no phone KPI
]


def test_hand_computed_phone_kpis():
    kpis = compute_kpis(MONDAY_CALLS, start=MONDAY, end=MONDAY)
    assert kpis == Kpis(
        calls_offered=6,
        calls_answered=4,
        service_level=2 / 6,
        abandonment_rate=2 / 6,
        asa=(10 + 20 + 21 + 40) / 4,
        emails_due=0,
        emails_on_time=None,
    )


def test_threshold_is_a_parameter_and_its_edge_counts_as_within():
    assert (
        compute_kpis(MONDAY_CALLS, start=MONDAY, end=MONDAY, threshold_seconds=21).service_level
        == 3 / 6
    )
    assert (
        compute_kpis(MONDAY_CALLS, start=MONDAY, end=MONDAY, threshold_seconds=10).service_level
        == 1 / 6
    )
    assert (
        compute_kpis(MONDAY_CALLS, start=MONDAY, end=MONDAY, threshold_seconds=9.9).service_level
        == 0
    )


def test_only_short_abandons_give_no_offered_calls_and_none_ratios():
    calls = [call(NINE, 1, "abandoned"), call(NINE, 4.5, "abandoned")]
    assert compute_kpis(calls, start=MONDAY, end=MONDAY) == EMPTY


def test_a_range_without_contacts_has_none_ratios_not_zero():
    assert compute_kpis([], start=MONDAY, end=MONDAY) == EMPTY
    assert compute_kpis(MONDAY_CALLS, start=dt.date(2026, 6, 16), end=dt.date(2026, 6, 30)) == EMPTY


def test_an_unanswered_open_call_is_offered_but_not_answered():
    ringing = ContactRecord("phone", NINE, outcome="open")
    kpis = compute_kpis([ringing, call(NINE, 8)], start=MONDAY, end=MONDAY)
    assert (kpis.calls_offered, kpis.calls_answered, kpis.service_level, kpis.asa) == (2, 1, 0.5, 8)
    assert kpis.abandonment_rate == 0


def test_calls_count_on_the_brussels_date_they_were_received():
    utc = dt.UTC
    calls = [
        call(dt.datetime(2026, 6, 14, 21, 59, 59, tzinfo=utc), 10),  # 23:59:59 on Sunday
        call(dt.datetime(2026, 6, 14, 22, 0, tzinfo=utc), 10),  # 00:00 on Monday
        call(dt.datetime(2026, 6, 15, 21, 59, 59, tzinfo=utc), 10),  # 23:59:59 on Monday
        call(dt.datetime(2026, 6, 15, 22, 0, tzinfo=utc), 10),  # 00:00 on Tuesday
    ]
    assert compute_kpis(calls, start=MONDAY, end=MONDAY).calls_offered == 2
    assert (
        compute_kpis(calls, start=dt.date(2026, 6, 14), end=dt.date(2026, 6, 16)).calls_offered == 4
    )


@pytest.mark.parametrize(
    ("day", "inside", "outside"),
    [
        # 29 March 2026: 23 hours, from 00:00 CET (23:00 UTC the day before) to 24:00 CEST.
        (
            dt.date(2026, 3, 29),
            ["2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z"],
            ["2026-03-28T22:59:59Z", "2026-03-29T22:00:00Z"],
        ),
        # 25 October 2026: 25 hours, from 00:00 CEST (22:00 UTC) to 24:00 CET (23:00 UTC).
        (
            dt.date(2026, 10, 25),
            ["2026-10-24T22:00:00Z", "2026-10-25T22:59:59Z"],
            ["2026-10-24T21:59:59Z", "2026-10-25T23:00:00Z"],
        ),
    ],
)
def test_dst_days_have_their_own_length(day, inside, outside):
    calls = [call(dt.datetime.fromisoformat(moment), 10) for moment in inside + outside]
    assert compute_kpis(calls, start=day, end=day).calls_offered == len(inside)


def test_a_wait_across_the_clock_change_is_measured_in_real_seconds():
    received = dt.datetime.fromisoformat("2026-03-29T01:59:50+01:00")
    answered = dt.datetime.fromisoformat("2026-03-29T03:00:05+02:00")  # 15 s later
    record = ContactRecord("phone", received, answered_at=answered, outcome="answered")
    kpis = compute_kpis([record], start=dt.date(2026, 3, 29), end=dt.date(2026, 3, 29))
    assert (kpis.asa, kpis.service_level) == (15, 1)


def test_emails_on_time_across_a_weekend():
    friday_evening = local("2026-06-12 18:00")  # due Tuesday 16 June 23:59:59
    saturday = local("2026-06-13 11:00")  # due Wednesday 17 June 23:59:59
    records = [
        written(friday_evening, local("2026-06-16 23:59:59")),  # at the due moment: on time
        written(friday_evening, local("2026-06-17 00:00:00")),  # a second late
        written(saturday, local("2026-06-17 16:00"), channel="webform"),  # on time
        written(saturday, None, outcome="open"),  # still open: late
        written(saturday, local("2026-06-15 10:00"), outcome="forwarded"),  # forwarded: on time
        written(saturday, None, outcome="forwarded"),  # forwarded without reply: late
    ]
    kpis = compute_kpis(records, start=dt.date(2026, 6, 16), end=dt.date(2026, 6, 17))
    assert (kpis.emails_due, kpis.emails_on_time) == (6, 3 / 6)
    assert kpis.calls_offered == 0
    # Due on Tuesday only: the two received on Friday.
    tuesday = compute_kpis(records, start=dt.date(2026, 6, 16), end=dt.date(2026, 6, 16))
    assert (tuesday.emails_due, tuesday.emails_on_time) == (2, 0.5)
    # Received in the range but due after it: not counted.
    friday = compute_kpis(records, start=dt.date(2026, 6, 12), end=dt.date(2026, 6, 15))
    assert (friday.emails_due, friday.emails_on_time) == (0, None)


def test_emails_around_11_july():
    # Thursday 10 July 2025 18:00; Friday 11 July is a closing day: due Tuesday 15 July.
    received = local("2025-07-10 18:00")
    assert WorkingCalendar().due_moment(received) == local("2025-07-15 23:59:59")
    records = [
        written(received, local("2025-07-15 09:00")),  # a plain calendar would call this late
        written(received, local("2025-07-16 09:00")),
    ]
    kpis = compute_kpis(records, start=dt.date(2025, 7, 15), end=dt.date(2025, 7, 15))
    assert (kpis.emails_due, kpis.emails_on_time) == (2, 0.5)
    assert (
        compute_kpis(records, start=dt.date(2025, 7, 14), end=dt.date(2025, 7, 14)).emails_due == 0
    )


def test_as_dict_has_exactly_the_command_keys_in_order():
    assert list(EMPTY.as_dict()) == [
        "calls_offered",
        "calls_answered",
        "service_level",
        "abandonment_rate",
        "asa",
        "emails_due",
        "emails_on_time",
    ]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="before start"):
        compute_kpis([], start=MONDAY, end=MONDAY - dt.timedelta(days=1))
    with pytest.raises(ValueError, match="naive"):
        compute_kpis([call(dt.datetime(2026, 6, 15, 9), 10)], start=MONDAY, end=MONDAY)  # noqa: DTZ001


def test_doctest():
    assert doctest.testmod(infolijn.contacts.kpis).failed == 0
