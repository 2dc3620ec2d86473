"""Deferred work (e-mail, web forms): the lowest-peak staffing that meets every due moment."""

import itertools
import math
import random

import numpy as np
import pytest
from scipy import optimize

from infolijn.planning.engine.backlog import plan_backlog, simulate_backlog, spread_evenly

# One item takes exactly one agent-interval, so items and agent-intervals are the same number.
ONE = {"handle_seconds": 1800, "interval_minutes": 30}


def random_case(seed, n=6):
    rng = random.Random(seed)
    arrivals = [rng.choice([0, 0, 1, 2, 3]) for _ in range(n)]
    due = [min(n - 1, i + rng.randint(0, 3)) for i in range(n)]
    open_intervals = [rng.random() > 0.25 for _ in range(n)]
    for i in range(n):  # every arrival can make it
        if arrivals[i] and not any(open_intervals[i : due[i] + 1]):
            open_intervals[due[i]] = True
    return arrivals, due, open_intervals


def brute_force_integer_peak(arrivals, due, open_intervals):
    """Smallest whole peak for which some whole staffing (EDF) is on time."""
    opened = [i for i, o in enumerate(open_intervals) if o]
    for peak in range(sum(arrivals) + 1):
        for levels in itertools.product(range(peak + 1), repeat=len(opened)):
            agents = [0] * len(arrivals)
            for i, a in zip(opened, levels, strict=True):
                agents[i] = a
            if simulate_backlog(arrivals, due, open_intervals, agents, **ONE).on_time:
                return peak
    raise AssertionError("no staffing found")


def lp_min_peak(arrivals, due, open_intervals):
    """The fractional min peak as a linear program over work flows (arrival i → interval t)."""
    pairs = [
        (i, t)
        for i, count in enumerate(arrivals)
        if count
        for t in range(i, due[i] + 1)
        if open_intervals[t]
    ]
    n = len(pairs) + 1  # flows, then the peak
    cost = np.zeros(n)
    cost[-1] = 1
    eq = np.zeros((len(arrivals), n))
    for k, (i, _) in enumerate(pairs):
        eq[i, k] = 1
    up = np.zeros((len(arrivals), n))
    for k, (_, t) in enumerate(pairs):
        up[t, k] = 1
    up[:, -1] = -1
    done = optimize.linprog(
        cost, A_ub=up, b_ub=np.zeros(len(arrivals)), A_eq=eq, b_eq=np.asarray(arrivals, float)
    )
    return done.fun


@pytest.mark.parametrize("seed", range(8))
def test_peak_is_minimal_against_brute_force_and_lp(seed):
    arrivals, due, open_intervals = random_case(seed)
    plan = plan_backlog(arrivals, due, open_intervals, **ONE)
    assert plan.on_time
    assert plan.peak == pytest.approx(lp_min_peak(arrivals, due, open_intervals))
    whole = brute_force_integer_peak(arrivals, due, open_intervals)
    assert math.ceil(plan.peak - 1e-9) == whole
    assert max(plan.agents_rounded) == whole


@pytest.mark.parametrize("seed", range(8))
def test_deadlines_met_with_the_least_hours_and_most_even_spread(seed):
    arrivals, due, open_intervals = random_case(seed, n=10)
    plan = plan_backlog(arrivals, due, open_intervals, **ONE)
    simple = spread_evenly(arrivals, due, open_intervals, **ONE)
    assert plan.missed_items == 0
    assert sum(plan.handled) == pytest.approx(sum(arrivals))
    assert plan.backlog[-1] == pytest.approx(0)
    assert plan.agent_hours == pytest.approx(sum(arrivals) / 2)  # one half-hour per item
    assert simple.on_time
    assert plan.peak <= simple.peak + 1e-9
    assert sum(a * a for a in plan.agents) <= sum(a * a for a in simple.agents) + 1e-9


def test_two_days_of_mail_by_hand():
    # Day 1: 4 intervals, 12 items at the start, due end of day 2. Day 2: 4 more due that day.
    # 16 items over 8 open intervals: 2 agents throughout (handle time = one interval).
    arrivals = [12, 0, 0, 0, 4, 0, 0, 0]
    due = [7, 7, 7, 7, 7, 7, 7, 7]
    plan = plan_backlog(arrivals, due, [True] * 8, **ONE)
    assert plan.agents == (2.0,) * 8
    assert plan.backlog == (10, 8, 6, 4, 6, 4, 2, 0)
    simple = spread_evenly(arrivals, due, [True] * 8, **ONE)
    assert simple.agents == (1.5, 1.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5)


def test_handle_time_scales_the_agents():
    # 10 items of 6 minutes in one 30-minute interval: 2 agents.
    plan = plan_backlog([10], [0], [True], handle_seconds=360, interval_minutes=30)
    assert plan.agents == (2.0,)
    assert plan.agents_rounded == (2,)


def test_closed_intervals_get_no_agents():
    plan = plan_backlog([3, 0, 0], [2, 2, 2], [True, False, True], **ONE)
    assert plan.agents == (1.5, 0.0, 1.5)
    assert plan.agents_rounded == (2, 0, 2)


def test_item_with_no_open_interval_is_reported_as_missed():
    plan = plan_backlog([2, 1, 0], [0, 2, 2], [False, True, True], **ONE)
    assert plan.unschedulable_items == 2
    assert plan.missed_items == 2
    assert not plan.on_time
    assert plan.peak == pytest.approx(0.5)


def test_too_few_agents_miss_deadlines():
    plan = simulate_backlog([4, 0], [1, 1], [True, True], [1, 1], **ONE)
    assert plan.missed_items == 2
    assert plan.method == "given"


@pytest.mark.parametrize(
    ("arrivals", "due", "open_intervals", "message"),
    [
        ([], [], [], "arrivals is empty"),
        ([1, 2], [1], [True, True], "same length"),
        ([-1, 0], [1, 1], [True, True], r"arrivals\[0\]"),
        ([0, 1], [1, 0], [True, True], r"due\[1\]"),
        ([1, 0], [2, 1], [True, True], r"due\[0\]"),
    ],
)
def test_bad_input_is_rejected(arrivals, due, open_intervals, message):
    with pytest.raises(ValueError, match=message):
        plan_backlog(arrivals, due, open_intervals, **ONE)


def test_bad_handle_time_is_rejected():
    with pytest.raises(ValueError, match="handle_seconds"):
        plan_backlog([1], [0], [True], handle_seconds=0)
