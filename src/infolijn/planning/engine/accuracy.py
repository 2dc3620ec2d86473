"""Forecast accuracy review: were the estimates good, where and by how much?

Forecast snapshots and actuals are keyed by anything hashable (a date, an interval start, a
``(date, partner, channel)`` tuple). Figures, all over the keys that have both a forecast
and an actual:

- **WAPE** ``Σ|f − a| / Σa``: the headline; volume-weighted, so quiet intervals do not
  dominate;
- **bias** ``(Σf − Σa) / Σa``, signed: positive means the forecast was too high;
- **MAPE** over the keys with a non-zero actual (the zeros are skipped and counted: a
  percentage error of a zero actual is undefined);
- the **Poisson floor** ``Σ √(2f/π) / Σf``: the WAPE that pure Poisson noise around a
  perfect forecast would give (planning reference §3), shown next to the WAPE so a target is
  judged against what chance allows.

A key without an actual (missing, ``None`` or NaN) is excluded and counted as missing; an
actual without a forecast is counted as unforecast. ``forecast_models.select_model``
computes a backtest WAPE inline on arrays; there was no reusable function to share.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

#: A grouping: a function of the key, or a lookup table from key to label.
Grouping = Callable[[K], Hashable] | Mapping[K, Hashable]


@dataclass(frozen=True, slots=True)
class AccuracyFigures:
    """Accuracy over one set of keys; ratio figures are None when the actuals sum to 0."""

    count: int
    forecast_total: float
    actual_total: float
    absolute_error: float
    wape: float | None
    bias: float | None
    mape: float | None
    #: Keys left out of MAPE because their actual is 0.
    zero_actuals: int
    poisson_floor: float | None


@dataclass(frozen=True, slots=True)
class Miss:
    """One key's error, for the "most off" list."""

    key: Hashable
    forecast: float
    actual: float

    @property
    def error(self) -> float:
        """Forecast minus actual (positive: too high)."""
        return self.forecast - self.actual


@dataclass(frozen=True, slots=True)
class AccuracyReport:
    overall: AccuracyFigures
    #: Per grouping name, per label (in order of first appearance).
    groups: dict[str, dict[Hashable, AccuracyFigures]]
    #: The keys with the largest absolute error, largest first.
    worst: tuple[Miss, ...]
    #: Forecast keys without an actual, and actual keys without a forecast.
    missing_actuals: int
    unforecast: int


def figures(pairs: list[tuple[float, float]]) -> AccuracyFigures:
    """Accuracy of ``(forecast, actual)`` pairs (module docs)."""
    f_total = math.fsum(f for f, _ in pairs)
    a_total = math.fsum(a for _, a in pairs)
    abs_error = math.fsum(abs(f - a) for f, a in pairs)
    nonzero = [abs(f - a) / a for f, a in pairs if a != 0]
    floor = math.fsum(math.sqrt(2 * f / math.pi) for f, _ in pairs) / f_total if f_total else None
    return AccuracyFigures(
        count=len(pairs),
        forecast_total=f_total,
        actual_total=a_total,
        absolute_error=abs_error,
        wape=abs_error / a_total if a_total else None,
        bias=(f_total - a_total) / a_total if a_total else None,
        mape=math.fsum(nonzero) / len(nonzero) if nonzero else None,
        zero_actuals=len(pairs) - len(nonzero),
        poisson_floor=floor,
    )


def wape(forecast: Mapping[K, float], actuals: Mapping[K, float | None]) -> float | None:
    """WAPE over the keys with both a forecast and an actual."""
    return review_accuracy(forecast, actuals, worst=0).overall.wape


def review_accuracy(
    forecast: Mapping[K, float],
    actuals: Mapping[K, float | None],
    *,
    group_by: Mapping[str, Grouping[K]] | None = None,
    worst: int = 10,
) -> AccuracyReport:
    """Accuracy overall, per group of every grouping in ``group_by`` (e.g.
    ``{"weekday": lambda d: d.weekday(), "partner": partner_of_key}``), and the ``worst``
    keys by absolute error (ties in the forecast's key order)."""
    if worst < 0:
        raise ValueError(f"worst must be ≥ 0, got {worst!r}")
    for key, value in forecast.items():
        if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
            raise ValueError(f"forecast for {key!r} must be a finite number ≥ 0, got {value!r}")
    matched: list[tuple[K, float, float]] = []
    missing = 0
    for key, f in forecast.items():
        a = actuals.get(key)
        if a is None or (isinstance(a, float) and math.isnan(a)):
            missing += 1
            continue
        if not (math.isfinite(a) and a >= 0):
            raise ValueError(f"actual for {key!r} must be a finite number ≥ 0, got {a!r}")
        matched.append((key, float(f), float(a)))
    unforecast = sum(
        1
        for key, a in actuals.items()
        if key not in forecast and a is not None and not (isinstance(a, float) and math.isnan(a))
    )

    groups: dict[str, dict[Hashable, AccuracyFigures]] = {}
    for name, grouping in (group_by or {}).items():
        buckets: dict[Hashable, list[tuple[float, float]]] = {}
        for key, f, a in matched:
            label = grouping[key] if isinstance(grouping, Mapping) else grouping(key)
            buckets.setdefault(label, []).append((f, a))
        groups[name] = {label: figures(pairs) for label, pairs in buckets.items()}

    order = sorted(range(len(matched)), key=lambda i: (-abs(matched[i][1] - matched[i][2]), i))
    return AccuracyReport(
        overall=figures([(f, a) for _, f, a in matched]),
        groups=groups,
        worst=tuple(Miss(*matched[i]) for i in order[:worst]),
        missing_actuals=missing,
        unforecast=unforecast,
    )
