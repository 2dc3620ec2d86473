"""Shift plan: how many agents to put on each shift so that every interval is covered.

The model is the classic set-covering one (pyworkforce's ``MinRequiredResources``, planning
reference §10) solved as a mixed-integer program with ``scipy.optimize.milp`` (HiGHS):

- one integer variable per *shift variant*: a template at its start, with its unpaid break
  at one of the allowed positions (a template without a break has one variant). The count of
  a template is the sum over its variants, so min/max counts are constraints on that sum;
- minimise the paid cost ``Σ cost_per_hour · paid hours · count``;
- coverage: agents working in interval ``i`` (on shift and not on break) plus an
  under-coverage slack ``u_i`` is at least ``ceil(requirement_i)``. Agents come in whole
  numbers, so covering a fractional requirement means covering its ceiling.

**Soft coverage.** ``u_i`` costs a penalty per agent-interval that is larger than the cost of
any whole shift, so the solver never leaves an interval short that one more shift could
cover, but a demand that no shift can meet (an interval before the first shift starts, a
max count reached) still gives a plan, and the plan *reports* the short intervals instead of
failing (pyworkforce #45). Intervals that no shift touches get no slack variable at all: they
are short whatever the plan, and leaving their penalty out of the objective keeps the
solver's relative gap about the cost, not about a penalty that cannot change.

A month is a horizon of days laid end to end; :func:`expand_days` repeats day templates on
each open day inside that day's opening hours. Days are independent blocks of the matrix, so
HiGHS solves a month of 30-minute intervals in well under a second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import optimize, sparse

SolverStatus = Literal["optimal", "time_limit", "failed"]

# Requirements within this of a whole number count as that number (float noise from staffing).
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class ShiftTemplate:
    """A shift an agent can work, in minutes from the start of the horizon (or of the day,
    for templates passed to :func:`expand_days`).

    With ``break_minutes`` the agent takes one unpaid break of that length, starting between
    ``break_earliest`` and ``break_latest`` minutes after the shift starts (on an interval
    boundary); the plan chooses where, so breaks are staggered to fit the requirement.
    """

    name: str
    start: int
    length: int
    cost_per_hour: float = 1.0
    break_minutes: int = 0
    break_earliest: int = 0
    break_latest: int = 0
    min_count: int = 0
    max_count: int | None = None

    @property
    def paid_hours(self) -> float:
        return (self.length - self.break_minutes) / 60.0

    @property
    def cost(self) -> float:
        """Cost of one agent on this shift."""
        return self.cost_per_hour * self.paid_hours


@dataclass(frozen=True, slots=True)
class ShiftVariant:
    """One template at one break position, in interval indices of the horizon."""

    template: int  # index into the templates
    start: int  # first interval worked
    stop: int  # one past the last interval of the shift
    break_start: int | None  # first interval of the break (None: no break)
    break_stop: int | None
    cost: float

    def intervals(self) -> list[int]:
        """The intervals in which an agent on this variant is working (not on break)."""
        return [
            i
            for i in range(self.start, self.stop)
            if self.break_start is None
            or self.break_stop is None
            or not self.break_start <= i < self.break_stop
        ]


@dataclass(frozen=True, slots=True)
class ShiftPlan:
    """The chosen counts and what they give, interval by interval."""

    #: Agents per template, in the order of the templates.
    counts: dict[str, int]
    #: Per template with a break: agents per break start (minutes after the shift start).
    breaks: dict[str, dict[int, int]]
    requirement: tuple[float, ...]
    #: Agents working (on shift, not on break) per interval.
    scheduled: tuple[int, ...]
    #: ``max(0, requirement − scheduled)`` and ``max(0, scheduled − requirement)``.
    under: tuple[float, ...]
    over: tuple[float, ...]
    #: Intervals where the requirement is not met, in order.
    under_intervals: tuple[int, ...]
    #: Paid agent-hours (breaks excluded) and their cost.
    agent_hours: float
    cost: float
    status: SolverStatus
    #: HiGHS's relative gap between the plan and its lower bound (0.0 when proven optimal).
    mip_gap: float | None

    @property
    def total_under(self) -> float:
        """Under-coverage in agent-intervals."""
        return math.fsum(self.under)

    @property
    def total_over(self) -> float:
        """Over-coverage in agent-intervals."""
        return math.fsum(self.over)


def shift_variants(
    templates: Sequence[ShiftTemplate], *, interval_minutes: int, horizon: int
) -> list[ShiftVariant]:
    """Every template at every allowed break position, checked against the horizon."""
    _check_templates(templates, interval_minutes, horizon)
    variants: list[ShiftVariant] = []
    for index, t in enumerate(templates):
        start = t.start // interval_minutes
        stop = (t.start + t.length) // interval_minutes
        if t.break_minutes == 0:
            variants.append(ShiftVariant(index, start, stop, None, None, t.cost))
            continue
        width = t.break_minutes // interval_minutes
        for offset in range(t.break_earliest, t.break_latest + 1, interval_minutes):
            first = start + offset // interval_minutes
            variants.append(ShiftVariant(index, start, stop, first, first + width, t.cost))
    return variants


def plan_shifts(
    requirement: Sequence[float],
    templates: Sequence[ShiftTemplate],
    *,
    interval_minutes: int = 30,
    under_penalty: float | None = None,
    time_limit: float = 30.0,
    mip_rel_gap: float = 1e-6,
) -> ShiftPlan:
    """Cheapest whole-number staffing of ``templates`` that covers ``requirement`` (agents
    per interval of ``interval_minutes``), with under-coverage allowed at ``under_penalty``
    per agent-interval (default: 100 × the dearest shift) and reported.

    ``time_limit`` (seconds) bounds the solver; when it stops early the best plan found is
    returned with status ``"time_limit"`` (or, if it found none, the minimum counts).
    """
    needs = _check_requirement(requirement)
    if not (math.isfinite(time_limit) and time_limit > 0):
        raise ValueError(f"time_limit must be a finite number of seconds > 0, got {time_limit!r}")
    variants = shift_variants(templates, interval_minutes=interval_minutes, horizon=len(needs))
    dearest = max(t.cost for t in templates)
    penalty = 100.0 * max(dearest, 1.0) if under_penalty is None else under_penalty
    if not (math.isfinite(penalty) and penalty > 0):
        raise ValueError(f"under_penalty must be a finite number > 0, got {under_penalty!r}")

    n, nv = len(needs), len(variants)
    rows, cols = [], []
    for j, v in enumerate(variants):
        worked = v.intervals()
        rows += worked
        cols += [j] * len(worked)
    cover = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, nv))
    target = np.ceil(np.asarray(needs) - _EPS).clip(min=0)
    touched = cover.sum(axis=1) > 0
    reachable = np.flatnonzero(touched & (target > 0))
    target[~touched] = 0.0  # short whatever the plan: reported, not constrained
    slack = sparse.csr_array(
        (np.ones(len(reachable)), (reachable, np.arange(len(reachable)))),
        shape=(n, len(reachable)),
    )
    constraints = [optimize.LinearConstraint(sparse.hstack([cover, slack]), lb=target, ub=np.inf)]

    lower = np.zeros(nv + len(reachable))
    upper = np.full(nv + len(reachable), np.inf)
    per_template = [
        [j for j, v in enumerate(variants) if v.template == k] for k in range(len(templates))
    ]
    sums = []
    for k, t in enumerate(templates):
        if t.min_count == 0 and t.max_count is None:
            continue
        if len(per_template[k]) == 1:
            lower[per_template[k][0]] = t.min_count
            upper[per_template[k][0]] = np.inf if t.max_count is None else t.max_count
        else:
            sums.append((k, t))
    if sums:
        pick = sparse.lil_array((len(sums), nv + len(reachable)))
        for row, (k, _) in enumerate(sums):
            for j in per_template[k]:
                pick[row, j] = 1.0
        constraints.append(
            optimize.LinearConstraint(
                pick.tocsr(),
                lb=[t.min_count for _, t in sums],
                ub=[np.inf if t.max_count is None else t.max_count for _, t in sums],
            )
        )
    objective = np.concatenate([[v.cost for v in variants], np.full(len(reachable), penalty)])
    integrality = np.concatenate([np.ones(nv), np.zeros(len(reachable))])
    result = optimize.milp(
        objective,
        integrality=integrality,
        bounds=optimize.Bounds(lower, upper),
        constraints=constraints,
        options={"time_limit": time_limit, "mip_rel_gap": mip_rel_gap},
    )
    status: SolverStatus
    if result.x is not None and result.status in (0, 1):
        x = np.round(result.x[:nv]).astype(int)
        status = "optimal" if result.status == 0 else "time_limit"
        gap = float(getattr(result, "mip_gap", 0.0) or 0.0)
    else:
        # No plan at all (time limit before the first incumbent): fall back to the minimum
        # counts, each on its first variant, which the soft coverage always accepts.
        x = np.zeros(nv, dtype=int)
        for k, t in enumerate(templates):
            x[per_template[k][0]] = t.min_count
        status = "time_limit" if result.status == 1 else "failed"
        gap = None
    return _plan(needs, templates, variants, x, interval_minutes, status, gap)


def evaluate_counts(
    requirement: Sequence[float],
    templates: Sequence[ShiftTemplate],
    variant_counts: Sequence[int],
    *,
    interval_minutes: int = 30,
) -> ShiftPlan:
    """The plan that ``variant_counts`` (one whole number per :func:`shift_variants` entry)
    gives: coverage, totals and cost, with status ``"optimal"`` meaning only "evaluated".
    Baselines and tests use it to compare other plans on the same terms."""
    needs = _check_requirement(requirement)
    variants = shift_variants(templates, interval_minutes=interval_minutes, horizon=len(needs))
    if len(variant_counts) != len(variants):
        raise ValueError(
            f"variant_counts has {len(variant_counts)} entries, expected {len(variants)} "
            "(one per shift variant)"
        )
    if any(c < 0 for c in variant_counts):
        raise ValueError("variant_counts must be whole numbers ≥ 0")
    x = np.asarray(variant_counts, dtype=int)
    return _plan(needs, templates, variants, x, interval_minutes, "optimal", 0.0)


def expand_days(
    day_templates: Sequence[ShiftTemplate],
    opening_hours: Sequence[tuple[int, int] | None],
    *,
    day_minutes: int,
    labels: Sequence[str] | None = None,
) -> list[ShiftTemplate]:
    """Repeat day templates on every day of a horizon of ``len(opening_hours)`` days of
    ``day_minutes`` each (the requirement covers the days end to end).

    ``opening_hours[d]`` is ``(open, close)`` in minutes from the start of day ``d``, or
    ``None`` for a closed day. A template is used on a day when it lies inside the opening
    hours (breaks included); a closed day gets no shifts, so any requirement on it shows up
    as under-coverage. Names become ``"<label> <name>"`` with ``labels[d]`` (default the
    day number), and min/max counts apply per day.
    """
    if not day_templates:
        raise ValueError("day_templates is empty: give at least one shift template")
    if day_minutes <= 0:
        raise ValueError(f"day_minutes must be > 0, got {day_minutes!r}")
    if labels is not None and len(labels) != len(opening_hours):
        raise ValueError(
            f"labels has {len(labels)} entries but opening_hours has {len(opening_hours)} days"
        )
    expanded: list[ShiftTemplate] = []
    for day, hours in enumerate(opening_hours):
        if hours is None:
            continue
        opens, closes = hours
        if not 0 <= opens <= closes <= day_minutes:
            raise ValueError(
                f"opening_hours[{day}] = {hours!r} must satisfy 0 ≤ open ≤ close ≤ {day_minutes}"
            )
        label = str(day) if labels is None else labels[day]
        for t in day_templates:
            if opens <= t.start and t.start + t.length <= closes:
                expanded.append(
                    ShiftTemplate(
                        name=f"{label} {t.name}",
                        start=day * day_minutes + t.start,
                        length=t.length,
                        cost_per_hour=t.cost_per_hour,
                        break_minutes=t.break_minutes,
                        break_earliest=t.break_earliest,
                        break_latest=t.break_latest,
                        min_count=t.min_count,
                        max_count=t.max_count,
                    )
                )
    return expanded


def _plan(
    needs: list[float],
    templates: Sequence[ShiftTemplate],
    variants: Sequence[ShiftVariant],
    x: np.ndarray,
    interval_minutes: int,
    status: SolverStatus,
    gap: float | None,
) -> ShiftPlan:
    scheduled = [0] * len(needs)
    counts = {t.name: 0 for t in templates}
    breaks: dict[str, dict[int, int]] = {t.name: {} for t in templates if t.break_minutes}
    for v, count in zip(variants, x, strict=True):
        if count == 0:
            continue
        t = templates[v.template]
        counts[t.name] += int(count)
        for i in v.intervals():
            scheduled[i] += int(count)
        if v.break_start is not None:
            minute = (v.break_start - v.start) * interval_minutes
            breaks[t.name][minute] = breaks[t.name].get(minute, 0) + int(count)
    under = tuple(
        max(0.0, r - s) if r - s > _EPS else 0.0 for r, s in zip(needs, scheduled, strict=True)
    )
    over = tuple(max(0.0, s - r) for r, s in zip(needs, scheduled, strict=True))
    hours = math.fsum(counts[t.name] * t.paid_hours for t in templates)
    cost = math.fsum(counts[t.name] * t.cost for t in templates)
    return ShiftPlan(
        counts=counts,
        breaks={name: dict(sorted(b.items())) for name, b in breaks.items()},
        requirement=tuple(needs),
        scheduled=tuple(scheduled),
        under=under,
        over=over,
        under_intervals=tuple(i for i, u in enumerate(under) if u > 0),
        agent_hours=hours,
        cost=cost,
        status=status,
        mip_gap=gap,
    )


def _check_requirement(requirement: Sequence[float]) -> list[float]:
    if len(requirement) == 0:
        raise ValueError("requirement is empty: give the agents needed per interval")
    needs = [float(r) for r in requirement]
    for i, r in enumerate(needs):
        if not (math.isfinite(r) and r >= 0):
            raise ValueError(f"requirement[{i}] must be a finite number ≥ 0, got {r!r}")
    return needs


def _check_templates(
    templates: Sequence[ShiftTemplate], interval_minutes: int, horizon: int
) -> None:
    if not isinstance(interval_minutes, int) or interval_minutes <= 0:
        raise ValueError(f"interval_minutes must be a whole number > 0, got {interval_minutes!r}")
    if not templates:
        raise ValueError("templates is empty: give at least one shift template")
    names = [t.name for t in templates]
    if len(set(names)) != len(names):
        raise ValueError("shift template names must be unique")
    end = horizon * interval_minutes
    for t in templates:
        where = f"shift {t.name!r}"
        for field in ("start", "length", "break_minutes", "break_earliest", "break_latest"):
            value = getattr(t, field)
            if value % interval_minutes:
                raise ValueError(
                    f"{where}: {field} = {value} is not a multiple of {interval_minutes} minutes"
                )
        if t.start < 0 or t.length <= 0 or t.start + t.length > end:
            raise ValueError(
                f"{where} must start at ≥ 0 and end inside the horizon of {end} minutes "
                f"(start {t.start}, length {t.length})"
            )
        if not (math.isfinite(t.cost_per_hour) and t.cost_per_hour >= 0):
            raise ValueError(f"{where}: cost_per_hour must be a finite number ≥ 0")
        if t.break_minutes < 0:
            raise ValueError(f"{where}: break_minutes must be ≥ 0")
        if t.break_minutes and not (
            0 <= t.break_earliest <= t.break_latest and t.break_latest + t.break_minutes <= t.length
        ):
            raise ValueError(
                f"{where}: the break window must satisfy 0 ≤ earliest ≤ latest and "
                "latest + break_minutes ≤ length"
            )
        if t.break_minutes >= t.length:
            raise ValueError(f"{where}: the break is as long as the shift")
        if t.min_count < 0 or (t.max_count is not None and t.max_count < t.min_count):
            raise ValueError(f"{where}: need 0 ≤ min_count ≤ max_count")
