"""How far evaluators agree: Krippendorff's alpha, and a per-question calibration report.

Krippendorff's alpha is ``1 − D_o / D_e``: the disagreement observed between the ratings of
the same unit, over the disagreement expected if the ratings were paired by chance. It takes
any number of raters, lets any rater skip any unit (a missing rating is ``None``), and knows
four levels of measurement through its difference function δ².

Computed from the *coincidence matrix* (Krippendorff, "Computing Krippendorff's
Alpha-Reliability", 2011): every unit with ``m_u ≥ 2`` ratings contributes each ordered pair
of its ratings with weight ``1 / (m_u − 1)``, so ``o_ck`` counts how often values ``c`` and
``k`` were paired, ``n_c = Σ_k o_ck`` and ``n = Σ_c n_c`` (the number of pairable values)::

    α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck

Units with fewer than two ratings carry no information about agreement and are ignored.
Alpha is undefined when no unit has two ratings or when every pairable rating has the same
value (no variation: expected disagreement is zero); :func:`krippendorff_alpha` then raises
:class:`AlphaUndefinedError`, and :func:`calibration_report` reports ``alpha=None`` with the
reason instead. Reading (Krippendorff): α ≥ 0.800 reliable, 0.667 ≤ α < 0.800 tentative,
below that unreliable.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")

#: Thresholds of Krippendorff's reading of alpha.
RELIABLE = 0.800
TENTATIVE = 0.667

Reading = Literal["reliable", "tentative", "unreliable"]


class AlphaUndefinedError(ValueError):
    """Alpha cannot be computed from these ratings (no pairable values, or no variation)."""


def krippendorff_alpha(units: Iterable[Sequence[Any]], *, level: Level = "nominal") -> float:
    """Krippendorff's alpha of ``units``: one sequence of ratings per unit, ``None`` = missing.

    Positions within a unit need not line up with raters (alpha only pairs ratings of the same
    unit), so a unit may list just the ratings it got. Values must be hashable; ``ordinal``
    needs them sortable, ``interval`` and ``ratio`` need numbers (``ratio``: not negative).

    Raises :class:`AlphaUndefinedError` (a ``ValueError``) when alpha is undefined, and
    ``ValueError`` for an unknown level or unsuitable values.
    """
    return _alpha(units, level).alpha


def units_from_raters(ratings_by_rater: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """Turn a raters × units table (the layout of Krippendorff's examples) into units."""
    if not ratings_by_rater:
        return []
    width = len(ratings_by_rater[0])
    if any(len(row) != width for row in ratings_by_rater):
        raise ValueError("every rater needs one entry (a rating or None) per unit")
    return [[row[u] for row in ratings_by_rater] for u in range(width)]


def reading(alpha: float) -> Reading:
    """Krippendorff's reading: ``reliable`` (≥ 0.800), ``tentative`` (≥ 0.667), ``unreliable``."""
    if alpha >= RELIABLE:
        return "reliable"
    if alpha >= TENTATIVE:
        return "tentative"
    return "unreliable"


@dataclass(frozen=True, slots=True)
class _Computed:
    alpha: float
    units: int
    values: int


def _alpha(units: Iterable[Sequence[Any]], level: str) -> _Computed:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    pairable = [
        present for unit in units if len(present := [v for v in unit if v is not None]) >= 2
    ]
    if not pairable:
        raise AlphaUndefinedError("no unit has two or more ratings, so there is nothing to pair")
    domain = _domain(pairable, level)
    index = {value: i for i, value in enumerate(domain)}
    counts = np.zeros((len(pairable), len(domain)))
    for row, present in enumerate(pairable):
        for value in present:
            counts[row, index[value]] += 1
    per_pair = 1.0 / (counts.sum(axis=1) - 1.0)
    # o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1)
    coincidences = (counts * per_pair[:, None]).T @ counts
    coincidences -= np.diag((counts * per_pair[:, None]).sum(axis=0))
    marginals = coincidences.sum(axis=1)
    total = float(marginals.sum())
    delta = _delta_squared(domain, marginals, level)
    observed = float((coincidences * delta).sum())
    expected = float((np.outer(marginals, marginals) * delta).sum())
    if expected == 0.0:
        raise AlphaUndefinedError(
            "all pairable ratings have the same value, so there is no variation to agree on"
        )
    return _Computed(1.0 - (total - 1.0) * observed / expected, len(pairable), round(total))


def _domain(pairable: list[list[Any]], level: str) -> list[Any]:
    seen: dict[Any, None] = {}
    for present in pairable:
        for value in present:
            if level in ("interval", "ratio") and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise ValueError(f"{level} ratings must be numbers, got {value!r}")
            if level == "ratio" and value < 0:
                raise ValueError(f"ratio ratings cannot be negative, got {value!r}")
            seen.setdefault(value, None)
    values = list(seen)
    if level == "nominal":
        return values
    try:
        return sorted(values)
    except TypeError as error:
        raise ValueError(f"{level} ratings must be comparable with each other") from error


def _delta_squared(
    domain: list[Any], marginals: npt.NDArray[np.float64], level: str
) -> npt.NDArray[np.float64]:
    size = len(domain)
    if level == "nominal":
        return 1.0 - np.eye(size)
    if level == "ordinal":
        # δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², over the ranks of the values in use.
        cumulative = np.concatenate(([0.0], np.cumsum(marginals)))
        low = np.minimum.outer(np.arange(size), np.arange(size))
        high = np.maximum.outer(np.arange(size), np.arange(size))
        between = cumulative[high + 1] - cumulative[low]
        return np.asarray(
            (between - (marginals[:, None] + marginals[None, :]) / 2.0) ** 2, dtype=np.float64
        )
    numbers = np.asarray(domain, dtype=np.float64)
    difference = numbers[:, None] - numbers[None, :]
    if level == "interval":
        return np.asarray(difference**2, dtype=np.float64)
    sums = numbers[:, None] + numbers[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(sums == 0, 0.0, difference / np.where(sums == 0, 1.0, sums))
    return np.asarray(ratio**2, dtype=np.float64)


# -- Calibration: alpha per question and for the total ----------------------------------------

Score = float | int | bool | str | None
#: One evaluation: (call id, evaluator, {question id: score, or None when not answered/N/A}).
EvaluationScores = tuple[Hashable, Hashable, Mapping[str, Score]]


@dataclass(frozen=True, slots=True)
class AlphaResult:
    """Alpha of one question (or of the total score) over the calls scored more than once."""

    #: Krippendorff's alpha, or None when it is undefined (``reason`` says why).
    alpha: float | None
    level: Level
    #: Calls with two or more ratings (the only ones that count).
    units: int
    #: Pairable ratings (``n`` in Krippendorff's notation).
    values: int
    reason: str | None = None

    @property
    def reading(self) -> Reading | None:
        return None if self.alpha is None else reading(self.alpha)


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    questions: dict[str, AlphaResult]
    total: AlphaResult


def calibration_report(
    evaluations: Iterable[EvaluationScores],
    *,
    levels: Mapping[str, Level] | None = None,
    default_level: Level = "ordinal",
    total: Callable[[Mapping[str, Score]], float | None] | None = None,
    total_level: Level = "interval",
) -> CalibrationReport:
    """Alpha per question and for the total score of evaluations of the same calls.

    Each call is a unit and each evaluator a rater; a ``None`` score (unanswered or N/A) is a
    missing rating. ``levels`` sets a question's level (e.g. ``nominal`` for yes/no), others get
    ``default_level``. ``total`` computes an evaluation's total score (for the real form pass
    ``lambda scores: <form percentage>``); by default the mean of the numeric scores. Questions
    are reported in order of first appearance. One evaluator scoring one call twice is a
    ``ValueError``: calibration compares different people.
    """
    by_call: dict[Hashable, dict[Hashable, Mapping[str, Score]]] = {}
    questions: dict[str, None] = {}
    for call_id, evaluator, scores in evaluations:
        per_evaluator = by_call.setdefault(call_id, {})
        if evaluator in per_evaluator:
            raise ValueError(f"evaluator {evaluator!r} scored call {call_id!r} more than once")
        per_evaluator[evaluator] = scores
        questions.update(dict.fromkeys(scores))
    total_of = total or _mean_score
    levels = levels or {}
    per_question = {
        question: _safe_alpha(
            [[scores.get(question) for scores in call.values()] for call in by_call.values()],
            levels.get(question, default_level),
        )
        for question in questions
    }
    totals = [[total_of(scores) for scores in call.values()] for call in by_call.values()]
    return CalibrationReport(per_question, _safe_alpha(totals, total_level))


def _safe_alpha(units: list[list[Any]], level: Level) -> AlphaResult:
    try:
        computed = _alpha(units, level)
    except AlphaUndefinedError as error:
        pairable = [u for u in units if sum(v is not None for v in u) >= 2]
        values = sum(sum(v is not None for v in u) for u in pairable)
        return AlphaResult(None, level, len(pairable), values, str(error))
    return AlphaResult(computed.alpha, level, computed.units, computed.values)


def _mean_score(scores: Mapping[str, Score]) -> float | None:
    numbers = [float(v) for v in scores.values() if isinstance(v, int | float)]
    return sum(numbers) / len(numbers) if numbers else None
