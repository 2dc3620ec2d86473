"""Estimates from mystery calls and evaluations: proportions with honest intervals.

- :func:`wilson_interval`: the Wilson score interval, not the Wald ``p̂ ± z·√(p̂(1−p̂)/n)``,
  which collapses to a point at 0 of n and n of n and undercovers small samples::

      (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)

- :func:`weighted_proportion`: the stratified estimator ``p̂ = Σ_h W_h p̂_h`` with population
  shares ``W_h = N_h / N`` (equivalently design weights ``N_h / n_h`` per call), Kish's
  effective sample size ``n_eff = (Σ w_i)² / Σ w_i² = N² / Σ_h (N_h² / n_h)``, and a Wilson
  interval computed on ``n_eff``. With proportional allocation the design is self-weighting
  and ``n_eff = n``; unequal weights shrink it.
- :func:`compare_proportions`: year on year, the two-proportion z-test (pooled), so a partner
  report can say "not significant" when it is not.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from scipy.stats import norm

K = TypeVar("K", bound=Hashable)


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile: 1.645 at 0.90, 1.960 at 0.95, 2.576 at 0.99."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    return float(norm.ppf(1 - (1 - confidence) / 2))


@dataclass(frozen=True, slots=True)
class Interval:
    estimate: float
    low: float
    high: float


def wilson_interval(successes: float, n: float, *, confidence: float = 0.95) -> Interval:
    """Wilson score interval for ``successes`` out of ``n`` (``n`` may be an effective size)."""
    if not n > 0:
        raise ValueError("a proportion needs n > 0")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n ({n}), got {successes!r}")
    z = z_value(confidence)
    p = successes / n
    z2n = z * z / n
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(p * (1 - p) / n + z2n / (4 * n))
    # At 0 of n and n of n the bound is exactly 0 or 1; keep float dust out of it.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(p, low, high)


@dataclass(frozen=True, slots=True)
class StratumCount:
    """Observed successes out of ``n`` calls in a stratum of ``population`` calls."""

    successes: int
    n: int
    population: float

    def __post_init__(self) -> None:
        if self.n < 0 or not 0 <= self.successes <= self.n:
            raise ValueError(f"need 0 ≤ successes ≤ n, got {self.successes} of {self.n}")
        if not (self.population >= 0 and math.isfinite(self.population)):
            raise ValueError(f"population must be ≥ 0, got {self.population!r}")


@dataclass(frozen=True, slots=True)
class StratumEstimate:
    #: ``successes / n``, with its Wilson interval; None when the stratum has no calls.
    interval: Interval | None
    n: int
    population: float
    #: Population share ``W_h`` among the covered strata (0 when not covered).
    share: float


@dataclass(frozen=True, slots=True)
class WeightedEstimate(Generic[K]):
    #: Stratified proportion and its Wilson interval on the effective sample size.
    interval: Interval
    n: int
    effective_n: float
    #: Kish's design effect from weighting, ``n / n_eff`` (1 when self-weighting).
    design_effect: float
    per_stratum: dict[K, StratumEstimate]
    #: Strata with population but no calls: the estimate does not speak for them.
    uncovered: tuple[K, ...]

    @property
    def proportion(self) -> float:
        return self.interval.estimate


def weighted_proportion(
    strata: Mapping[K, StratumCount], *, confidence: float = 0.95
) -> WeightedEstimate[K]:
    """Design-weighted proportion over ``strata`` (see the module docstring).

    Strata with calls but zero population get weight 0; strata with population but no calls
    cannot be estimated and are listed in ``uncovered`` (the shares of the others are
    renormalised). Raises ``ValueError`` when no stratum has both calls and population.
    """
    covered = {k: c for k, c in strata.items() if c.n > 0 and c.population > 0}
    total_population = sum(c.population for c in covered.values())
    if not covered:
        raise ValueError("no stratum has both calls and a population to estimate from")
    per_stratum: dict[K, StratumEstimate] = {}
    for key, count in strata.items():
        share = count.population / total_population if key in covered else 0.0
        interval = (
            wilson_interval(count.successes, count.n, confidence=confidence) if count.n else None
        )
        per_stratum[key] = StratumEstimate(interval, count.n, count.population, share)
    proportion = sum(per_stratum[k].share * c.successes / c.n for k, c in covered.items())
    n = sum(c.n for c in covered.values())
    effective_n = total_population**2 / sum(c.population**2 / c.n for c in covered.values())
    successes = min(max(proportion * effective_n, 0.0), effective_n)
    interval = wilson_interval(successes, effective_n, confidence=confidence)
    uncovered = tuple(k for k, c in strata.items() if c.n == 0 and c.population > 0)
    return WeightedEstimate(
        interval=Interval(proportion, interval.low, interval.high),
        n=n,
        effective_n=effective_n,
        design_effect=n / effective_n,
        per_stratum=per_stratum,
        uncovered=uncovered,
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    #: ``p₂ − p₁`` (e.g. this year minus last year).
    difference: float
    z: float
    #: Two-sided p-value of the pooled two-proportion z-test.
    p_value: float
    significant: bool


def compare_proportions(
    successes_1: int, n_1: int, successes_2: int, n_2: int, *, confidence: float = 0.95
) -> Comparison:
    """Two-sided pooled z-test of ``successes_2/n_2`` against ``successes_1/n_1``."""
    if n_1 <= 0 or n_2 <= 0:
        raise ValueError("both samples need n > 0")
    if not (0 <= successes_1 <= n_1 and 0 <= successes_2 <= n_2):
        raise ValueError("successes must be between 0 and n")
    p_1, p_2 = successes_1 / n_1, successes_2 / n_2
    pooled = (successes_1 + successes_2) / (n_1 + n_2)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_1 + 1 / n_2))
    if spread == 0:
        return Comparison(p_2 - p_1, 0.0, 1.0, False)
    z = (p_2 - p_1) / spread
    p_value = float(2 * norm.sf(abs(z)))
    return Comparison(p_2 - p_1, z, p_value, p_value < 1 - confidence)
