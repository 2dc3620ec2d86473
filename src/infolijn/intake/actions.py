"""Every change to an intake dossier goes through these functions."""

import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from infolijn.calendar import local_date
from infolijn.intake.access import LINE_STAFF, own_partner
from infolijn.intake.errors import IntakeError, IntakeErrorCode
from infolijn.intake.models import (
    EDITABLE_STATES,
    CommentAction,
    Dossier,
    DossierComment,
    DossierDate,
    DossierKind,
    DossierQuestion,
    DossierStatus,
    EstimateUnit,
    QuestionOrigin,
)
from infolijn.knowledge.actions import import_script
from infolijn.knowledge.models import ScriptPage, ScriptTheme, ThemePage
from infolijn.knowledge.scriptfile import ScriptFile
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, has_role
from infolijn.planning.access import may_plan
from infolijn.planning.actions import create_event
from infolijn.planning.models import EventKind

#: Scripts are due this many working days before go-live, unless the line chooses otherwise.
DEFAULT_LEAD_DAYS = 5
#: A script to revise after go-live is due this many working days after the decision.
AFTERCARE_DAYS = 10
FALLBACK_THEME = "Algemeen"

EVENT_KINDS = {
    DossierKind.CAMPAIGN: EventKind.CAMPAIGN,
    DossierKind.MAILING: EventKind.MAILING,
    DossierKind.DEADLINE: EventKind.DEADLINE,
}


@dataclass(frozen=True)
class DateValues:
    kind: str
    date: dt.date
    note: str = ""


@dataclass(frozen=True)
class QuestionValues:
    text: str
    existing_script_id: str = ""


@dataclass(frozen=True)
class DossierValues:
    title: str
    kind: str
    description: str
    go_live: dt.date
    channels: tuple[str, ...]
    estimate_number: int
    estimate_unit: str
    estimate_channel: str
    estimate_days: int
    contact_persons: str
    second_line: str
    dates: tuple[DateValues, ...] = ()
    questions: tuple[QuestionValues, ...] = ()


SCALAR_FIELDS = (
    "title",
    "kind",
    "description",
    "go_live",
    "estimate_number",
    "estimate_unit",
    "estimate_channel",
    "estimate_days",
    "contact_persons",
    "second_line",
)


def may_author(user: User, partner: Partner) -> bool:
    """An editor or administrator for any partner; a partner's reviewer for their own."""
    if has_role(user, Role.EDITOR, Role.ADMINISTRATOR):
        return True
    mine = own_partner(user)
    return mine is not None and mine.pk == partner.pk


def _require_author(actor: User, partner: Partner) -> None:
    if not may_author(actor, partner):
        raise IntakeError(IntakeErrorCode.NOT_ALLOWED)


def _require_line(actor: User) -> None:
    if not has_role(actor, *LINE_STAFF):
        raise IntakeError(IntakeErrorCode.NOT_ALLOWED)


def _lock(dossier: Dossier, *allowed: str) -> Dossier:
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if locked.status not in allowed:
        raise IntakeError(IntakeErrorCode.WRONG_STATE, status=locked.get_status_display())
    return locked


def _step(
    dossier: Dossier, actor: User | None, action: str, text: str = "", **data: object
) -> None:
    DossierComment.objects.create(
        dossier=dossier,
        author=actor,
        action=action,
        text=text,
        at=timezone.now(),
    )
    log(
        instance=dossier,
        action=f"infolijn.intake.{action}",
        user=actor,
        data={"reference": dossier.reference, "comment": text, **data},
    )


def _required(comment: str) -> str:
    comment = comment.strip()
    if not comment:
        raise IntakeError(IntakeErrorCode.COMMENT_REQUIRED, "comment")
    return comment


def _new_reference(now: dt.datetime) -> str:
    prefix = f"DOS-{local_date(now).year}-"
    last = (
        Dossier.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _check_existing_scripts(partner: Partner, questions: tuple[QuestionValues, ...]) -> None:
    """A question may name a script of its own partner only; others do not exist for it."""
    for question in questions:
        script_id = question.existing_script_id
        if script_id and not ScriptPage.objects.filter(script_id=script_id, partner=partner):
            raise IntakeError(IntakeErrorCode.UNKNOWN_SCRIPT, "questions", script_id=script_id)


def _write_details(dossier: Dossier, values: DossierValues) -> None:
    dossier.dates.all().delete()
    dossier.questions.filter(origin=QuestionOrigin.INTAKE).delete()
    DossierDate.objects.bulk_create(
        DossierDate(dossier=dossier, kind=d.kind, date=d.date, note=d.note.strip())
        for d in values.dates
    )
    DossierQuestion.objects.bulk_create(
        DossierQuestion(
            dossier=dossier, text=q.text.strip(), existing_script_id=q.existing_script_id.strip()
        )
        for q in values.questions
        if q.text.strip()
    )


@transaction.atomic
def create_dossier(*, partner: Partner, values: DossierValues, actor: User) -> Dossier:
    """A new draft; the reference (DOS-<year>-<number>) is the next free one of the year."""
    _require_author(actor, partner)
    _check_existing_scripts(partner, values.questions)
    now = timezone.now()
    fields = {name: getattr(values, name) for name in SCALAR_FIELDS}
    for _attempt in range(5):
        try:
            with transaction.atomic():
                dossier = Dossier.objects.create(
                    reference=_new_reference(now),
                    partner=partner,
                    channels=list(values.channels),
                    created_by=actor,
                    created_at=now,
                    updated_at=now,
                    **fields,
                )
            break
        except IntegrityError:
            continue
    else:
        raise IntegrityError("no free dossier reference after 5 attempts")
    _write_details(dossier, values)
    _step(dossier, actor, CommentAction.CREATED)
    return dossier


@transaction.atomic
def update_dossier(*, dossier: Dossier, values: DossierValues, actor: User) -> Dossier:
    _require_author(actor, dossier.partner)
    dossier = _lock(dossier, *EDITABLE_STATES)
    _check_existing_scripts(dossier.partner, values.questions)
    for name in SCALAR_FIELDS:
        setattr(dossier, name, getattr(values, name))
    dossier.channels = list(values.channels)
    dossier.updated_at = timezone.now()
    dossier.save()
    _write_details(dossier, values)
    _step(dossier, actor, CommentAction.EDITED)
    return dossier


@transaction.atomic
def submit_dossier(*, dossier: Dossier, actor: User, comment: str = "") -> Dossier:
    """Send the request to the line (again, after the line asked for more information)."""
    _require_author(actor, dossier.partner)
    dossier = _lock(dossier, *EDITABLE_STATES)
    if not dossier.questions.filter(origin=QuestionOrigin.INTAKE).exists():
        raise IntakeError(IntakeErrorCode.NO_QUESTIONS, "questions")
    dossier.status = DossierStatus.SUBMITTED
    dossier.submitted_at = dossier.updated_at = timezone.now()
    dossier.save(update_fields=["status", "submitted_at", "updated_at"])
    _step(dossier, actor, CommentAction.SUBMITTED, comment.strip())
    return dossier


@transaction.atomic
def request_more_info(*, dossier: Dossier, actor: User, comment: str) -> Dossier:
    _require_line(actor)
    text = _required(comment)
    dossier = _lock(dossier, DossierStatus.SUBMITTED)
    dossier.status = DossierStatus.MORE_INFO
    dossier.updated_at = timezone.now()
    dossier.save(update_fields=["status", "updated_at"])
    _step(dossier, actor, CommentAction.MORE_INFO, text)
    return dossier


@transaction.atomic
def decline_dossier(*, dossier: Dossier, actor: User, comment: str) -> Dossier:
    _require_line(actor)
    text = _required(comment)
    dossier = _lock(dossier, DossierStatus.SUBMITTED, DossierStatus.MORE_INFO)
    dossier.status = DossierStatus.DECLINED
    dossier.updated_at = timezone.now()
    dossier.save(update_fields=["status", "updated_at"])
    _step(dossier, actor, CommentAction.DECLINED, text)
    return dossier


def expected_total(dossier: Dossier) -> int:
    """The partner's estimate as a total over its window (what a forecast event expects)."""
    if dossier.estimate_unit == EstimateUnit.DAY:
        calendar = working_calendar()
        start = dossier.go_live - dt.timedelta(days=1)
        end = dossier.go_live + dt.timedelta(days=dossier.estimate_days - 1)
        return dossier.estimate_number * calendar.working_days_between(start, end)
    return round(dossier.estimate_number * dossier.estimate_days / 7)


def _free_script_id(text: str) -> str:
    base = re.sub(r"-+", "-", slugify(text).replace("_", "-"))[:80].strip("-") or "script"
    script_id, n = base, 2
    while ScriptPage.objects.filter(script_id=script_id).exists():
        script_id, n = f"{base}-{n}", n + 1
    return script_id


def _theme_for(partner: Partner) -> str:
    """The theme most of the partner's scripts use, so a new draft sits with its siblings."""
    row = (
        ScriptTheme.objects.filter(script__partner=partner)
        .values("theme__title")
        .annotate(n=Count("id"))
        .order_by("-n", "theme__title")
        .first()
    )
    if row is not None:
        return str(row["theme__title"])
    theme = ThemePage.objects.order_by("title").first()
    return str(theme.title) if theme is not None else FALLBACK_THEME


def placeholder_body(dossier: Dossier, question: str) -> str:
    return (
        "## Nog te schrijven\n\n"
        f"Dit script is een voorlopige tekst uit intakedossier {dossier.reference} "
        f"({dossier.partner.name}). Vervang deze tekst door het antwoord op de vraag:\n\n"
        f"> {' '.join(question.split())}\n\n"
        "Schrijf in klare taal (B1):\n\n"
        f"- wat er verandert en vanaf wanneer (go-live {dossier.go_live:%d-%m-%Y});\n"
        "- wie recht heeft of wie het treft;\n"
        "- wat de burger moet doen, en tegen wanneer;\n"
        "- waar de burger terechtkan met vragen die de lijn niet kan beantwoorden.\n"
    )


def _draft_script(dossier: Dossier, question: DossierQuestion, actor: User) -> str:
    script_id = _free_script_id(question.text)
    import_script(
        script_file=ScriptFile(
            id=script_id,
            title=" ".join(question.text.split())[:255],
            partner=dossier.partner.name,
            themes=(_theme_for(dossier.partner),),
            summary=f"Nog te schrijven voor {dossier.reference}: {question.text}"[:1000],
            body=placeholder_body(dossier, question.text),
        ),
        actor=actor,
        publish=False,
    )
    return script_id


@transaction.atomic
def accept_dossier(
    *,
    dossier: Dossier,
    actor: User,
    comment: str,
    owner: User,
    editor: User,
    lead_days: int = DEFAULT_LEAD_DAYS,
    training_minutes: int = 60,
) -> Dossier:
    """Accept the request and create its work: a draft (or a revision mark) per question for
    ``editor``, due ``lead_days`` working days before go-live; the estimate as a forecast
    event; and a training need. Scripts still go through review and partner approval."""
    _require_line(actor)
    text = _required(comment)
    if not has_role(owner, *LINE_STAFF):
        raise IntakeError(IntakeErrorCode.NOT_LINE_STAFF, "owner", name=owner.get_username())
    if not has_role(editor, Role.EDITOR):
        raise IntakeError(IntakeErrorCode.NOT_AN_EDITOR, "editor", name=editor.get_username())
    dossier = _lock(dossier, DossierStatus.SUBMITTED)
    now = timezone.now()
    due = working_calendar().add_working_days(dossier.go_live, -lead_days)
    created = []
    for question in dossier.questions.filter(origin=QuestionOrigin.INTAKE):
        if question.existing_script_id:
            question.script_id, question.revision = question.existing_script_id, True
        else:
            question.script_id = _draft_script(dossier, question, actor)
            created.append(question.script_id)
        question.editor, question.due_date = editor, due
        question.save(update_fields=["script_id", "revision", "editor", "due_date"])
    if dossier.estimate_number > 0:
        event = create_event(
            partner=dossier.partner,
            values={
                "kind": EVENT_KINDS.get(DossierKind(dossier.kind), EventKind.OTHER),
                "name": f"{dossier.reference} {dossier.title}"[:200],
                "day": dossier.go_live,
                "expected_extra": max(1, expected_total(dossier)),
                "channel": dossier.estimate_channel,
                "days": dossier.estimate_days,
                "dossier_ref": dossier.reference,
            },
            actor=actor if may_plan(actor) else None,
        )
        dossier.event_reference = event.reference
    dossier.status = DossierStatus.ACCEPTED
    dossier.owner = owner
    dossier.training_needed, dossier.training_minutes = True, training_minutes
    dossier.accepted_at = dossier.updated_at = now
    dossier.save()
    _step(
        dossier,
        actor,
        CommentAction.ACCEPTED,
        text,
        scripts_created=created,
        editor=editor.get_username(),
        due=due.isoformat(),
        event=dossier.event_reference,
    )
    return dossier


@transaction.atomic
def go_live(*, dossier: Dossier, actor: User, now: dt.datetime) -> Dossier:
    """Mark the dossier live; only with every readiness item done."""
    from infolijn.intake.readiness import readiness_of

    _require_line(actor)
    dossier = _lock(dossier, DossierStatus.ACCEPTED)
    readiness = readiness_of(dossier, now)
    if not readiness.complete:
        raise IntakeError(
            IntakeErrorCode.NOT_READY,
            items=", ".join(item.label.lower() for item in readiness.open_items),
        )
    dossier.status = DossierStatus.LIVE
    dossier.live_at = dossier.updated_at = now
    dossier.save(update_fields=["status", "live_at", "updated_at"])
    _step(dossier, actor, CommentAction.LIVE)
    return dossier


@transaction.atomic
def lead_to_revision(
    *,
    dossier: Dossier,
    actor: User,
    script_id: str,
    comment: str,
    editor: User,
) -> DossierQuestion:
    """What happened after go-live asks for a better script: a revision question for it."""
    _require_line(actor)
    text = _required(comment)
    if not has_role(editor, Role.EDITOR):
        raise IntakeError(IntakeErrorCode.NOT_AN_EDITOR, "editor", name=editor.get_username())
    dossier = _lock(dossier, DossierStatus.LIVE, DossierStatus.ACCEPTED)
    if script_id not in set(dossier.questions.values_list("script_id", flat=True)) - {""}:
        raise IntakeError(IntakeErrorCode.UNKNOWN_SCRIPT, "script_id", script_id=script_id)
    question = DossierQuestion.objects.create(
        dossier=dossier,
        text=text[:500],
        origin=QuestionOrigin.AFTERCARE,
        script_id=script_id,
        existing_script_id=script_id,
        revision=True,
        editor=editor,
        due_date=working_calendar().add_working_days(local_date(timezone.now()), AFTERCARE_DAYS),
    )
    _step(dossier, actor, CommentAction.REVISION, text, script_id=script_id)
    return question
