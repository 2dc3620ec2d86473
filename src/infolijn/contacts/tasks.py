"""Background work of the contact center. Tasks are safe to run twice."""

from django.utils import timezone
from django_tasks import task

from infolijn.contacts.actions import sweep_sla
from infolijn.contacts.alerts import remind_partners
from infolijn.contacts.imap import configured_mailbox, poll_mailbox
from infolijn.contacts.outbound import retry_unsent
from infolijn.contacts.personal_data import apply_retention


@task()
def sweep_contact_deadlines() -> int:
    """Mark open e-mails and web forms at risk or overdue; returns how many changed."""
    return sweep_sla(now=timezone.now())


@task()
def fetch_mailbox() -> int:
    """Take in the unread mail of the configured IMAP mailbox; returns how many messages
    (0 when no mailbox is configured). A failure raises: the next run fetches again."""
    mailbox = configured_mailbox()
    if mailbox is None:
        return 0
    return poll_mailbox(mailbox).files


@task()
def send_unsent_mail() -> int:
    return retry_unsent()


@task()
def remind_second_lines() -> int:
    return remind_partners(now=timezone.now())


@task()
def erase_expired_personal_data() -> int:
    return apply_retention(now=timezone.now())
