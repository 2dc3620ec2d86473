"""Reads for planning: contact counts per local day or half hour, opening hours, scoping."""

import datetime as dt
from collections import Counter

from django.utils import timezone

from infolijn.calendar import BRUSSELS, OpeningWindow
from infolijn.contacts.deadlines import DEFAULT_EMAIL_DEADLINE_WORKING_DAYS
from infolijn.contacts.models import Contact
from infolijn.partners.models import Agreement, Partner
from infolijn.planning.engine.forecast_io import DATE_FORMAT, MINUTE_FORMAT, History
from infolijn.planning.models import SLOT_MINUTES, Freq

#: How far back a forecast looks for history (the engine backtests over 20 weeks).
HISTORY_DAYS = 364

Period = tuple[dt.date, int | None]


def contact_counts(
    *, partner: Partner | None, channel: str, first: dt.date, last: dt.date, freq: str
) -> Counter[Period]:
    """Contacts received per local (Brussels) day, or per 30-minute slot of a local day."""
    contacts = Contact.objects.received_between(first, last).filter(channel=channel)
    if partner is not None:
        contacts = contacts.for_partner(partner)
    counts: Counter[Period] = Counter()
    for received in contacts.values_list("received_at", flat=True).iterator():
        local = received.astimezone(BRUSSELS)
        minute = None
        if freq == Freq.HALF_HOUR:
            minute = (local.hour * 60 + local.minute) // SLOT_MINUTES * SLOT_MINUTES
        counts[(local.date(), minute)] += 1
    return counts


def first_contact_day(*, partner: Partner | None, channel: str, before: dt.date) -> dt.date | None:
    contacts = Contact.objects.filter(channel=channel).received_between(
        before - dt.timedelta(days=HISTORY_DAYS), before - dt.timedelta(days=1)
    )
    if partner is not None:
        contacts = contacts.for_partner(partner)
    earliest = contacts.order_by("received_at").values_list("received_at", flat=True).first()
    return earliest.astimezone(BRUSSELS).date() if earliest else None


def history_before(
    *, partner: Partner | None, channel: str, start: dt.date, freq: str
) -> History | None:
    """Every day (or every slot of every day) from the first contact in the last year up to
    the day before ``start``, zeros included: the engine reads a missing day as a special
    day, not as a quiet one. None without any contact in that year."""
    first = first_contact_day(partner=partner, channel=channel, before=start)
    if first is None:
        return None
    last = start - dt.timedelta(days=1)
    counts = contact_counts(partner=partner, channel=channel, first=first, last=last, freq=freq)
    stamps: list[dt.datetime] = []
    values: list[float] = []
    day = first
    minutes: list[int | None] = (
        [None] if freq == Freq.DAY else list(range(0, 24 * 60, SLOT_MINUTES))
    )
    while day <= last:
        for minute in minutes:
            stamps.append(dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute or 0))
            values.append(float(counts.get((day, minute), 0)))
        day += dt.timedelta(days=1)
    return History(
        timestamps=tuple(stamps),
        counts=tuple(values),
        daily=freq == Freq.DAY,
        time_format=DATE_FORMAT if freq == Freq.DAY else MINUTE_FORMAT,
        source="contacten",
    )


class LineTerms:
    """The agreements that govern one partner, or the whole line (every active partner),
    read once with their opening hours. The agreement for a day follows
    ``contacts.deadlines.agreement_in_force``: the one valid that day, else the one valid
    today."""

    def __init__(self, partner: Partner | None) -> None:
        partners = Partner.objects.filter(active=True) if partner is None else [partner]
        agreements = (
            Agreement.objects.filter(partner__in=partners)
            .order_by("-valid_from")
            .prefetch_related("opening_hours")
        )
        self._by_partner: dict[int, list[Agreement]] = {}
        for agreement in agreements:
            self._by_partner.setdefault(agreement.partner_id, []).append(agreement)
        self._today = timezone.localdate()

    def _in_force(self, on: dt.date) -> list[Agreement]:
        found = []
        for agreements in self._by_partner.values():
            for day in (on, self._today):
                valid = [
                    a
                    for a in agreements
                    if a.valid_from <= day and (a.valid_until is None or a.valid_until >= day)
                ]
                if valid:
                    found.append(valid[0])
                    break
        return found

    def opening_windows(self, on: dt.date) -> list[OpeningWindow]:
        """The weekly windows of every agreement in force on ``on`` (the line is open when
        any partner is); ``OpeningHours.windows_on`` picks the day's and skips closing days."""
        return [
            OpeningWindow(weekday=row.weekday, opens=row.opens, closes=row.closes)
            for agreement in self._in_force(on)
            for row in agreement.opening_hours.all()
        ]

    def email_deadline_days(self, on: dt.date) -> int:
        """Working days to answer an e-mail; for the whole line the strictest agreement."""
        days = [a.email_deadline_working_days for a in self._in_force(on)]
        return min(days) if days else DEFAULT_EMAIL_DEADLINE_WORKING_DAYS
