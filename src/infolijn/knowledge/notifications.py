"""Who hears about what in the editorial workflow (e-mail; console backend in the demo)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import QuerySet

from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.workflows import EditorialReviewTask, PartnerApprovalTask
from infolijn.partners.roles import Role


def eligible_reviewers(task_state_id: int) -> QuerySet:
    from wagtail.models import TaskState

    task_state = TaskState.objects.select_related("workflow_state", "revision").get(
        pk=task_state_id
    )
    task = task_state.task.specific
    script = task_state.workflow_state.content_object.specific
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if isinstance(task, EditorialReviewTask):
        authors = {task_state.workflow_state.requested_by_id, task_state.revision.user_id}
        return users.filter(groups__name=Role.EDITOR.value).exclude(
            pk__in=[a for a in authors if a]
        )
    if isinstance(task, PartnerApprovalTask) and isinstance(script, ScriptPage):
        return users.filter(
            groups__name=Role.PARTNER_REVIEWER.value,
            partner_membership__partner_id=script.partner_id,
        )
    return users.none()


def notify_reviewers(task_state_id: int) -> int:
    from wagtail.models import TaskState

    task_state = TaskState.objects.get(pk=task_state_id)
    script = task_state.workflow_state.content_object.specific
    subject = f"Te beoordelen: {script.title}"
    body = (
        f"Het script ‘{script.title}’ wacht op jouw beoordeling ({task_state.task.name}).\n\n"
        f"Open het dashboard: {settings.WAGTAILADMIN_BASE_URL}/admin/\n"
    )
    messages = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        for user in eligible_reviewers(task_state_id).distinct()
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def notify_review_due(script: ScriptPage) -> int:
    recipients = (
        [script.owner.email]
        if script.owner and script.owner.email
        else list(
            get_user_model()
            .objects.filter(is_active=True, groups__name=Role.EDITOR.value)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    subject = f"Nakijken: {script.title}"
    body = (
        f"Het script ‘{script.title}’ moet tegen {script.review_by:%d-%m-%Y} nagekeken worden.\n"
        "Kijk na of bedragen, data en voorwaarden nog kloppen, en dien het script opnieuw in.\n"
    )
    return send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)], fail_silently=False
    )
