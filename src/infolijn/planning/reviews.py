"""Reads that judge a plan: forecast accuracy against the contacts that came, and where
training sessions fit in a staffing plan."""

import datetime as dt
from dataclasses import dataclass

from infolijn.planning.engine.accuracy import AccuracyReport, review_accuracy
from infolijn.planning.engine.training import TrainingProposal, propose_training
from infolijn.planning.models import SLOT_MINUTES, ForecastSnapshot, StaffingPlan
from infolijn.planning.queries import Period, contact_counts

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class Review:
    snapshot: ForecastSnapshot
    last_day: dt.date | None
    report: AccuracyReport
    #: Per day: (day, forecast, actual) for the chart and table.
    daily: list[tuple[dt.date, float, float]]


def week_label(period: Period) -> str:
    year, week, _ = period[0].isocalendar()
    return f"{year}-W{week:02d}"


def weekday_label(period: Period) -> str:
    return WEEKDAYS[period[0].weekday()]


def accuracy_review(*, snapshot: ForecastSnapshot, today: dt.date) -> Review:
    """The snapshot against the contacts received in its periods that lie before ``today``,
    per ISO week and per weekday, with the intervals that were most off."""
    last = min(snapshot.end, today - dt.timedelta(days=1))
    forecast: dict[Period, float] = {}
    if last >= snapshot.start:
        for day, minute, value in snapshot.rows.filter(day__lte=last).values_list(
            "day", "minute", "forecast"
        ):
            forecast[(day, minute)] = value
    actuals: dict[Period, float | None] = dict.fromkeys(forecast, 0.0)
    if forecast:
        counts = contact_counts(
            partner=snapshot.partner,
            channel=snapshot.channel,
            first=snapshot.start,
            last=last,
            freq=snapshot.freq,
        )
        actuals.update({key: float(count) for key, count in counts.items()})
    report = review_accuracy(
        forecast, actuals, group_by={"week": week_label, "weekday": weekday_label}, worst=10
    )
    per_day: dict[dt.date, list[float]] = {}
    for key, value in forecast.items():
        pair = per_day.setdefault(key[0], [0.0, 0.0])
        pair[0] += value
        pair[1] += actuals.get(key) or 0.0
    daily = [(day, round(f, 1), a) for day, (f, a) in sorted(per_day.items())]
    return Review(snapshot, last if forecast else None, report, daily)


def candidate_starts(plan_rows: list[tuple[dt.date, int, int]], span: int) -> list[int]:
    """Interval indices where a session of ``span`` intervals stays on one day and inside
    intervals with agents scheduled (the line is open)."""
    starts = []
    for i in range(len(plan_rows) - span + 1):
        window = plan_rows[i : i + span]
        if all(day == window[0][0] and scheduled > 0 for day, _, scheduled in window):
            starts.append(i)
    return starts


@dataclass(frozen=True)
class TrainingSlots:
    proposal: TrainingProposal | None
    labels: list[str]
    cost_per_hour: float


def propose_training_slots(
    *, plan: StaffingPlan, session_minutes: int, trainees: int, capacity: int
) -> TrainingSlots:
    """Where ``trainees`` can follow a session of ``session_minutes`` in groups of at most
    ``capacity`` with the fewest calls left short (``engine.training``)."""
    rows = list(plan.rows.values_list("day", "minute", "scheduled", "required"))
    labels = [
        f"{WEEKDAYS[day.weekday()]} {day:%d-%m} {minute // 60:02d}:{minute % 60:02d}"
        for day, minute, _, _ in rows
    ]
    span = -(-session_minutes // SLOT_MINUTES)
    starts = candidate_starts([(d, m, s) for d, m, s, _ in rows], span)
    sessions = -(-trainees // capacity)
    if len(starts) < sessions:
        return TrainingSlots(None, labels, float(plan.cost_per_agent_hour))
    proposal = propose_training(
        [float(s) for _, _, s, _ in rows],
        [float(r) for _, _, _, r in rows],
        trainees=trainees,
        session_minutes=session_minutes,
        candidate_starts=starts,
        capacity=capacity,
        interval_minutes=SLOT_MINUTES,
    )
    return TrainingSlots(proposal, labels, float(plan.cost_per_agent_hour))
