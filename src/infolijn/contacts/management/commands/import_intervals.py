"""`infolijn import-intervals FILE...`: interval statistics from a telephony platform."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.contacts.intervals import import_interval_file, map_queues


class Command(BaseCommand):
    help = (
        "Import interval statistics (the canonical CSV of docs/interval-statistics.md, an Avaya "
        "CMS hsplit export or Genesys Cloud aggregates JSON). Bad rows and rows of queues not "
        "mapped to a partner are reported as FILE:LINE: field: problem and not stored; the "
        "good rows are. Importing a file again replaces the same intervals, adds nothing. "
        "Exits 1 if anything was wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--source", help="the platform (default: from the file's format)")
        parser.add_argument(
            "--threshold",
            type=int,
            default=20,
            help="service-level threshold in seconds for files that do not state it (20)",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="QUEUE=PARTNER",
            help="map a queue to a partner (name or code) before importing; repeatable",
        )
        parser.add_argument("--json", action="store_true", help="one JSON report on stdout")

    def handle(self, *args: str, files: list[str], **options: object) -> None:
        mapping = {}
        for item in options["map"]:  # type: ignore[attr-defined]
            queue, sep, partner = str(item).partition("=")
            if not sep or not queue or not partner:
                raise CommandError(f"--map {item!r}: expected QUEUE=PARTNER")
            mapping[queue] = partner
        source = options["source"]
        if mapping:
            if not source:
                raise CommandError("--map needs --source (the platform the queues belong to)")
            try:
                map_queues(source=str(source), mapping=mapping)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        reports = [
            import_interval_file(
                path,
                source=str(source) if source else None,
                threshold_seconds=int(options["threshold"]),  # type: ignore[call-overload]
            )
            for path in files
        ]
        if options["json"]:
            self.stdout.write(json.dumps([r.to_dict() for r in reports], ensure_ascii=False))
        else:
            for report in reports:
                for problem in report.problems:
                    self.stderr.write(problem)
                self.stdout.write(report.summary())
        if not all(r.ok for r in reports):
            sys.exit(1)
