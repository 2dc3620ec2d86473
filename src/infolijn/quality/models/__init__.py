"""Quality data: daily contact facts, listening evaluations, calibration, mystery calls, flags."""

from infolijn.quality.models.evaluations import (
    CalibrationSession,
    Evaluation,
    EvaluationForm,
    EvaluationQuestion,
    EvaluationStatus,
    Recording,
    SampleItem,
    WeeklySample,
)
from infolijn.quality.models.facts import DailyContactFact
from infolijn.quality.models.flags import ScriptFlag
from infolijn.quality.models.mystery import (
    MysteryCall,
    MysteryCampaign,
    MysteryScenario,
    MysteryStratum,
)

__all__ = [
    "CalibrationSession",
    "DailyContactFact",
    "Evaluation",
    "EvaluationForm",
    "EvaluationQuestion",
    "EvaluationStatus",
    "MysteryCall",
    "MysteryCampaign",
    "MysteryScenario",
    "MysteryStratum",
    "Recording",
    "SampleItem",
    "ScriptFlag",
    "WeeklySample",
]
