"""What the desk shows: the queue of written contacts, sorted by due moment, and its views."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from infolijn.contacts.desk_mail import TAKE_MINUTES, workable
from infolijn.contacts.models import AT_RISK_WINDOW, Contact, InboundMessage, MailKind

VIEWS = {
    "alle": "Alle open",
    "dreigt-te-laat": "Dreigt te laat",
    "te-laat": "Te laat",
    "mijn": "In behandeling bij mij",
    "antwoord-partner": "Antwoord van de partner",
}


def callbacks() -> QuerySet[Contact]:
    """Calls an agent promised to call back, oldest first."""
    return (
        Contact.objects.filter(callback_requested=True, callback_done_at__isnull=True)
        .select_related("partner", "handled_by")
        .order_by("received_at", "pk")
    )


@dataclass(frozen=True, slots=True)
class QueueFilter:
    view: str = "alle"
    partner_id: int | None = None
    channel: str | None = None


def desk_queue(
    queue_filter: QueueFilter, *, user_id: int, now: dt.datetime | None = None
) -> QuerySet[Contact]:
    """Open written contacts for the filter, the one due first on top."""
    now = now or timezone.now()
    first_subject = (
        InboundMessage.objects.filter(contact=OuterRef("pk"))
        .order_by("received_at", "id")
        .values("subject")[:1]
    )
    contacts = (
        Contact.objects.filter(workable())
        .select_related("partner", "assigned_to", "web_form")
        .annotate(subject=Subquery(first_subject))
        .order_by(F("due_at").asc(nulls_last=True), "received_at", "pk")
    )
    if queue_filter.partner_id is not None:
        contacts = contacts.filter(partner_id=queue_filter.partner_id)
    if queue_filter.channel:
        contacts = contacts.filter(channel=queue_filter.channel)
    return _view(contacts, queue_filter.view, user_id=user_id, now=now)


def _view(
    contacts: QuerySet[Contact], view: str, *, user_id: int, now: dt.datetime
) -> QuerySet[Contact]:
    if view == "dreigt-te-laat":
        return contacts.filter(due_at__gte=now, due_at__lt=now + AT_RISK_WINDOW)
    if view == "te-laat":
        return contacts.filter(due_at__lt=now)
    if view == "mijn":
        lapsed = now - dt.timedelta(minutes=TAKE_MINUTES)
        return contacts.filter(assigned_to_id=user_id, taken_at__gte=lapsed)
    if view == "antwoord-partner":
        return contacts.filter(partner_answered_at__isnull=False)
    return contacts


def view_counts(*, user_id: int, now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        view: desk_queue(QueueFilter(view=view), user_id=user_id, now=now).count() for view in VIEWS
    }


def mail_needing_attention() -> QuerySet[InboundMessage]:
    """Mail that could not be routed (no partner, unreadable): shown for manual handling."""
    return InboundMessage.objects.filter(kind=MailKind.NEEDS_ATTENTION).order_by(
        "received_at", "id"
    )
