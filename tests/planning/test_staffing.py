"""`required_agents`: the smallest staffing that meets every target, and its figures."""

import math
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolijn.planning.engine.erlang import erlang_a_metrics, erlang_c_metrics, offered_load
from infolijn.planning.engine.staffing import StaffingResult, required_agents, scheduled_agents


def metrics_at(agents, calls_per_hour, aht, threshold, patience=None):
    load = offered_load(calls_per_hour, aht)
    if patience is None:
        return erlang_c_metrics(agents, load, aht, threshold)
    return erlang_a_metrics(agents, load, aht, threshold, patience)


def decimal_staffing(calls_per_hour, aht, target, threshold):
    """Erlang C staffing with every quantity in 50-digit decimals (Erlang B as a plain sum)."""
    with localcontext() as ctx:
        ctx.prec = 50
        load = Decimal(calls_per_hour) * Decimal(aht) / 3600
        term, total, agents = Decimal(1), Decimal(1), 0
        while True:
            agents += 1
            term = term * load / agents
            total += term
            if agents <= load:
                continue
            blocking = term / total
            waiting = agents * blocking / (agents - load * (1 - blocking))
            sl = 1 - waiting * (-(agents - load) * Decimal(threshold) / Decimal(aht)).exp()
            if sl >= Decimal(target):
                return agents


def test_published_worked_example():
    # Call Centre Helper: 100 calls per half hour, AHT 180 s, 80 % in 20 s, 30 % shrinkage
    # → 14 agents on the phone, 20 to schedule (14 / 0.7 is exactly 20).
    result = required_agents(200, 180, 0.8, 20, shrinkage=0.3)
    assert result == StaffingResult(
        agents=14,
        service_level=pytest.approx(0.88835, abs=1e-5),
        asa=pytest.approx(7.836, abs=1e-3),
        occupancy=pytest.approx(10 / 14),
        model="erlang_c",
        agents_scheduled=20,
    )


@pytest.mark.parametrize(
    ("calls_per_hour", "aht", "target", "threshold"),
    [
        (3, 300, 0.8, 20),
        (37, 240, 0.9, 30),
        (200, 180, 0.8, 20),
        (1234, 190, 0.75, 15),
        (5000, 300, 0.8, 20),
        (20000, 300, 0.9, 20),
    ],
)
def test_erlang_c_staffing_is_exact_against_high_precision(calls_per_hour, aht, target, threshold):
    result = required_agents(calls_per_hour, aht, target, threshold)
    assert result.agents == decimal_staffing(calls_per_hour, aht, target, threshold)


def test_large_loads_need_hundreds_of_agents_without_overflow():
    result = required_agents(5000, 300, 0.8, 20)
    load = offered_load(5000, 300)  # 416.7 Erlangs
    assert load < result.agents < load + 3 * math.sqrt(load)
    assert result.agents == 429
    assert 0.8 <= result.service_level < 0.82
    assert math.isfinite(result.asa)
    assert required_agents(20000, 300, 0.95, 10).agents > 1700


@settings(max_examples=60, deadline=None)
@given(
    calls_per_hour=st.floats(0.5, 8000),
    aht=st.floats(30, 900),
    target=st.floats(0.3, 0.99),
    threshold=st.floats(0, 120),
    patience=st.none() | st.floats(20, 1200),
    max_occupancy=st.none() | st.floats(0.6, 1.0),
    target_asa=st.none() | st.floats(2, 120),
)
def test_agents_is_the_smallest_number_meeting_every_target(
    calls_per_hour, aht, target, threshold, patience, max_occupancy, target_asa
):
    result = required_agents(
        calls_per_hour,
        aht,
        target,
        threshold,
        patience,
        max_occupancy=max_occupancy,
        target_asa=target_asa,
    )
    at = metrics_at(result.agents, calls_per_hour, aht, threshold, patience)
    assert (result.service_level, result.asa, result.occupancy) == (
        at.service_level,
        at.asa,
        at.occupancy,
    )

    def meets(metrics):
        return (
            metrics.service_level >= target
            and (max_occupancy is None or metrics.occupancy <= max_occupancy)
            and (target_asa is None or metrics.asa <= target_asa)
        )

    assert meets(at)
    if result.agents > 1:
        assert not meets(metrics_at(result.agents - 1, calls_per_hour, aht, threshold, patience))
    if patience is None:
        assert result.agents >= math.floor(offered_load(calls_per_hour, aht)) + 1


@settings(max_examples=40, deadline=None)
@given(
    calls_per_hour=st.floats(1, 8000),
    aht=st.floats(60, 900),
    target=st.floats(0.5, 0.9),
    threshold=st.floats(0, 30),
    patience=st.floats(60, 1800),
)
def test_erlang_a_needs_no_more_agents_than_erlang_c_for_usual_targets(
    calls_per_hour, aht, target, threshold, patience
):
    erlang_c = required_agents(calls_per_hour, aht, target, threshold)
    erlang_a = required_agents(calls_per_hour, aht, target, threshold, patience_seconds=patience)
    assert erlang_a.model == "erlang_a"
    assert erlang_a.agents <= erlang_c.agents


def test_erlang_a_can_need_more_agents_when_patience_is_short_against_the_threshold():
    # Callers who hang up count as missed. With 30 s patience and a 5-minute threshold many
    # would have been answered in time had they stayed, so Erlang A asks for more agents.
    erlang_c = required_agents(200, 180, 0.95, 300)
    erlang_a = required_agents(200, 180, 0.95, 300, patience_seconds=30)
    assert erlang_a.agents > erlang_c.agents


def test_erlang_a_may_staff_below_the_load():
    # 416.7 Erlangs, but callers who hang up free capacity: 80 % within 20 s with fewer agents.
    result = required_agents(5000, 300, 0.8, 20, patience_seconds=180)
    assert result.agents < offered_load(5000, 300)
    assert result.service_level >= 0.8


def test_occupancy_cap_adds_agents():
    free = required_agents(200, 180, 0.8, 20)
    capped = required_agents(200, 180, 0.8, 20, max_occupancy=0.65)
    assert (free.agents, capped.agents) == (14, 16)  # 10 / 16 = 0.625 ≤ 0.65 < 10 / 15
    assert capped.occupancy <= 0.65


def test_asa_target_adds_agents():
    result = required_agents(200, 180, 0.8, 20, target_asa=3.0)
    assert result.agents == 16
    assert result.asa <= 3.0
    assert metrics_at(15, 200, 180, 20).asa > 3.0


def test_no_calls_need_no_agents():
    for patience in (None, 60):
        result = required_agents(0, 180, 0.8, 20, patience_seconds=patience, shrinkage=0.3)
        assert (result.agents, result.service_level, result.asa, result.agents_scheduled) == (
            0,
            1.0,
            0.0,
            0,
        )
        assert result.occupancy == 0.0


def test_a_target_of_one_terminates():
    result = required_agents(200, 180, 1.0, 20)
    assert result.service_level == 1.0
    assert result.agents < 60


@pytest.mark.parametrize(
    ("agents", "shrinkage", "scheduled"),
    [
        (14, 0.3, 20),
        (7, 0.3, 10),
        (8, 0.2, 10),
        (9, 0.1, 10),
        (10, 0.0, 10),
        (1, 0.5, 2),
        (3, 0.35, 5),
        (0, 0.3, 0),
    ],
)
def test_shrinkage_rounds_up_without_float_noise(agents, shrinkage, scheduled):
    assert scheduled_agents(agents, shrinkage) == scheduled


@given(agents=st.integers(0, 100_000), percent=st.integers(0, 99))
def test_scheduled_agents_is_the_smallest_schedule_covering_shrinkage(agents, percent):
    scheduled = scheduled_agents(agents, percent / 100)
    # Exact integer arithmetic: scheduled·(100 − p)/100 ≥ agents, one fewer is not.
    assert scheduled * (100 - percent) >= agents * 100
    assert scheduled == 0 or (scheduled - 1) * (100 - percent) < agents * 100


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"calls_per_hour": -1}, "calls_per_hour must be a finite number ≥ 0"),
        ({"calls_per_hour": math.inf}, "calls_per_hour"),
        ({"aht_seconds": 0}, "aht_seconds must be a finite number > 0"),
        ({"aht_seconds": math.nan}, "aht_seconds"),
        ({"target_service_level": 0}, r"target_service_level must be a finite number in \(0, 1\]"),
        ({"target_service_level": 1.2}, "target_service_level"),
        ({"threshold_seconds": -5}, "threshold_seconds"),
        ({"patience_seconds": 0}, "patience_seconds"),
        ({"shrinkage": 1.0}, r"shrinkage must be a finite number in \[0, 1\)"),
        ({"shrinkage": -0.1}, "shrinkage"),
        ({"max_occupancy": 0}, "max_occupancy"),
        ({"target_asa": 0}, "target_asa"),
        ({"calls_per_hour": "100"}, "calls_per_hour must be a number"),
    ],
)
def test_bad_input_names_the_argument(kwargs, message):
    arguments = {
        "calls_per_hour": 100,
        "aht_seconds": 180,
        "target_service_level": 0.8,
        "threshold_seconds": 20,
    }
    with pytest.raises(ValueError, match=message):
        required_agents(**(arguments | kwargs))


def test_result_is_frozen():
    result = required_agents(100, 180, 0.8, 20)
    with pytest.raises(AttributeError):
        result.agents = 1  # type: ignore[misc]
