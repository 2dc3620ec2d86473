"""Partner events on a forecast: which apply, what past events really brought, the uplift."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from infolijn.partners.models import Partner
from infolijn.planning.engine import events as engine
from infolijn.planning.engine.forecast import ForecastRow
from infolijn.planning.models import EventKind, Freq, PartnerEvent
from infolijn.planning.queries import contact_counts

DEFAULT_DAYS = 7
DEFAULT_DECAY = 0.6
BASELINE_WEEKS = 4
# Events whose day lies this far from the forecast can still reach into it.
REACH = dt.timedelta(days=70)


@dataclass(frozen=True)
class Uplifted:
    rows: list[ForecastRow]
    uplift: list[float]
    applied: list[dict[str, object]]
    factors: dict[str, float]


def engine_event(event: PartnerEvent) -> engine.PartnerEvent:
    """``other`` events spread flat, like a campaign."""
    kind: engine.EventKind = "campaign" if event.kind == EventKind.OTHER else event.kind  # type: ignore[assignment]
    return engine.PartnerEvent(
        kind=kind,
        day=event.day,
        expected_extra=float(event.expected_extra),
        days=event.days or DEFAULT_DAYS,
        decay=float(event.decay) if event.decay else DEFAULT_DECAY,
        name=event.reference,
    )


def events_for(
    *, partner: Partner | None, channel: str, first: dt.date, last: dt.date
) -> list[PartnerEvent]:
    events = PartnerEvent.objects.filter(
        channel=channel, day__gte=first - REACH, day__lte=last + REACH
    )
    if partner is not None:
        events = events.filter(partner=partner)
    return list(events.select_related("partner").order_by("day", "id"))


def calibration(
    *, partner: Partner | None, channel: str, before: dt.date
) -> dict[engine.EventKind, engine.CalibrationFactor]:
    """Per kind, realised ÷ expected of past events (windows ended before ``before``); the
    baseline of a window day is the mean of the same weekday in the weeks before the window."""
    past = [
        (event, engine_event(event))
        for event in events_for(
            partner=partner, channel=channel, first=before - dt.timedelta(days=365), last=before
        )
        if event.kind != EventKind.OTHER
    ]
    past = [(e, m) for e, m in past if engine.event_window(m)[-1] < before]
    if not past:
        return {}
    first = min(engine.event_window(m)[0] for _, m in past) - dt.timedelta(weeks=BASELINE_WEEKS)
    counts = contact_counts(
        partner=partner,
        channel=channel,
        first=first,
        last=before - dt.timedelta(days=1),
        freq=Freq.DAY,
    )
    actuals = {day: float(counts.get((day, None), 0)) for day in _days(first, before)}
    outcomes = []
    for _, model in past:
        window = engine.event_window(model)
        baseline = {}
        for day in window:
            first_back = (day - window[0]).days // 7 + 1
            weeks = [day - dt.timedelta(weeks=first_back + k) for k in range(BASELINE_WEEKS)]
            values = [actuals[d] for d in weeks if d in actuals]
            if values:
                baseline[day] = sum(values) / len(values)
        outcomes.append(engine.realised_uplift(model, actuals, baseline))
    return engine.calibration_factors(outcomes)


def apply_partner_events(
    rows: list[ForecastRow],
    *,
    events: list[PartnerEvent],
    factors: dict[engine.EventKind, engine.CalibrationFactor],
) -> Uplifted:
    """Add the calibrated uplift per day, split over a day's slots in proportion to the
    forecast (so the intraday shape holds); days with a zero forecast are closed."""
    day_of = [dt.date.fromisoformat(row.timestamp[:10]) for row in rows]
    totals: dict[dt.date, float] = defaultdict(float)
    for day, row in zip(day_of, rows, strict=True):
        totals[day] += row.forecast
    open_days = {day for day, total in totals.items() if total > 0}
    applied: list[dict[str, object]] = []
    models = []
    for event in events:
        model = engine_event(event)
        if event.kind != EventKind.OTHER:
            model = engine.calibrated(model, {str(k): v for k, v in factors.items()})
        models.append(model)
        applied.append(
            {
                "reference": event.reference,
                "name": event.name,
                "partner": event.partner.name,
                "expected": event.expected_extra,
                "used": round(model.expected_extra, 1),
            }
        )
    result = engine.apply_events(dict(totals), models, open_days=open_days)
    out_rows, uplift = [], []
    for day, row in zip(day_of, rows, strict=True):
        extra = result.uplift[day] * row.forecast / totals[day] if totals[day] > 0 else 0.0
        uplift.append(round(extra, 3))
        out_rows.append(
            ForecastRow(
                row.timestamp,
                round(row.forecast + extra, 3),
                round(row.lower + extra, 3),
                round(row.upper + extra, 3),
            )
        )
    return Uplifted(
        out_rows, uplift, applied, {kind: round(f.factor, 3) for kind, f in factors.items()}
    )


def _days(first: dt.date, before: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((before - first).days)]
