"""`infolijn periodic [--every SECONDS]`: the line's recurring work, safe to run repeatedly.

Run it from cron (once a minute) in production, or with ``--every 60`` as a long-running
process; `infolijn demo` and `infolijn serve` start it next to the task worker. One job that
fails (the mail server is down) is reported and the others still run.
"""

import time
from collections.abc import Callable

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from infolijn.contacts.tasks import (
    erase_expired_personal_data,
    fetch_mailbox,
    remind_second_lines,
    send_unsent_mail,
    sweep_contact_deadlines,
)
from infolijn.intake.reminders import warn_owners
from infolijn.knowledge.tasks import send_review_reminders
from infolijn.quality.tasks import purge_expired_recordings, rollup_contact_facts
from infolijn.search.actions import purge_old_search_logs
from infolijn.search.tasks import sync_search_index
from infolijn.website.actions import erase_old_contact_form_data, erase_old_orders


def _publish_scheduled() -> int:
    call_command("publish_scheduled", verbosity=0)
    return 0


JOBS: dict[str, Callable[[], int]] = {
    "scheduled_publishing": _publish_scheduled,
    "search_index_documents": sync_search_index.call,
    "review_reminders": send_review_reminders.call,
    "mail_fetched": fetch_mailbox.call,
    "contact_deadlines_changed": sweep_contact_deadlines.call,
    "mail_resent": send_unsent_mail.call,
    "second_line_reminders": remind_second_lines.call,
    "contact_fact_rows": rollup_contact_facts.call,
    "search_logs_purged": purge_old_search_logs,
    "contact_forms_erased": erase_old_contact_form_data,
    "publication_orders_erased": erase_old_orders,
    "contacts_anonymised": erase_expired_personal_data.call,
    "recordings_purged": purge_expired_recordings.call,
    "intake_go_live_warnings": lambda: warn_owners(timezone.now()),
}


def run_once() -> tuple[dict[str, int], dict[str, str]]:
    """Run every job once; returns the counts, and the errors of jobs that failed."""
    counts: dict[str, int] = {}
    errors: dict[str, str] = {}
    for name, job in JOBS.items():
        try:
            counts[name] = job()
        except Exception as exc:  # one broken job must not stop the others
            errors[name] = f"{type(exc).__name__}: {exc}"
    return counts, errors


class Command(BaseCommand):
    help = (
        "Run scheduled publishing, review reminders, mail fetching, deadline sweeps, reminders "
        "to second lines, daily facts, index sync and retention once (or every N seconds)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=0, help="repeat every N seconds (0: once)")

    def handle(self, *args, every: int, **options) -> None:
        while True:
            counts, errors = run_once()
            self.stdout.write(
                f"{timezone.now():%Y-%m-%d %H:%M:%S} "
                + ", ".join(f"{k}={v}" for k, v in counts.items())
            )
            for name, error in errors.items():
                self.stderr.write(f"periodic: {name} failed: {error}")
            if every <= 0:
                return
            time.sleep(every)
