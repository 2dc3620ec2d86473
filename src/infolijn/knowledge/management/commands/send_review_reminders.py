from django.core.management.base import BaseCommand

from infolijn.knowledge.tasks import send_review_reminders


class Command(BaseCommand):
    help = (
        "Remind owners of scripts whose review-by date is near (safe to run any number of times)."
    )

    def handle(self, *args, **options) -> None:
        sent = send_review_reminders.call()
        self.stdout.write(f"{sent} review reminders sent")
