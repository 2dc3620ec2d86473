"""Pure planning engine: queueing formulas, staffing search and queue simulation.

Nothing in this package imports Django, so it can be tested, benchmarked and reused alone
(DESIGN §4). The Django app around it stores inputs and results.
"""

from infolijn.planning.engine.erlang import (
    QueueMetrics,
    erlang_a_metrics,
    erlang_b,
    erlang_c,
    erlang_c_metrics,
    offered_load,
)
from infolijn.planning.engine.staffing import StaffingResult, required_agents

__all__ = [
    "QueueMetrics",
    "StaffingResult",
    "erlang_a_metrics",
    "erlang_b",
    "erlang_c",
    "erlang_c_metrics",
    "offered_load",
    "required_agents",
]
