"""The SimPy queue confirms the formulas and the staffing within sampling error.

Runs are small (20,000 measured calls) and seeded. Tolerances come from the run itself:
4 batch-means standard errors for service level, ASA and abandonment (about 1 in 16,000
for a correct formula), and for occupancy 4·√(2/N), the relative error of total work
(N exponential handling times) over a window whose length is set by N arrivals.
"""

import math

import pytest

from infolijn.planning.engine.erlang import erlang_a_metrics, erlang_c_metrics, offered_load
from infolijn.planning.engine.simulation import simulate
from infolijn.planning.engine.staffing import required_agents

CALLS = 20_000
Z = 4.0


def assert_close(simulated, expected, se, what):
    assert abs(simulated - expected) <= Z * se + 1e-12, (
        f"{what}: simulated {simulated}, formula {expected} ± {Z}·{se}"
    )


@pytest.mark.parametrize(
    ("calls_per_hour", "aht", "target", "threshold", "patience"),
    [(200, 180, 0.8, 20, None), (90, 300, 0.9, 30, 120)],
)
def test_simulation_confirms_the_staffing(calls_per_hour, aht, target, threshold, patience):
    staffing = required_agents(calls_per_hour, aht, target, threshold, patience_seconds=patience)
    load = offered_load(calls_per_hour, aht)
    if patience is None:
        formula = erlang_c_metrics(staffing.agents, load, aht, threshold)
    else:
        formula = erlang_a_metrics(staffing.agents, load, aht, threshold, patience)
    run = simulate(staffing.agents, calls_per_hour, aht, threshold, patience, calls=CALLS, seed=7)

    assert run.offered == CALLS
    assert run.meets(target)
    assert_close(run.service_level, formula.service_level, run.service_level_se, "service level")
    assert_close(run.asa, formula.asa, run.asa_se, "ASA")
    assert_close(run.abandonment, formula.abandonment, run.abandonment_se, "abandonment")
    assert run.occupancy == pytest.approx(formula.occupancy, rel=Z * math.sqrt(2 / CALLS))


def test_simulation_sees_an_overloaded_line_like_erlang_a():
    # 8 agents for 9 Erlangs: Erlang C has no answer, Erlang A and the simulation agree.
    formula = erlang_a_metrics(8, offered_load(180, 180), 180, 20, 60)
    run = simulate(8, 180, 180, 20, 60, calls=CALLS, seed=3)
    assert_close(run.service_level, formula.service_level, run.service_level_se, "service level")
    assert_close(run.abandonment, formula.abandonment, run.abandonment_se, "abandonment")
    assert run.abandonment > 1 / 9  # at most 8 of every 9 callers can be answered


def test_the_same_seed_gives_the_same_run():
    first = simulate(5, 100, 120, 20, 90, calls=2_000, seed=42)
    assert simulate(5, 100, 120, 20, 90, calls=2_000, seed=42) == first
    assert simulate(5, 100, 120, 20, 90, calls=2_000, seed=43) != first


def test_confidence_interval_and_verdict():
    run = simulate(3, 60, 120, 20, calls=2_000, batches=10, seed=1)
    low, high = run.service_level_interval()
    assert low < run.service_level < high
    assert high - low == pytest.approx(2 * 1.96 * run.service_level_se)
    assert run.meets(high)
    assert not run.meets(high + 4 * run.service_level_se)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"agents": 0}, "agents"),
        ({"calls_per_hour": 0}, "calls_per_hour"),
        ({"patience_seconds": -1}, "patience_seconds"),
        ({"batches": 1}, "batches"),
    ],
)
def test_bad_simulation_input_is_rejected(kwargs, message):
    arguments = {
        "agents": 3,
        "calls_per_hour": 60,
        "aht_seconds": 120,
        "threshold_seconds": 20,
        "calls": 100,
    }
    with pytest.raises(ValueError, match=message):
        simulate(**(arguments | kwargs))
