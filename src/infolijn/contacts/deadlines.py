"""Which agreement applies to a contact, and so its due moment and service-level threshold."""

import datetime as dt

from django.utils import timezone

from infolijn.calendar import WorkingCalendar, local_date
from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.contacts.models import WRITTEN_CHANNELS
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import Agreement, Partner

DEFAULT_EMAIL_DEADLINE_WORKING_DAYS = 2
DEFAULT_THRESHOLD_SECONDS = 20


def agreement_in_force(partner: Partner, on: dt.date) -> Agreement | None:
    """The agreement valid on ``on``; else the one valid today; else none.

    The fallback covers contacts from before the first agreement was entered: they follow the
    partner's current terms rather than the global defaults.
    """
    return _pick(list(partner.agreements.order_by("-valid_from")), on)


def service_level_threshold(partner: Partner | None, on: dt.date) -> int:
    """The partner's service-level threshold in seconds on ``on`` (20 without a partner)."""
    agreement = agreement_in_force(partner, on) if partner is not None else None
    if agreement is None:
        return DEFAULT_THRESHOLD_SECONDS
    return agreement.service_level_threshold_seconds


class DeadlineRules:
    """Due moments (DESIGN §8) for a batch of contacts.

    One working calendar (the administrator's closing days, read once) and each partner's
    agreements read once, so an import of many rows does not query per row.
    """

    def __init__(self, calendar: WorkingCalendar | None = None) -> None:
        self.calendar = calendar if calendar is not None else working_calendar()
        self._agreements: dict[int, list[Agreement]] = {}

    def working_days(self, partner: Partner, on: dt.date) -> int:
        agreements = self._agreements.get(partner.pk)
        if agreements is None:
            agreements = list(Agreement.objects.filter(partner=partner).order_by("-valid_from"))
            self._agreements[partner.pk] = agreements
        agreement = _pick(agreements, on)
        if agreement is None:
            return DEFAULT_EMAIL_DEADLINE_WORKING_DAYS
        return agreement.email_deadline_working_days

    def due_at(
        self, *, partner: Partner, channel: str, received_at: dt.datetime
    ) -> dt.datetime | None:
        """The due moment of an e-mail or web form; ``None`` for other channels.

        Raises ContactError (field ``received_at``) outside the years the calendar knows.
        """
        if channel not in WRITTEN_CHANNELS:
            return None
        n = self.working_days(partner, local_date(received_at, "received_at"))
        try:
            return self.calendar.due_moment(received_at, n)
        except ValueError as exc:
            raise ContactError(
                ContactErrorCode.OUTSIDE_CALENDAR, "received_at", value=str(exc)
            ) from exc


def _pick(agreements: list[Agreement], on: dt.date) -> Agreement | None:
    """From agreements sorted newest first: the one valid on ``on``, else the one valid today."""

    def valid(agreement: Agreement, day: dt.date) -> bool:
        return agreement.valid_from <= day and (
            agreement.valid_until is None or agreement.valid_until >= day
        )

    for day in (on, timezone.localdate()):
        for agreement in agreements:
            if valid(agreement, day):
                return agreement
    return None
