"""`infolijn periodic [--every SECONDS]`: the line's recurring work, safe to run repeatedly.

Run it from cron (once a minute) in production, or with ``--every 60`` as a long-running
process; `infolijn demo` and `infolijn serve` start it next to the task worker.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from infolijn.contacts.tasks import sweep_contact_deadlines
from infolijn.knowledge.tasks import send_review_reminders
from infolijn.search.actions import purge_old_search_logs
from infolijn.search.tasks import sync_search_index
from infolijn.website.actions import erase_old_contact_form_data, erase_old_orders


def run_once() -> dict[str, int]:
    call_command("publish_scheduled", verbosity=0)
    return {
        "search_index_documents": sync_search_index.call(),
        "review_reminders": send_review_reminders.call(),
        "contact_deadlines_changed": sweep_contact_deadlines.call(),
        "search_logs_purged": purge_old_search_logs(),
        "contact_forms_erased": erase_old_contact_form_data(),
        "publication_orders_erased": erase_old_orders(),
    }


class Command(BaseCommand):
    help = (
        "Run scheduled publishing, review reminders, deadline sweeps, index sync and retention "
        "once (or every N seconds)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=0, help="repeat every N seconds (0: once)")

    def handle(self, *args, every: int, **options) -> None:
        while True:
            summary = run_once()
            self.stdout.write(
                f"{timezone.now():%Y-%m-%d %H:%M:%S} "
                + ", ".join(f"{k}={v}" for k, v in summary.items())
            )
            if every <= 0:
                return
            time.sleep(every)
