"""Actions of listening evaluations: score and save, acknowledge, dispute, resolve, sample."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.contacts.models import Contact
from infolijn.partners.models import Channel
from infolijn.partners.roles import Role, has_role
from infolijn.quality import engine
from infolijn.quality.engine.scoring import CommentRule as EngineCommentRule
from infolijn.quality.engine.scoring import QuestionKind as EngineQuestionKind
from infolijn.quality.errors import QualityError, QualityErrorCode
from infolijn.quality.models import (
    CalibrationSession,
    Evaluation,
    EvaluationForm,
    EvaluationStatus,
    Recording,
    SampleItem,
    WeeklySample,
)

EVALUATOR_ROLES = (Role.QUALITY_MONITOR, Role.TEAM_LEAD, Role.ADMINISTRATOR)
RESOLVER_ROLES = (Role.QUALITY_MONITOR, Role.ADMINISTRATOR)
NA = "nvt"
YES_NO = {"ja": True, "nee": False}
COMMENT_MAX_LENGTH = 2000


def engine_form(form: EvaluationForm) -> engine.EvaluationForm:
    return engine.EvaluationForm(
        questions=tuple(
            engine.Question(
                id=q.key,
                text=q.text,
                kind=EngineQuestionKind(q.kind),
                weight=float(q.weight),
                max_score=q.max_score,
                na_allowed=q.na_allowed,
                critical=q.critical,
                comment=EngineCommentRule(q.comment_rule),
                pass_mark=q.pass_mark,
            )
            for q in form.questions.all()
        ),
        pass_percentage=None if form.pass_percentage is None else float(form.pass_percentage),
    )


def answers_from_post(form: EvaluationForm, data: Mapping[str, Any]) -> dict[str, dict]:
    """The stored answer shape from POST fields ``q<id>`` (ja/nee/nvt or a number) and ``c<id>``."""
    answers: dict[str, dict] = {}
    for question in form.questions.all():
        raw = str(data.get(f"q{question.key}", "")).strip()
        comment = str(data.get(f"c{question.key}", "")).strip()[:COMMENT_MAX_LENGTH]
        value: bool | int | str | None
        if raw == "" or raw == NA:
            value = None
        elif question.kind == EngineQuestionKind.YES_NO:
            value = YES_NO.get(raw, raw)
        else:
            value = int(raw) if raw.lstrip("-").isdigit() and len(raw) < 6 else raw
        answers[question.key] = {"value": value, "na": raw == NA, "comment": comment}
    return answers


def score(form: EvaluationForm, answers: Mapping[str, Mapping]) -> engine.ScoreResult:
    return engine.score_evaluation(
        engine_form(form),
        {
            key: engine.Answer(
                value=answer.get("value"),
                not_applicable=bool(answer.get("na")),
                comment=str(answer.get("comment", "")),
            )
            for key, answer in answers.items()
        },
    )


def _check_evaluator(actor: User, contact: Contact) -> None:
    if not has_role(actor, *EVALUATOR_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    if contact.channel != Channel.PHONE:
        raise QualityError(QualityErrorCode.NOT_A_CALL)
    if contact.handled_by_id is not None and contact.handled_by_id == actor.pk:
        raise QualityError(QualityErrorCode.OWN_CONTACT)


def save_evaluation(
    *,
    contact: Contact,
    form: EvaluationForm,
    answers: dict[str, dict],
    submit: bool,
    actor: User,
    evaluation: Evaluation | None = None,
    session: CalibrationSession | None = None,
    recording: Recording | None = None,
) -> tuple[Evaluation | None, engine.ScoreResult]:
    """Score ``answers`` and store them as a draft, or submit them when they are complete.

    A submission with problems stores nothing and returns the result with its issues, so the
    form can show them; a draft is stored as it is.
    """
    _check_evaluator(actor, contact)
    if session is not None and not session.evaluators.filter(pk=actor.pk).exists():
        raise QualityError(QualityErrorCode.NOT_AN_EVALUATOR)
    if evaluation is not None and evaluation.status != EvaluationStatus.DRAFT:
        raise QualityError(QualityErrorCode.WRONG_STATUS, status=evaluation.get_status_display())
    result = score(form, answers)
    if submit and not result.valid:
        return None, result
    with transaction.atomic():
        if evaluation is None:
            if session is not None and session.evaluations.filter(evaluator=actor).exists():
                raise QualityError(QualityErrorCode.ALREADY_SCORED)
            evaluation = Evaluation(
                contact=contact,
                form=form,
                evaluator=actor,
                agent_id=contact.handled_by_id,
                session=session,
                recording=recording,
            )
        evaluation.answers = answers
        evaluation.score = result.percentage
        evaluation.passed = result.passed
        if submit:
            evaluation.status = EvaluationStatus.SUBMITTED
            evaluation.submitted_at = timezone.now()
        evaluation.save()
        log(
            instance=evaluation,
            action="infolijn.evaluation.submit" if submit else "infolijn.evaluation.draft",
            user=actor,
        )
    return evaluation, result


def acknowledge_evaluation(*, evaluation: Evaluation, actor: User) -> None:
    _transition(evaluation, actor, EvaluationStatus.SUBMITTED, EvaluationStatus.ACKNOWLEDGED)


def dispute_evaluation(*, evaluation: Evaluation, text: str, actor: User) -> None:
    text = text.strip()
    if not text:
        raise QualityError(QualityErrorCode.TEXT_REQUIRED)
    _transition(
        evaluation, actor, EvaluationStatus.SUBMITTED, EvaluationStatus.DISPUTED, dispute_text=text
    )


def _transition(
    evaluation: Evaluation,
    actor: User,
    source: str,
    target: str,
    **fields: str,
) -> None:
    if evaluation.agent_id != actor.pk or evaluation.session_id is not None:
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    with transaction.atomic():
        changed = Evaluation.objects.filter(pk=evaluation.pk, status=source).update(
            status=target, updated_at=timezone.now(), **fields
        )
        if not changed:
            evaluation.refresh_from_db()
            raise QualityError(
                QualityErrorCode.WRONG_STATUS, status=evaluation.get_status_display()
            )
        log(instance=evaluation, action=f"infolijn.evaluation.{target}", user=actor)
    evaluation.refresh_from_db()


def resolve_dispute(*, evaluation: Evaluation, reply: str, actor: User) -> None:
    """A quality monitor answers a dispute; the score stays unless they re-evaluate the call."""
    if not has_role(actor, *RESOLVER_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    reply = reply.strip()
    if not reply:
        raise QualityError(QualityErrorCode.TEXT_REQUIRED)
    with transaction.atomic():
        changed = Evaluation.objects.filter(
            pk=evaluation.pk, status=EvaluationStatus.DISPUTED
        ).update(
            status=EvaluationStatus.RESOLVED,
            reply=reply,
            resolved_by=actor,
            updated_at=timezone.now(),
        )
        if not changed:
            evaluation.refresh_from_db()
            raise QualityError(
                QualityErrorCode.WRONG_STATUS, status=evaluation.get_status_display()
            )
        log(instance=evaluation, action="infolijn.evaluation.resolved", user=actor)
    evaluation.refresh_from_db()


def iso_week_range(iso_year: int, iso_week: int) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(iso_year, iso_week, 1)
    return monday, monday + dt.timedelta(days=6)


def draw_weekly_sample(
    *,
    iso_year: int,
    iso_week: int,
    per_agent: int,
    per_partner: int,
    actor: User | None,
) -> WeeklySample:
    """Draw (or draw again: same seed, same calls if the data did not change) a week's sample.

    The week's answered phone calls with a known agent are the population.
    """
    if actor is not None and not has_role(actor, *EVALUATOR_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    start, end = iso_week_range(iso_year, iso_week)
    contacts = {
        c.pk: c
        for c in Contact.objects.phone()
        .received_between(start, end)
        .filter(handled_by__isnull=False, answered_at__isnull=False)
        .order_by()
    }
    seed = engine.week_seed(iso_year, iso_week)
    drawn = engine.weekly_sample(
        (
            (str(pk), str(contact.handled_by_id), str(contact.partner_id))
            for pk, contact in contacts.items()
        ),
        per_agent=per_agent,
        per_partner=per_partner,
        seed=seed,
    )
    shortfalls = {
        "agents": {k: [v.wanted, v.available] for k, v in drawn.agent_shortfalls.items()},
        "partners": {k: [v.wanted, v.available] for k, v in drawn.partner_shortfalls.items()},
    }
    with transaction.atomic():
        sample, _ = WeeklySample.objects.update_or_create(
            iso_year=iso_year,
            iso_week=iso_week,
            defaults={
                "per_agent": per_agent,
                "per_partner": per_partner,
                "seed": seed,
                "drawn_by": actor,
                "drawn_at": timezone.now(),
                "shortfalls": shortfalls,
            },
        )
        sample.items.all().delete()
        SampleItem.objects.bulk_create(
            SampleItem(
                sample=sample,
                contact_id=int(call.call_id),
                agent_id=int(call.agent),
                partner_id=int(call.partner),
            )
            for call in drawn.calls
        )
    return sample
