"""Background work of the knowledge base. Tasks take ids and are safe to run twice."""

from django.utils import timezone
from django_tasks import task

from infolijn.knowledge import notifications
from infolijn.knowledge.actions import claim_review_reminder, reminders_due

REVIEW_HORIZON_DAYS = 14


@task()
def notify_reviewers(task_state_id: int) -> int:
    return notifications.notify_reviewers(task_state_id)


@task()
def send_review_reminders() -> int:
    """Remind owners of scripts whose review-by date is within two weeks (once per date)."""
    today = timezone.localdate()
    sent = 0
    for script in reminders_due(today=today, horizon_days=REVIEW_HORIZON_DAYS):
        if claim_review_reminder(script=script):
            notifications.notify_review_due(script)
            sent += 1
    return sent
