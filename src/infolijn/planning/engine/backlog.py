"""Agents for deferred work (e-mail, web forms): everything handled by its due moment.

Items arriving in interval ``i`` may be handled from interval ``i`` up to and including
interval ``due[i]`` (the caller computes due indices with the calendar, DESIGN §8), and only
in open intervals. Work is measured in agent-intervals: an item takes ``handle_seconds`` of
one agent, so ``agents`` agents during one interval handle ``agents · interval / handle``
items. Agents stay fractional (planning reference §1); ``agents_rounded`` rounds each
interval up.

:func:`plan_backlog` gives the staffing with the **lowest peak** and, among those, the most
even one. This is the speed-scaling problem of Yao, Demers & Shenker (1995) with time
counted in open intervals: the densest window (work that must arrive *and* be done inside it
÷ open intervals in it) fixes the agents in that window, the window is cut out of the
timeline, and the rest is solved again. The first density is a lower bound on any peak
(that work has nowhere else to go) and the schedule meets it, so the peak is minimal; the
later windows make it the most even schedule (it minimises every convex cost of the agents,
e.g. the sum of squares). Total agent-hours equal the work, the least possible. Handling in
earliest-deadline-first order at those speeds meets every deadline.

:func:`spread_evenly` is the simple mode (reference §12.4): each arrival's work spread at a
constant rate over the open intervals before its due moment. It is always on time, but its
peak is higher whenever deadlines of different arrivals overlap unevenly.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

Method = Literal["min_peak", "even_spread", "given"]

_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class BacklogPlan:
    """Agents per interval and what happens to the items under that staffing (EDF)."""

    method: Method
    #: Fractional agents per interval, and each rounded up.
    agents: tuple[float, ...]
    agents_rounded: tuple[int, ...]
    #: Items handled in each interval, and items still open at its end.
    handled: tuple[float, ...]
    backlog: tuple[float, ...]
    #: Items not handled by their due interval (including any with no open interval at all).
    missed_items: float
    #: Items that arrive with no open interval before their due moment: late whatever the plan.
    unschedulable_items: float
    peak: float
    agent_hours: float

    @property
    def on_time(self) -> bool:
        return self.missed_items <= _EPS


def plan_backlog(
    arrivals: Sequence[float],
    due: Sequence[int],
    open_intervals: Sequence[bool],
    *,
    handle_seconds: float,
    interval_minutes: int = 30,
) -> BacklogPlan:
    """Lowest-peak, most even fractional agents that handle every item by its due interval
    (module docs). Items that cannot make it (no open interval in their window) are left
    out of the staffing and reported as missed."""
    jobs, unschedulable = _jobs(arrivals, due, open_intervals, handle_seconds, interval_minutes)
    agents = np.zeros(len(arrivals))
    alive = [i for i, is_open in enumerate(open_intervals) if is_open]
    while jobs and alive:
        k = len(alive)
        spans = [
            (bisect.bisect_left(alive, r), bisect.bisect_right(alive, d) - 1, w) for r, d, w in jobs
        ]
        grid = np.zeros((k, k))
        for lo, hi, w in spans:
            grid[lo, hi] += w
        # inside[s, e] = work of jobs with s ≤ lo and hi ≤ e: suffix sums over lo, prefix over hi.
        inside = np.cumsum(np.cumsum(grid[::-1], axis=0)[::-1], axis=1)
        width = np.arange(k)[None, :] - np.arange(k)[:, None] + 1
        density = np.where(width > 0, inside / np.maximum(width, 1), -1.0)
        top = float(density.max())
        # Among the densest windows take the widest (then the earliest): same speeds, fewer rounds.
        ties = np.argwhere(density >= top * (1 - 1e-12))
        s, e = max(ties.tolist(), key=lambda se: (se[1] - se[0], -se[0]))
        for position in range(s, e + 1):
            agents[alive[position]] = top
        jobs = [job for job, (lo, hi, _) in zip(jobs, spans, strict=True) if not s <= lo <= hi <= e]
        del alive[s : e + 1]
    return simulate_backlog(
        arrivals,
        due,
        open_intervals,
        agents.tolist(),
        handle_seconds=handle_seconds,
        interval_minutes=interval_minutes,
        method="min_peak",
        unschedulable=unschedulable,
    )


def spread_evenly(
    arrivals: Sequence[float],
    due: Sequence[int],
    open_intervals: Sequence[bool],
    *,
    handle_seconds: float,
    interval_minutes: int = 30,
) -> BacklogPlan:
    """Simple mode: each arrival's work at a constant rate over the open intervals from its
    arrival to its due interval, summed over arrivals."""
    jobs, unschedulable = _jobs(arrivals, due, open_intervals, handle_seconds, interval_minutes)
    agents = [0.0] * len(arrivals)
    for release, deadline, work in jobs:
        window = [i for i in range(release, deadline + 1) if open_intervals[i]]
        for i in window:
            agents[i] += work / len(window)
    return simulate_backlog(
        arrivals,
        due,
        open_intervals,
        agents,
        handle_seconds=handle_seconds,
        interval_minutes=interval_minutes,
        method="even_spread",
        unschedulable=unschedulable,
    )


def simulate_backlog(
    arrivals: Sequence[float],
    due: Sequence[int],
    open_intervals: Sequence[bool],
    agents: Sequence[float],
    *,
    handle_seconds: float,
    interval_minutes: int = 30,
    method: Method = "given",
    unschedulable: float | None = None,
) -> BacklogPlan:
    """Handle the items earliest-deadline-first with ``agents`` per interval (none in closed
    intervals) and report handled, backlog and missed items. An item still open after its
    due interval counts as missed and is dropped from the queue (the staffing has no room
    for it)."""
    if len(agents) != len(arrivals):
        raise ValueError(f"agents has {len(agents)} intervals but arrivals has {len(arrivals)}")
    for i, a in enumerate(agents):
        if not (math.isfinite(a) and a >= 0):
            raise ValueError(f"agents[{i}] must be a finite number ≥ 0, got {a!r}")
    if unschedulable is None:
        _, unschedulable = _jobs(arrivals, due, open_intervals, handle_seconds, interval_minutes)
    else:
        _check(arrivals, due, open_intervals, handle_seconds, interval_minutes)
    per_agent = interval_minutes * 60.0 / handle_seconds  # items per agent per interval
    queue: list[list[float]] = []  # [due, items], kept sorted by due
    handled, backlog = [], []
    missed = 0.0
    for t, count in enumerate(arrivals):
        if count > 0:
            bisect.insort(queue, [float(due[t]), float(count)])
        capacity = agents[t] * per_agent if open_intervals[t] else 0.0
        done = 0.0
        while queue and capacity > _EPS:
            take = min(capacity, queue[0][1])
            queue[0][1] -= take
            capacity -= take
            done += take
            if queue[0][1] <= _EPS:
                queue.pop(0)
        while queue and queue[0][0] <= t:
            missed += queue.pop(0)[1]
        handled.append(done)
        backlog.append(math.fsum(items for _, items in queue))
    missed += math.fsum(items for _, items in queue)  # due after the horizon: cannot happen
    values = [float(a) if open_intervals[i] else 0.0 for i, a in enumerate(agents)]
    return BacklogPlan(
        method=method,
        agents=tuple(values),
        agents_rounded=tuple(math.ceil(a - _EPS) if a > _EPS else 0 for a in values),
        handled=tuple(handled),
        backlog=tuple(backlog),
        missed_items=missed if missed > _EPS else 0.0,
        unschedulable_items=unschedulable,
        peak=max(values),
        agent_hours=math.fsum(values) * interval_minutes / 60.0,
    )


def _jobs(
    arrivals: Sequence[float],
    due: Sequence[int],
    open_intervals: Sequence[bool],
    handle_seconds: float,
    interval_minutes: int,
) -> tuple[list[tuple[int, int, float]], float]:
    """(release, due, work in agent-intervals) per arrival that can make it, and the items
    that cannot."""
    _check(arrivals, due, open_intervals, handle_seconds, interval_minutes)
    work_per_item = handle_seconds / (interval_minutes * 60.0)
    opened = np.cumsum([bool(o) for o in open_intervals])
    jobs, lost = [], 0.0
    for i, count in enumerate(arrivals):
        if count <= 0:
            continue
        before = opened[i - 1] if i else 0
        if opened[due[i]] - before == 0:
            lost += float(count)
        else:
            jobs.append((i, int(due[i]), float(count) * work_per_item))
    return jobs, lost


def _check(
    arrivals: Sequence[float],
    due: Sequence[int],
    open_intervals: Sequence[bool],
    handle_seconds: float,
    interval_minutes: int,
) -> None:
    n = len(arrivals)
    if n == 0:
        raise ValueError("arrivals is empty: give items per interval")
    if len(due) != n or len(open_intervals) != n:
        raise ValueError(
            f"arrivals, due and open_intervals must have the same length, got {n}, "
            f"{len(due)} and {len(open_intervals)}"
        )
    if not (math.isfinite(handle_seconds) and handle_seconds > 0):
        raise ValueError(f"handle_seconds must be a finite number > 0, got {handle_seconds!r}")
    if interval_minutes <= 0:
        raise ValueError(f"interval_minutes must be > 0, got {interval_minutes!r}")
    for i, count in enumerate(arrivals):
        if not (math.isfinite(count) and count >= 0):
            raise ValueError(f"arrivals[{i}] must be a finite number ≥ 0, got {count!r}")
        if count > 0 and not i <= due[i] < n:
            raise ValueError(
                f"due[{i}] = {due[i]!r} must lie between its arrival interval {i} and the "
                f"last interval {n - 1}"
            )
