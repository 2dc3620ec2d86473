"""`infolijn due` (DESIGN §6): due moments with the administrator's closing days."""

import datetime as dt
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from infolijn.partners.calendar import opening_hours, working_calendar
from infolijn.partners.models import Agreement, ClosingDay, OpeningHours, Partner

BRUSSELS_FRIDAY_EVENING = "2026-10-30T18:00:00+01:00"  # before Monday 2 November


def due(*args: str, **options) -> list[str]:
    out = StringIO()
    call_command("due", *args, stdout=out, **options)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_one_line_per_moment_in_order():
    assert due("2026-06-12T18:00:00+02:00", "2026-06-13T09:00:00Z", "2025-07-10T23:30:00Z") == [
        "2026-06-16T23:59:59+02:00",
        "2026-06-17T23:59:59+02:00",
        "2025-07-16T23:59:59+02:00",  # received on 11 July in Brussels
    ]


@pytest.mark.django_db
def test_closing_days_from_the_database_count():
    assert due(BRUSSELS_FRIDAY_EVENING) == ["2026-11-03T23:59:59+01:00"]
    ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Allerzielen")
    assert due(BRUSSELS_FRIDAY_EVENING) == ["2026-11-04T23:59:59+01:00"]


@pytest.mark.django_db
def test_working_days_option():
    assert due("--working-days", "5", "2026-12-31T12:00:00+01:00") == ["2027-01-08T23:59:59+01:00"]
    assert due("2026-06-12T18:00:00+02:00", working_days=1) == ["2026-06-15T23:59:59+02:00"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["2026-06-12T18:00:00"], "'2026-06-12T18:00:00': has no UTC offset"),
        (["2026-06-12"], "'2026-06-12': has no UTC offset"),
        (["2026-02-30T18:00:00+01:00"], "'2026-02-30T18:00:00+01:00': not an ISO 8601"),
        (["gisteren"], "'gisteren': not an ISO 8601"),
        (["--working-days", "0", "2026-06-12T18:00:00+02:00"], "--working-days '0'"),
        (["--working-days", "-3", "2026-06-12T18:00:00+02:00"], "--working-days '-3'"),
        (["--working-days", "twee", "2026-06-12T18:00:00+02:00"], "--working-days 'twee'"),
        (["2101-01-03T12:00:00+01:00"], "'2101-01-03T12:00:00+01:00': 2101 is outside"),
        # A good moment before a bad one: still nothing printed.
        (["2026-06-12T18:00:00+02:00", "2026-06-13 09:00"], "'2026-06-13 09:00': has no UTC"),
    ],
)
def test_bad_input_exits_2_names_the_argument_and_prints_nothing(args, named):
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("due", *args, stdout=out)
    assert raised.value.returncode == 2
    assert named in str(raised.value)
    assert "nothing printed" in str(raised.value)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_every_bad_argument_is_reported_at_once():
    with pytest.raises(CommandError) as raised:
        call_command("due", "x", "2026-06-12T18:00:00+02:00", "y", stdout=StringIO())
    assert "invalid 2 arguments" in str(raised.value)
    assert "'x'" in str(raised.value) and "'y'" in str(raised.value)


@pytest.mark.django_db
def test_working_calendar_reads_closing_days_with_their_reason():
    ClosingDay.objects.create(date=dt.date(2026, 12, 28), reason="Brugdag")
    calendar = working_calendar()
    assert not calendar.is_working_day(dt.date(2026, 12, 28))
    assert calendar.closing_days(2026)[dt.date(2026, 12, 28)] == "Brugdag"
    assert calendar.is_working_day(dt.date(2026, 12, 29))


@pytest.mark.django_db
def test_opening_hours_of_an_agreement_close_on_closing_days():
    partner = Partner.objects.create(name="VDAB", code="vdab")
    agreement = Agreement.objects.create(partner=partner, valid_from=dt.date(2026, 1, 1))
    for weekday in range(5):
        OpeningHours.objects.create(
            agreement=agreement, weekday=weekday, opens=dt.time(9), closes=dt.time(17)
        )
    ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Allerzielen")
    hours = opening_hours(agreement)
    monday_2_nov = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)  # 10:00 in Brussels
    assert not hours.is_open(monday_2_nov)
    assert hours.is_open(monday_2_nov + dt.timedelta(days=1))
    opening = hours.next_opening(monday_2_nov)
    assert opening is not None
    assert opening.isoformat() == "2026-11-03T09:00:00+01:00"


def test_the_infolijn_command_on_a_fresh_data_dir(tmp_path):
    """The real CLI: stdout, stderr and exit codes; no migrated database is needed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "INFOLIJN_TESTING"}
    }
    env["INFOLIJN_DATA_DIR"] = str(tmp_path)
    cli = [sys.executable, "-m", "infolijn.cli", "due"]

    good = subprocess.run(
        [*cli, "2026-06-12T18:00:00+02:00", "2026-06-13T09:00:00Z"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (good.returncode, good.stderr) == (0, "")
    assert good.stdout == "2026-06-16T23:59:59+02:00\n2026-06-17T23:59:59+02:00\n"

    bad = subprocess.run(
        [*cli, "--working-days", "2", "2026-06-12T18:00:00+02:00", "2026-06-12T18:00"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert "'2026-06-12T18:00': has no UTC offset" in bad.stderr
