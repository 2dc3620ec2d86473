"""Citizens' feedback on script pages: stored without personal data, rate-limited."""

import datetime as dt
import hashlib

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from infolijn.contacts.actions import register_contact
from infolijn.contacts.errors import ContactError
from infolijn.partners.models import Channel, Partner
from infolijn.search.actions import scrub
from infolijn.website.models import ContactFormMessage, PageFeedback

MAX_PER_HOUR = 20


def _bucket(client_address: str) -> str:
    # Only a hash of the address, for the hour; the address itself is never stored.
    return "feedback:" + hashlib.sha256(client_address.encode()).hexdigest()[:24]


def _allowed(bucket: str, limit: int) -> bool:
    cache.add(bucket, 0, timeout=3600)
    return cache.incr(bucket) <= limit


def give_feedback(
    *, script_id: str, useful: bool, comment: str, client_address: str
) -> PageFeedback | None:
    """Store one answer; None when this address sent too many in the last hour (spam)."""
    if not _allowed(_bucket(client_address), MAX_PER_HOUR):
        return None
    return PageFeedback.objects.create(
        script_id=script_id, useful=useful, comment=scrub(comment)[:1000]
    )


MAX_CONTACT_FORMS_PER_HOUR = 5


def receive_contact_form(
    *, partner: Partner | None, name: str, email: str, question: str, client_address: str
) -> ContactFormMessage | None:
    """Store the question first, then open a web-form contact for the partner (with its due
    moment). Without a partner the message waits for a team lead; None when rate-limited."""
    if not _allowed("contactform:" + _bucket(client_address), MAX_CONTACT_FORMS_PER_HOUR):
        return None
    message = ContactFormMessage.objects.create(
        partner=partner, name=name, email=email, question=question
    )
    if partner is not None:
        try:
            with transaction.atomic():
                contact = register_contact(
                    partner=partner, channel=Channel.WEBFORM, received_at=message.received_at
                )
                ContactFormMessage.objects.filter(pk=message.pk).update(contact=contact)
        except ContactError:
            pass  # the message is stored; a team lead assigns it
        message.refresh_from_db()
    return message


def erase_old_contact_form_data(*, now: dt.datetime | None = None) -> int:
    """Retention: erase name, address and question of messages older than the retention period."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=ContactFormMessage.RETENTION_DAYS)
    return ContactFormMessage.objects.filter(received_at__lt=cutoff, erased_at__isnull=True).update(
        name="", email="verwijderd@infolijn.invalid", question="", erased_at=now or timezone.now()
    )
