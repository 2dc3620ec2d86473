"""The editorial workflow: a second editor reviews, then the owning partner approves.

Both are Wagtail workflow tasks. Whoever may act is decided here and nowhere else: the
admin screens, the dashboard ("Te beoordelen") and our actions all ask these tasks.
"""

from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from infolijn.partners.roles import Role, has_role

User = AbstractBaseUser | AnonymousUser


class RejectionForm(forms.Form):
    comment = forms.CharField(
        label=_("Wat moet er veranderen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        error_messages={"required": _("Schrijf erbij wat er moet veranderen.")},
        max_length=4000,
    )


class OptionalCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Opmerking"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )


def _script_of(obj: Any):
    from infolijn.knowledge.models import ScriptPage

    specific = obj.specific if isinstance(obj, Page) else obj
    return specific if isinstance(specific, ScriptPage) else None


def _authors(obj: Any) -> set[int]:
    """Who wrote what is under review: the submitter and the author of the revision."""
    state = obj.current_workflow_state
    authors: set[int] = set()
    if state is None:
        return authors
    if state.requested_by_id:
        authors.add(state.requested_by_id)
    task_state = state.current_task_state
    if task_state is not None and task_state.revision is not None and task_state.revision.user_id:
        authors.add(task_state.revision.user_id)
    return authors


class ActionsMixin:
    def get_form_for_action(self, action: str) -> type[forms.Form]:
        return RejectionForm if action == "reject" else OptionalCommentForm

    def can_act(self, obj: Any, user: User) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def get_actions(self, obj: Any, user: User) -> list[tuple[str, Any, bool]]:
        if not self.can_act(obj, user):
            return []
        return [
            ("reject", _("Wijzigingen vragen"), True),
            ("approve", _("Goedkeuren"), False),
            ("approve", _("Goedkeuren met opmerking"), True),
        ]

    def on_action(self, task_state: TaskState, user: User, action_name: str, **kwargs: Any) -> None:
        if not self.can_act(task_state.workflow_state.content_object, user):
            raise PermissionDenied
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied("A rejection needs a comment.")
        super().on_action(task_state, user, action_name, **kwargs)  # type: ignore[misc]


class EditorialReviewTask(ActionsMixin, Task):
    """Review by a second editor: any editor but the one who wrote the revision."""

    def can_act(self, obj: Any, user: User) -> bool:
        if not has_role(user, Role.EDITOR):
            return False
        return user.pk not in _authors(obj)

    def user_can_access_editor(self, obj: Any, user: User) -> bool:
        return has_role(user, Role.EDITOR)

    def get_task_states_user_can_moderate(self, user: User, **kwargs: Any) -> QuerySet[TaskState]:
        if not has_role(user, Role.EDITOR):
            return TaskState.objects.none()
        return (
            self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
            .exclude(workflow_state__requested_by=user.pk)
            .exclude(revision__user=user.pk)
        )

    @classmethod
    def get_description(cls) -> str:
        return str(_("Een tweede redacteur (niet de auteur) leest het script na."))

    class Meta:
        verbose_name = _("redactionele controle")
        verbose_name_plural = _("redactionele controles")


class PartnerApprovalTask(ActionsMixin, Task):
    """Approval by a reviewer of the partner that owns the script, and by nobody else."""

    def can_act(self, obj: Any, user: User) -> bool:
        script = _script_of(obj)
        if script is None or not has_role(user, Role.PARTNER_REVIEWER):
            return False
        membership = getattr(user, "partner_membership", None)
        return membership is not None and membership.partner_id == script.partner_id

    def locked_for_user(self, obj: Any, user: User) -> bool:
        return not self.can_act(obj, user)

    def get_task_states_user_can_moderate(self, user: User, **kwargs: Any) -> QuerySet[TaskState]:
        from infolijn.knowledge.models import ScriptPage

        membership = getattr(user, "partner_membership", None)
        if membership is None or not has_role(user, Role.PARTNER_REVIEWER):
            return TaskState.objects.none()
        page_ids = (
            ScriptPage.objects.filter(partner_id=membership.partner_id)
            .annotate(str_id=Cast("pk", CharField()))
            .values("str_id")
        )
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=page_ids
        )

    @classmethod
    def get_description(cls) -> str:
        return str(_("Een reviewer van de partner die eigenaar is van het script keurt het goed."))

    class Meta:
        verbose_name = _("goedkeuring door partner")
        verbose_name_plural = _("goedkeuringen door partner")
