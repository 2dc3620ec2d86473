"""`infolijn import-mail DIR [--json]` (DESIGN §6): take in a folder of .eml files."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from infolijn.contacts.mailintake import import_mail_folder


class Command(BaseCommand):
    help = (
        "Take in every *.eml file in DIR (sorted by name) like mail fetched from the mailbox: "
        "store it, then open a contact, add it to an existing contact, set it aside as an "
        "automatic reply, or keep it for manual handling. Running it again on the same folder "
        "adds nothing. A file that cannot be read is reported on stderr and counted as "
        "needs_attention (exit 1); a database failure exits 1 and a later run finishes the job; "
        "a missing DIR exits 2."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", metavar="DIR", help="folder with *.eml files")
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args: str, directory: str, json: bool, **options: object) -> None:
        folder = Path(directory)
        if not folder.is_dir():
            problem = "is not a directory" if folder.exists() else "no such directory"
            self.stderr.write(f"import-mail: {directory}: {problem}")
            sys.exit(2)
        try:
            summary = import_mail_folder(directory=folder)
        except OSError as exc:
            self.stderr.write(f"import-mail: {directory}: cannot list: {exc.strerror or exc}")
            sys.exit(2)
        except DatabaseError as exc:
            # Messages stored before the failure stay; an interrupted one is finished next run.
            self.stderr.write(f"import-mail: database error ({exc}); nothing is lost, run again")
            sys.exit(1)
        for problem in summary.problems:
            self.stderr.write(problem)
        if json:
            self.stdout.write(_dumps(summary.as_dict()))
        else:
            self.stdout.write(summary.line())
        if summary.problems:
            sys.exit(1)


def _dumps(value: dict[str, int]) -> str:
    return json.dumps(value, ensure_ascii=False)
