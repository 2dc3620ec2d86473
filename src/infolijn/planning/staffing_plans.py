"""From a half-hour forecast to agents per interval and a shift plan (read-only: the what-if
screen uses it without storing anything; ``actions.make_staffing_plan`` stores the result)."""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from infolijn.calendar import OpeningHours, WorkingCalendar, local_moment
from infolijn.contacts.models import WRITTEN_CHANNELS
from infolijn.partners.calendar import working_calendar
from infolijn.planning.engine.backlog import plan_backlog
from infolijn.planning.engine.shifts import ShiftTemplate, expand_days, plan_shifts
from infolijn.planning.engine.staffing import required_agents
from infolijn.planning.errors import PlanningError, PlanningErrorCode
from infolijn.planning.models import SLOT_MINUTES, ForecastSnapshot, Freq
from infolijn.planning.queries import LineTerms

SLOTS = 24 * 60 // SLOT_MINUTES
DAY_MINUTES = 24 * 60
SOLVER_SECONDS = 20.0


@dataclass(frozen=True)
class PlanParameters:
    aht_seconds: int
    target_service_level: Decimal
    threshold_seconds: int
    shrinkage: Decimal
    cost_per_agent_hour: Decimal
    patience_seconds: int | None = None
    max_occupancy: Decimal | None = None
    email_handle_seconds: int = 600
    #: What-if: the forecast volume × this factor (1 = as forecast).
    volume_factor: float = 1.0


@dataclass(frozen=True)
class Interval:
    day: dt.date
    minute: int
    forecast: float
    written_forecast: float
    phone_agents: int
    written_agents: float
    required: float
    scheduled: int
    under: float
    over: float

    def as_fields(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class StaffingOutcome:
    intervals: list[Interval]
    shift_counts: dict[str, int]
    agent_hours: float
    cost: float
    status: str
    written_missed: float

    @property
    def peak_required(self) -> float:
        return max((i.required for i in self.intervals), default=0.0)

    @property
    def under_intervals(self) -> int:
        return sum(1 for i in self.intervals if i.under > 0)


def day_templates(cost_per_hour: float) -> list[ShiftTemplate]:
    """A full day (8 h with a 30-minute unpaid break after 3 to 5 hours) and a half day (4 h),
    starting on any half hour; ``expand_days`` keeps those inside the opening hours."""
    templates = []
    for start in range(0, DAY_MINUTES, SLOT_MINUTES):
        label = f"{start // 60:02d}:{start % 60:02d}"
        if start + 8 * 60 + 30 <= DAY_MINUTES:
            templates.append(
                ShiftTemplate(f"dag {label}", start, 8 * 60 + 30, cost_per_hour, 30, 3 * 60, 5 * 60)
            )
        if start + 4 * 60 <= DAY_MINUTES:
            templates.append(ShiftTemplate(f"halve dag {label}", start, 4 * 60, cost_per_hour))
    return templates


def _per_interval(snapshot: ForecastSnapshot | None, days: list[dt.date]) -> list[float]:
    values = [0.0] * (len(days) * SLOTS)
    if snapshot is None:
        return values
    index = {day: k for k, day in enumerate(days)}
    for day, minute, forecast in snapshot.rows.values_list("day", "minute", "forecast"):
        if day in index and minute is not None:
            values[index[day] * SLOTS + minute // SLOT_MINUTES] = forecast
    return values


def compute_staffing(
    *,
    snapshot: ForecastSnapshot,
    written_snapshot: ForecastSnapshot | None,
    parameters: PlanParameters,
) -> StaffingOutcome:
    """Phone agents per interval by Erlang (``required_agents``), written work by the
    lowest-peak backlog plan against each item's due moment, both grossed up for shrinkage,
    then the cheapest shift plan over the opening hours."""
    if snapshot.freq != Freq.HALF_HOUR:
        raise PlanningError(PlanningErrorCode.NEEDS_HALF_HOURS, "snapshot")
    phone_snapshot: ForecastSnapshot | None = snapshot
    if snapshot.channel in WRITTEN_CHANNELS:
        phone_snapshot, written_snapshot = None, snapshot
    elif written_snapshot is not None:
        if written_snapshot.channel not in WRITTEN_CHANNELS:
            raise PlanningError(
                PlanningErrorCode.NOT_WRITTEN, "written_snapshot", value=written_snapshot.channel
            )
        if written_snapshot.freq != Freq.HALF_HOUR:
            raise PlanningError(PlanningErrorCode.NEEDS_HALF_HOURS, "written_snapshot")
        if (written_snapshot.start, written_snapshot.end, written_snapshot.partner_id) != (
            snapshot.start,
            snapshot.end,
            snapshot.partner_id,
        ):
            raise PlanningError(PlanningErrorCode.MISMATCH, "written_snapshot")
    days = [
        snapshot.start + dt.timedelta(days=k)
        for k in range((snapshot.end - snapshot.start).days + 1)
    ]
    factor = parameters.volume_factor
    phone = [f * factor for f in _per_interval(phone_snapshot, days)]
    written = [f * factor for f in _per_interval(written_snapshot, days)]
    calendar = working_calendar()
    terms = LineTerms(snapshot.partner)
    opened, spans = _opening(terms, days, calendar)
    if not any(opened):
        raise PlanningError(PlanningErrorCode.NO_OPENING_HOURS, "snapshot")

    phone_agents = [
        _phone_agents(f, parameters) if opened[i] and f > 0 else 0 for i, f in enumerate(phone)
    ]
    written_agents = [0.0] * len(written)
    missed = 0.0
    if any(written):
        due = due_intervals(terms, days, calendar)
        backlog = plan_backlog(
            written,
            due,
            opened,
            handle_seconds=parameters.email_handle_seconds,
            interval_minutes=SLOT_MINUTES,
        )
        written_agents, missed = list(backlog.agents), backlog.missed_items
    gross = 1 - float(parameters.shrinkage)
    requirement = [
        (p + w) / gross if opened[i] else 0.0
        for i, (p, w) in enumerate(zip(phone_agents, written_agents, strict=True))
    ]
    templates = expand_days(
        day_templates(float(parameters.cost_per_agent_hour)),
        spans,
        day_minutes=DAY_MINUTES,
        labels=[f"{day:%d-%m}" for day in days],
    )
    if not templates:
        raise PlanningError(PlanningErrorCode.NO_OPENING_HOURS, "snapshot")
    shifts = plan_shifts(requirement, templates, time_limit=SOLVER_SECONDS)
    intervals = [
        Interval(
            day=days[i // SLOTS],
            minute=(i % SLOTS) * SLOT_MINUTES,
            forecast=round(phone[i], 3),
            written_forecast=round(written[i], 3),
            phone_agents=phone_agents[i],
            written_agents=round(written_agents[i], 3),
            required=round(requirement[i], 3),
            scheduled=shifts.scheduled[i],
            under=round(shifts.under[i], 3),
            over=round(shifts.over[i], 3),
        )
        for i in range(len(requirement))
    ]
    return StaffingOutcome(
        intervals=intervals,
        shift_counts={name: count for name, count in shifts.counts.items() if count},
        agent_hours=round(shifts.agent_hours, 2),
        cost=round(shifts.cost, 2),
        status=shifts.status,
        written_missed=round(missed, 2),
    )


def _phone_agents(calls: float, parameters: PlanParameters) -> int:
    try:
        return required_agents(
            calls_per_hour=calls * 60 / SLOT_MINUTES,
            aht_seconds=parameters.aht_seconds,
            target_service_level=float(parameters.target_service_level),
            threshold_seconds=parameters.threshold_seconds,
            patience_seconds=parameters.patience_seconds,
            max_occupancy=(
                float(parameters.max_occupancy) if parameters.max_occupancy is not None else None
            ),
        ).agents
    except ValueError as exc:
        raise PlanningError(
            PlanningErrorCode.BAD_PARAMETER, "aht_seconds", name="de parameters", detail=str(exc)
        ) from exc


def _opening(
    terms: LineTerms, days: list[dt.date], calendar: WorkingCalendar
) -> tuple[list[bool], list[tuple[int, int] | None]]:
    """Per interval: open or not; per day: (first opening, last closing) in minutes."""
    opened: list[bool] = []
    spans: list[tuple[int, int] | None] = []
    for day in days:
        hours = OpeningHours(terms.opening_windows(day), calendar)
        windows = [
            (w.opens.hour * 60 + w.opens.minute, w.closes.hour * 60 + w.closes.minute)
            for w in hours.windows_on(day)
        ]
        for slot in range(SLOTS):
            minute = slot * SLOT_MINUTES
            opened.append(any(o <= minute and minute + SLOT_MINUTES <= c for o, c in windows))
        spans.append((min(o for o, _ in windows), max(c for _, c in windows)) if windows else None)
    return opened, spans


def due_intervals(terms: LineTerms, days: list[dt.date], calendar: WorkingCalendar) -> list[int]:
    """Per interval: the last interval before the due moment of an item arriving at its
    start (the agreement's working days, DESIGN §8). Due moments after the horizon are
    pulled in to its last interval: the plan then finishes that work inside the horizon."""
    last = len(days) * SLOTS - 1
    due: list[int] = []
    for k, day in enumerate(days):
        working_days = terms.email_deadline_days(day)
        for slot in range(SLOTS):
            moment = local_moment(day, dt.time()) + dt.timedelta(minutes=slot * SLOT_MINUTES)
            try:
                due_at = calendar.due_moment(moment, working_days)
            except ValueError as exc:
                raise PlanningError(PlanningErrorCode.ENGINE, "snapshot", detail=str(exc)) from exc
            index = (
                (due_at.date() - days[0]).days * SLOTS
                + math.ceil((due_at.hour * 60 + due_at.minute + 1) / SLOT_MINUTES)
                - 1
            )
            due.append(min(max(index, k * SLOTS + slot), last))
    return due
