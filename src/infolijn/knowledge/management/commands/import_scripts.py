import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from infolijn.knowledge.exchange import import_script_directory


class Command(BaseCommand):
    help = "Import every *.md script file in DIR (DESIGN §7.1). Bad files are reported and skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--publish", action="store_true", help="publish each imported version at once"
        )

    def handle(self, *args, directory: Path, publish: bool, **options) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory}: no such directory")
        with translation.override("en"):
            results = import_script_directory(directory=directory, actor=None, publish=publish)
        counts = Counter(result.outcome.value for result in results if result.outcome)
        failed = [result for result in results if result.error]
        for result in failed:
            self.stderr.write(f"{result.path}: {result.error}")
        summary = ", ".join(
            f"{counts[key]} {key}" for key in ("created", "updated", "published", "unchanged")
        )
        self.stdout.write(f"{len(results)} files: {summary}, {len(failed)} failed")
        if failed:
            sys.exit(1)
