"""Wilson intervals, the design-weighted proportion and the year-on-year comparison."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolijn.quality.engine.estimates import (
    Interval,
    StratumCount,
    compare_proportions,
    weighted_proportion,
    wilson_interval,
    z_value,
)


def test_z_values():
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)
    with pytest.raises(ValueError, match="confidence"):
        z_value(1.0)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # By hand: 0 of 10 → [0, z²/(n+z²)] = [0, 3.8415/13.8415].
        (0, 10, 0.0, 0.277533),
        (10, 10, 0.722467, 1.0),
        (50, 100, 0.403832, 0.596168),
        # The reference's worked examples.
        (82, 100, 0.7333, 0.8830),
        (330, 400, 0.7847, 0.8591),
        (18, 20, 0.6990, 0.9721),
    ],
)
def test_wilson_interval_at_95_percent(successes, n, low, high):
    interval = wilson_interval(successes, n)
    assert interval.estimate == successes / n
    assert interval.low == pytest.approx(low, abs=5e-5)
    assert interval.high == pytest.approx(high, abs=5e-5)


def test_wilson_bounds_are_exact_at_the_edges():
    assert wilson_interval(0, 10).low == 0.0
    assert wilson_interval(10, 10).high == 1.0


def test_wilson_widens_with_confidence():
    ninety = wilson_interval(82, 100, confidence=0.90)
    ninety_nine = wilson_interval(82, 100, confidence=0.99)
    assert ninety_nine.low < 0.7333 < ninety.low
    assert ninety.high < 0.8830 < ninety_nine.high


def test_wilson_rejects_nonsense():
    with pytest.raises(ValueError, match="n > 0"):
        wilson_interval(0, 0)
    with pytest.raises(ValueError, match="successes"):
        wilson_interval(11, 10)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_contains_the_estimate(case):
    successes, n = case
    interval = wilson_interval(successes, n)
    assert 0.0 <= interval.low <= interval.estimate <= interval.high <= 1.0


# -- design-weighted proportion --------------------------------------------------------------


def test_proportional_sample_is_self_weighting():
    # 40 and 60 calls from strata of 400 and 600: weights equal, n_eff = n.
    estimate = weighted_proportion(
        {"opgroeien": StratumCount(30, 40, 400), "wonen": StratumCount(48, 60, 600)}
    )
    assert estimate.proportion == pytest.approx(78 / 100)
    assert estimate.effective_n == pytest.approx(100)
    assert estimate.design_effect == pytest.approx(1.0)
    plain = wilson_interval(78, 100)
    assert (estimate.interval.low, estimate.interval.high) == pytest.approx((plain.low, plain.high))


def test_equal_allocation_over_unequal_strata():
    # 100 calls each from strata of 9,000 and 1,000 calls.
    estimate = weighted_proportion(
        {"groot": StratumCount(90, 100, 9000), "klein": StratumCount(50, 100, 1000)}
    )
    assert estimate.proportion == pytest.approx(0.9 * 0.9 + 0.1 * 0.5)
    # Kish: N² / Σ N_h²/n_h = 10⁸ / (810,000 + 10,000) = 121.95…
    assert estimate.effective_n == pytest.approx(1e8 / 820_000)
    assert estimate.n == 200
    assert estimate.design_effect == pytest.approx(200 / (1e8 / 820_000))
    expected = wilson_interval(0.86 * estimate.effective_n, estimate.effective_n)
    assert estimate.interval == Interval(
        pytest.approx(0.86), pytest.approx(expected.low), pytest.approx(expected.high)
    )
    groot = estimate.per_stratum["groot"]
    assert groot.share == pytest.approx(0.9)
    assert groot.interval == wilson_interval(90, 100)


def test_strata_without_calls_are_reported_as_uncovered():
    estimate = weighted_proportion(
        {
            "a": StratumCount(8, 10, 100),
            "b": StratumCount(0, 0, 300),
            "c": StratumCount(5, 5, 0),
        }
    )
    assert estimate.uncovered == ("b",)
    assert estimate.proportion == pytest.approx(0.8)
    assert estimate.per_stratum["b"].interval is None
    assert estimate.per_stratum["c"].share == 0.0
    assert estimate.n == 10


def test_weighted_proportion_needs_something_to_estimate():
    with pytest.raises(ValueError, match="no stratum"):
        weighted_proportion({"a": StratumCount(0, 0, 100)})
    with pytest.raises(ValueError, match="successes"):
        StratumCount(5, 4, 100)
    with pytest.raises(ValueError, match="population"):
        StratumCount(1, 4, math.nan)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 200), st.floats(1, 1e5)).flatmap(
            lambda t: st.tuples(st.integers(0, t[0]), st.just(t[0]), st.just(t[1]))
        ),
        min_size=1,
        max_size=8,
    )
)
def test_weighting_properties(rows):
    strata = {i: StratumCount(s, n, pop) for i, (s, n, pop) in enumerate(rows)}
    estimate = weighted_proportion(strata)
    assert 0 < estimate.effective_n <= estimate.n * (1 + 1e-9)  # weighting never adds info
    rates = [s / n for s, n, _ in rows]
    assert min(rates) - 1e-9 <= estimate.proportion <= max(rates) + 1e-9
    assert sum(e.share for e in estimate.per_stratum.values()) == pytest.approx(1.0)
    assert estimate.interval.low <= estimate.proportion <= estimate.interval.high


# -- year on year ----------------------------------------------------------------------------


def test_compare_proportions():
    # 330/400 last year vs 82/100 this year: pooled p = 412/500 = 0.824,
    # z = −0.005 / √(0.824 · 0.176 · (1/400 + 1/100)) = −0.1174, not significant.
    same = compare_proportions(330, 400, 82, 100)
    assert same.difference == pytest.approx(-0.005)
    assert same.z == pytest.approx(-0.11743, abs=1e-5)
    assert same.p_value == pytest.approx(0.9065, abs=1e-4)
    assert not same.significant
    # 300/400 vs 360/400: pooled p = 0.825, z = 0.15 / √(0.825·0.175·2/400) ≈ 5.58.
    better = compare_proportions(300, 400, 360, 400)
    assert better.z == pytest.approx(0.15 / math.sqrt(0.825 * 0.175 * 2 / 400))
    assert better.p_value < 1e-6
    assert better.significant
    assert compare_proportions(10, 10, 20, 20).p_value == 1.0
    with pytest.raises(ValueError, match="n > 0"):
        compare_proportions(1, 0, 1, 1)
