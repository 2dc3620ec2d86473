"""`infolijn plan-forecast --partner X --channel phone --start YYYY-MM-DD --days N [--publish]`."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolijn.partners.models import Partner
from infolijn.planning.actions import make_forecast, publish_forecast
from infolijn.planning.errors import PlanningError


class Command(BaseCommand):
    help = "Maak een prognose uit de contacten (en publiceer ze eventueel)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--partner", default="", help="naam of code; leeg: de hele lijn")
        parser.add_argument("--channel", default="phone")
        parser.add_argument("--start", required=True, help="eerste dag, YYYY-MM-DD")
        parser.add_argument("--days", type=int, default=28)
        parser.add_argument("--freq", default="30min", choices=["day", "30min"])
        parser.add_argument("--publish", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        partner = None
        if options["partner"]:
            partner = Partner.objects.by_name_or_code(options["partner"])
            if partner is None:
                raise CommandError(f"onbekende partner: {options['partner']!r}")
        try:
            start = dt.date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(f"--start {options['start']!r} is geen datum YYYY-MM-DD") from None
        try:
            snapshot = make_forecast(
                partner=partner,
                channel=options["channel"],
                start=start,
                horizon_days=options["days"],
                freq=options["freq"],
                actor=None,
            )
        except PlanningError as error:
            raise CommandError(error.message) from None
        if options["publish"]:
            publish_forecast(snapshot=snapshot, actor=None)
        state = "gepubliceerd" if snapshot.published else "ontwerp"
        self.stdout.write(
            f"prognose {snapshot.pk} ({state}): {snapshot}, model {snapshot.model_name}"
        )
