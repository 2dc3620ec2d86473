import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.search.engine.index import Scope
from infolijn.search.service import search_scripts


class Command(BaseCommand):
    help = (
        "Search the published scripts (DESIGN §6). With '-' as QUERY, read one query a line from "
        "stdin and print one JSON array a line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="print JSON (the default output)")
        parser.add_argument(
            "--public", action="store_true", help="search as a citizen (public scripts only)"
        )

    def handle(self, *args, query: str, limit: int, public: bool, **options) -> None:
        if not 1 <= limit <= 1000:
            raise CommandError(f"--limit must be between 1 and 1000, got {limit}")
        scope = Scope.PUBLIC if public else Scope.AGENT

        def run(text: str) -> str:
            hits = search_scripts(text, scope=scope, limit=limit).hits if text.strip() else []
            rows = [{"id": hit.key, "title": hit.title, "score": hit.score} for hit in hits]
            return json.dumps(rows, ensure_ascii=False)

        if query == "-":
            for line in sys.stdin:
                self.stdout.write(run(line.rstrip("\n")))
        else:
            self.stdout.write(run(query))
