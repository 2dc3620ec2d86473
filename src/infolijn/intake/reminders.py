"""Warnings to a dossier's owner when go-live comes close with items still open."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from infolijn.calendar import local_date
from infolijn.intake.models import Dossier, DossierStatus, GoLiveWarning
from infolijn.intake.readiness import CheckItem, needs_warning, readiness_of
from infolijn.partners.calendar import working_calendar

WARN_WORKING_DAYS = 5


def _send(dossier: Dossier, open_items: list[CheckItem]) -> None:
    assert dossier.owner is not None
    lines = "\n".join(f"- {item.label}: {item.detail}" for item in open_items)
    send_mail(
        f"Go-live {dossier.go_live:%d-%m-%Y} nadert: {dossier.reference} {dossier.title}",
        f"Het dossier {dossier.reference} ({dossier.partner.name}) gaat live op "
        f"{dossier.go_live:%d-%m-%Y}. Deze punten zijn nog open:\n\n{lines}\n\n"
        f"Bekijk het dossier: {settings.WAGTAILADMIN_BASE_URL}/intake/{dossier.reference}/\n",
        settings.DEFAULT_FROM_EMAIL,
        [dossier.owner.email],
    )


def warn_owners(now: dt.datetime) -> int:
    """Mail each owner whose dossier goes live within five working days with open items, at
    most once per dossier per local day (safe to run every minute); returns mails sent."""
    today = local_date(now)
    calendar = working_calendar()
    sent = 0
    candidates = Dossier.objects.filter(
        status=DossierStatus.ACCEPTED, go_live__gte=today, owner__isnull=False
    ).select_related("owner", "partner")
    for dossier in candidates.exclude(warnings__day=today):
        if not needs_warning(dossier, today, WARN_WORKING_DAYS, calendar):
            continue
        open_items = readiness_of(dossier, now).open_items
        if not open_items or not dossier.owner or not dossier.owner.email:
            continue
        try:
            with transaction.atomic():
                GoLiveWarning.objects.create(
                    dossier=dossier, day=today, open_items=[item.key for item in open_items]
                )
                _send(dossier, open_items)
                log(
                    instance=dossier,
                    action="infolijn.intake.warning",
                    user=None,
                    data={"day": today.isoformat(), "open": [item.key for item in open_items]},
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
