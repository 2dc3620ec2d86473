"""`plan_shifts`: the cheapest whole-number shift plan, with under-coverage reported."""

import itertools
import math
import random

import pytest

from infolijn.planning.engine.shifts import (
    ShiftTemplate,
    evaluate_counts,
    expand_days,
    plan_shifts,
    shift_variants,
)

# A four-hour morning (8 half-hours) and three shifts a small team works.
MORNING = [
    ShiftTemplate("early", start=0, length=120),
    ShiftTemplate("late", start=120, length=120, cost_per_hour=0.9),
    ShiftTemplate(
        "long",
        start=0,
        length=240,
        cost_per_hour=1.1,
        break_minutes=30,
        break_earliest=60,
        break_latest=150,
    ),
]


def brute_force_cost(requirement, templates, interval_minutes=30):
    """Cheapest cost over every combination of variant counts that covers the ceiling."""
    variants = shift_variants(
        templates, interval_minutes=interval_minutes, horizon=len(requirement)
    )
    top = math.ceil(max(requirement))
    best = math.inf
    for counts in itertools.product(range(top + 1), repeat=len(variants)):
        plan = evaluate_counts(requirement, templates, counts, interval_minutes=interval_minutes)
        if not plan.under_intervals:
            best = min(best, plan.cost)
    return best


@pytest.mark.parametrize("seed", range(6))
def test_plan_is_as_cheap_as_brute_force(seed):
    rng = random.Random(seed)
    templates = [
        ShiftTemplate("a", start=0, length=90),
        ShiftTemplate("b", start=60, length=120, cost_per_hour=0.8),
        ShiftTemplate(
            "c",
            start=90,
            length=150,
            cost_per_hour=1.2,
            break_minutes=30,
            break_earliest=30,
            break_latest=90,
        ),
    ]
    requirement = [rng.choice([0, 0.4, 1, 1.5, 2]) for _ in range(8)]
    plan = plan_shifts(requirement, templates)
    assert plan.status == "optimal"
    assert plan.under_intervals == ()
    assert plan.cost == pytest.approx(brute_force_cost(requirement, templates))


def test_small_plan_by_hand():
    # 2 agents all morning: two long shifts cost 2 × 3.5 h × 1.1 = 7.7 but leave break gaps;
    # two early + two late cost 2 × 2 + 2 × 1.8 = 7.6 and cover every interval exactly.
    plan = plan_shifts([2] * 8, MORNING)
    assert plan.counts == {"early": 2, "late": 2, "long": 0}
    assert plan.scheduled == (2,) * 8
    assert plan.cost == pytest.approx(7.6)
    assert plan.agent_hours == pytest.approx(8.0)
    assert plan.total_over == 0
    assert plan.mip_gap == 0


def test_breaks_are_staggered_to_fit_the_requirement():
    # Only the long shift exists; 3 agents with one fewer needed in three mid-morning slots.
    template = MORNING[2]
    requirement = [3, 3, 2, 2, 2, 3, 3, 3]
    plan = plan_shifts(requirement, [template])
    assert plan.counts == {"long": 3}
    assert plan.breaks == {"long": {60: 1, 90: 1, 120: 1}}
    assert plan.scheduled == (3, 3, 2, 2, 2, 3, 3, 3)
    assert plan.agent_hours == pytest.approx(3 * 3.5)


def test_uncoverable_interval_is_reported_not_raised():
    # Nothing starts before 60 minutes, so the first two intervals cannot be covered.
    templates = [ShiftTemplate("mid", start=60, length=120)]
    plan = plan_shifts([1, 2, 2, 2, 2, 2], templates)
    assert plan.status == "optimal"
    assert plan.under_intervals == (0, 1)
    assert plan.under[:2] == (1.0, 2.0)
    assert plan.counts == {"mid": 2}
    assert plan.total_under == 3.0


def test_max_count_leaves_reported_under_coverage():
    templates = [ShiftTemplate("only", start=0, length=120, max_count=2)]
    plan = plan_shifts([3, 3, 1, 1], templates)
    assert plan.counts == {"only": 2}
    assert plan.under == (1.0, 1.0, 0.0, 0.0)
    assert plan.over == (0.0, 0.0, 1.0, 1.0)


def test_min_count_is_respected_even_without_demand():
    templates = [ShiftTemplate("standby", start=0, length=60, min_count=1)]
    plan = plan_shifts([0, 0], templates)
    assert plan.counts == {"standby": 1}
    assert plan.total_over == 2.0


@pytest.mark.parametrize("seed", range(3))
def test_over_and_under_add_up_to_scheduled_minus_requirement(seed):
    rng = random.Random(seed)
    requirement = [rng.uniform(0, 4) for _ in range(8)]
    requirement[0] = 5.0
    templates = [ShiftTemplate("x", 0, 120, max_count=3), ShiftTemplate("y", 120, 120)]
    plan = plan_shifts(requirement, templates)
    for r, s, u, o in zip(plan.requirement, plan.scheduled, plan.under, plan.over, strict=True):
        assert s - r == pytest.approx(o - u)
        assert min(u, o) == 0
    assert plan.total_over - plan.total_under == pytest.approx(
        sum(plan.scheduled) - sum(requirement)
    )


def test_fractional_requirement_is_covered_by_its_ceiling():
    plan = plan_shifts([1.2, 0.3], [ShiftTemplate("x", 0, 60)])
    assert plan.counts == {"x": 2}
    assert plan.under_intervals == ()
    assert plan.over == pytest.approx((0.8, 1.7))


def test_expand_days_repeats_templates_inside_opening_hours():
    day = [ShiftTemplate("early", 0, 240), ShiftTemplate("late", 360, 240)]
    opening = [(0, 600), None, (0, 300)]
    expanded = expand_days(day, opening, day_minutes=600, labels=["ma", "di", "wo"])
    assert [(t.name, t.start) for t in expanded] == [
        ("ma early", 0),
        ("ma late", 360),
        ("wo early", 1200),
    ]


def test_month_plan_solves_to_optimality():
    # 31 days of 08:00–18:00 in half-hours, weekends closed, 9 templates a day.
    day = [
        ShiftTemplate(
            f"full {h}", h * 60, 510, break_minutes=30, break_earliest=180, break_latest=300
        )
        for h in range(3)
    ] + [ShiftTemplate(f"part {h}", h * 60, 240, cost_per_hour=1.05) for h in range(0, 7, 1)]
    opening = [None if d % 7 in (5, 6) else (0, 600) for d in range(31)]
    curve = [3 + 6 * math.sin(math.pi * (i + 0.5) / 20) for i in range(20)]
    requirement = [x for hours in opening for x in (curve if hours else [0] * 20)]
    templates = expand_days(day, opening, day_minutes=600)
    plan = plan_shifts(requirement, templates)
    assert plan.status == "optimal"
    assert plan.under_intervals == ()
    assert all(s == 0 for s, r in zip(plan.scheduled, requirement, strict=True) if r == 0)
    assert len(plan.scheduled) == 31 * 20


def test_requirement_on_a_closed_day_is_under_coverage():
    day = [ShiftTemplate("all", 0, 60)]
    templates = expand_days(day, [(0, 60), None], day_minutes=60)
    plan = plan_shifts([1, 1, 2, 2], templates)
    assert plan.under_intervals == (2, 3)


@pytest.mark.parametrize(
    ("requirement", "templates", "message"),
    [
        ([1, 2], [], "templates is empty"),
        ([], [ShiftTemplate("x", 0, 30)], "requirement is empty"),
        ([1, -1], [ShiftTemplate("x", 0, 30)], r"requirement\[1\]"),
        ([1, 1], [ShiftTemplate("x", 15, 30)], "not a multiple of 30"),
        ([1, 1], [ShiftTemplate("x", 30, 60)], "inside the horizon"),
        ([1, 1], [ShiftTemplate("x", 0, 30), ShiftTemplate("x", 30, 30)], "unique"),
        ([1, 1], [ShiftTemplate("x", 0, 60, min_count=2, max_count=1)], "min_count"),
        (
            [1] * 4,
            [ShiftTemplate("x", 0, 120, break_minutes=30, break_earliest=60, break_latest=120)],
            "break window",
        ),
    ],
)
def test_bad_input_is_rejected(requirement, templates, message):
    with pytest.raises(ValueError, match=message):
        plan_shifts(requirement, templates)


def test_evaluate_counts_checks_length():
    with pytest.raises(ValueError, match="one per shift variant"):
        evaluate_counts([1, 1], [ShiftTemplate("x", 0, 60)], [1, 1])
