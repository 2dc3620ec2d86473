"""The daily facts rollup: Contact rows → ``DailyContactFact`` with the definitions of DESIGN §8.

Every phone and e-mail figure comes from ``contacts.kpis.compute_kpis`` run over one partner,
channel and day, turned back into counts; nothing here re-states a KPI definition. A day is
recomputed by deleting its rows and inserting fresh ones in one transaction, so running it
twice gives the same rows and a reader never sees a half-written day.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q

from infolijn.calendar import local_date, local_moment
from infolijn.contacts.deadlines import service_level_threshold
from infolijn.contacts.kpis import ContactRecord, compute_kpis
from infolijn.contacts.models import Contact, Outcome
from infolijn.partners.models import Channel, Partner
from infolijn.quality.models import DailyContactFact

_RECORD_FIELDS = ("channel", "received_at", "answered_at", "closed_at", "outcome", "due_at")
#: Longest range one command or task call rolls up (about ten years).
MAX_RANGE_DAYS = 3700


def _end_of(day: dt.date) -> dt.datetime:
    return local_moment(day + dt.timedelta(days=1), dt.time(0, 0))


def open_at(moment: dt.datetime) -> Q:
    """Contacts received before ``moment`` and neither answered nor closed by then.

    A contact closed without a reply and without a closing moment is taken as closed.
    """
    not_answered = Q(answered_at__isnull=True) | Q(answered_at__gte=moment)
    not_closed = Q(answered_at__isnull=False) | Q(outcome=Outcome.OPEN) | Q(closed_at__gte=moment)
    return Q(received_at__lt=moment) & not_answered & not_closed


def compute_day(
    day: dt.date, *, partners: Iterable[Partner] | None = None
) -> list[DailyContactFact]:
    """The facts of one local day (unsaved), one row per partner and channel with any figure."""
    chosen = {p.pk: p for p in (partners if partners is not None else Partner.objects.all())}
    received: dict[tuple[int, str], list[ContactRecord]] = defaultdict(list)
    due: dict[tuple[int, str], list[ContactRecord]] = defaultdict(list)
    contacts = Contact.objects.filter(partner_id__in=chosen).order_by()
    for partner_id, *values in contacts.received_between(day, day).values_list(
        "partner_id", *_RECORD_FIELDS
    ):
        received[(partner_id, values[0])].append(ContactRecord(*values))
    for partner_id, *values in (
        contacts.written().due_between(day, day).values_list("partner_id", *_RECORD_FIELDS)
    ):
        due[(partner_id, values[0])].append(ContactRecord(*values))
    backlog = {
        (row["partner_id"], row["channel"]): row["n"]
        for row in contacts.written()
        .filter(open_at(_end_of(day)))
        .values("partner_id", "channel")
        .annotate(n=Count("pk"))
    }
    facts = []
    thresholds: dict[int, int] = {}
    for partner_id, channel in sorted(set(received) | set(due) | set(backlog)):
        if partner_id not in thresholds:
            thresholds[partner_id] = service_level_threshold(chosen[partner_id], day)
        fact = _fact(
            day,
            chosen[partner_id],
            channel,
            thresholds[partner_id],
            received.get((partner_id, channel), []),
            due.get((partner_id, channel), []),
        )
        fact.backlog_open_at_end = backlog.get((partner_id, channel), 0)
        facts.append(fact)
    return facts


def _fact(
    day: dt.date,
    partner: Partner,
    channel: str,
    threshold: int,
    received: list[ContactRecord],
    due: list[ContactRecord],
) -> DailyContactFact:
    fact = DailyContactFact(day=day, partner=partner, channel=channel, threshold_seconds=threshold)
    if channel == Channel.PHONE:
        kpis = compute_kpis(received, start=day, end=day, threshold_seconds=threshold)
        fact.offered = kpis.calls_offered
        fact.answered = kpis.calls_answered
        fact.answered_within_threshold = round((kpis.service_level or 0) * kpis.calls_offered)
        fact.abandoned = round((kpis.abandonment_rate or 0) * kpis.calls_offered)
        fact.wait_seconds_answered_sum = (kpis.asa or 0.0) * kpis.calls_answered
        fact.short_abandons = sum(record.is_short_abandon for record in received)
        return fact
    fact.offered = len(received)
    fact.answered = sum(record.answered_at is not None for record in received)
    if due:
        kpis = compute_kpis(due, start=day, end=day, threshold_seconds=threshold)
        fact.emails_due = kpis.emails_due
        fact.emails_on_time = round((kpis.emails_on_time or 0) * kpis.emails_due)
    return fact


def rollup_day(day: dt.date) -> int:
    """Recompute the facts of ``day``; returns the number of rows it now has."""
    facts = compute_day(day)
    with transaction.atomic():
        DailyContactFact.objects.filter(day=day).delete()
        DailyContactFact.objects.bulk_create(facts)
    return len(facts)


def rollup_range(start: dt.date, end: dt.date) -> int:
    """Recompute every day from ``start`` to ``end`` (inclusive); returns the rows written."""
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValueError(f"at most {MAX_RANGE_DAYS} days at once")
    total = 0
    day = start
    while day <= end:
        total += rollup_day(day)
        day += dt.timedelta(days=1)
    return total


def contact_date_range() -> tuple[dt.date, dt.date] | None:
    """The first and last local day any contact was received or is due (None without contacts)."""
    first = Contact.objects.order_by("received_at").values_list("received_at", flat=True).first()
    last_received = (
        Contact.objects.order_by("-received_at").values_list("received_at", flat=True).first()
    )
    last_due = (
        Contact.objects.exclude(due_at=None)
        .order_by("-due_at")
        .values_list("due_at", flat=True)
        .first()
    )
    if first is None or last_received is None:
        return None
    last = max(last_received, last_due) if last_due else last_received
    return local_date(first), local_date(last)
