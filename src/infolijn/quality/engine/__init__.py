"""Pure quality engine: evaluator agreement, evaluation scoring, sampling, estimates and the
mystery-call file format.

Nothing in this package imports Django, so it can be tested, benchmarked and reused alone
(DESIGN §4). The `quality` app around it stores forms, evaluations, samples and campaigns.
"""

from infolijn.quality.engine.agreement import (
    AlphaResult,
    AlphaUndefinedError,
    CalibrationReport,
    calibration_report,
    krippendorff_alpha,
    units_from_raters,
)
from infolijn.quality.engine.estimates import (
    StratumCount,
    WeightedEstimate,
    compare_proportions,
    weighted_proportion,
    wilson_interval,
)
from infolijn.quality.engine.mysterycsv import ResultsImport, export_plan, parse_results
from infolijn.quality.engine.sampling import (
    MysteryPlan,
    WeeklySample,
    allocate,
    design_weights,
    plan_mystery_calls,
    sample_size,
    week_seed,
    weekly_sample,
)
from infolijn.quality.engine.scoring import (
    Answer,
    EvaluationForm,
    Question,
    ScoreResult,
    score_evaluation,
)

__all__ = [
    "AlphaResult",
    "AlphaUndefinedError",
    "Answer",
    "CalibrationReport",
    "EvaluationForm",
    "MysteryPlan",
    "Question",
    "ResultsImport",
    "ScoreResult",
    "StratumCount",
    "WeeklySample",
    "WeightedEstimate",
    "allocate",
    "calibration_report",
    "compare_proportions",
    "design_weights",
    "export_plan",
    "krippendorff_alpha",
    "parse_results",
    "plan_mystery_calls",
    "sample_size",
    "score_evaluation",
    "units_from_raters",
    "week_seed",
    "weekly_sample",
    "weighted_proportion",
    "wilson_interval",
]
