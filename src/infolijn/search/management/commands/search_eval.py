import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.search.engine.evaluation import JudgedFileError, evaluate, load_judged
from infolijn.search.engine.index import Scope
from infolijn.search.service import search_scripts


class Command(BaseCommand):
    help = "nDCG@10, MRR and recall@10 of the search on a judged file (qid, query, id:grade,...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("judged", type=Path)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, judged: Path, **options) -> None:
        try:
            queries = load_judged(judged)
        except OSError as exc:
            raise CommandError(f"{judged}: cannot read ({exc.strerror})") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{judged}: not UTF-8 text") from exc
        except JudgedFileError as exc:
            raise CommandError(str(exc)) from exc
        scores = evaluate(
            queries, lambda q: [h.key for h in search_scripts(q, scope=Scope.AGENT, limit=10).hits]
        )
        if options["json"]:
            self.stdout.write(json.dumps(scores.as_dict()))
        else:
            result = scores.as_dict()
            self.stdout.write(
                f"{result['queries']} judged queries: nDCG@10 {result['ndcg@10']:.3f}, "
                f"MRR {result['mrr']:.3f}, recall@10 {result['recall@10']:.3f}"
            )
