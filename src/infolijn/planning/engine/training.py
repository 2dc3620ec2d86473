"""Training-day proposals: when can agents leave the phones without hurting the service?

A session takes ``k`` scheduled agents off the line for the intervals it spans. Every
candidate start is scored on those intervals only:

- **slack**: ``scheduled − k − required``; the option is *feasible* when it is ≥ 0 in every
  spanned interval (the requirement already includes shrinkage, so no margin is added);
- **shortfall**: ``Σ max(0, required − (scheduled − k))`` agent-intervals, and the
  **backfill** that would repair it: whole extra agents per interval, in agent-hours;
- with a service-level function (see :func:`erlang_service_level`), the **lowest service
  level** left in a spanned interval.

Options are ranked with feasible ones first, then by smallest shortfall, largest minimum
slack, largest total slack, highest minimum service level and earliest start, so the same
input always gives the same order. :func:`propose_training` splits the trainees into
sessions of at most ``capacity`` and places them one after the other, each on the best start
left after the earlier sessions took their agents (a greedy plan, not a joint optimum: the
planner sees every option and can choose differently).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from infolijn.planning.engine.erlang import erlang_a_metrics, erlang_c_metrics, offered_load

#: ``service_level(interval, agents) -> share answered in time``.
ServiceLevelFunction = Callable[[int, int], float]

_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class TrainingOption:
    """One session of ``size`` agents starting at interval ``start``."""

    start: int
    size: int
    #: The intervals the session spans, ``range(start, stop)``.
    stop: int
    #: False when fewer than ``size`` agents are scheduled in some spanned interval.
    enough_agents: bool
    feasible: bool
    #: Smallest and summed ``scheduled − size − required`` over the spanned intervals.
    min_slack: float
    total_slack: float
    #: Requirement not met in agent-intervals, and whole agent-hours to backfill it.
    shortfall: float
    backfill_hours: float
    #: Lowest service level left in a spanned interval (None without a service model).
    min_service_level: float | None


@dataclass(frozen=True, slots=True)
class TrainingProposal:
    """Sessions to run and where the greedy plan puts them."""

    #: Agents per session (the trainees split as evenly as ``capacity`` allows).
    sessions: tuple[int, ...]
    #: The chosen option for each session, in the order of ``sessions``.
    plan: tuple[TrainingOption, ...]
    #: Every start, ranked, for each distinct session size (before any session is placed).
    options: dict[int, tuple[TrainingOption, ...]]

    @property
    def feasible(self) -> bool:
        return all(option.feasible for option in self.plan)

    @property
    def shortfall(self) -> float:
        return math.fsum(option.shortfall for option in self.plan)


def erlang_service_level(
    calls_per_interval: Sequence[float],
    *,
    interval_minutes: int,
    aht_seconds: float,
    threshold_seconds: float,
    patience_seconds: float | None = None,
) -> ServiceLevelFunction:
    """Service level with ``agents`` on the phone in an interval, from its forecast calls
    (Erlang C, or Erlang A with ``patience_seconds``). Agents here are on the phone: pass
    scheduled agents net of shrinkage if the requirement was grossed up for it."""
    if interval_minutes <= 0:
        raise ValueError(f"interval_minutes must be > 0, got {interval_minutes!r}")
    if any(not (math.isfinite(c) and c >= 0) for c in calls_per_interval):
        raise ValueError("calls_per_interval must be finite numbers ≥ 0")
    per_hour = 60.0 / interval_minutes
    loads = [offered_load(c * per_hour, aht_seconds) for c in calls_per_interval]

    def service_level(interval: int, agents: int) -> float:
        load = loads[interval]
        if patience_seconds is None:
            return erlang_c_metrics(agents, load, aht_seconds, threshold_seconds).service_level
        return erlang_a_metrics(
            agents, load, aht_seconds, threshold_seconds, patience_seconds
        ).service_level

    return service_level


def evaluate_session(
    scheduled: Sequence[float],
    required: Sequence[float],
    *,
    start: int,
    size: int,
    intervals: int,
    interval_minutes: int,
    service_level: ServiceLevelFunction | None = None,
) -> TrainingOption:
    """Score one session of ``size`` agents over ``intervals`` intervals from ``start``."""
    stop = start + intervals
    if start < 0 or stop > len(scheduled):
        raise ValueError(
            f"a session from interval {start} for {intervals} intervals does not fit in the "
            f"{len(scheduled)} intervals given"
        )
    slacks, short, backfill, levels = [], 0.0, 0, []
    enough = True
    for i in range(start, stop):
        if scheduled[i] + _EPS < size:
            enough = False
        left = max(0.0, scheduled[i] - size)
        slacks.append(left - required[i])
        missing = required[i] - left
        if missing > _EPS:
            short += missing
            backfill += math.ceil(missing - _EPS)
        if service_level is not None:
            levels.append(service_level(i, math.floor(left + _EPS)))
    return TrainingOption(
        start=start,
        size=size,
        stop=stop,
        enough_agents=enough,
        feasible=enough and short == 0.0,
        min_slack=min(slacks),
        total_slack=math.fsum(slacks),
        shortfall=short,
        backfill_hours=backfill * interval_minutes / 60.0,
        min_service_level=min(levels) if levels else None,
    )


def rank_options(
    scheduled: Sequence[float],
    required: Sequence[float],
    *,
    size: int,
    session_minutes: int,
    candidate_starts: Sequence[int],
    interval_minutes: int = 30,
    service_level: ServiceLevelFunction | None = None,
) -> tuple[TrainingOption, ...]:
    """Every candidate start for a session of ``size`` agents, best first (module docs)."""
    _check(scheduled, required, interval_minutes, session_minutes, candidate_starts)
    if size <= 0:
        raise ValueError(f"size must be a whole number > 0, got {size!r}")
    span = math.ceil(session_minutes / interval_minutes)
    options = [
        evaluate_session(
            scheduled,
            required,
            start=s,
            size=size,
            intervals=span,
            interval_minutes=interval_minutes,
            service_level=service_level,
        )
        for s in dict.fromkeys(candidate_starts)
    ]
    return tuple(sorted(options, key=_rank))


def propose_training(
    scheduled: Sequence[float],
    required: Sequence[float],
    *,
    trainees: int,
    session_minutes: int,
    candidate_starts: Sequence[int],
    capacity: int | None = None,
    interval_minutes: int = 30,
    service_level: ServiceLevelFunction | None = None,
) -> TrainingProposal:
    """Split ``trainees`` into sessions of at most ``capacity`` and place each session on
    the best remaining start (a start used by an earlier session is not reused)."""
    _check(scheduled, required, interval_minutes, session_minutes, candidate_starts)
    if trainees <= 0:
        raise ValueError(f"trainees must be a whole number > 0, got {trainees!r}")
    if capacity is not None and capacity <= 0:
        raise ValueError(f"capacity must be a whole number > 0, got {capacity!r}")
    count = 1 if capacity is None else math.ceil(trainees / capacity)
    base, extra = divmod(trainees, count)
    sessions = tuple(base + 1 if k < extra else base for k in range(count))
    if count > len(dict.fromkeys(candidate_starts)):
        raise ValueError(
            f"{count} sessions need at least {count} candidate starts, "
            f"got {len(dict.fromkeys(candidate_starts))}"
        )

    def ranked(
        size: int, agents: Sequence[float], starts: Sequence[int]
    ) -> tuple[TrainingOption, ...]:
        return rank_options(
            agents,
            required,
            size=size,
            session_minutes=session_minutes,
            candidate_starts=starts,
            interval_minutes=interval_minutes,
            service_level=service_level,
        )

    options = {size: ranked(size, scheduled, candidate_starts) for size in sorted(set(sessions))}
    left = list(scheduled)
    starts = list(dict.fromkeys(candidate_starts))
    plan = []
    for size in sessions:
        best = ranked(size, left, starts)[0]
        plan.append(best)
        starts.remove(best.start)
        for i in range(best.start, best.stop):
            left[i] = max(0.0, left[i] - size)
    return TrainingProposal(sessions=sessions, plan=tuple(plan), options=options)


def _rank(option: TrainingOption) -> tuple[bool, bool, float, float, float, float, int]:
    level = option.min_service_level
    return (
        not option.enough_agents,
        not option.feasible,
        round(option.shortfall, 9),
        -round(option.min_slack, 9),
        -round(option.total_slack, 9),
        -(level if level is not None else 0.0),
        option.start,
    )


def _check(
    scheduled: Sequence[float],
    required: Sequence[float],
    interval_minutes: int,
    session_minutes: int,
    candidate_starts: Sequence[int],
) -> None:
    if len(scheduled) != len(required):
        raise ValueError(
            f"scheduled has {len(scheduled)} intervals but required has {len(required)}"
        )
    if not scheduled:
        raise ValueError("scheduled is empty: give agents per interval")
    for name, values in (("scheduled", scheduled), ("required", required)):
        for i, v in enumerate(values):
            if not (math.isfinite(v) and v >= 0):
                raise ValueError(f"{name}[{i}] must be a finite number ≥ 0, got {v!r}")
    if interval_minutes <= 0:
        raise ValueError(f"interval_minutes must be > 0, got {interval_minutes!r}")
    if session_minutes <= 0:
        raise ValueError(f"session_minutes must be > 0, got {session_minutes!r}")
    if not candidate_starts:
        raise ValueError("candidate_starts is empty: give at least one interval to start in")
