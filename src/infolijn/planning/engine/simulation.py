"""Discrete-event simulation (SimPy) of one phone queue: M/M/n, or M/M/n+M with abandonment.

It checks the Erlang formulas from the other side: callers arrive as a Poisson process, wait
first come first served for one of ``agents`` agents, are handled for an exponential time
and, with ``patience_seconds``, hang up after an exponential patience if nobody answered.
The measures follow DESIGN §8, like the formulas: service level = answered within the
threshold ÷ offered, ASA = mean wait of answered calls, abandonment = abandoned ÷ offered.

Sampling error uses **batch means**: waits of neighbouring callers are correlated, so a
binomial standard error would be too small. The measured calls are split into consecutive
batches and the standard error is the spread of the batch values divided by √batches.

All randomness comes from one seeded ``numpy.random.Generator``: the same seed gives the
same result.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy


@dataclass(frozen=True, slots=True)
class SimulationResult:
    """What one simulation run measured (calls after the warm-up only)."""

    agents: int
    offered: int
    answered: int
    abandoned: int
    service_level: float
    service_level_se: float
    asa: float
    asa_se: float
    abandonment: float
    abandonment_se: float
    occupancy: float
    batches: int

    def service_level_interval(self, z: float = 1.96) -> tuple[float, float]:
        """Confidence interval of the service level (``z = 1.96``: about 95 %)."""
        half = z * self.service_level_se
        return self.service_level - half, self.service_level + half

    def meets(self, target: float, z: float = 3.0) -> bool:
        """Does the run support ``service level ≥ target`` within ``z`` standard errors?"""
        return self.service_level + z * self.service_level_se >= target


def simulate(
    agents: int,
    calls_per_hour: float,
    aht_seconds: float,
    threshold_seconds: float,
    patience_seconds: float | None = None,
    *,
    calls: int = 20_000,
    warmup_calls: int | None = None,
    batches: int = 20,
    seed: int | np.random.Generator = 0,
) -> SimulationResult:
    """Simulate ``warmup_calls + calls`` callers (the queue starts empty) and measure the
    last ``calls``. The default warm-up is a tenth of ``calls``, at least 500 callers."""
    if agents < 1:
        raise ValueError(f"agents must be ≥ 1, got {agents}")
    if not (calls_per_hour > 0 and aht_seconds > 0 and threshold_seconds >= 0):
        raise ValueError("calls_per_hour and aht_seconds must be > 0, threshold_seconds ≥ 0")
    if patience_seconds is not None and not patience_seconds > 0:
        raise ValueError(f"patience_seconds must be > 0, got {patience_seconds}")
    if not 2 <= batches <= calls:
        raise ValueError(f"batches must be between 2 and calls, got {batches}")
    warmup = max(500, calls // 10) if warmup_calls is None else warmup_calls
    total = warmup + calls

    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    arrivals = np.cumsum(rng.exponential(3600.0 / calls_per_hour, total))
    services = rng.exponential(aht_seconds, total)
    patience = None if patience_seconds is None else rng.exponential(patience_seconds, total)

    waits = np.zeros(total)
    answered = np.zeros(total, dtype=bool)
    starts = np.full(total, np.nan)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=agents)

    def caller(i: int) -> Generator[simpy.Event, object, None]:
        with desk.request() as request:
            if patience is None:
                yield request
            else:
                yield request | env.timeout(float(patience[i]))
                if not request.triggered:  # hung up; leaving `with` cancels the request
                    waits[i] = env.now - arrivals[i]
                    return
            waits[i] = env.now - arrivals[i]
            answered[i] = True
            starts[i] = env.now
            yield env.timeout(float(services[i]))

    def source() -> Generator[simpy.Event, object, None]:
        for i in range(total):
            yield env.timeout(float(arrivals[i]) - env.now)
            env.process(caller(i))

    env.process(source())
    env.run()
    return _measure(
        agents=agents,
        arrivals=arrivals[warmup:],
        waits=waits[warmup:],
        answered=answered[warmup:],
        starts=starts[warmup:],
        all_starts=starts,
        services=services,
        threshold=threshold_seconds,
        batches=batches,
    )


def _measure(
    *,
    agents: int,
    arrivals: np.ndarray,
    waits: np.ndarray,
    answered: np.ndarray,
    starts: np.ndarray,
    all_starts: np.ndarray,
    services: np.ndarray,
    threshold: float,
    batches: int,
) -> SimulationResult:
    in_time = answered & (waits <= threshold)
    parts = np.array_split(np.arange(len(arrivals)), batches)
    sl = np.array([in_time[p].mean() for p in parts])
    ab = np.array([1.0 - answered[p].mean() for p in parts])
    asa = np.array([waits[p][answered[p]].mean() if answered[p].any() else 0.0 for p in parts])

    # Occupancy: agent time spent on calls inside the measured window, from every call
    # (warm-up calls may still be handled when the window opens).
    begin, end = float(arrivals[0]), float(arrivals[-1])
    served = ~np.isnan(all_starts)
    busy_from = np.clip(all_starts[served], begin, end)
    busy_to = np.clip(all_starts[served] + services[served], begin, end)
    occupancy = float((busy_to - busy_from).sum()) / (agents * (end - begin))

    count = int(answered.sum())
    return SimulationResult(
        agents=agents,
        offered=len(arrivals),
        answered=count,
        abandoned=len(arrivals) - count,
        service_level=float(in_time.mean()),
        service_level_se=_standard_error(sl),
        asa=float(waits[answered].mean()) if count else math.inf,
        asa_se=_standard_error(asa),
        abandonment=1.0 - count / len(arrivals),
        abandonment_se=_standard_error(ab),
        occupancy=occupancy,
        batches=batches,
    )


def _standard_error(values: np.ndarray) -> float:
    return float(values.std(ddof=1) / math.sqrt(len(values)))
