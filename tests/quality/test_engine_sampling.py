"""Weekly listening sample, mystery-call sample size, allocation over strata and the plan."""

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolijn.quality.engine.sampling import (
    CallRecord,
    Scenario,
    Shortfall,
    Stratum,
    allocate,
    design_weights,
    plan_mystery_calls,
    sample_size,
    week_seed,
    weekly_sample,
)

# -- weekly sample ---------------------------------------------------------------------------


def week_of_calls():
    """Yasmine handles 30 calls (20 Opgroeien, 10 Belastingdienst), Ward 12 (all Opgroeien),
    Lotte 2 (Wonen); Wonen has only those two."""
    calls = []
    for i in range(20):
        calls.append((f"c{i:03d}", "yasmine", "opgroeien"))
    for i in range(20, 30):
        calls.append((f"c{i:03d}", "yasmine", "belastingdienst"))
    for i in range(30, 42):
        calls.append((f"c{i:03d}", "ward", "opgroeien"))
    calls += [("c042", "lotte", "wonen"), ("c043", "lotte", "wonen")]
    return calls


def test_week_seed_is_stable_and_salted():
    assert week_seed(2025, 7, "infolijn") == week_seed(2025, 7, "infolijn")
    assert week_seed(2025, 7, "infolijn") != week_seed(2025, 8, "infolijn")
    assert week_seed(2025, 7, "infolijn") != week_seed(2025, 7, "andere")
    assert 0 <= week_seed(2025, 7) < 2**63
    with pytest.raises(ValueError, match="ISO week"):
        week_seed(2025, 54)


def test_per_agent_quota_spread_over_partners_in_proportion():
    sample = weekly_sample(week_of_calls(), per_agent=6, seed=week_seed(2025, 7, "t"))
    per_agent = Counter(c.agent for c in sample.calls)
    assert per_agent == {"yasmine": 6, "ward": 6, "lotte": 2}
    yasmine = Counter(c.partner for c in sample.calls if c.agent == "yasmine")
    assert yasmine == {"opgroeien": 4, "belastingdienst": 2}  # 20:10 of 6
    assert sample.agent_shortfalls == {"lotte": Shortfall(wanted=6, available=2)}
    assert sample.partner_shortfalls == {}


def test_partner_minimum_tops_up_from_the_least_sampled_agent():
    sample = weekly_sample(week_of_calls(), per_agent=3, per_partner=4, seed=1)
    per_partner = Counter(c.partner for c in sample.calls)
    assert per_partner["belastingdienst"] == 4  # 1 from the quota, 3 topped up
    assert per_partner["opgroeien"] >= 4
    assert per_partner["wonen"] == 2
    assert sample.partner_shortfalls == {"wonen": Shortfall(wanted=4, available=2)}


def test_top_up_prefers_agents_with_fewer_sampled_calls():
    # Partner a is only handled by An; partner b by An and Bram. With 2 per agent, An gets
    # 1 a + 1 b and Bram 2 b. Topping a up to 4 must take 3 more from An (5 in all), so
    # topping b up to 4 takes its one extra call from Bram, who has fewer.
    calls = [(f"a{i}", "an", "a") for i in range(10)]
    calls += [(f"b{i}", "an", "b") for i in range(10)]
    calls += [(f"c{i}", "bram", "b") for i in range(10)]
    sample = weekly_sample(calls, per_agent=2, per_partner=4, seed=3)
    counts = Counter((c.agent, c.partner) for c in sample.calls)
    assert counts == {("an", "a"): 4, ("an", "b"): 1, ("bram", "b"): 3}


def test_sample_is_reproducible_and_depends_on_the_seed():
    calls = week_of_calls()
    first = weekly_sample(calls, per_agent=5, per_partner=3, seed=week_seed(2025, 7, "s"))
    again = weekly_sample(
        list(reversed(calls)), per_agent=5, per_partner=3, seed=week_seed(2025, 7, "s")
    )
    other = weekly_sample(calls, per_agent=5, per_partner=3, seed=week_seed(2025, 8, "s"))
    assert first == again  # same seed, input order does not matter
    assert {c.call_id for c in first.calls} != {c.call_id for c in other.calls}


def test_duplicates_in_input():
    calls = [("c1", "an", "p"), ("c1", "an", "p"), ("c2", "an", "p")]
    sample = weekly_sample(calls, per_agent=5, seed=0)
    assert [c.call_id for c in sample.calls] == ["c1", "c2"]
    with pytest.raises(ValueError, match="different details"):
        weekly_sample([("c1", "an", "p"), ("c1", "bram", "p")], per_agent=1, seed=0)


def test_empty_week():
    assert weekly_sample([], per_agent=3, per_partner=2, seed=0).calls == ()


calls_strategy = st.lists(
    st.tuples(st.sampled_from("abcd"), st.sampled_from("PQR")), min_size=0, max_size=60
).map(lambda rows: [CallRecord(f"c{i}", agent, partner) for i, (agent, partner) in enumerate(rows)])


@settings(max_examples=100, deadline=None)
@given(calls_strategy, st.integers(0, 6), st.integers(0, 6), st.integers(0, 2**32))
def test_sample_properties(calls, per_agent, per_partner, seed):
    sample = weekly_sample(calls, per_agent=per_agent, per_partner=per_partner, seed=seed)
    ids = [c.call_id for c in sample.calls]
    assert len(ids) == len(set(ids))  # never the same call twice
    assert set(sample.calls) <= set(calls)
    agents = Counter(c.agent for c in calls)
    for agent, available in agents.items():
        got = sum(1 for c in sample.calls if c.agent == agent)
        assert got >= min(per_agent, available)
        assert (agent in sample.agent_shortfalls) == (available < per_agent)
    for partner, available in Counter(c.partner for c in calls).items():
        got = sum(1 for c in sample.calls if c.partner == partner)
        assert got >= min(per_partner, available)
        assert (partner in sample.partner_shortfalls) == (available < per_partner)


# -- sample size ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("margin", "population", "expected"),
    [
        (0.03, None, 1068),
        (0.03, 500, 341),
        (0.03, 100_000, 1056),
        (0.05, None, 385),
        (0.05, 500, 218),
        (0.05, 100_000, 383),
        (0.07, None, 196),
        (0.07, 500, 142),
        (0.07, 100_000, 196),
        (0.10, None, 97),
        (0.10, 500, 81),
        (0.10, 100_000, 96),
    ],
)
def test_sample_size_table_at_95_percent(margin, population, expected):
    assert sample_size(margin, confidence=0.95, population=population) == expected


def test_sample_size_other_confidences_and_proportions():
    assert sample_size(0.05, confidence=0.90) == 271
    assert sample_size(0.05, confidence=0.99) == 664
    # A known p = 0.8 needs fewer: 1.96² · 0.16 / 0.0025 = 245.9
    assert sample_size(0.05, proportion=0.8) == 246
    assert sample_size(0.05, population=1) == 1


def test_sample_size_rejects_nonsense():
    for kwargs, match in (
        ({"margin": 0}, "margin"),
        ({"margin": 1.5}, "margin"),
        ({"margin": 0.05, "confidence": 1}, "confidence"),
        ({"margin": 0.05, "proportion": 0}, "proportion"),
    ):
        with pytest.raises(ValueError, match=match):
            sample_size(**kwargs)
    with pytest.raises(ValueError, match="population"):
        sample_size(0.05, population=0)


# -- allocation -----------------------------------------------------------------------------

THEMES = {
    "gezin": 300_000,
    "wonen": 200_000,
    "belastingen": 150_000,
    "werk": 100_000,
    "onderwijs": 80_000,
    "mobiliteit": 60_000,
    "cultuur": 30_000,
    "welzijn": 80_000,
}


def test_proportional_allocation_of_the_reference_example():
    assert allocate(THEMES, 400) == {
        "gezin": 120,
        "wonen": 80,
        "belastingen": 60,
        "werk": 40,
        "onderwijs": 32,
        "mobiliteit": 24,
        "cultuur": 12,
        "welzijn": 32,
    }


def test_proportional_with_minimum_reshares_the_rest():
    result = allocate(THEMES, 400, minimum=40)
    assert result == {
        "gezin": 92,
        "wonen": 62,
        "belastingen": 46,
        "werk": 40,
        "onderwijs": 40,
        "mobiliteit": 40,
        "cultuur": 40,
        "welzijn": 40,
    }


def test_equal_allocation_largest_remainder_goes_to_larger_strata():
    assert allocate({"a": 1, "b": 5, "c": 3}, 10, method="equal") == {"a": 3, "b": 4, "c": 3}


def test_largest_remainder_ties_follow_the_given_order():
    assert allocate({"x": 1, "y": 1, "z": 1}, 4) == {"x": 2, "y": 1, "z": 1}
    assert allocate({"z": 1, "y": 1, "x": 1}, 4) == {"z": 2, "y": 1, "x": 1}


def test_empty_strata_get_nothing_even_with_a_minimum():
    assert allocate({"open": 100, "gesloten": 0}, 5, minimum=2) == {"open": 5, "gesloten": 0}


def test_allocation_errors():
    with pytest.raises(ValueError, match="minimum"):
        allocate({"a": 1, "b": 1}, 3, minimum=2)
    with pytest.raises(ValueError, match="no stratum"):
        allocate({"a": 0}, 3)
    with pytest.raises(ValueError, match="size"):
        allocate({"a": -1}, 3)
    with pytest.raises(ValueError, match="method"):
        allocate({"a": 1}, 3, method="neyman")
    assert allocate({"a": 0}, 0) == {"a": 0}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=12),
    st.integers(0, 500),
    st.integers(0, 20),
    st.sampled_from(["proportional", "equal"]),
)
def test_allocation_properties(sizes, n, minimum, method):
    strata = {f"s{i}": size for i, size in enumerate(sizes)}
    live = [k for k, size in strata.items() if size > 0]
    if n > 0 and (not live or minimum * len(live) > n):
        with pytest.raises(ValueError, match=r"minimum|no stratum"):
            allocate(strata, n, method=method, minimum=minimum)
        return
    result = allocate(strata, n, method=method, minimum=minimum)
    assert sum(result.values()) == n  # totals exact
    assert n == 0 or all(result[k] >= minimum for k in live)  # every stratum ≥ min
    assert all(result[k] == 0 for k in strata if k not in live)
    if method == "proportional" and minimum == 0 and live:
        total = sum(strata[k] for k in live)
        for k in live:  # largest remainder: within one of the exact quota
            assert abs(result[k] - n * strata[k] / total) < 1 + 1e-9


def test_design_weights_are_normalised_inverse_sampling_fractions():
    sizes = {"a": 1000, "b": 100, "c": 50}
    allocation = {"a": 10, "b": 10, "c": 0}
    weights = design_weights(sizes, allocation)
    assert set(weights) == {"a", "b"}
    assert weights["a"] / weights["b"] == pytest.approx(10)
    assert sum(weights[k] * allocation[k] for k in weights) == pytest.approx(20)
    # Proportional allocation is self-weighting.
    self_weighting = design_weights(THEMES, allocate(THEMES, 400))
    assert all(w == pytest.approx(1.0) for w in self_weighting.values())


# -- the plan -------------------------------------------------------------------------------

MONDAY = date(2025, 3, 3)
CAMPAIGN_DAYS = [MONDAY + timedelta(days=d) for d in range(28) if d % 7 < 5]  # 4 weeks


def strata():
    result = []
    for partner, theme, volume in (
        ("opgroeien", "groeipakket", 600),
        ("belastingdienst", "onroerende voorheffing", 300),
        ("wonen", "huurpremie", 100),
    ):
        for weekday in (1, 3, 5):
            for block, share in (("09-12", 0.6), ("13-17", 0.4)):
                result.append(Stratum(partner, theme, weekday, block, volume * share))
    return result


SCENARIOS = [
    Scenario("s-startbedrag", "groeipakket-startbedrag", "opgroeien", "groeipakket"),
    Scenario("s-schoolbonus", "groeipakket-schoolbonus", "opgroeien", "groeipakket"),
    Scenario("s-vermindering", "ov-vermindering", "belastingdienst"),
]


def plan(**overrides):
    arguments = {"n": 60, "seed": 2025, "dates": CAMPAIGN_DAYS, "minimum": 0}
    arguments.update(overrides)
    return plan_mystery_calls(strata(), SCENARIOS, **arguments)


def test_plan_has_n_calls_over_testable_strata():
    result = plan()
    assert len(result.calls) == 60
    assert result.warnings == (
        "no scenario for partner 'wonen', theme 'huurpremie': its strata are left out of the plan",
    )
    # Strata of 360/240 (Opgroeien) and 180/120 (Belastingdienst) calls per weekday, 2700 in
    # all: quotas 8, 5⅓, 4, 2⅔; the three remainders go to the ⅔ strata.
    per_partner = Counter(c.partner for c in result.calls)
    assert per_partner == {"opgroeien": 39, "belastingdienst": 21}
    assert result.allocation[("opgroeien", "groeipakket", 1, "13-17")] == 5
    assert result.allocation[("belastingdienst", "onroerende voorheffing", 1, "13-17")] == 3
    assert result.allocation[("wonen", "huurpremie", 1, "09-12")] == 0
    assert [c.call_ref for c in result.calls][:2] == ["MC-0001", "MC-0002"]
    assert len({c.call_ref for c in result.calls}) == 60
    assert sum(result.allocation.values()) == 60


def test_plan_rows_agree_with_their_stratum_scenario_and_date():
    scripts = {s.scenario_id: s for s in SCENARIOS}
    for call in plan().calls:
        scenario = scripts[call.scenario_id]
        assert scenario.partner == call.partner
        assert scenario.script_id == call.script_id
        assert call.planned_date in CAMPAIGN_DAYS
        assert call.planned_date.isoweekday() == call.weekday
    dates = [c.planned_date for c in plan().calls]
    assert dates == sorted(dates)


def test_plan_uses_scenarios_in_turn_and_spreads_over_weeks():
    result = plan()
    opgroeien = Counter(c.scenario_id for c in result.calls if c.partner == "opgroeien")
    assert sorted(opgroeien.values()) == [19, 20]  # 39 calls, used in turns
    # Opgroeien, Monday morning: 360 / 2700 · 60 = 8 calls over 4 Mondays.
    monday_morning = [
        c.planned_date
        for c in result.calls
        if c.partner == "opgroeien" and c.weekday == 1 and c.time_block == "09-12"
    ]
    assert len(monday_morning) == 8
    assert set(Counter(monday_morning).values()) == {2}


def test_plan_is_reproducible_and_seed_dependent():
    assert plan() == plan()
    assert plan(seed=2026).calls != plan().calls
    assert (
        plan_mystery_calls(
            list(reversed(strata())), SCENARIOS, n=60, seed=2025, dates=CAMPAIGN_DAYS
        )
        == plan()
    )


def test_plan_with_minimum_and_without_dates():
    result = plan(n=30, minimum=2, dates=None)
    assert len(result.calls) == 30
    assert all(c.planned_date is None for c in result.calls)
    tested = [k for k in result.allocation if k[0] != "wonen"]
    assert all(result.allocation[k] >= 2 for k in tested)
    assert result.weights.keys() == {k for k, v in result.allocation.items() if v}


def test_plan_warns_about_weekdays_without_a_date():
    mondays_only = [d for d in CAMPAIGN_DAYS if d.isoweekday() == 1]
    result = plan(dates=mondays_only)
    assert any("no campaign date on wednesday" in w for w in result.warnings)
    assert all((c.planned_date is None) == (c.weekday != 1) for c in result.calls)


def test_plan_rejects_duplicate_strata_and_bad_weekdays():
    with pytest.raises(ValueError, match="unique"):
        plan_mystery_calls([*strata(), strata()[0]], SCENARIOS, n=10, seed=1)
    with pytest.raises(ValueError, match="weekday"):
        plan_mystery_calls([Stratum("p", "t", 8, "09-12", 10)], SCENARIOS, n=1, seed=1)
