"""Calibration: several evaluators score one call; Krippendorff's alpha says how far they agree."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from wagtail.log_actions import log

from infolijn.contacts.models import Contact
from infolijn.partners.models import Channel
from infolijn.partners.roles import Role, has_role
from infolijn.quality import engine
from infolijn.quality.engine.agreement import Level
from infolijn.quality.errors import QualityError, QualityErrorCode
from infolijn.quality.evaluations import EVALUATOR_ROLES
from infolijn.quality.models import (
    CalibrationSession,
    Evaluation,
    EvaluationForm,
    EvaluationQuestion,
    EvaluationStatus,
    Recording,
)
from infolijn.quality.models.evaluations import QuestionKind

ORGANISER_ROLES = (Role.QUALITY_MONITOR, Role.ADMINISTRATOR)


def create_calibration_session(
    *,
    title: str,
    contact: Contact,
    form: EvaluationForm,
    evaluators: Iterable[User],
    actor: User,
    recording: Recording | None = None,
) -> CalibrationSession:
    if not has_role(actor, *ORGANISER_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    if contact.channel != Channel.PHONE:
        raise QualityError(QualityErrorCode.NOT_A_CALL)
    people = list(evaluators)
    if any(not has_role(person, *EVALUATOR_ROLES) for person in people):
        raise QualityError(QualityErrorCode.NOT_AN_EVALUATOR)
    with transaction.atomic():
        session = CalibrationSession.objects.create(
            title=title.strip(), contact=contact, form=form, recording=recording, created_by=actor
        )
        session.evaluators.set(people)
        log(instance=session, action="infolijn.calibration.create", user=actor)
    return session


@dataclass(frozen=True, slots=True)
class QuestionAgreement:
    question: EvaluationQuestion
    result: engine.AlphaResult
    ratings: list[object]


@dataclass(frozen=True, slots=True)
class SessionReport:
    evaluations: list[Evaluation]
    questions: list[QuestionAgreement]
    total: engine.AlphaResult


#: The form's percentage rides along with the answers, for the total's alpha.
TOTAL = "__total__"


def _total(scores: Mapping[str, engine.agreement.Score]) -> float | None:
    value = scores.get(TOTAL)
    return float(value) if isinstance(value, int | float) else None


def _rating(answer: dict | None) -> float | int | None:
    if not answer or answer.get("na") or answer.get("value") is None:
        return None
    value = answer["value"]
    if isinstance(value, bool):
        return int(value)
    return value if isinstance(value, int) else None


def session_report(sessions: Iterable[CalibrationSession]) -> SessionReport | None:
    """Alpha per question and for the total score over the submitted scores of ``sessions``.

    Each session's call is a unit; yes/no questions are nominal, scales ordinal, the total
    (the form's percentage) interval. None when nothing was submitted yet.
    """
    chosen = list(sessions)
    evaluations = list(
        Evaluation.objects.filter(session__in=chosen, status=EvaluationStatus.SUBMITTED)
        .select_related("evaluator", "session")
        .order_by("session_id", "evaluator__username")
    )
    if not evaluations:
        return None
    forms = {s.form_id for s in chosen}
    questions = list(EvaluationQuestion.objects.filter(form_id__in=forms))
    levels: dict[str, Level] = {
        q.key: ("nominal" if q.kind == QuestionKind.YES_NO else "ordinal") for q in questions
    }
    report = engine.calibration_report(
        (
            (
                e.session_id,
                e.evaluator_id,
                {TOTAL: e.score, **{q.key: _rating(e.answers.get(q.key)) for q in questions}},
            )
            for e in evaluations
        ),
        levels=levels,
        total=_total,
    )
    return SessionReport(
        evaluations=evaluations,
        questions=[
            QuestionAgreement(
                q, report.questions[q.key], [_rating(e.answers.get(q.key)) for e in evaluations]
            )
            for q in questions
            if q.key in report.questions
        ],
        total=report.total,
    )
