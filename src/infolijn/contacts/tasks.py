"""Background work of the contact center. Tasks are safe to run twice."""

from django.utils import timezone
from django_tasks import task

from infolijn.contacts.actions import sweep_sla


@task()
def sweep_contact_deadlines() -> int:
    """Mark open e-mails and web forms at risk or overdue; returns how many changed."""
    return sweep_sla(now=timezone.now())
