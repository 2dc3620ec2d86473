"""`infolijn import-contacts CSV` (DESIGN §6, §7.3): contacts from a contact-center export."""

import sys

from django.core.management.base import BaseCommand, CommandParser

from infolijn.contacts.actions import import_contacts_csv


class Command(BaseCommand):
    help = (
        "Import contacts from a contact-center export (DESIGN §7.3). Every bad row is reported "
        "as FILE:LINE: field: problem and not stored; the good rows are kept unless "
        "--all-or-nothing is given. Running it again on the same file changes nothing. "
        "Exits 1 if anything was wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", metavar="CSV", help="the export, UTF-8, header required")
        parser.add_argument(
            "--all-or-nothing",
            action="store_true",
            dest="all_or_nothing",
            help="store nothing at all if any row is bad",
        )

    def handle(self, *args: str, csv: str, all_or_nothing: bool, **options: object) -> None:
        report = import_contacts_csv(path_or_file=csv, all_or_nothing=all_or_nothing)
        for line in report.error_lines():
            self.stderr.write(line)
        self.stdout.write(report.summary())
        if not report.ok:
            sys.exit(1)
