"""Training-day proposals: options ranked by slack, with the cost of each."""

import pytest

from infolijn.planning.engine.erlang import erlang_c_metrics, offered_load
from infolijn.planning.engine.training import (
    erlang_service_level,
    evaluate_session,
    propose_training,
    rank_options,
)

# A planner's morning: 5 agents scheduled per half-hour, the requirement peaks mid-morning.
SCHEDULED = [5, 5, 5, 5, 5, 5]
REQUIRED = [3, 4, 5, 5, 2, 2.5]


def test_best_option_keeps_the_requirement_met():
    options = rank_options(
        SCHEDULED, REQUIRED, size=2, session_minutes=60, candidate_starts=range(5)
    )
    best = options[0]
    assert (best.start, best.stop) == (4, 6)
    assert best.feasible
    assert best.min_slack == pytest.approx(0.5)
    assert best.total_slack == pytest.approx(1.5)
    assert best.shortfall == 0
    assert best.backfill_hours == 0
    # Training 2 in the peak (intervals 2-3) leaves 3 for 5 needed twice: 4 agent-intervals short.
    peak = next(o for o in options if o.start == 2)
    assert not peak.feasible
    assert peak.shortfall == pytest.approx(4)
    assert peak.backfill_hours == pytest.approx(2.0)
    assert [o.start for o in options] == [4, 0, 3, 1, 2]


def test_every_option_short_reports_the_cost():
    options = rank_options(
        [3, 3, 3], [2.5, 2.5, 3], size=2, session_minutes=90, candidate_starts=[0]
    )
    (only,) = options
    assert not only.feasible
    # 1 left against 2.5, 2.5 and 3: 1.5 + 1.5 + 2 = 5 agent-intervals; backfill 2 + 2 + 2 agents.
    assert only.shortfall == pytest.approx(5)
    assert only.backfill_hours == pytest.approx(3.0)
    assert only.min_slack == pytest.approx(-2)


def test_service_level_left_is_computed_with_erlang_c():
    calls = [40, 40, 60, 60, 20, 20]  # per half-hour
    level = erlang_service_level(calls, interval_minutes=30, aht_seconds=180, threshold_seconds=20)
    option = evaluate_session(
        SCHEDULED,
        REQUIRED,
        start=2,
        size=1,
        intervals=2,
        interval_minutes=30,
        service_level=level,
    )
    expected = erlang_c_metrics(4, offered_load(120, 180), 180, 20).service_level
    assert option.min_service_level == pytest.approx(expected)


def test_ties_are_broken_by_earliest_start():
    options = rank_options([4] * 6, [2] * 6, size=1, session_minutes=30, candidate_starts=[5, 3, 1])
    assert [o.start for o in options] == [1, 3, 5]


def test_not_enough_agents_ranks_last():
    options = rank_options(
        [1, 3, 3], [0, 0, 0], size=2, session_minutes=30, candidate_starts=[0, 1]
    )
    assert [(o.start, o.enough_agents, o.feasible) for o in options] == [
        (1, True, True),
        (0, False, False),
    ]


def test_trainees_split_into_sessions_placed_one_after_another():
    scheduled = [6] * 8
    required = [4, 4, 3, 3, 5, 5, 3, 3]
    proposal = propose_training(
        scheduled,
        required,
        trainees=7,
        capacity=3,
        session_minutes=60,
        candidate_starts=[0, 2, 4, 6],
    )
    assert proposal.sessions == (3, 2, 2)
    # 3 fit only where 3 are needed (start 2 or 6; 2 wins on the earlier start), then 2 and 2.
    assert [(o.start, o.size) for o in proposal.plan] == [(2, 3), (6, 2), (0, 2)]
    assert proposal.feasible
    assert proposal.shortfall == 0
    assert set(proposal.options) == {2, 3}


def test_session_longer_than_an_interval_spans_the_next_intervals():
    options = rank_options([5] * 4, [0] * 4, size=1, session_minutes=45, candidate_starts=[0])
    assert (options[0].start, options[0].stop) == (0, 2)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scheduled": [1, 2], "required": [1]}, "required has 1"),
        ({"required": [1, -1, 1, 1, 1, 1]}, r"required\[1\]"),
        ({"candidate_starts": []}, "candidate_starts is empty"),
        ({"candidate_starts": [5]}, "does not fit"),
        ({"session_minutes": 0}, "session_minutes"),
        ({"trainees": 0}, "trainees"),
        ({"capacity": 1, "trainees": 9}, "9 sessions"),
    ],
)
def test_bad_input_is_rejected(kwargs, message):
    arguments = {
        "scheduled": SCHEDULED,
        "required": REQUIRED,
        "trainees": 2,
        "session_minutes": 60,
        "candidate_starts": [0, 1],
    } | kwargs
    with pytest.raises(ValueError, match=message):
        propose_training(**arguments)
