"""Forecast snapshots built from contacts: engine parity, events, immutability, accuracy."""

import datetime as dt

import pytest

from infolijn.planning.actions import make_forecast, publish_forecast
from infolijn.planning.engine.forecast import forecast_history
from infolijn.planning.engine.forecast_io import DATE_FORMAT, History
from infolijn.planning.errors import PlanningError, PlanningErrorCode
from infolijn.planning.models import ForecastSnapshot, PublishedSnapshotError
from infolijn.planning.reviews import accuracy_review
from tests.planning.factories import (
    WEEKDAY_PATTERN,
    make_event,
    make_history,
    make_open_agreement,
    make_snapshot,
)

FIRST = dt.date(2026, 1, 5)  # a Monday
LAST = dt.date(2026, 3, 1)  # a Sunday
START = dt.date(2026, 3, 2)


@pytest.fixture
def history_a(partner_a):
    make_open_agreement(partner_a)
    make_history(partner_a, first=FIRST, last=LAST)
    return partner_a


def _expected_daily_history() -> History:
    days = [FIRST + dt.timedelta(days=k) for k in range((LAST - FIRST).days + 1)]
    return History(
        timestamps=tuple(dt.datetime.combine(day, dt.time()) for day in days),
        counts=tuple(float(WEEKDAY_PATTERN.get(day.weekday(), 0) * 16) for day in days),
        daily=True,
        time_format=DATE_FORMAT,
    )


@pytest.mark.django_db
def test_daily_forecast_from_contacts_matches_the_engine_on_the_same_history(history_a):
    snapshot = make_forecast(
        partner=history_a, channel="phone", start=START, horizon_days=14, freq="day", actor=None
    )
    engine_rows = forecast_history(_expected_daily_history(), horizon=14, freq="day")
    stored = list(snapshot.rows.values_list("day", "forecast", "lower", "upper"))
    assert stored == [
        (dt.date.fromisoformat(r.timestamp), r.forecast, r.lower, r.upper) for r in engine_rows
    ]
    assert snapshot.end == START + dt.timedelta(days=13)
    assert snapshot.published is False
    assert snapshot.parameters["history_total"] == sum(_expected_daily_history().counts)


@pytest.mark.django_db
def test_half_hour_forecast_follows_the_intraday_pattern(history_a):
    snapshot = make_forecast(
        partner=history_a, channel="phone", start=START, horizon_days=2, freq="30min", actor=None
    )
    monday = {
        row.minute: row.forecast for row in snapshot.rows.filter(day=START) if row.forecast > 0
    }
    assert sorted(monday) == list(range(9 * 60, 17 * 60, 30))
    assert all(value == pytest.approx(WEEKDAY_PATTERN[0], abs=0.01) for value in monday.values())
    assert snapshot.rows.count() == 2 * 48


@pytest.mark.django_db
def test_a_partner_event_adds_its_extra_contacts_to_the_snapshot(history_a, partner_b):
    make_event(history_a, kind="campaign", day=START, expected_extra=200, days=5)
    make_event(partner_b, kind="campaign", day=START, expected_extra=999, days=5)
    make_event(history_a, kind="campaign", day=START, expected_extra=50, channel="email")
    snapshot = make_forecast(
        partner=history_a, channel="phone", start=START, horizon_days=7, freq="day", actor=None
    )
    engine_rows = {
        dt.date.fromisoformat(r.timestamp): r.forecast
        for r in forecast_history(_expected_daily_history(), horizon=7, freq="day")
    }
    uplift = {row.day: row.events_uplift for row in snapshot.rows.all()}
    assert sum(uplift.values()) == pytest.approx(200, abs=0.01)
    assert uplift[START] == pytest.approx(40, abs=0.01)  # flat over 5 open weekdays
    assert uplift[dt.date(2026, 3, 7)] == 0  # Saturday: closed, no uplift
    for row in snapshot.rows.all():
        assert row.forecast == pytest.approx(engine_rows[row.day] + row.events_uplift, abs=0.01)
    assert [e["expected"] for e in snapshot.parameters["events"]] == [200]


@pytest.mark.django_db
def test_past_events_calibrate_new_estimates(history_a):
    # A past campaign announced 400 extra but brought 5 × 40 = 200 (ratio 0.5).
    past_start = dt.date(2026, 2, 16)
    make_history(
        history_a,
        first=past_start,
        last=past_start + dt.timedelta(days=4),
        pattern={},
        extra={past_start + dt.timedelta(days=k): 40 for k in range(5)},
    )
    make_event(history_a, kind="campaign", day=past_start, expected_extra=400, days=5)
    make_event(history_a, kind="campaign", day=START, expected_extra=300, days=5)
    snapshot = make_forecast(
        partner=history_a, channel="phone", start=START, horizon_days=7, freq="day", actor=None
    )
    factor = (1 * 0.5 + 3) / (1 + 3)  # one event, shrunk towards 1 with 3 prior events
    assert snapshot.parameters["calibration"] == {"campaign": pytest.approx(factor, abs=0.001)}
    uplift = sum(row.events_uplift for row in snapshot.rows.all())
    assert uplift == pytest.approx(300 * factor, abs=0.05)


@pytest.mark.django_db
def test_no_history_is_a_clear_error(partner_a):
    with pytest.raises(PlanningError) as caught:
        make_forecast(
            partner=partner_a, channel="phone", start=START, horizon_days=7, freq="day", actor=None
        )
    assert caught.value.code is PlanningErrorCode.NO_HISTORY
    assert "geen contacten" in caught.value.message
    assert not ForecastSnapshot.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("horizon", [0, -1, 93, 10_000])
def test_horizon_out_of_range_stores_nothing(history_a, horizon):
    with pytest.raises(PlanningError) as caught:
        make_forecast(
            partner=history_a,
            channel="phone",
            start=START,
            horizon_days=horizon,
            freq="day",
            actor=None,
        )
    assert caught.value.code is PlanningErrorCode.BAD_HORIZON
    assert not ForecastSnapshot.objects.exists()


@pytest.mark.django_db
def test_only_planners_make_forecasts(history_a, agent):
    with pytest.raises(PlanningError) as caught:
        make_forecast(
            partner=history_a, channel="phone", start=START, horizon_days=7, freq="day", actor=agent
        )
    assert caught.value.code is PlanningErrorCode.NOT_ALLOWED


@pytest.mark.django_db
def test_published_snapshot_cannot_change(partner_a):
    snapshot = make_snapshot(partner_a, published=False)
    snapshot.model_name = "draft edit"
    snapshot.save()
    assert publish_forecast(snapshot=snapshot, actor=None) is True
    assert publish_forecast(snapshot=snapshot, actor=None) is False
    snapshot.refresh_from_db()
    snapshot.model_name = "changed"
    with pytest.raises(PublishedSnapshotError):
        snapshot.save()
    row = snapshot.rows.first()
    row.forecast = 999
    with pytest.raises(PublishedSnapshotError):
        row.save()
    with pytest.raises(PublishedSnapshotError):
        snapshot.delete()
    snapshot.refresh_from_db()
    assert snapshot.model_name == "draft edit"
    assert snapshot.rows.filter(forecast=999).count() == 0


@pytest.mark.django_db
def test_accuracy_review_compares_with_the_contacts_that_came(partner_a):
    make_open_agreement(partner_a)
    make_history(partner_a, first=START, last=START, pattern={0: 4})  # 4 per half hour
    snapshot = make_snapshot(partner_a)  # 5 per half hour 09:00–16:30 on START
    review = accuracy_review(snapshot=snapshot, today=START + dt.timedelta(days=1))
    overall = review.report.overall
    assert overall.forecast_total == 80
    assert overall.actual_total == 64
    assert overall.wape == pytest.approx(16 / 64)
    assert overall.bias == pytest.approx(16 / 64)
    assert list(review.report.groups["weekday"]) == ["maandag"]
    assert list(review.report.groups["week"]) == ["2026-W10"]
    assert review.daily == [(START, 80.0, 64.0)]
    assert len(review.report.worst) == 10


@pytest.mark.django_db
def test_accuracy_review_of_a_future_forecast_is_empty(partner_a):
    snapshot = make_snapshot(partner_a)
    review = accuracy_review(snapshot=snapshot, today=START)
    assert review.last_day is None
    assert review.report.overall.count == 0
