"""Signal handlers: only side effects (notifications), never domain state."""

from typing import Any

from django.db import transaction
from django.dispatch import receiver
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from infolijn.knowledge.workflows import EditorialReviewTask, PartnerApprovalTask


@receiver(task_submitted, sender=TaskState)
def notify_on_task_submitted(sender: Any, instance: TaskState, **kwargs: Any) -> None:
    if isinstance(instance.task.specific, EditorialReviewTask | PartnerApprovalTask):
        from infolijn.knowledge.tasks import notify_reviewers

        task_state_id = instance.pk
        transaction.on_commit(lambda: notify_reviewers.enqueue(task_state_id))
