"""`infolijn personal-data export|erase ADDRESS`: a data subject's access or erasure request."""

import dataclasses
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from infolijn.contacts.personal_data import erase_subject, export_subject


class Command(BaseCommand):
    help = (
        "export: print as JSON every contact, message, answer and contact-form entry held for "
        "an e-mail address. erase: remove that personal data now (the contacts stay, "
        "anonymised, so past KPIs do not change)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("address", help="the data subject's e-mail address")

    def handle(self, *args: str, action: str, address: str, **options: object) -> None:
        try:
            validate_email(address)
        except ValidationError as exc:
            raise CommandError(f"{address!r} is not an e-mail address") from exc
        if action == "export":
            data = dataclasses.asdict(export_subject(address))
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            count = erase_subject(address)
            self.stdout.write(f"{address}: personal data erased from {count} contact(s)")
