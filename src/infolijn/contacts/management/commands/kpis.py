"""`infolijn kpis [--partner NAME|CODE] --from DATE --to DATE --json` (DESIGN §6, §8)."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.contacts.queries import kpis_for
from infolijn.partners.models import Partner

USAGE_ERROR = 2
# Local midnights are computed on both ends; stay clear of datetime's limits.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(9998, 12, 31)


class Command(BaseCommand):
    help = (
        "KPIs of DESIGN §8 over the local dates FROM–TO (inclusive): calls received and e-mails "
        "or web forms due on those dates. The service-level threshold is the partner's "
        "agreement's, or 20 s without --partner."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--partner", metavar="NAME|CODE", help="one partner (default: all)")
        parser.add_argument("--from", dest="start", metavar="DATE", help="first date, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="DATE", help="last date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print JSON")

    def handle(
        self,
        *args: str,
        partner: str | None,
        start: str | None,
        end: str | None,
        as_json: bool,
        **options: object,
    ) -> None:
        problems: list[str] = []
        first = _parse_date("--from", start, problems)
        last = _parse_date("--to", end, problems)
        if first is not None and last is not None and first > last:
            problems.append(f"--from {start} is after --to {end}")
        chosen = None
        if partner is not None:
            chosen = Partner.objects.by_name_or_code(partner)
            if chosen is None:
                problems.append(f"--partner {partner!r}: no partner with that name or code")
        if problems:
            raise CommandError("; ".join(problems), returncode=USAGE_ERROR)
        assert first is not None
        assert last is not None
        kpis = kpis_for(start=first, end=last, partner=chosen).as_dict()
        if as_json:
            self.stdout.write(json.dumps(kpis, ensure_ascii=False))
        else:
            width = max(len(name) for name in kpis)
            for name, value in kpis.items():
                shown = "-" if value is None else value
                self.stdout.write(f"{name:<{width}}  {shown}")


def _parse_date(option: str, value: str | None, problems: list[str]) -> dt.date | None:
    if value is None:
        problems.append(f"{option} DATE is required (YYYY-MM-DD)")
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        problems.append(f"{option} {value!r}: not a date (YYYY-MM-DD)")
        return None
    if not FIRST_DATE <= day <= LAST_DATE:
        problems.append(f"{option} {value!r}: outside {FIRST_DATE} to {LAST_DATE}")
        return None
    return day
