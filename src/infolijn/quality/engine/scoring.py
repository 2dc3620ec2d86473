"""Scoring a listening evaluation (beluistering) against its form.

A form is a list of questions. A question is either yes/no (yes earns its full weight) or a
scale ``0..max_score`` (earning ``weight · score / max_score``). The evaluation's score is the
weighted percentage over the *applicable* questions: a question answered "not applicable"
leaves both the numerator and the denominator (as in Zendesk QA and Genesys forms).

A *critical* question answered with a fail (a "no", or a scale score below its pass mark) —
"wrong information given", "privacy breach" — fails the whole evaluation: the score is still
reported, but ``passed`` is False and ``reasons`` says which question did it.

Nothing here raises on bad answers: :func:`score_evaluation` returns every problem as a
:class:`ScoringIssue` with a stable code and a Dutch message for the form, so a view can show
them next to the fields. Messages live in :data:`MESSAGES`, one place to translate. Only a
badly *defined* form (duplicate ids, zero weight) raises ``ValueError``: that is a bug, not input.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field


class QuestionKind(enum.StrEnum):
    YES_NO = "yes_no"
    SCALE = "scale"


class CommentRule(enum.StrEnum):
    """When a question needs a comment (toelichting)."""

    NEVER = "never"
    #: On a fail: "no", or a scale score below the pass mark.
    ON_FAIL = "on_fail"
    #: Whenever the score is below the maximum (every "no" on a yes/no question).
    BELOW_MAX = "below_max"


class IssueCode(enum.StrEnum):
    MISSING_ANSWER = "missing_answer"
    NA_NOT_ALLOWED = "na_not_allowed"
    INVALID_VALUE = "invalid_value"
    OUT_OF_RANGE = "out_of_range"
    COMMENT_REQUIRED = "comment_required"
    UNKNOWN_QUESTION = "unknown_question"


#: Dutch messages for users, by code; ``{number}`` is the question's position on the form.
MESSAGES: dict[IssueCode, str] = {
    IssueCode.MISSING_ANSWER: "Vraag {number}: kies een antwoord.",
    IssueCode.NA_NOT_ALLOWED: "Vraag {number}: ‘niet van toepassing’ is hier niet toegelaten.",
    IssueCode.INVALID_VALUE: "Vraag {number}: kies ‘ja’ of ‘nee’.",
    IssueCode.OUT_OF_RANGE: "Vraag {number}: geef een score van 0 tot en met {max_score}.",
    IssueCode.COMMENT_REQUIRED: "Vraag {number}: een toelichting is verplicht {when}.",
    IssueCode.UNKNOWN_QUESTION: "Het antwoord op ‘{question_id}’ hoort niet bij dit formulier.",
}
_COMMENT_WHEN = {
    CommentRule.ON_FAIL: "bij een onvoldoende",
    CommentRule.BELOW_MAX: "als je niet de maximumscore geeft",
}
_CRITICAL_FAIL = "Vraag {number} is een knock-outvraag en werd niet behaald: {text}"
_BELOW_THRESHOLD = "De score van {score} % ligt onder de drempel van {threshold} %."
_NOT_VALID = "De beluistering is nog niet volledig of bevat fouten."


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    kind: QuestionKind = QuestionKind.YES_NO
    weight: float = 1.0
    #: Highest score of a scale question (its lowest is 0); 1 for yes/no.
    max_score: int = 1
    na_allowed: bool = False
    critical: bool = False
    comment: CommentRule = CommentRule.NEVER
    #: A scale score below this is a fail; None = below half of ``max_score``.
    pass_mark: int | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a question needs an id")
        if not (self.weight > 0 and math.isfinite(self.weight)):
            raise ValueError(f"question {self.id!r}: weight must be > 0")
        if self.kind is QuestionKind.YES_NO and self.max_score != 1:
            raise ValueError(f"question {self.id!r}: a yes/no question has max_score 1")
        if self.kind is QuestionKind.SCALE and self.max_score < 1:
            raise ValueError(f"question {self.id!r}: max_score must be ≥ 1")
        if self.pass_mark is not None and not 0 < self.pass_mark <= self.max_score:
            raise ValueError(f"question {self.id!r}: pass_mark must be in 1..max_score")

    def fails(self, score: int) -> bool:
        """Whether ``score`` (0/1 for yes/no) is a fail on this question."""
        if self.kind is QuestionKind.YES_NO:
            return score == 0
        if self.pass_mark is not None:
            return score < self.pass_mark
        return 2 * score < self.max_score


@dataclass(frozen=True, slots=True)
class EvaluationForm:
    questions: tuple[Question, ...]
    #: Minimum percentage to pass (besides having no critical fail); None = no threshold.
    pass_percentage: float | None = None

    def __post_init__(self) -> None:
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("question ids must be unique within a form")
        if self.pass_percentage is not None and not 0 <= self.pass_percentage <= 100:
            raise ValueError("pass_percentage must be between 0 and 100")


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer: a yes/no (``True``/``False``) or a scale score, or not applicable."""

    value: bool | int | None = None
    not_applicable: bool = False
    comment: str = ""


@dataclass(frozen=True, slots=True)
class ScoringIssue:
    question_id: str
    #: Position on the form, from 1 (0 for an answer to a question not on the form).
    number: int
    code: IssueCode
    message: str


@dataclass(frozen=True, slots=True)
class ScoreResult:
    #: Weighted percentage over applicable, validly answered questions; None if there are none.
    percentage: float | None
    points: float
    max_points: float
    #: True only when the answers are valid, no critical question failed and the
    #: percentage reaches the form's threshold.
    passed: bool
    #: Dutch explanations of why the evaluation did not pass.
    reasons: tuple[str, ...]
    #: Ids of critical questions answered with a fail.
    critical_failures: tuple[str, ...]
    issues: tuple[ScoringIssue, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return not self.issues

    def issues_for(self, question_id: str) -> tuple[ScoringIssue, ...]:
        return tuple(issue for issue in self.issues if issue.question_id == question_id)


def score_evaluation(form: EvaluationForm, answers: Mapping[str, Answer]) -> ScoreResult:
    """Score ``answers`` (by question id) on ``form``; problems are returned, never raised.

    The percentage counts the validly answered questions only, so a half-filled form shows a
    provisional score; such a result is not ``valid`` and does not pass.
    """
    issues: list[ScoringIssue] = []
    points = max_points = 0.0
    critical_failures: list[Question] = []
    for number, question in enumerate(form.questions, start=1):
        answer = answers.get(question.id, Answer())

        def issue(code: IssueCode, q: Question = question, n: int = number) -> None:
            message = MESSAGES[code].format(
                number=n, max_score=q.max_score, when=_COMMENT_WHEN.get(q.comment, "")
            )
            issues.append(ScoringIssue(q.id, n, code, message))

        if answer.not_applicable:
            if not question.na_allowed:
                issue(IssueCode.NA_NOT_ALLOWED)
            continue
        if answer.value is None:
            issue(IssueCode.MISSING_ANSWER)
            continue
        score = _score_of(question, answer.value)
        if score is None:
            issue(
                IssueCode.INVALID_VALUE
                if question.kind is QuestionKind.YES_NO
                else IssueCode.OUT_OF_RANGE
            )
            continue
        failed = question.fails(score)
        if _needs_comment(question, score, failed) and not answer.comment.strip():
            issue(IssueCode.COMMENT_REQUIRED)
        if failed and question.critical:
            critical_failures.append(question)
        points += question.weight * score / question.max_score
        max_points += question.weight
    known = {q.id for q in form.questions}
    for question_id in answers:
        if question_id not in known:
            message = MESSAGES[IssueCode.UNKNOWN_QUESTION].format(question_id=question_id)
            issues.append(ScoringIssue(question_id, 0, IssueCode.UNKNOWN_QUESTION, message))

    percentage = 100.0 * points / max_points if max_points else None
    reasons = [
        _CRITICAL_FAIL.format(number=form.questions.index(q) + 1, text=q.text)
        for q in critical_failures
    ]
    threshold = form.pass_percentage
    if threshold is not None and percentage is not None and percentage < threshold:
        reasons.append(
            _BELOW_THRESHOLD.format(score=_format_nl(percentage), threshold=_format_nl(threshold))
        )
    if issues:
        reasons.append(_NOT_VALID)
    return ScoreResult(
        percentage=percentage,
        points=points,
        max_points=max_points,
        passed=not reasons,
        reasons=tuple(reasons),
        critical_failures=tuple(q.id for q in critical_failures),
        issues=tuple(issues),
    )


def _score_of(question: Question, value: object) -> int | None:
    """The answer as points on ``0..max_score``, or None if it is not a valid answer."""
    if question.kind is QuestionKind.YES_NO:
        if isinstance(value, bool):
            return int(value)
        return value if isinstance(value, int) and value in (0, 1) else None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= question.max_score else None


def _needs_comment(question: Question, score: int, failed: bool) -> bool:
    if question.comment is CommentRule.ON_FAIL:
        return failed
    if question.comment is CommentRule.BELOW_MAX:
        return score < question.max_score
    return False


def _format_nl(value: float) -> str:
    """``82.5`` → ``82,5``; whole numbers without decimals."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
