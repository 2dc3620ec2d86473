"""`infolijn rollup-facts [--from DATE --to DATE]`: recompute the daily contact facts."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from infolijn.quality.rollup import MAX_RANGE_DAYS, contact_date_range, rollup_range

USAGE_ERROR = 2


class Command(BaseCommand):
    help = (
        "Recompute the daily contact facts (DESIGN §8 per local day, partner and channel) from "
        "--from to --to (inclusive). Without dates: yesterday and today. With --all: every day "
        "that has contacts. Safe to run again: a day's rows are replaced, not added."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", metavar="DATE", help="first date, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="DATE", help="last date, YYYY-MM-DD")
        parser.add_argument("--all", action="store_true", help="every day with contacts")

    def handle(
        self, *args: str, start: str | None, end: str | None, all: bool, **options: object
    ) -> None:
        today = timezone.localdate()
        if all:
            if start or end:
                raise CommandError("--all cannot be combined with --from/--to", returncode=2)
            found = contact_date_range()
            if found is None:
                self.stdout.write("no contacts: nothing to roll up")
                return
            first, last = found
        else:
            first = _parse("--from", start) if start else today - dt.timedelta(days=1)
            last = _parse("--to", end) if end else (first if start and not end else today)
            if start is None and end is not None:
                first = last
        if first > last:
            raise CommandError(f"--from {first} is after --to {last}", returncode=USAGE_ERROR)
        if (last - first).days > MAX_RANGE_DAYS:
            raise CommandError(f"at most {MAX_RANGE_DAYS} days at once", returncode=USAGE_ERROR)
        rows = rollup_range(first, last)
        self.stdout.write(f"{first} to {last}: {rows} fact rows")


def _parse(option: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"{option} {value!r}: not a date (YYYY-MM-DD)", returncode=USAGE_ERROR
        ) from None
