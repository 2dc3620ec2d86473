"""Forecast accuracy review: WAPE, bias, MAPE without zeros, groups and the worst misses."""

import datetime as dt
import math

import pytest

from infolijn.planning.engine.accuracy import Miss, figures, review_accuracy, wape

MONDAY = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


def test_figures_by_hand():
    # forecast 100, 50, 10 against 80, 60, 0: |errors| 20, 10, 10.
    result = figures([(100, 80), (50, 60), (10, 0)])
    assert result.count == 3
    assert result.absolute_error == 40
    assert result.wape == pytest.approx(40 / 140)
    assert result.bias == pytest.approx((160 - 140) / 140)
    assert result.mape == pytest.approx((20 / 80 + 10 / 60) / 2)
    assert result.zero_actuals == 1
    expected_floor = sum(math.sqrt(2 * f / math.pi) for f in (100, 50, 10)) / 160
    assert result.poisson_floor == pytest.approx(expected_floor)


def test_all_zero_actuals_give_no_ratios():
    result = figures([(5, 0), (0, 0)])
    assert (result.wape, result.bias, result.mape) == (None, None, None)
    assert result.zero_actuals == 2


def test_missing_actuals_are_excluded_and_counted():
    forecast = {MONDAY + k * DAY: 100.0 for k in range(4)}
    actuals = {
        MONDAY: 90.0,
        MONDAY + DAY: None,
        MONDAY + 2 * DAY: float("nan"),
        MONDAY + 10 * DAY: 50.0,
    }
    report = review_accuracy(forecast, actuals)
    assert report.missing_actuals == 3
    assert report.unforecast == 1
    assert report.overall.count == 1
    assert report.overall.wape == pytest.approx(10 / 90)
    assert wape(forecast, actuals) == pytest.approx(10 / 90)


def test_groups_by_weekday_and_by_label():
    # Two weeks of (day, partner) keys; partner B is always forecast 20 % too high.
    forecast, actuals = {}, {}
    for k in range(14):
        day = MONDAY + k * DAY
        forecast[(day, "A")] = 100.0
        actuals[(day, "A")] = 100.0 + (10 if day.weekday() == 0 else 0)
        forecast[(day, "B")] = 60.0
        actuals[(day, "B")] = 50.0
    report = review_accuracy(
        forecast,
        actuals,
        group_by={
            "weekday": lambda key: key[0].weekday(),
            "partner": {key: key[1] for key in forecast},
            "week": lambda key: key[0].isocalendar().week,
        },
    )
    assert report.groups["partner"]["B"].bias == pytest.approx(0.2)
    assert report.groups["partner"]["A"].wape == pytest.approx(20 / 1420)
    assert report.groups["partner"]["A"].bias == pytest.approx(-20 / 1420)
    monday = report.groups["weekday"][0]
    assert monday.count == 4
    assert monday.wape == pytest.approx((10 + 10 + 10 + 10) / (110 + 110 + 50 + 50))
    assert list(report.groups["week"]) == [10, 11]
    assert report.overall.count == 28


def test_worst_keys_largest_error_first_ties_in_key_order():
    forecast = {"09:00": 10.0, "09:30": 20.0, "10:00": 30.0, "10:30": 40.0}
    actuals = {"09:00": 15.0, "09:30": 5.0, "10:00": 25.0, "10:30": 55.0}
    report = review_accuracy(forecast, actuals, worst=3)
    assert report.worst == (
        Miss("09:30", 20.0, 5.0),
        Miss("10:30", 40.0, 55.0),
        Miss("09:00", 10.0, 15.0),
    )
    assert report.worst[1].error == -15.0


def test_bad_input_is_rejected():
    with pytest.raises(ValueError, match="forecast for 'a'"):
        review_accuracy({"a": -1.0}, {"a": 1.0})
    with pytest.raises(ValueError, match="actual for 'a'"):
        review_accuracy({"a": 1.0}, {"a": -3.0})
    with pytest.raises(ValueError, match="worst"):
        review_accuracy({}, {}, worst=-1)
