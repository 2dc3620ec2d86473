"""Contact-volume forecasts: daily totals by backtested model choice, × intraday profiles.

1. The history becomes one value per calendar day (intraday rows summed). Weekdays with calls
   on fewer than half their days in the last 8 weeks are *closed weekdays*: forecast 0 (a
   history under 14 days has no weekly pattern: every day is open and alike). On the other
   *open weekdays*, a missing day or one far below its weekday's level (< 20 % of the median of
   the same weekday 4 weeks either side) is a *special day*: left out of scoring and profiles,
   and replaced by the same weekday a week earlier before models see it.
2. The open days form a gap-free series with period m = number of open weekdays. Candidate
   models (:mod:`forecast_models`) are backtested from rolling origins over the last 20 weeks,
   1..m open days ahead; the lowest WAPE wins. Intervals (95 %) come from the same backtest.
3. If special days in the history coincide with Belgian closing days (infolijn.calendar), future
   Belgian closing days are forecast 0.
4. ``30min``: the daily forecast × the mean share of each 30-minute slot over the last 8
   normal days of that weekday (about 8 weeks back), with intervals from a slot-level backtest.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from infolijn.calendar import WorkingCalendar
from infolijn.planning.engine.forecast_io import DATE_FORMAT, History, HistoryError
from infolijn.planning.engine.forecast_models import (
    IntervalModel,
    Selection,
    WeekdayMean,
    rolling_origins,
    select_model,
)

Array = np.ndarray
SLOT_MINUTES = 30
SLOTS = 24 * 60 // SLOT_MINUTES
SPECIAL_SHARE = 0.2
PROFILE_DAYS = 8
BACKTEST_WEEKS = 20
MAX_HORIZON = 366
SHORT_DAYS = 14
_BELGIAN = WorkingCalendar()  # public holidays and 11 July, no extra days


@dataclass(frozen=True)
class ForecastRow:
    timestamp: str
    forecast: float
    lower: float
    upper: float


@dataclass(frozen=True)
class DailySeries:
    """One value per calendar day from ``first`` (NaN: no data), plus the slot matrix."""

    first: dt.date
    totals: Array
    slots: Array | None  # (days, 48) for intraday histories


@dataclass(frozen=True)
class DailyForecast:
    dates: list[dt.date]
    forecast: Array
    lower: Array
    upper: Array
    model: str
    wape: dict[str, float]
    # for the intraday stage
    open_dates: list[dt.date]  # calendar date of each open-day index
    backtest_rows: list[tuple[int, int, float]]  # (target open index, origin, forecast)
    normal: Array  # per open index: a normal (scored) day
    open_step: Array  # per future date: open-day steps ahead (0 on closed days)


def forecast_history(history: History, *, horizon: int, freq: str = "day") -> list[ForecastRow]:
    """Forecast every period of the ``horizon`` days after the history's last day."""
    if not 1 <= horizon <= MAX_HORIZON:
        raise ValueError(f"horizon must be 1..{MAX_HORIZON} days, got {horizon}")
    if freq not in ("day", "30min"):
        raise ValueError(f"freq must be 'day' or '30min', got {freq!r}")
    if freq == "30min" and history.daily:
        raise HistoryError(f"{history.source}: --freq 30min needs an intraday history, got dates")
    series = daily_series(history)
    daily = forecast_daily(series.first, series.totals, horizon)
    if freq == "day":
        return [
            ForecastRow(day.strftime(DATE_FORMAT), *_rounded(f, lo, hi))
            for day, f, lo, hi in zip(
                daily.dates, daily.forecast, daily.lower, daily.upper, strict=True
            )
        ]
    assert series.slots is not None
    return _intraday(series, daily, history.time_format)


def daily_series(history: History) -> DailySeries:
    first = history.timestamps[0].date()
    days = (history.timestamps[-1].date() - first).days + 1
    totals = np.full(days, np.nan)
    index = np.array([(t.date() - first).days for t in history.timestamps])
    counts = np.asarray(history.counts, float)
    if history.daily:
        totals[index] = counts
        return DailySeries(first, totals, None)
    minutes = np.array([t.hour * 60 + t.minute for t in history.timestamps])
    step = math.gcd(*minutes.tolist(), 24 * 60)
    if step > SLOT_MINUTES or SLOT_MINUTES % step:
        raise HistoryError(
            f"{history.source}: intervals of {step} minutes cannot be split into 30-minute "
            "intervals (the history must be 30 minutes or finer, e.g. 5, 6, 10 or 15)"
        )
    slots = np.full((days, SLOTS), np.nan)
    seen = np.zeros(days, bool)
    seen[index] = True
    slots[seen] = 0.0
    np.add.at(slots, (index, minutes // SLOT_MINUTES), counts)
    totals[seen] = slots[seen].sum(axis=1)
    return DailySeries(first, totals, slots)


def forecast_daily(first: dt.date, totals: Array, horizon: int) -> DailyForecast:
    n_days = len(totals)
    dates_all = [first + dt.timedelta(days=i) for i in range(n_days)]
    weekdays = np.array([d.weekday() for d in dates_all])
    short = n_days < SHORT_DAYS  # too short for a weekly pattern: every day alike
    open_wd = (
        list(range(7)) if short and np.nansum(totals) > 0 else _open_weekdays(totals, weekdays)
    )
    special = _special_days(totals, weekdays)
    open_idx = np.flatnonzero(np.isin(weekdays, open_wd))
    last = dates_all[-1]
    future = [last + dt.timedelta(days=i) for i in range(1, horizon + 1)]
    if not open_wd:
        zeros = np.zeros(horizon)
        return DailyForecast(
            future, zeros, zeros, zeros, "closed", {}, [], [], np.zeros(0, bool), zeros.astype(int)
        )
    m = 1 if short else len(open_wd)
    y_raw = totals[open_idx]
    normal = ~special[open_idx]
    y = _impute(y_raw, normal, m)
    open_dates = [dates_all[i] for i in open_idx]
    origins = rolling_origins(len(y), m, BACKTEST_WEEKS)
    if origins and normal.sum() >= 2 * m:
        chosen = select_model(y, normal, m, origins, m)
    else:
        chosen = _fallback(m)
    intervals = IntervalModel.fit(chosen.forecasts[chosen.scored], chosen.actuals[chosen.scored], m)

    steps = np.zeros(horizon, int)
    k = 0
    for i, day in enumerate(future):
        if day.weekday() in open_wd:
            k += 1
            steps[i] = k
    path = chosen.model.forecast(y, m, max(k, 1))
    closed_belgian = _follows_belgian_calendar(open_dates, normal)
    fc, lo, hi = np.zeros(horizon), np.zeros(horizon), np.zeros(horizon)
    for i, day in enumerate(future):
        if steps[i] == 0 or (closed_belgian and _is_belgian_closing(day)):
            continue
        value = path[steps[i] - 1]
        low, high = intervals.bounds(np.array([value]), steps[i])
        fc[i], lo[i], hi[i] = value, low[0], high[0]
    used = origins if chosen.forecasts.size else []
    rows = [
        (used[r] + s, used[r], float(chosen.forecasts[r, s]))
        for r, s in np.argwhere(chosen.scored).tolist()
    ]
    return DailyForecast(
        future, fc, lo, hi, chosen.model.name, chosen.wape, open_dates, rows, normal, steps
    )


def _fallback(m: int) -> Selection:
    """Too little history to backtest: the mean of the last 4 same weekdays, Poisson bounds."""
    empty = np.zeros((0, m))
    return Selection(WeekdayMean(4), {}, empty, empty, np.zeros((0, m), bool))


def _open_weekdays(totals: Array, weekdays: Array) -> list[int]:
    """Weekdays with a positive count on at least half their days in the last 8 weeks
    (counted from the first positive count, so a line that just opened is open)."""
    positive = np.flatnonzero(np.nan_to_num(totals) > 0)
    recent = slice(max(len(totals) - 56, int(positive[0]) if len(positive) else 0), len(totals))
    result = []
    for wd in range(7):
        days = weekdays[recent] == wd
        values = totals[recent][days]
        if days.any() and (np.nan_to_num(values) > 0).mean() >= 0.5:
            result.append(wd)
    return result


def _special_days(totals: Array, weekdays: Array) -> Array:
    """Missing days, and days below SPECIAL_SHARE of their weekday's median 4 weeks around."""
    special = np.isnan(totals)
    n = len(totals)
    for i in range(n):
        if special[i]:
            continue
        around = [i + 7 * k for k in range(-4, 5) if k and 0 <= i + 7 * k < n]
        ref = totals[around]
        ref = ref[~np.isnan(ref)]
        if len(ref) and totals[i] < SPECIAL_SHARE * float(np.median(ref)):
            special[i] = True
    return special


def _impute(y_raw: Array, normal: Array, m: int) -> Array:
    """Special days get the (imputed) value a week earlier, or their phase's median."""
    y = y_raw.copy()
    fallback_all = float(np.median(y_raw[normal])) if normal.any() else 0.0
    for k in range(len(y)):
        if normal[k]:
            continue
        if k >= m:
            y[k] = y[k - m]
        else:
            same = y_raw[k::m][normal[k::m]]
            y[k] = float(np.median(same)) if len(same) else fallback_all
    return y


def _is_belgian_closing(day: dt.date) -> bool:
    try:
        return _BELGIAN.is_closing_day(day)
    except ValueError:  # a year without Belgian holiday data
        return False


def _follows_belgian_calendar(open_dates: list[dt.date], normal: Array) -> bool:
    """True when most Belgian closing days on open weekdays are special days in the history."""
    hits = [not normal[k] for k, day in enumerate(open_dates) if _is_belgian_closing(day)]
    return len(hits) >= 2 and sum(hits) >= 2 * len(hits) / 3


def _profile(series: DailySeries, normal_day: Array, before: int, weekday: int) -> Array:
    """Mean slot shares over the last PROFILE_DAYS normal days of ``weekday`` before index
    ``before`` (any weekday if there are none)."""
    assert series.slots is not None
    first_wd = series.first.weekday()
    candidates = [
        i for i in range(before - 1, -1, -1) if normal_day[i] and (first_wd + i) % 7 == weekday
    ][:PROFILE_DAYS]
    if not candidates:
        candidates = [i for i in range(before - 1, -1, -1) if normal_day[i]][:PROFILE_DAYS]
    if not candidates:
        return np.full(SLOTS, 1.0 / SLOTS)
    rows = series.slots[candidates]
    return np.asarray((rows / rows.sum(axis=1, keepdims=True)).mean(axis=0), dtype=float)


def _intraday(series: DailySeries, daily: DailyForecast, time_format: str) -> list[ForecastRow]:
    assert series.slots is not None
    n_days = len(series.totals)
    normal_day = np.zeros(n_days, bool)
    day_of_open = np.array([(d - series.first).days for d in daily.open_dates], int)
    normal_day[day_of_open[daily.normal]] = True
    normal_day &= np.nan_to_num(series.totals) > 0

    # slot-level backtest (the last 4 weeks of daily backtest targets) for the intervals
    cache: dict[tuple[int, int], Array] = {}
    f_list, a_list = [], []
    last_target = max((t for t, _, _ in daily.backtest_rows), default=0)
    for target, origin, value in daily.backtest_rows:
        if target < last_target - 28:
            continue
        target_day = int(day_of_open[target])
        key = (int(day_of_open[origin]), (series.first.weekday() + target_day) % 7)
        if key not in cache:
            cache[key] = _profile(series, normal_day, *key)
        f_list.append(value * cache[key])
        a_list.append(series.slots[target_day])
    intervals = (
        IntervalModel.fit(np.concatenate(f_list), np.concatenate(a_list), 7)
        if f_list
        else IntervalModel()
    )

    rows: list[ForecastRow] = []
    for i, day in enumerate(daily.dates):
        shares = _profile(series, normal_day, n_days, day.weekday())
        values = daily.forecast[i] * shares
        low, high = intervals.bounds(values, max(int(daily.open_step[i]), 1))
        if daily.forecast[i] == 0:
            low, high = np.zeros(SLOTS), np.zeros(SLOTS)
        start = dt.datetime.combine(day, dt.time())
        for s in range(SLOTS):
            stamp = start + dt.timedelta(minutes=SLOT_MINUTES * s)
            rows.append(
                ForecastRow(stamp.strftime(time_format), *_rounded(values[s], low[s], high[s]))
            )
    return rows


def _rounded(forecast: float, lower: float, upper: float) -> tuple[float, float, float]:
    f = round(max(float(forecast), 0.0), 3)
    return f, min(round(max(float(lower), 0.0), 3), f), max(round(float(upper), 3), f)
