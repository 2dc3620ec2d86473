"""How many agents a phone queue needs: the smallest number that meets every target.

Service level, ASA and occupancy all improve (or stay equal) with every extra agent, in
Erlang C and in Erlang A, so "meets every target" is monotone in the number of agents and the
smallest such number is found by search:

- Erlang C walks upwards from the first stable number, ``floor(A) + 1`` (or the occupancy
  cap's lower bound), with one O(1) step of the Erlang-B recursion per agent. The answer is
  ``A + O(√A)`` (square-root staffing), so a few dozen steps suffice even for thousands of
  agents.
- Erlang A may need fewer agents than the load (callers who hang up free capacity), or more
  than Erlang C (callers who hang up count as missed). The search brackets the answer between
  ``target · A`` (agents answer at most ``n·μ`` calls) and Erlang C's answer for the service
  level, galloping upwards when that is still too few, and bisects the bracket.

Shrinkage (breaks, training, absence) is applied last: ``agents_scheduled`` is the number
to put on the schedule so that ``agents`` are on the phone.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from infolijn.planning.engine.erlang import (
    QueueMetrics,
    erlang_a_metrics,
    erlang_b,
    erlang_b_step,
    erlang_c_metrics_unchecked,
    offered_load,
)

Model = Literal["erlang_c", "erlang_a"]

# A search that passes this many agents has a bug, not a big call center.
_AGENT_LIMIT = 10_000_000


# Argument rules, in the order of required_agents' parameters.
_RULES: tuple[tuple[str, Callable[[float], bool], str], ...] = (
    ("calls_per_hour", lambda v: v >= 0, "≥ 0"),
    ("aht_seconds", lambda v: v > 0, "> 0"),
    ("target_service_level", lambda v: 0 < v <= 1, "in (0, 1]"),
    ("threshold_seconds", lambda v: v >= 0, "≥ 0"),
    ("patience_seconds", lambda v: v > 0, "> 0"),
    ("shrinkage", lambda v: 0 <= v < 1, "in [0, 1)"),
    ("max_occupancy", lambda v: 0 < v <= 1, "in (0, 1]"),
    ("target_asa", lambda v: v > 0, "> 0"),
)


@dataclass(frozen=True, slots=True)
class StaffingResult:
    """Agents needed for one interval (the `infolijn staffing` contract, DESIGN §6)."""

    #: Smallest number of agents on the phone that meets every target.
    agents: int
    #: Service level, ASA (seconds) and occupancy with exactly ``agents`` agents.
    service_level: float
    asa: float
    occupancy: float
    model: Model
    #: Agents to schedule so that ``agents`` remain after shrinkage.
    agents_scheduled: int


def required_agents(
    calls_per_hour: float,
    aht_seconds: float,
    target_service_level: float,
    threshold_seconds: float,
    patience_seconds: float | None = None,
    shrinkage: float = 0.0,
    max_occupancy: float | None = None,
    target_asa: float | None = None,
) -> StaffingResult:
    """Smallest number of agents that answers ``target_service_level`` of the calls within
    ``threshold_seconds`` (and keeps occupancy ≤ ``max_occupancy`` and ASA ≤ ``target_asa``
    when those are given).

    Without ``patience_seconds`` callers wait forever (Erlang C); with it they hang up after
    an exponential time with that mean (Erlang A), and abandoned calls count as missed.
    """
    _validate(
        calls_per_hour,
        aht_seconds,
        target_service_level,
        threshold_seconds,
        patience_seconds,
        shrinkage,
        max_occupancy,
        target_asa,
    )
    model: Model = "erlang_c" if patience_seconds is None else "erlang_a"
    if calls_per_hour == 0:
        return StaffingResult(0, 1.0, 0.0, 0.0, model, 0)
    load = offered_load(calls_per_hour, aht_seconds)

    def meets(metrics: QueueMetrics) -> bool:
        return (
            metrics.service_level >= target_service_level
            and (max_occupancy is None or metrics.occupancy <= max_occupancy)
            and (target_asa is None or metrics.asa <= target_asa)
        )

    if patience_seconds is None:
        start = math.floor(load) + 1
        if max_occupancy is not None:
            start = max(start, math.floor(load / max_occupancy))
        metrics = _walk_up_erlang_c(start, load, aht_seconds, threshold_seconds, meets)
    else:
        patience = patience_seconds
        blocking = [1.0]  # Erlang B for 0, 1, 2, … agents, extended as the search needs

        def evaluate(agents: int) -> QueueMetrics:
            for k in range(len(blocking), agents + 1):
                blocking.append(erlang_b_step(blocking[-1], k, load))
            return erlang_a_metrics(
                agents, load, aht_seconds, threshold_seconds, patience, blocking=blocking[agents]
            )

        # Erlang C's answer for the service level alone is a cheap first guess: enough
        # agents whenever patience is long against the threshold (otherwise the search
        # gallops upwards from it).
        guess = _walk_up_erlang_c(
            math.floor(load) + 1,
            load,
            aht_seconds,
            threshold_seconds,
            lambda m: m.service_level >= target_service_level,
        )
        # Agents answer at most n·μ calls, so service level ≤ n / A: below target·A none meets.
        too_few = max(0, math.floor(target_service_level * load) - 1)
        metrics = _bracket_search(guess.agents, too_few, evaluate, meets)
    return StaffingResult(
        agents=metrics.agents,
        service_level=metrics.service_level,
        asa=metrics.asa,
        occupancy=metrics.occupancy,
        model=model,
        agents_scheduled=scheduled_agents(metrics.agents, shrinkage),
    )


def scheduled_agents(agents: int, shrinkage: float) -> int:
    """``ceil(agents / (1 − shrinkage))`` in exact arithmetic on the decimal the planner
    typed: in floats ``93208 / (1 − 0.92)`` is ``1165100.0000000006`` and would add a
    phantom agent. ``str(float)`` is the shortest decimal that reads back as that float."""
    if shrinkage == 0:
        return agents
    quick = agents / (1.0 - shrinkage)
    if abs(quick - round(quick)) > 1e-6 * max(1.0, quick):
        return math.ceil(quick)  # far from a whole number: float noise cannot matter
    return math.ceil(agents / (1 - Fraction(str(shrinkage))))


def _walk_up_erlang_c(
    start: int,
    load: float,
    aht: float,
    threshold: float,
    meets: Callable[[QueueMetrics], bool],
) -> QueueMetrics:
    agents = start - 1
    blocking = erlang_b(agents, load)
    while agents < _AGENT_LIMIT:
        agents += 1
        blocking = erlang_b_step(blocking, agents, load)
        metrics = erlang_c_metrics_unchecked(agents, load, aht, threshold, blocking)
        if meets(metrics):
            return metrics
    raise RuntimeError(f"no staffing found below {_AGENT_LIMIT} agents (load {load:.6g})")


def _bracket_search(
    start: int,
    too_few: int,
    evaluate: Callable[[int], QueueMetrics],
    meets: Callable[[QueueMetrics], bool],
) -> QueueMetrics:
    """Smallest ``n > too_few`` with ``meets(evaluate(n))``, for a monotone predicate that
    fails at ``too_few``: gallop upwards from ``start`` until it holds, then bisect."""
    cache: dict[int, QueueMetrics] = {}

    def ok(agents: int) -> bool:
        if agents not in cache:
            cache[agents] = evaluate(agents)
        return meets(cache[agents])

    bad, good, step = too_few, max(start, too_few + 1), 1
    while not ok(good):
        if good > _AGENT_LIMIT:
            raise RuntimeError(f"no staffing found below {_AGENT_LIMIT} agents")
        bad, step = good, step * 2
        good = bad + step
    while good - bad > 1:
        middle = (good + bad) // 2
        if ok(middle):
            good = middle
        else:
            bad = middle
    return cache[good]


def _validate(*values: float | None) -> None:
    """Raise ValueError naming the first bad argument (``values`` in ``_RULES`` order)."""
    for (name, valid, rule), value in zip(_RULES, values, strict=True):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must be a number, got {value!r}")
        if not (math.isfinite(value) and valid(value)):
            raise ValueError(f"{name} must be a finite number {rule}, got {value!r}")
