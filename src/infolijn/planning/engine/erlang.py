"""Erlang B, C and A: steady-state performance of a phone queue with a given number of agents.

Conventions (all functions):

- ``load`` is the offered load in Erlangs, ``A = λ · AHT`` (see :func:`offered_load`).
- ``aht``, ``threshold`` and ``patience`` are times in one unit (the engine uses seconds).
- **Service level** is *answered within the threshold ÷ offered*, the KPI of DESIGN §8. Callers
  who abandon count as offered and not answered, whenever they hang up: a caller who gives up
  after 10 s did not get an answer within 20 s. This is the reference's
  ``SL(t) = P(W=0) + P(0 < V ≤ t, served)`` (planning.md §8), and it is what the KPI report
  measures afterwards, so a plan and its review use the same yardstick. (Other conventions
  leave abandoned calls out, or count early hang-ups as successes; both flatter an
  understaffed plan.) The model does not drop the KPI's short abandons (< 5 s), so it is
  slightly conservative against the KPI.
- **ASA** is the mean wait of *answered* calls (DESIGN §8). In Erlang C everybody is answered,
  so it is also the mean wait of all callers. In Erlang A it differs from the reference's
  ``E[W] = P(Ab)/θ`` (mean over all callers, abandoned ones included); that value is
  ``abandonment × patience``.

Erlang B uses the recursion ``B_k = A·B_{k−1} / (k + A·B_{k−1})``: every term stays in (0, 1],
so it is exact for thousands of agents with no factorials or powers to overflow.

Erlang A (M/M/n+M, exponential patience with mean ``patience``) is evaluated from the
birth-death chain seen by an arriving caller, in log space. With ``x = n·μ/θ`` and
``y = λ/θ``, a caller who finds all agents busy and ``m`` callers waiting is in state
``m`` with weight ``w_m = y^m / Π_{k=1..m} (x + k)`` (``Σ w_m`` is the reference's
``A(x, y)``). Given ``m``, ``U = e^{−θV}`` (``V`` the offered wait) is Beta(x, m + 1), so:

- ``P(served | m) = x / (x + m + 1)``;
- ``P(served, V ≤ t | m) = x / (x + m + 1) · (1 − I_{e^{−θt}}(x + 1, m + 1))``;
- ``E[V·1{served} | m] = x / (x + m + 1) · Σ_{k=1..m+1} 1 / (θ·(x + k))``.

Summing these over a window of ``m`` around the mode of ``w_m`` gives P(W>0), abandonment
and ASA with no underflow when ``y ≪ x`` and no cancellation as ``θ → 0``. The service level
uses the reference's closed form in the incomplete gamma function, which costs three scalar
calls instead of one incomplete beta per term, and falls back to the series where
``P(x, y)`` underflows. The tests check the series against the closed forms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

# Terms of the Erlang A series below exp(-45) of the largest one are dropped (< 3e-20 relative).
_LOG_CUTOFF = 45.0
# Largest Erlang A series accepted: about 16 MB of float64 per array.
_MAX_TERMS = 2_000_000


@dataclass(frozen=True, slots=True)
class QueueMetrics:
    """Steady-state performance of one queue with a fixed number of agents."""

    agents: int
    #: P(W > 0): share of callers who find every agent busy.
    p_wait: float
    #: Answered within the threshold ÷ offered (abandoned calls count as missed).
    service_level: float
    #: Mean wait of answered calls (same unit as ``aht``); ``inf`` when nobody is answered.
    asa: float
    #: Share of callers who hang up before an agent answers (0.0 in Erlang C).
    abandonment: float
    #: Share of the agents' time spent handling calls.
    occupancy: float


def offered_load(calls_per_hour: float, aht_seconds: float) -> float:
    """Offered load in Erlangs: the number of agents that would be busy all the time."""
    return calls_per_hour * aht_seconds / 3600.0


def erlang_b(agents: int, load: float) -> float:
    """Erlang B blocking probability of ``agents`` servers at ``load`` Erlangs (recursion)."""
    _check_queue(agents, load)
    blocking = 1.0
    for k in range(1, agents + 1):
        offered = load * blocking
        blocking = offered / (k + offered)
    return blocking


def erlang_b_step(blocking: float, agents: int, load: float) -> float:
    """Erlang B for ``agents`` from its value for ``agents − 1``: one step of the recursion.

    The staffing search walks upwards one agent at a time, so each candidate costs O(1).
    """
    offered = load * blocking
    return offered / (agents + offered)


def erlang_c(agents: int, load: float, *, blocking: float | None = None) -> float:
    """Erlang C probability of waiting, P(W > 0); 1.0 when the queue is unstable (n ≤ A).

    ``blocking`` is Erlang B of (agents, load) when the caller already has it.
    """
    _check_queue(agents, load)
    if load == 0:
        return 0.0
    if agents <= load:
        return 1.0
    b = erlang_b(agents, load) if blocking is None else blocking
    return agents * b / (agents - load * (1.0 - b))


def erlang_c_metrics(
    agents: int, load: float, aht: float, threshold: float, *, blocking: float | None = None
) -> QueueMetrics:
    """Erlang C (M/M/n, callers never hang up) performance of ``agents`` agents.

    With ``n ≤ A`` the queue grows without bound: nobody is answered in time (service level
    0, ASA ``inf``) and agents are busy all the time.
    """
    _check_queue(agents, load)
    _check_times(aht, threshold)
    if load == 0:
        return _idle(agents)
    if agents <= load:
        return QueueMetrics(agents, 1.0, 0.0, math.inf, 0.0, 1.0)
    if blocking is None:
        blocking = erlang_b(agents, load)
    return erlang_c_metrics_unchecked(agents, load, aht, threshold, blocking)


def erlang_c_metrics_unchecked(
    agents: int, load: float, aht: float, threshold: float, blocking: float
) -> QueueMetrics:
    """:func:`erlang_c_metrics` for ``agents > load > 0`` and valid times, without the
    checks: the staffing search calls it once per candidate."""
    wait = agents * blocking / (agents - load * (1.0 - blocking))
    slack = agents - load
    return QueueMetrics(
        agents=agents,
        p_wait=wait,
        service_level=1.0 - wait * math.exp(-slack * threshold / aht),
        asa=wait * aht / slack,
        abandonment=0.0,
        occupancy=load / agents,
    )


def erlang_a_metrics(
    agents: int,
    load: float,
    aht: float,
    threshold: float,
    patience: float,
    *,
    blocking: float | None = None,
) -> QueueMetrics:
    """Erlang A (M/M/n+M) performance of ``agents`` agents when callers' patience is
    exponential with mean ``patience``. Stays finite when ``load ≥ agents`` (overload).

    ``blocking`` is Erlang B of (agents, load) when the caller already has it.
    """
    _check_queue(agents, load)
    _check_times(aht, threshold)
    if not (math.isfinite(patience) and patience > 0):
        raise ValueError(f"patience must be a finite number > 0, got {patience!r}")
    if load == 0:
        return _idle(agents)
    if agents == 0:
        return QueueMetrics(0, 1.0, 0.0, math.inf, 1.0, 0.0)

    ratio = patience / aht  # μ/θ
    x = agents * ratio  # n·μ/θ
    y = load * ratio  # λ/θ
    m, log_w = _queue_weights(x, y)
    top = float(log_w.max())
    weights = np.exp(log_w - top)
    total = float(weights.sum())
    ahead = weights / total  # P(m callers ahead | all agents busy)

    if blocking is None:
        blocking = erlang_b(agents, load)
    p_wait = _p_wait(blocking, top + math.log(total))
    served = x / (x + m + 1.0)  # P(served | m ahead)
    s = math.exp(-threshold / patience)  # e^{−θt}
    in_time = _in_time_closed(x, y, s)
    if in_time is None:
        in_time = _in_time_series(x, m, ahead, s)
    # Σ_{k=1..m+1} 1/(x+k): digamma for the part before the window, exact sums inside it.
    before = float(special.digamma(x + m[0] + 1.0) - special.digamma(x + 1.0)) if m[0] else 0.0
    harmonic = before + np.cumsum(1.0 / (x + m + 1.0))

    abandonment = p_wait * float(np.dot(ahead, (m + 1.0) / (x + m + 1.0)))
    service_level = 1.0 - p_wait + p_wait * in_time
    answered = 1.0 - abandonment
    wait_of_answered = p_wait * patience * float(np.dot(ahead, served * harmonic))
    return QueueMetrics(
        agents=agents,
        p_wait=p_wait,
        service_level=min(1.0, max(0.0, service_level)),
        asa=wait_of_answered / answered if answered > 0 else math.inf,
        abandonment=abandonment,
        occupancy=min(1.0, load * answered / agents),
    )


def _in_time_closed(x: float, y: float, s: float) -> float | None:
    """P(served within t | W > 0) from the reference's closed form,
    ``(x/y)·[P(x+1, y) − P(x+1, y·s)] / P(x, y)`` with P the regularised lower incomplete
    gamma; ``None`` when ``P(x, y)`` is too close to underflow to divide by (``y ≪ x``)."""
    whole = float(special.gammainc(x, y))
    if whole < 1e-250:
        return None
    head = float(special.gammainc(x + 1.0, y) - special.gammainc(x + 1.0, y * s))
    return x / y * head / whole


def _in_time_series(x: float, m: np.ndarray, ahead: np.ndarray, s: float) -> float:
    """The same probability summed over the callers ahead: ``U = e^{−θV}`` is Beta(x, m+1),
    so ``E[U·1{U ≥ s}] = x/(x+m+1) · (1 − I_s(x+1, m+1))``. Slower (one incomplete beta
    per term), but it has no division by a tiny ``P(x, y)``."""
    terms = x / (x + m + 1.0) * special.betaincc(x + 1.0, m + 1.0, s)
    return float(np.dot(ahead, terms))


def _queue_weights(x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
    """The ``m`` values that matter and ``log w_m`` for them (see the module docstring).

    ``w_m / w_{m−1} = y / (x + m)``, so the weights rise up to ``m ≈ y − x`` and then fall
    at least like a Gaussian of variance ``max(x, y)``; below ``x`` they also fall
    geometrically with ratio ``y / x``. The window covers every term within ``exp(−45)``
    of the largest.
    """
    mode = max(0, math.floor(y - x))
    half = 10.0 * math.sqrt(max(x, y, 1.0))
    if y < x:
        half = min(half, _LOG_CUTOFF / math.log(x / y))
    width = int(half) + 50
    start = max(0, mode - width)
    stop = mode + width + 1
    if stop - start > _MAX_TERMS:
        raise ValueError(
            "patience is too long for Erlang A at this load (λ·patience ≈ "
            f"{y:.3g}); leave patience out to use Erlang C"
        )
    m = np.arange(start, stop, dtype=float)
    log_w = np.empty_like(m)
    log_y = math.log(y)
    log_w[0] = (
        start * log_y - float(special.gammaln(x + start + 1.0) - special.gammaln(x + 1.0))
        if start
        else 0.0
    )
    log_w[1:] = log_w[0] + np.cumsum(log_y - np.log(x + m[1:]))
    return m, log_w


def _p_wait(blocking: float, log_a: float) -> float:
    """``P(W>0) = A·E / (1 + (A − 1)·E)`` written as ``1 / (1 + (1 − E)/(E·A))`` in logs,
    because ``A(x, y)`` overflows a float when the line is overloaded."""
    if blocking <= 0.0:
        return 0.0
    if blocking >= 1.0:
        return 1.0
    log_odds = log_a + math.log(blocking) - math.log1p(-blocking)
    if log_odds >= 0:  # the logistic function, without overflow on either side
        return 1.0 / (1.0 + math.exp(-log_odds))
    odds = math.exp(log_odds)
    return odds / (1.0 + odds)


def _idle(agents: int) -> QueueMetrics:
    return QueueMetrics(agents, 0.0, 1.0, 0.0, 0.0, 0.0)


def _check_queue(agents: int, load: float) -> None:
    if isinstance(agents, bool) or not isinstance(agents, int | np.integer) or agents < 0:
        raise ValueError(f"agents must be a whole number ≥ 0, got {agents!r}")
    if not (math.isfinite(load) and load >= 0):
        raise ValueError(f"load must be a finite number of Erlangs ≥ 0, got {load!r}")


def _check_times(aht: float, threshold: float) -> None:
    if not (math.isfinite(aht) and aht > 0):
        raise ValueError(f"aht must be a finite number > 0, got {aht!r}")
    if not (math.isfinite(threshold) and threshold >= 0):
        raise ValueError(f"threshold must be a finite number ≥ 0, got {threshold!r}")
