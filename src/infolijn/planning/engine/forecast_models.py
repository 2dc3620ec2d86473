"""Candidate daily models, rolling-origin selection and prediction intervals (pure numpy).

Every model works on a gap-free series ``y`` of *open days* with a weekly period ``m`` (the
number of open weekdays: 5 for a Monday–Friday line, 7 for a 7/7 line). ``backtest`` gives,
for each origin ``o``, the forecasts of ``y[o], ..., y[o + H - 1]`` made from ``y[:o]`` only.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import nnls

Array = np.ndarray
TREND_CAP = 28  # regression trend is extrapolated this many open days at most, then held flat
INTERVAL_LEVEL = 0.95  # the interval written by `infolijn forecast`
MIN_RESIDUALS = 30


class Model:
    name = "model"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        raise NotImplementedError

    def backtest(self, y: Array, m: int, origins: Sequence[int], horizon: int) -> Array:
        return np.array([self.forecast(y[:o], m, horizon) for o in origins]).reshape(
            len(origins), horizon
        )


class SeasonalNaive(Model):
    name = "seasonal_naive"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        return WeekdayMean(1).forecast(y, m, h)


@dataclass
class WeekdayMean(Model):
    """Mean (or median) of the last ``weeks`` values on the same weekday."""

    weeks: int
    median: bool = False

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"weekday_{'median' if self.median else 'mean'}_{self.weeks}"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        n = len(y)
        step = np.arange(h)
        phase = step % m
        back = np.arange(1, self.weeks + 1)[:, None]
        idx = n - m * back + phase[None, :]
        valid = idx >= 0
        values = np.where(valid, y[np.clip(idx, 0, None)], np.nan)
        empty = ~valid.any(axis=0)
        values[0, empty] = y[-1] if n else 0.0
        reduce = np.nanmedian if self.median else np.nanmean
        return np.asarray(reduce(values, axis=0), dtype=float)


@dataclass
class TrendRegression(Model):
    """Least squares on the last ``weeks`` weeks: weekday dummies + linear trend."""

    weeks: int = 10

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"regression_trend_{self.weeks}w"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        n = len(y)
        k = min(n, self.weeks * m)
        if k < 2 * m:
            return WeekdayMean(4).forecast(y, m, h)
        t = np.arange(n - k, n)
        x = np.zeros((k, m + 1))
        x[np.arange(k), t % m] = 1.0
        x[:, m] = (t - n) / m
        coef, *_ = np.linalg.lstsq(x, y[n - k :], rcond=None)
        future = np.arange(n, n + h)
        ahead = np.minimum(future - n + 1, TREND_CAP) / m
        return np.maximum(coef[future % m] + coef[m] * ahead, 0.0)


@dataclass
class LevelTimesWeekday(Model):
    """Mean of the last ``level_weeks`` weeks × weekday factors from the last
    ``profile_weeks`` weeks (each week's days divided by that week's mean)."""

    level_weeks: int = 1
    profile_weeks: int = 8

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"level_{self.level_weeks}w_x_weekday_{self.profile_weeks}w"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        n = len(y)
        weeks = min(self.profile_weeks, n // m)
        if weeks < 1:
            return WeekdayMean(4).forecast(y, m, h)
        block = y[n - weeks * m :].reshape(weeks, m)
        means = block.mean(axis=1, keepdims=True)
        factors = np.divide(block, means, out=np.ones_like(block), where=means > 0).mean(axis=0)
        level = float(y[n - min(self.level_weeks, weeks) * m :].mean())
        return np.asarray(level * factors[(np.arange(n, n + h) - (n - weeks * m)) % m], float)


class HoltWinters(Model):
    """Damped-trend Holt-Winters with multiplicative weekly seasonality (own implementation).

    Smoothing parameters come from a small grid, chosen on the data before the first origin
    (or the whole series for a final forecast) by the mean absolute error over 1..m steps.
    """

    name = "holt_winters"
    GRID = tuple(
        itertools.product((0.05, 0.15, 0.3, 0.5), (0.0, 0.03), (0.05, 0.15, 0.3))
    )  # (alpha, beta, gamma)
    PHI = 0.9

    def forecast(self, y: Array, m: int, h: int) -> Array:
        params = self._choose(y, m)
        states = self._filter(y, m, *params)
        return self._ahead(states, m, [len(y)], h)[0]

    def backtest(self, y: Array, m: int, origins: Sequence[int], horizon: int) -> Array:
        params = self._choose(y[: min(origins)], m)
        return self._ahead(self._filter(y, m, *params), m, origins, horizon)

    def _choose(self, y: Array, m: int) -> tuple[float, float, float]:
        if len(y) < 4 * m:
            return self.GRID[4]
        origins = list(range(2 * m, len(y) - 1, max(1, (len(y) - 2 * m) // 60)))
        best, best_err = self.GRID[0], np.inf
        for params in self.GRID:
            pred = self._ahead(self._filter(y, m, *params), m, origins, m)
            err = _abs_error(pred, y, origins)
            if err < best_err:
                best, best_err = params, err
        return best

    def _filter(
        self, y: Array, m: int, alpha: float, beta: float, gamma: float
    ) -> tuple[Array, Array, Array]:
        """Level and trend after each observation, and the seasonal factor of each time."""
        n = len(y)
        first = y[: min(n, m)]
        level = max(float(first.mean()), 1e-9)
        season = np.ones(n + m)
        season[: len(first)] = np.maximum(first / level, 0.0) if level > 1e-9 else 1.0
        levels, trends = np.empty(n), np.empty(n)
        trend, phi = 0.0, self.PHI
        seas = season.tolist()
        for t, value in enumerate(y.tolist()):
            s_old = seas[t - m] if t >= m else seas[t]
            prior = level + phi * trend
            new_level = alpha * value / max(s_old, 0.05) + (1 - alpha) * prior
            trend = beta * (new_level - level) + (1 - beta) * phi * trend
            level = max(new_level, 1e-9)
            seas[t] = gamma * value / level + (1 - gamma) * s_old if t >= m else s_old
            levels[t], trends[t] = level, trend
        return levels, trends, np.asarray(seas[:n])

    def _ahead(
        self, states: tuple[Array, Array, Array], m: int, origins: Sequence[int], horizon: int
    ) -> Array:
        levels, trends, seasons = states
        o = np.asarray(origins)[:, None]
        k = np.arange(horizon)[None, :]
        damp = np.cumsum(self.PHI ** np.arange(1, horizon + 1))[None, :]
        base = levels[o - 1] + damp * trends[o - 1]
        s_idx = o + k - m * ((k // m) + 1)
        s_idx = np.where(s_idx >= 0, s_idx, (o + k) % m)
        return np.asarray(np.maximum(base * seasons[s_idx], 0.0), dtype=float)


@dataclass
class Combination(Model):
    """Mean of several models' forecasts."""

    models: tuple[Model, ...]

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"mean({', '.join(model.name for model in self.models)})"

    def forecast(self, y: Array, m: int, h: int) -> Array:
        return np.asarray(np.mean([model.forecast(y, m, h) for model in self.models], axis=0))


def candidates() -> list[Model]:
    return [
        SeasonalNaive(),
        WeekdayMean(4),
        WeekdayMean(6),
        WeekdayMean(6, median=True),
        LevelTimesWeekday(1, 8),
        HoltWinters(),
        TrendRegression(10),
    ]


def _abs_error(pred: Array, y: Array, origins: Sequence[int], scored: Array | None = None) -> float:
    actual, mask = _targets(y, origins, pred.shape[1], scored)
    return float(np.abs(pred - actual)[mask].sum()) if mask.any() else np.inf


def _targets(
    y: Array, origins: Sequence[int], horizon: int, scored: Array | None = None
) -> tuple[Array, Array]:
    idx = np.asarray(origins)[:, None] + np.arange(horizon)[None, :]
    inside = idx < len(y)
    safe = np.minimum(idx, len(y) - 1)
    ok = inside if scored is None else inside & scored[safe]
    return y[safe], ok


@dataclass(frozen=True)
class Selection:
    model: Model
    wape: dict[str, float]  # backtest WAPE of every candidate
    forecasts: Array  # chosen model's backtest forecasts, shape (origins, horizon)
    actuals: Array
    scored: Array  # which (origin, step) pairs count


def select_model(
    y: Array,
    scored: Array,
    m: int,
    origins: Sequence[int],
    horizon: int,
    models: Sequence[Model] | None = None,
) -> Selection:
    """Backtest every candidate from ``origins`` and keep the lowest WAPE; the means of the
    best two and best three compete too."""
    actual, mask = _targets(y, origins, horizon, scored)
    total = float(actual[mask].sum()) or 1.0
    runs: dict[str, tuple[Model, Array]] = {}
    for model in models if models is not None else candidates():
        pred = model.backtest(y, m, origins, horizon)
        runs[model.name] = (model, pred)
    wape = {name: float(np.abs(p - actual)[mask].sum()) / total for name, (_, p) in runs.items()}
    ranked = sorted(wape, key=wape.__getitem__)
    for size in (2, 3):
        if len(ranked) >= size:
            combo = Combination(tuple(runs[name][0] for name in ranked[:size]))
            pred = np.mean([runs[name][1] for name in ranked[:size]], axis=0)
            runs[combo.name] = (combo, pred)
            wape[combo.name] = float(np.abs(pred - actual)[mask].sum()) / total
    best = min(wape, key=wape.__getitem__)
    model, pred = runs[best]
    return Selection(model, wape, pred, actual, mask)


@dataclass(frozen=True)
class IntervalModel:
    """Forecast errors with variance ``a·f + b·f²`` (``a ≥ 1``: never below Poisson) and
    empirical quantiles of the standardised backtest errors; Gaussian ±1.96 when fewer
    than ``MIN_RESIDUALS`` errors are known. ``horizon`` is the backtest horizon: beyond
    it the ``b·f²`` part grows in proportion to the step."""

    a: float = 1.0
    b: float = 0.0
    z_low: float = -1.959964
    z_high: float = 1.959964
    horizon: int = 1

    @classmethod
    def fit(cls, forecasts: Array, actuals: Array, horizon: int) -> IntervalModel:
        f, e = np.asarray(forecasts, float).ravel(), np.asarray(actuals, float).ravel()
        e = e - f
        keep = f > 0
        f, e = f[keep], e[keep]
        if len(f) < MIN_RESIDUALS:
            return cls(horizon=horizon)
        design = np.column_stack([f, f * f])
        (extra_a, b), _ = nnls(design, e * e - f)
        a = 1.0 + extra_a
        z = e / np.sqrt(a * f + b * f * f)
        tail = (1 - INTERVAL_LEVEL) / 2
        low, high = np.quantile(z, [tail, 1 - tail])
        # Never narrower than a Poisson interval, even when the backtest was error-free.
        poisson = cls.z_high
        return cls(a, float(b), min(float(low), -poisson), max(float(high), poisson), horizon)

    def bounds(self, forecast: Array, step: Array | int = 1) -> tuple[Array, Array]:
        f = np.maximum(np.asarray(forecast, float), 0.0)
        grow = np.maximum(np.asarray(step, float) / max(self.horizon, 1), 1.0)
        sd = np.sqrt(self.a * f + self.b * f * f * grow)
        lower = np.clip(f + self.z_low * sd, 0.0, f)
        upper = np.maximum(f + self.z_high * sd, f)
        return lower, upper


def rolling_origins(n: int, m: int, weeks: int = 8, min_train: int | None = None) -> list[int]:
    """Origins over the last ``weeks`` weeks that leave at least ``min_train`` points."""
    start = max(min_train if min_train is not None else 2 * m, n - weeks * m)
    return list(range(start, n))
