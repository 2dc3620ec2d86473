"""Partner events (a mailing, a deadline, a campaign) as extra contacts on a daily forecast.

A partner announces an event with the extra contacts it expects. The engine turns that into
an additive uplift per day with a shape that fits the kind:

- **mailing**: letters land a little after the send date and people react over the next
  days, fewer each day: weights ``decay^k`` for the ``days`` days from ``day + lag_days``;
- **deadline**: people call in the days before it, more as it nears: weights ``decay^k``
  for ``k`` days before the deadline, over ``days`` days ending on it;
- **campaign**: flat over ``days`` days from ``day``.

Only open days get uplift (weights renormalised over them), so the uplift sums to the
expected extra whenever the window has an open day.

Partners' figures are rarely right, so the engine learns from past events: the realised
extra is ``Σ (actual − baseline)`` over the event's window, and the ratio realised ÷
expected per event gives a per-kind **calibration factor**: the median ratio (robust to one
wild event), shrunk towards 1 with few events, ``(n·median + k·1) / (n + k)`` with
``prior_events = k``. New estimates are multiplied by it.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

EventKind = Literal["mailing", "deadline", "campaign"]
KINDS: tuple[EventKind, ...] = ("mailing", "deadline", "campaign")


@dataclass(frozen=True, slots=True)
class PartnerEvent:
    """An event with the partner's estimate of the extra contacts it brings."""

    kind: EventKind
    #: Send date (mailing), deadline date (deadline) or first day (campaign).
    day: dt.date
    expected_extra: float
    #: Days the uplift spreads over.
    days: int = 7
    #: Weight ratio from one day to the next further from the peak (1.0: flat).
    decay: float = 0.6
    #: Mailings only: days between sending and the first reactions.
    lag_days: int = 1
    #: Optional explicit weights per window day (overrides ``decay``), in window order.
    profile: tuple[float, ...] | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class EventForecast:
    """A forecast with events applied."""

    forecast: dict[dt.date, float]
    #: Summed uplift per forecast day.
    uplift: dict[dt.date, float]
    #: Uplift that fell on days outside the forecast (before or after its dates).
    outside: float


@dataclass(frozen=True, slots=True)
class EventOutcome:
    """What a past event actually brought."""

    event: PartnerEvent
    realised_extra: float
    #: ``realised_extra / expected_extra``.
    ratio: float
    #: Window days used, and window days skipped for a missing actual or baseline.
    days_used: int
    days_missing: int


@dataclass(frozen=True, slots=True)
class CalibrationFactor:
    kind: EventKind
    factor: float
    median_ratio: float
    events: int


def event_window(event: PartnerEvent) -> list[dt.date]:
    """The days the event's uplift spreads over, in time order."""
    _check_event(event)
    one = dt.timedelta(days=1)
    if event.kind == "mailing":
        first = event.day + event.lag_days * one
    elif event.kind == "deadline":
        first = event.day - (event.days - 1) * one
    else:
        first = event.day
    return [first + k * one for k in range(event.days)]


def uplift_profile(
    event: PartnerEvent, *, open_days: Collection[dt.date] | None = None
) -> dict[dt.date, float]:
    """Extra contacts per day; sums to ``expected_extra`` over the open window days (empty
    when the window has no open day)."""
    window = event_window(event)
    if event.profile is not None:
        weights = list(event.profile)
    elif event.kind == "mailing":
        weights = [event.decay**k for k in range(event.days)]
    elif event.kind == "deadline":
        weights = [event.decay ** (event.days - 1 - k) for k in range(event.days)]
    else:
        weights = [1.0] * event.days
    kept = [
        (day, w)
        for day, w in zip(window, weights, strict=True)
        if open_days is None or day in open_days
    ]
    total = math.fsum(w for _, w in kept)
    if total <= 0:
        return {}
    return {day: event.expected_extra * w / total for day, w in kept}


def apply_events(
    forecast: Mapping[dt.date, float],
    events: Sequence[PartnerEvent],
    *,
    open_days: Collection[dt.date] | None = None,
    calibration: Mapping[str, CalibrationFactor] | None = None,
) -> EventForecast:
    """Add each event's uplift (corrected by ``calibration`` of its kind, when given) to a
    daily forecast. Uplift on a day the forecast does not contain is reported as
    ``outside``, not added."""
    for day, value in forecast.items():
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"forecast for {day} must be a finite number ≥ 0, got {value!r}")
    uplift: dict[dt.date, float] = dict.fromkeys(forecast, 0.0)
    outside = 0.0
    for event in events:
        if calibration is not None:
            event = calibrated(event, calibration)
        for day, extra in uplift_profile(event, open_days=open_days).items():
            if day in uplift:
                uplift[day] += extra
            else:
                outside += extra
    return EventForecast(
        forecast={day: value + uplift[day] for day, value in forecast.items()},
        uplift=uplift,
        outside=outside,
    )


def realised_uplift(
    event: PartnerEvent,
    actuals: Mapping[dt.date, float],
    baseline: Mapping[dt.date, float],
) -> EventOutcome:
    """Extra contacts a past event brought: ``Σ (actual − baseline)`` over its window (days
    without an actual or a baseline are skipped and counted)."""
    used, missing, extra = 0, 0, 0.0
    for day in event_window(event):
        if day in actuals and day in baseline:
            extra += actuals[day] - baseline[day]
            used += 1
        else:
            missing += 1
    return EventOutcome(event, extra, extra / event.expected_extra, used, missing)


def calibration_factors(
    outcomes: Sequence[EventOutcome], *, prior_events: float = 3.0
) -> dict[EventKind, CalibrationFactor]:
    """Per kind: the median realised ÷ expected ratio, shrunk towards 1 as if
    ``prior_events`` more events had come out exactly as expected. Outcomes that used no
    day of their window are ignored."""
    if not (math.isfinite(prior_events) and prior_events >= 0):
        raise ValueError(f"prior_events must be a finite number ≥ 0, got {prior_events!r}")
    factors: dict[EventKind, CalibrationFactor] = {}
    for kind in KINDS:
        ratios = [o.ratio for o in outcomes if o.event.kind == kind and o.days_used > 0]
        if not ratios:
            continue
        median = statistics.median(ratios)
        n = len(ratios)
        factor = (n * median + prior_events) / (n + prior_events)
        factors[kind] = CalibrationFactor(kind, max(0.0, factor), median, n)
    return factors


def calibrated(event: PartnerEvent, factors: Mapping[str, CalibrationFactor]) -> PartnerEvent:
    """The event with its expected extra corrected by the factor of its kind (unchanged
    when that kind has no factor)."""
    factor = factors.get(event.kind)
    if factor is None:
        return event
    return replace(event, expected_extra=event.expected_extra * factor.factor)


def _check_event(event: PartnerEvent) -> None:
    where = f"event {event.name or event.kind} on {event.day}"
    if event.kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(KINDS)}, got {event.kind!r}")
    if not (math.isfinite(event.expected_extra) and event.expected_extra > 0):
        raise ValueError(f"{where}: expected_extra must be a finite number > 0")
    if event.days < 1:
        raise ValueError(f"{where}: days must be ≥ 1, got {event.days!r}")
    if not (math.isfinite(event.decay) and event.decay > 0):
        raise ValueError(f"{where}: decay must be a finite number > 0, got {event.decay!r}")
    if event.lag_days < 0:
        raise ValueError(f"{where}: lag_days must be ≥ 0, got {event.lag_days!r}")
    if event.profile is not None:
        if len(event.profile) != event.days:
            raise ValueError(
                f"{where}: profile has {len(event.profile)} weights for {event.days} days"
            )
        if any(not (math.isfinite(w) and w >= 0) for w in event.profile) or not any(event.profile):
            raise ValueError(f"{where}: profile weights must be finite, ≥ 0 and not all 0")
