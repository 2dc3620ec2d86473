"""The forecasting engine: history parsing, model choice, intervals, intraday profiles."""

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import pytest

from infolijn.planning.engine.forecast import daily_series, forecast_daily, forecast_history
from infolijn.planning.engine.forecast_io import HistoryError, parse_history, read_history
from infolijn.planning.engine.forecast_models import (
    HoltWinters,
    IntervalModel,
    WeekdayMean,
    rolling_origins,
    select_model,
)

MONDAY = dt.date(2026, 1, 5)
WEEKLY = [500, 450, 420, 430, 380, 0, 0]  # a Monday-Friday line
# share of a day's calls per 30-minute slot: open 08:00-17:00 (slots 16..33), peak in the morning
SHAPE = np.zeros(48)
SHAPE[16:34] = np.linspace(2.0, 1.0, 18)
SHAPE /= SHAPE.sum()


def daily_csv(values, start=MONDAY):
    lines = ["timestamp,count"]
    lines += [f"{start + dt.timedelta(days=i)},{v}" for i, v in enumerate(values)]
    return "\n".join(lines) + "\n"


def intraday_csv(day_totals, start=MONDAY, minutes=30, seconds=False):
    """Each day's total spread over SHAPE, written every ``minutes`` (30, 15, 6 ...)."""
    fmt = "%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M"
    parts = 30 // minutes
    lines = ["timestamp,count"]
    for i, total in enumerate(day_totals):
        if total is None:
            continue
        begin = dt.datetime.combine(start + dt.timedelta(days=i), dt.time())
        slots = np.round(total * SHAPE).astype(int)
        for s, count in enumerate(slots):
            pieces = [count // parts + (1 if k < count % parts else 0) for k in range(parts)]
            for k, piece in enumerate(pieces):
                stamp = begin + dt.timedelta(minutes=30 * s + minutes * k)
                lines.append(f"{stamp.strftime(fmt)},{piece}")
    return "\n".join(lines) + "\n"


def weekly(weeks):
    return [WEEKLY[i % 7] for i in range(7 * weeks)]


# -- reading the history ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("date,calls\n2026-01-05,3\n", "line 1: expected the header 'timestamp,count'"),
        ("timestamp,count\n", "no data rows"),
        ("timestamp,count\n2026-01-05,3\n05/01/2026,4\n", "line 3: bad timestamp '05/01/2026'"),
        ("timestamp,count\n2026-01-05T08:30+01:00,4\n", "line 2: bad timestamp"),
        ("timestamp,count\n2026-01-05,-1\n", "line 2: count '-1' is negative"),
        ("timestamp,count\n2026-01-05,veel\n", "line 2: count 'veel' is not a number"),
        ("timestamp,count\n2026-01-05,nan\n", "line 2: count 'nan' is not a finite number"),
        (
            "timestamp,count\n2026-01-05,1\n2026-01-06,2\n2026-01-05,3\n",
            "line 4: duplicate timestamp 2026-01-05 (first on line 2)",
        ),
        (
            "timestamp,count\n2026-01-05,1\n2026-01-06T08:00,2\n",
            "line 3: mixes daily dates and intraday datetimes",
        ),
        ("timestamp,count\n2026-01-05,1,2\n", "line 2: expected 2 fields"),
    ],
)
def test_bad_history_names_the_line(text, message):
    with pytest.raises(HistoryError) as error:
        parse_history(text, source="calls.csv")
    assert str(error.value).startswith("calls.csv")
    assert message in str(error.value)


def test_unsorted_history_is_sorted_and_forms_are_recognised():
    history = parse_history("timestamp,count\n2026-01-06,2\n2026-01-05,1.5\n")
    assert history.daily and history.time_format == "%Y-%m-%d"
    assert history.timestamps == (
        dt.datetime.fromisoformat("2026-01-05"),
        dt.datetime.fromisoformat("2026-01-06"),
    )
    assert history.counts == (1.5, 2.0)
    seconds = parse_history("timestamp,count\n2026-01-05T08:30:00,1\n")
    assert not seconds.daily and seconds.time_format == "%Y-%m-%dT%H:%M:%S"


def test_missing_file_is_named(tmp_path):
    with pytest.raises(HistoryError, match=r"nope\.csv: cannot read the file"):
        read_history(tmp_path / "nope.csv")


# -- daily models ---------------------------------------------------------------------------


def test_pure_weekly_pattern_is_forecast_exactly_by_a_seasonal_model():
    history = parse_history(daily_csv(weekly(10)))
    series = daily_series(history)
    result = forecast_daily(series.first, series.totals, 14)
    assert result.model == "seasonal_naive"
    assert result.wape["seasonal_naive"] == 0.0
    assert result.forecast.tolist() == pytest.approx(weekly(2))
    # weekends are closed weekdays: 0 with a zero-width interval
    assert result.upper[5] == result.upper[6] == 0.0


def test_selection_on_a_noisy_repeating_week_keeps_the_week():
    rng = np.random.default_rng(1)
    week = [100.0, 80, 60, 90, 200]
    y = np.tile(week, 16) + rng.normal(0, 1, 80)
    chosen = select_model(y, np.ones(80, bool), 5, rolling_origins(80, 5), 5)
    # the best single candidate is a weekday model (same-weekday values or weekday dummies)
    singles = {name: wape for name, wape in chosen.wape.items() if not name.startswith("mean(")}
    assert min(singles, key=singles.__getitem__).startswith(("weekday_", "regression", "seasonal"))
    assert chosen.wape[chosen.model.name] <= min(chosen.wape.values())
    assert chosen.model.forecast(y, 5, 5) == pytest.approx(week, rel=0.02)


def test_holt_winters_follows_a_level_shift_better_than_a_long_mean():
    y = np.concatenate([np.tile([100.0, 120, 80], 20), np.tile([200.0, 240, 160], 2)])
    hw = HoltWinters().forecast(y, 3, 3)
    mean6 = WeekdayMean(6).forecast(y, 3, 3)
    truth = np.array([200.0, 240, 160])
    assert np.abs(hw - truth).sum() <= np.abs(mean6 - truth).sum()


def test_intervals_cover_about_95_percent_on_poisson_data():
    rng = np.random.default_rng(7)
    lam = np.array([*WEEKLY[:5], 40, 0], float)
    counts = rng.poisson(np.tile(lam, 40))
    inside = total = 0
    for end in range(7 * 32, 7 * 40, 4):
        history = parse_history(daily_csv(counts[:end].tolist()))
        rows = forecast_history(history, horizon=7, freq="day")
        for k, row in enumerate(rows):
            if end + k < len(counts) and row.forecast > 0:
                inside += row.lower <= counts[end + k] <= row.upper
                total += 1
    assert total > 80
    assert 0.85 <= inside / total <= 1.0


def test_interval_model_falls_back_to_poisson_and_keeps_order():
    model = IntervalModel.fit(np.array([10.0, 20.0]), np.array([12.0, 18.0]), 7)
    assert (model.a, model.b) == (1.0, 0.0)
    lower, upper = model.bounds(np.array([0.0, 4.0, 100.0]))
    assert lower.tolist()[0] == upper.tolist()[0] == 0.0
    assert np.all(lower >= 0) and np.all(lower <= [0, 4, 100]) and np.all(upper >= [0, 4, 100])
    assert upper[2] == pytest.approx(100 + 1.959964 * 10)


def test_special_days_are_ignored_and_belgian_closing_days_forecast_zero():
    # a Monday-Friday line through 2025 with nothing on Belgian closing days
    start = dt.date(2024, 12, 30)
    days = [start + dt.timedelta(days=i) for i in range(350)]
    closing = {dt.date(2025, 1, 1), dt.date(2025, 4, 21), dt.date(2025, 5, 1), dt.date(2025, 5, 29),
               dt.date(2025, 6, 9), dt.date(2025, 7, 11), dt.date(2025, 7, 21), dt.date(2025, 8, 15),
               dt.date(2025, 11, 11)}  # fmt: skip
    values = [0 if d in closing else WEEKLY[d.weekday()] for d in days]
    history = parse_history(daily_csv(values, start))
    rows = forecast_history(history, horizon=14, freq="day")
    by_day = {row.timestamp: row for row in rows}
    assert rows[0].timestamp == "2025-12-15"
    assert by_day["2025-12-25"].forecast == by_day["2025-12-25"].upper == 0.0
    assert by_day["2025-12-27"].forecast == 0.0  # Saturday
    assert by_day["2025-12-24"].forecast == pytest.approx(WEEKLY[2])
    assert by_day["2025-12-15"].forecast == pytest.approx(WEEKLY[0])


# -- intraday -------------------------------------------------------------------------------


def test_intraday_forecast_is_daily_total_times_profile():
    history = parse_history(intraday_csv(weekly(8)))
    rows = forecast_history(history, horizon=7, freq="30min")
    assert len(rows) == 7 * 48
    monday = np.array([row.forecast for row in rows[:48]])
    assert monday.sum() == pytest.approx(sum(np.round(500 * SHAPE)), rel=1e-3)
    assert monday[:16].sum() == monday[34:].sum() == 0.0
    assert monday[16] > monday[33] > 0


@pytest.mark.parametrize("minutes", [15, 6])
def test_finer_history_is_aggregated_to_30_minutes(minutes):
    fine = forecast_history(
        parse_history(intraday_csv(weekly(6), minutes=minutes)), horizon=3, freq="30min"
    )
    coarse = forecast_history(parse_history(intraday_csv(weekly(6))), horizon=3, freq="30min")
    assert fine == coarse


def test_coarser_history_is_refused():
    text = "timestamp,count\n" + "".join(f"2026-01-05T{h:02d}:00,5\n" for h in range(8, 17))
    with pytest.raises(HistoryError, match="intervals of 60 minutes"):
        forecast_history(parse_history(text, source="hourly.csv"), horizon=1, freq="30min")


@pytest.mark.parametrize("last_day", [dt.date(2026, 3, 28), dt.date(2026, 10, 24)])
def test_dst_days_have_48_local_intervals(last_day):
    start = last_day - dt.timedelta(days=7 * 6 - 1)
    totals = [WEEKLY[(start + dt.timedelta(days=i)).weekday()] for i in range(7 * 6)]
    rows = forecast_history(parse_history(intraday_csv(totals, start)), horizon=2, freq="30min")
    stamps = [dt.datetime.fromisoformat(row.timestamp) for row in rows]
    assert len(stamps) == 96
    assert stamps[0] == dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    assert all(b - a == dt.timedelta(minutes=30) for a, b in itertools.pairwise(stamps))


def test_day_forecast_from_intraday_history_uses_dates():
    rows = forecast_history(parse_history(intraday_csv(weekly(6))), horizon=7, freq="day")
    assert [row.timestamp for row in rows][:2] == ["2026-02-16", "2026-02-17"]
    assert rows[0].forecast == pytest.approx(sum(np.round(500 * SHAPE)))


TORONTO = (
    Path(__file__).resolve().parents[3]
    / "shared/data/callcenter/toronto_central_intake/central_intake_calls_daily.csv"
)


@pytest.mark.skipif(not TORONTO.exists(), reason="../shared data not present")
def test_toronto_daily_history_read_by_path():
    import csv

    with TORONTO.open(newline="") as fh:
        text = "timestamp,count\n" + "".join(
            f"{row['Date']},{row['Total calls handled']}\n" for row in csv.DictReader(fh)
        )
    rows = forecast_history(parse_history(text), horizon=7, freq="day")
    assert rows[0].timestamp == "2024-02-01"
    assert all(400 < row.forecast < 1400 and row.lower < row.forecast < row.upper for row in rows)


def test_absent_weekends_and_a_missing_weekday_like_the_us_bank():
    totals = [None if i % 7 >= 5 or i == 30 else WEEKLY[i % 7] for i in range(7 * 8)]
    rows = forecast_history(parse_history(intraday_csv(totals)), horizon=7, freq="30min")
    per_day = [sum(row.forecast for row in rows[48 * d : 48 * d + 48]) for d in range(7)]
    assert rows[0].timestamp == "2026-02-28T00:00"  # the history ends on a Friday
    assert per_day[0] == per_day[1] == 0.0
    assert per_day[2:] == pytest.approx([sum(np.round(v * SHAPE)) for v in WEEKLY[:5]], rel=1e-3)


def test_intervals_widen_beyond_the_backtest_horizon():
    rng = np.random.default_rng(3)
    counts = rng.poisson(np.tile(np.array(WEEKLY, float) * (1 + rng.normal(0, 0.05, 7)), 30))
    rows = forecast_history(parse_history(daily_csv(counts.tolist())), horizon=70, freq="day")
    width = [row.upper - row.lower for row in rows]
    assert width[63] > width[0] > 0  # the same weekday, 9 weeks further


def test_few_normal_days_fall_back_to_weekday_means():
    values = [0] * 20 + [30, 28, 26, 27, 24, 0, 0]
    rows = forecast_history(parse_history(daily_csv(values)), horizon=7, freq="day")
    assert all(row.lower <= row.forecast <= row.upper for row in rows)
    assert sum(row.forecast for row in rows) > 0
