"""Staffing plans from snapshots: Erlang per interval, e-mail deadlines, shifts, exports,
training proposals."""

import csv
import datetime as dt
import io
import math
from decimal import Decimal

import openpyxl
import pytest

from infolijn.partners.calendar import working_calendar
from infolijn.planning.actions import make_forecast, make_staffing_plan
from infolijn.planning.engine.staffing import required_agents
from infolijn.planning.errors import PlanningError, PlanningErrorCode
from infolijn.planning.exports import HEADER, plan_csv, plan_xlsx
from infolijn.planning.models import ForecastSnapshotRow, StaffingPlan
from infolijn.planning.queries import LineTerms
from infolijn.planning.reviews import propose_training_slots
from infolijn.planning.staffing_plans import PlanParameters, due_intervals
from tests.planning.factories import make_history, make_open_agreement, make_plan, make_snapshot

START = dt.date(2026, 3, 2)  # a Monday


def params(**overrides) -> PlanParameters:
    values = {
        "aht_seconds": 300,
        "target_service_level": Decimal("0.8"),
        "threshold_seconds": 20,
        "shrinkage": Decimal("0"),
        "cost_per_agent_hour": Decimal("40"),
    }
    values.update(overrides)
    return PlanParameters(**values)


@pytest.fixture
def phone_snapshot(partner_a):
    make_open_agreement(partner_a)
    make_history(partner_a, first=dt.date(2026, 1, 5), last=START - dt.timedelta(days=1))
    return make_forecast(
        partner=partner_a, channel="phone", start=START, horizon_days=2, freq="30min", actor=None
    )


@pytest.mark.django_db
def test_each_interval_gets_the_engines_required_agents(phone_snapshot):
    plan = make_staffing_plan(snapshot=phone_snapshot, parameters=params(), actor=None)
    forecast = {(r.day, r.minute): r.forecast for r in phone_snapshot.rows.all()}
    rows = list(plan.rows.all())
    assert len(rows) == 2 * 48
    for row in rows:
        calls = forecast[(row.day, row.minute)]
        opened = 9 * 60 <= row.minute < 17 * 60
        expected = required_agents(calls * 2, 300, 0.8, 20).agents if opened and calls > 0 else 0
        assert row.phone_agents == expected, (row.day, row.minute)
        assert row.required == expected
        assert row.scheduled >= math.ceil(row.required - 1e-9)
        assert row.under == 0
    assert plan.agent_hours == sum(r.scheduled for r in rows) / 2  # breaks are unpaid
    assert plan.cost == pytest.approx(plan.agent_hours * 40)


@pytest.mark.django_db
def test_shrinkage_grosses_up_the_requirement(phone_snapshot):
    plan = make_staffing_plan(
        snapshot=phone_snapshot, parameters=params(shrinkage=Decimal("0.3")), actor=None
    )
    for row in plan.rows.filter(phone_agents__gt=0):
        assert row.required == pytest.approx(row.phone_agents / 0.7, abs=0.001)


@pytest.mark.django_db
def test_due_interval_is_the_end_of_the_second_working_day(partner_a):
    make_open_agreement(partner_a)
    days = [START + dt.timedelta(days=k) for k in range(14)]
    due = due_intervals(LineTerms(partner_a), days, working_calendar())
    friday_10 = 4 * 48 + 20
    assert due[friday_10] == 8 * 48 + 47  # Tuesday 10 March, 23:30–24:00
    monday_9 = 18
    assert due[monday_9] == 2 * 48 + 47  # Wednesday
    assert due[13 * 48 + 20] == 14 * 48 - 1  # beyond the horizon: its last interval


@pytest.mark.django_db
def test_written_work_is_done_before_its_due_moment_in_open_hours(partner_a):
    make_open_agreement(partner_a, email_deadline_working_days=2)
    phone = make_snapshot(partner_a, start=START, end=START + dt.timedelta(days=4))
    written = make_snapshot(
        partner_a, channel="email", published=False, start=START, end=START + dt.timedelta(days=4)
    )
    written.rows.all().delete()
    ForecastSnapshotRow.objects.create(
        snapshot=written, day=START, minute=540, forecast=30, lower=20, upper=40
    )
    plan = make_staffing_plan(
        snapshot=phone,
        written_snapshot=written,
        parameters=params(email_handle_seconds=600),
        actor=None,
    )
    assert plan.written_missed == 0
    rows = list(plan.rows.all())
    hours = sum(r.written_agents for r in rows) / 2
    assert hours == pytest.approx(30 * 600 / 3600, abs=0.01)
    for row in rows:
        if row.written_agents > 0:
            assert row.day <= START + dt.timedelta(days=2)  # done by Wednesday 23:59
            assert 9 * 60 <= row.minute < 17 * 60


@pytest.mark.django_db
def test_plan_refuses_a_daily_snapshot_and_mismatched_written_one(partner_a, partner_b):
    make_open_agreement(partner_a)
    daily = make_snapshot(partner_a, freq="day")
    with pytest.raises(PlanningError) as caught:
        make_staffing_plan(snapshot=daily, parameters=params(), actor=None)
    assert caught.value.code is PlanningErrorCode.NEEDS_HALF_HOURS
    phone = make_snapshot(partner_a)
    other = make_snapshot(partner_b, channel="email")
    with pytest.raises(PlanningError) as caught:
        make_staffing_plan(snapshot=phone, written_snapshot=other, parameters=params(), actor=None)
    assert caught.value.code is PlanningErrorCode.MISMATCH
    assert not StaffingPlan.objects.exists()


@pytest.mark.django_db
def test_plan_without_opening_hours_is_refused(partner_a):
    snapshot = make_snapshot(partner_a)
    with pytest.raises(PlanningError) as caught:
        make_staffing_plan(snapshot=snapshot, parameters=params(), actor=None)
    assert caught.value.code is PlanningErrorCode.NO_OPENING_HOURS


@pytest.mark.django_db
def test_csv_export_has_a_row_per_interval(partner_a):
    plan = make_plan(make_snapshot(partner_a))
    response = plan_csv(plan)
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(HEADER)
    assert len(rows) == 1 + plan.rows.count()
    assert rows[1] == ["2026-03-02", "09:00", "5.0", "0.0", "4.3", "5", "0.0", "0.7"]
    assert response["Content-Disposition"].endswith('.csv"')


@pytest.mark.django_db
def test_xlsx_export_opens_with_the_same_rows(partner_a):
    plan = make_plan(make_snapshot(partner_a))
    workbook = openpyxl.load_workbook(io.BytesIO(plan_xlsx(plan).content))
    sheet = workbook["Personeelsplan"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == HEADER
    assert len(values) == 1 + plan.rows.count()
    assert values[-1] == ("2026-03-02", "16:30", 5, 0, 4.3, 5, 0, 0.7)


@pytest.mark.django_db
def test_training_goes_where_there_is_room(partner_a):
    plan = make_plan(make_snapshot(partner_a))
    plan.rows.filter(minute__in=[600, 630]).update(scheduled=8)  # 10:00–11:00: room for 3
    slots = propose_training_slots(plan=plan, session_minutes=60, trainees=4, capacity=2)
    proposal = slots.proposal
    assert proposal is not None
    assert proposal.sessions == (2, 2)
    first = proposal.plan[0]
    assert slots.labels[first.start] == "maandag 02-03 10:00"
    assert first.feasible
    assert first.min_slack == pytest.approx(8 - 2 - 4.3)
    assert not proposal.plan[1].feasible  # the second session finds no room left


@pytest.mark.django_db
def test_training_with_more_sessions_than_starts_has_no_proposal(partner_a):
    plan = make_plan(make_snapshot(partner_a))
    slots = propose_training_slots(plan=plan, session_minutes=480, trainees=10, capacity=1)
    assert slots.proposal is None


@pytest.mark.django_db
def test_whole_line_is_open_when_any_partner_is_and_uses_the_strictest_deadline(
    partner_a, partner_b, django_assert_max_num_queries
):
    make_open_agreement(partner_a, opens=9, closes=17, email_deadline_working_days=3)
    make_open_agreement(partner_b, opens=8, closes=12, email_deadline_working_days=2)
    with django_assert_max_num_queries(3):
        terms = LineTerms(None)
        windows = terms.opening_windows(START)
        deadline = terms.email_deadline_days(START)
    monday = [(w.opens.hour, w.closes.hour) for w in windows if w.weekday == START.weekday()]
    assert sorted(monday) == [(8, 12), (9, 17)]
    assert deadline == 2
    assert LineTerms(partner_a).email_deadline_days(START) == 3
    assert {w.weekday for w in LineTerms(partner_a).opening_windows(START)} == {0, 1, 2, 3, 4}
