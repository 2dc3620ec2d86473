"""Citizens' personal data in contacts: retention, and a data subject's export and erasure.

What is personal here: the e-mails (raw message, sender, recipients, subject, text), the
answers we sent (address, subject, text), the contact form (name, address, question) and the
contact's note. The contact itself (partner, channel, moments, outcome, topic) stays: the
KPIs of past periods must not change. Anonymising keeps a hash of each Message-ID, so a
message fetched again is still recognised as one we had.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from infolijn.contacts.mailparse import ERASED_PREFIX, erased_key
from infolijn.contacts.models import (
    Contact,
    InboundMessage,
    OutboundMessage,
    PersonalDataAccess,
)
from infolijn.website.models import ContactFormMessage

ERASED_ADDRESS = "verwijderd@infolijn.invalid"


def retention_days() -> int:
    return int(getattr(settings, "CONTACT_RETENTION_DAYS", 730))


def _erase_messages(messages: QuerySet[InboundMessage]) -> None:
    for message in messages.exclude(message_id__startswith=ERASED_PREFIX).only("pk", "message_id"):
        InboundMessage.objects.filter(pk=message.pk).update(
            message_id=erased_key(message.message_id),
            raw=b"",
            raw_size=0,
            filename="",
            from_address="",
            recipients="",
            subject="",
            text="",
            problem="",
        )


@transaction.atomic
def anonymise_contacts(contact_ids: list[int], *, now: dt.datetime | None = None) -> int:
    """Remove the personal data of these contacts; returns how many were not yet anonymised."""
    now = now or timezone.now()
    _erase_messages(InboundMessage.objects.filter(contact_id__in=contact_ids))
    OutboundMessage.objects.filter(contact_id__in=contact_ids).update(
        to_address="", body="", error=""
    )
    ContactFormMessage.objects.filter(contact_id__in=contact_ids, erased_at__isnull=True).update(
        name="", email=ERASED_ADDRESS, question="", erased_at=now
    )
    return Contact.objects.filter(pk__in=contact_ids, anonymised_at__isnull=True).update(
        note="", anonymised_at=now
    )


def apply_retention(*, now: dt.datetime | None = None, batch: int = 500) -> int:
    """Anonymise contacts received longer ago than the retention period (the periodic job);
    mail that never became a contact and old access logs go the same way."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days())
    old = list(
        Contact.objects.filter(received_at__lt=cutoff, anonymised_at__isnull=True).values_list(
            "pk", flat=True
        )[:batch]
    )
    done = anonymise_contacts(old, now=now) if old else 0
    _erase_messages(InboundMessage.objects.filter(contact__isnull=True, received_at__lt=cutoff))
    PersonalDataAccess.objects.filter(viewed_at__lt=cutoff).delete()
    return done


@dataclass
class SubjectData:
    """Everything we hold about one e-mail address (a data subject's access request)."""

    address: str
    contacts: list[dict[str, object]] = field(default_factory=list)
    unrouted_messages: list[dict[str, object]] = field(default_factory=list)


def _contacts_of(address: str) -> list[int]:
    address = address.strip().lower()
    by_mail = InboundMessage.objects.filter(from_address__iexact=address).values_list(
        "contact_id", flat=True
    )
    by_form = ContactFormMessage.objects.filter(email__iexact=address).values_list(
        "contact_id", flat=True
    )
    by_answer = OutboundMessage.objects.filter(to_address__iexact=address).values_list(
        "contact_id", flat=True
    )
    ids = {pk for pk in (*by_mail, *by_form, *by_answer) if pk is not None}
    return sorted(ids)


def export_subject(address: str) -> SubjectData:
    """The personal data held for ``address``, for the person who asked."""
    data = SubjectData(address)
    for contact in Contact.objects.filter(pk__in=_contacts_of(address)).select_related("partner"):
        messages = [
            {
                "received_at": m.received_at.isoformat(),
                "from": m.from_address,
                "subject": m.subject,
                "text": m.text,
            }
            for m in InboundMessage.objects.filter(contact=contact)
        ]
        answers = [
            {
                "sent_at": (m.sent_at or m.created_at).isoformat(),
                "to": m.to_address,
                "subject": m.subject,
                "text": m.body,
            }
            for m in contact.outbound.all()
        ]
        form = ContactFormMessage.objects.filter(contact=contact).first()
        data.contacts.append(
            {
                "reference": f"IL-{contact.pk}",
                "partner": contact.partner.name,
                "channel": contact.channel,
                "received_at": contact.received_at.isoformat(),
                "outcome": contact.outcome,
                "contact_form": (
                    {"name": form.name, "email": form.email, "question": form.question}
                    if form is not None
                    else None
                ),
                "messages": messages,
                "answers": answers,
            }
        )
    data.unrouted_messages = [
        {"received_at": m.received_at.isoformat(), "subject": m.subject, "text": m.text}
        for m in InboundMessage.objects.filter(contact__isnull=True).filter(
            Q(from_address__iexact=address.strip())
        )
    ]
    return data


def erase_subject(address: str, *, now: dt.datetime | None = None) -> int:
    """Erase the personal data held for ``address`` now (a data subject's erasure request);
    returns the number of contacts anonymised."""
    ids = _contacts_of(address)
    with transaction.atomic():
        done = anonymise_contacts(ids, now=now)
        _erase_messages(
            InboundMessage.objects.filter(
                contact__isnull=True, from_address__iexact=address.strip()
            )
        )
        ContactFormMessage.objects.filter(email__iexact=address.strip()).update(
            name="", email=ERASED_ADDRESS, question="", erased_at=now or timezone.now()
        )
    return done
