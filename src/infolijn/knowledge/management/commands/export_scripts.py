from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.knowledge.exchange import export_script_directory


class Command(BaseCommand):
    help = "Write every script (latest version) to DIR as <id>.md (DESIGN §7.1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options) -> None:
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"{directory}: exists and is not a directory")
        count = export_script_directory(directory=directory)
        self.stdout.write(f"{count} scripts written to {directory}")
