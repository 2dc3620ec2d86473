"""Every change to the knowledge base goes through these functions."""

import datetime as dt
import logging
from enum import Enum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page

from infolijn.knowledge.errors import KnowledgeError, KnowledgeErrorCode
from infolijn.knowledge.models import (
    KnowledgeBasePage,
    ReviewReminder,
    ScriptPage,
    ScriptTheme,
    ScriptWithdrawal,
    ThemeIndexPage,
    ThemePage,
)
from infolijn.knowledge.plain import TARGET_LEVEL, level_needing_reason
from infolijn.knowledge.scriptfile import ScriptFile
from infolijn.partners.actions import ensure_partner
from infolijn.partners.roles import Role, has_role

logger = logging.getLogger(__name__)

Actor = AbstractBaseUser | None


class ImportOutcome(Enum):
    CREATED = "created"
    UPDATED = "updated"
    PUBLISHED = "published"
    UNCHANGED = "unchanged"


def _site_parent(model: type[Page]) -> Any:
    parent = model.objects.first()
    if parent is None:
        raise KnowledgeError(KnowledgeErrorCode.SITE_STRUCTURE_MISSING, model.__name__)
    return parent


def _unique_child_slug(parent: Page, wanted: str) -> str:
    base = slugify(wanted)[:200] or "pagina"
    slug, n = base, 2
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def ensure_theme(*, name: str, actor: Actor) -> ThemePage:
    """The theme page called ``name``; created and published when it does not exist yet."""
    name = name.strip()
    theme = ThemePage.objects.filter(title__iexact=name).first()
    if theme is None:
        theme = ThemePage.objects.filter(slug=slugify(name)).first()
    if theme is not None:
        return theme
    index = _site_parent(ThemeIndexPage)
    theme = ThemePage(title=name, slug=_unique_child_slug(index, name), owner=actor)
    index.add_child(instance=theme)
    theme.save_revision(user=actor, log_action=True).publish(
        user=actor, skip_permission_checks=True
    )
    return theme


def script_as_file(page: ScriptPage) -> ScriptFile:
    """A script's latest version (draft included) in the exchange format of DESIGN §7.1."""
    latest = page.get_latest_revision_as_object()
    return ScriptFile(
        id=latest.script_id,
        title=latest.title,
        partner=latest.partner.name,
        themes=tuple(link.theme.title for link in latest.theme_links.all()),
        summary=latest.summary,
        body=latest.body,
        keywords=tuple(latest.keywords),
        audience=tuple(latest.audience),
        valid_until=latest.valid_until,
    )


def _apply(
    page: ScriptPage, script_file: ScriptFile, themes: list[ThemePage], actor: Actor
) -> None:
    page.title = script_file.title
    page.summary = script_file.summary
    page.body = script_file.body
    page.partner = ensure_partner(name=script_file.partner, actor=actor)
    page.keywords = list(script_file.keywords)
    page.audience = list(script_file.audience)
    page.valid_until = script_file.valid_until
    page.theme_links = [ScriptTheme(theme=theme, sort_order=i) for i, theme in enumerate(themes)]


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


@transaction.atomic
def import_script(*, script_file: ScriptFile, actor: Actor, publish: bool) -> ImportOutcome:
    """Create the script or add a new version of it; never a second script with the same id.

    An import identical to the latest version adds nothing. With ``publish`` the new version
    goes live at once (an operator's bulk load); otherwise it waits as a draft for review.
    """
    existing = ScriptPage.objects.filter(script_id=script_file.id).first()
    if existing is not None and script_as_file(existing) == script_file:
        if publish and (not existing.live or existing.has_unpublished_changes):
            existing.get_latest_revision().publish(user=actor, skip_permission_checks=True)
            return ImportOutcome.PUBLISHED
        return ImportOutcome.UNCHANGED

    themes = [ensure_theme(name=name, actor=actor) for name in script_file.themes]
    try:
        if existing is None:
            knowledge_base = _site_parent(KnowledgeBasePage)
            page = ScriptPage(
                script_id=script_file.id,
                slug=_unique_child_slug(knowledge_base, script_file.id),
                owner=actor,
                live=False,
            )
            _apply(page, script_file, themes, actor)
            knowledge_base.add_child(instance=page)
        else:
            page = existing.get_latest_revision_as_object()
            _apply(page, script_file, themes, actor)
            page.full_clean()
    except ValidationError as exc:
        raise KnowledgeError(KnowledgeErrorCode.INVALID_SCRIPT, _validation_message(exc)) from exc

    revision = page.save_revision(user=actor, log_action=True)
    log(instance=page, action="infolijn.script.import", user=actor, revision=revision)
    if publish:
        revision.publish(user=actor, skip_permission_checks=True)
    return ImportOutcome.CREATED if existing is None else ImportOutcome.UPDATED


@transaction.atomic
def withdraw_script(
    *, script: ScriptPage, actor: AbstractBaseUser, reason: str, replacement: Page | None = None
) -> ScriptWithdrawal:
    """Take a script off the site and the desk; its address then leads to ``replacement``
    (or to its main theme), so no citizen's bookmark ends in a dead end."""
    if not has_role(actor, Role.EDITOR, Role.ADMINISTRATOR):
        raise KnowledgeError(KnowledgeErrorCode.NOT_AN_EDITOR)
    if not reason.strip():
        raise KnowledgeError(KnowledgeErrorCode.REASON_REQUIRED)
    script = ScriptPage.objects.select_for_update().get(pk=script.pk)
    if not script.live:
        raise KnowledgeError(KnowledgeErrorCode.NOT_LIVE)
    old_path = script.get_url()
    target = replacement or script.primary_theme
    UnpublishPageAction(script, user=actor).execute(skip_permission_checks=True)
    if old_path and target is not None:
        Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).delete()
        Redirect.add_redirect(old_path, redirect_to=target, is_permanent=True)
    withdrawal = ScriptWithdrawal.objects.create(
        script=script,
        withdrawn_by=actor,  # type: ignore[misc]
        reason=reason.strip(),
        replacement=replacement,
    )
    log(
        instance=script,
        action="infolijn.script.withdraw",
        user=actor,
        data={"reason": reason.strip(), "replacement_id": replacement.pk if replacement else None},
    )
    return withdrawal


def reminders_due(*, today: dt.date, horizon_days: int) -> list[ScriptPage]:
    horizon = today + dt.timedelta(days=horizon_days)
    already = ReviewReminder.objects.values("script_id", "review_by")
    sent = {(row["script_id"], row["review_by"]) for row in already}
    return [
        script
        for script in ScriptPage.objects.review_due(horizon).select_related("owner")
        if (script.pk, script.review_by) not in sent
    ]


def claim_review_reminder(*, script: ScriptPage) -> bool:
    """Claim the one reminder for the script's current review-by date; False if already sent.

    The unique key on (script, review_by) makes two sweepers racing each other safe.
    """
    assert script.review_by is not None
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(
                script=script, review_by=script.review_by, sent_at=timezone.now()
            )
    except IntegrityError:
        return False
    log(
        instance=script,
        action="infolijn.script.review_reminder",
        user=None,
        data={"review_by": script.review_by.isoformat()},
    )
    return True


REVISABLE_FIELDS = frozenset(
    {
        "title",
        "summary",
        "body",
        "agent_notes",
        "plain_language_reason",
        "keywords",
        "audience",
        "review_by",
        "valid_until",
        "visibility",
        "public_from",
        "go_live_at",
    }
)


@transaction.atomic
def revise_script(*, script: ScriptPage, actor: AbstractBaseUser, changes: dict[str, Any]) -> Any:
    """Save a new draft revision of ``script`` with ``changes``; the live version is untouched."""
    if not has_role(actor, Role.EDITOR, Role.ADMINISTRATOR):
        raise KnowledgeError(KnowledgeErrorCode.NOT_AN_EDITOR)
    unknown = set(changes) - REVISABLE_FIELDS
    if unknown:
        raise KnowledgeError(
            KnowledgeErrorCode.INVALID_SCRIPT, f"unknown fields: {sorted(unknown)}"
        )
    page = script.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    try:
        page.full_clean()
    except ValidationError as exc:
        raise KnowledgeError(KnowledgeErrorCode.INVALID_SCRIPT, _validation_message(exc)) from exc
    return page.save_revision(user=actor, log_action=True)


@transaction.atomic
def submit_for_review(*, script: ScriptPage, actor: AbstractBaseUser) -> Any:
    """Start the editorial workflow (second editor, then partner) on the latest revision."""
    if not has_role(actor, Role.EDITOR, Role.ADMINISTRATOR):
        raise KnowledgeError(KnowledgeErrorCode.NOT_AN_EDITOR)
    latest = script.get_latest_revision_as_object()
    if not latest.plain_language_reason.strip() and (level := level_needing_reason(latest.body)):
        raise KnowledgeError(
            KnowledgeErrorCode.LEVEL_REASON_REQUIRED, f"level {level} is above {TARGET_LEVEL}"
        )
    workflow = script.get_workflow()
    if workflow is None:
        raise KnowledgeError(KnowledgeErrorCode.SITE_STRUCTURE_MISSING, "no workflow for scripts")
    return workflow.start(script, actor)


@transaction.atomic
def act_on_review(
    *, script: ScriptPage, actor: AbstractBaseUser, action: str, comment: str = ""
) -> None:
    """Approve or reject the task the script is waiting on, as ``actor``.

    The task decides who may act (a second editor; the owning partner's reviewer); anyone
    else gets ``PermissionDenied`` and nothing changes.
    """
    from django.core.exceptions import PermissionDenied

    script = ScriptPage.objects.get(pk=script.pk)
    task_state = script.current_workflow_task_state
    if task_state is None:
        raise PermissionDenied("The script is not awaiting review.")
    task = task_state.task.specific
    allowed = {name for name, _label, _needs_form in task.get_actions(script, actor)}
    if action not in allowed:
        raise PermissionDenied(f"{actor} may not {action} this task.")
    task.on_action(task_state, actor, action, comment=comment)
