"""`infolijn due [--working-days N] RECEIVED...` (DESIGN §6): due moments of e-mails."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.partners.calendar import working_calendar

USAGE_ERROR = 2
EXAMPLE = "2026-07-10T18:00:00+02:00"


class Command(BaseCommand):
    help = (
        "Print the due moment (DESIGN §8) of each RECEIVED moment, one a line, in ISO 8601 with "
        "offset. Uses the closing days in the database. Nothing is printed if any argument is "
        "invalid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "received",
            nargs="+",
            metavar="RECEIVED",
            help=f"ISO 8601 moment with a UTC offset, e.g. {EXAMPLE} or 2026-07-10T16:00:00Z",
        )
        parser.add_argument(
            "--working-days",
            dest="working_days",
            default="2",
            metavar="N",
            help="number of working days until the due moment (at least 1; default 2)",
        )

    def handle(self, *args: str, received: list[str], working_days: str | int, **options) -> None:
        problems: list[str] = []
        n = _parse_working_days(working_days, problems)
        moments = [(text, _parse_moment(text, problems)) for text in received]
        if problems:
            raise CommandError(_report(problems), returncode=USAGE_ERROR)
        assert n is not None
        calendar = working_calendar()
        due: list[str] = []
        for text, moment in moments:
            assert moment is not None
            try:
                due.append(calendar.due_moment(moment, n).isoformat())
            except (ValueError, OverflowError) as exc:
                problems.append(f"{text!r}: {exc}")
        if problems:
            raise CommandError(_report(problems), returncode=USAGE_ERROR)
        # Everything is computed before anything is written: never half an answer.
        self.stdout.write("\n".join(due))


def _parse_working_days(value: str | int, problems: list[str]) -> int | None:
    try:
        n = int(str(value).strip())
    except ValueError:
        n = 0
    if n < 1:
        problems.append(f"--working-days {str(value)!r}: must be a whole number of at least 1")
        return None
    return n


def _parse_moment(text: str, problems: list[str]) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        problems.append(f"{text!r}: not an ISO 8601 date and time (e.g. {EXAMPLE})")
        return None
    if moment.utcoffset() is None:
        problems.append(
            f"{text!r}: has no UTC offset, so the moment is ambiguous; add one "
            f"(e.g. {EXAMPLE}, or Z for UTC)"
        )
        return None
    return moment


def _report(problems: list[str]) -> str:
    count = "argument" if len(problems) == 1 else f"{len(problems)} arguments"
    return f"invalid {count}, nothing printed:\n  " + "\n  ".join(problems)
