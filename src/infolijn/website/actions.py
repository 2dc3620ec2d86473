"""What citizens send through the site: page feedback (no personal data), the contact form
and publication orders, each rate-limited per (hashed) address."""

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from infolijn.contacts.actions import register_contact
from infolijn.contacts.deadlines import DeadlineRules
from infolijn.contacts.errors import ContactError
from infolijn.partners.models import Channel, Partner
from infolijn.search.actions import scrub
from infolijn.website.cache import invalidate_public_pages
from infolijn.website.models import (
    ContactFormMessage,
    PageFeedback,
    Publication,
    PublicationOrder,
)

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


MAX_ORDERS_PER_HOUR = 5


class OrderRefusedError(Exception):
    """An order that cannot be placed; the message is for the citizen (Dutch)."""


def place_order(
    *,
    publication: Publication,
    quantity: int,
    name: str,
    street: str,
    postcode: str,
    municipality: str,
    client_address: str,
    received_at: dt.datetime | None = None,
) -> PublicationOrder:
    """Reserve ``quantity`` copies and store the order with its due moment, in one transaction.

    The stock is decremented with a conditional update, so two citizens ordering the last
    copies at the same time cannot both get them. Raises OrderRefusedError.
    """
    if quantity < 1 or quantity > publication.max_per_order:
        raise OrderRefusedError(f"Je kunt 1 tot {publication.max_per_order} exemplaren bestellen.")
    if not _allowed("order:" + _bucket(client_address), MAX_ORDERS_PER_HOUR):
        raise OrderRefusedError(
            "Je bestelde de voorbije tijd al veel publicaties. "
            "Probeer het later opnieuw of bel 1700."
        )
    with transaction.atomic():
        reserved = Publication.objects.filter(
            pk=publication.pk, active=True, stock__gte=quantity
        ).update(stock=F("stock") - quantity)
        if not reserved:
            publication.refresh_from_db()
            if not publication.available:
                raise OrderRefusedError("Deze publicatie is niet meer beschikbaar.")
            raise OrderRefusedError(
                f"Er zijn nog maar {publication.stock} exemplaren. Bestel er minder."
            )
        if not Publication.objects.filter(pk=publication.pk, stock__gt=0).exists():
            transaction.on_commit(invalidate_public_pages)  # the catalogue says "sold out"
        received_at = received_at or timezone.now()
        return PublicationOrder.objects.create(
            publication=publication,
            quantity=quantity,
            name=name,
            street=street,
            postcode=postcode,
            municipality=municipality,
            received_at=received_at,
            due_at=DeadlineRules().due_at(
                partner=publication.partner, channel=Channel.WEBFORM, received_at=received_at
            ),
        )


def open_publication_orders() -> list[PublicationOrder]:
    """Orders still to send, the one due first on top."""
    return list(
        PublicationOrder.objects.filter(status=PublicationOrder.Status.NEW)
        .select_related("publication__partner")
        .order_by("due_at", "received_at", "pk")
    )


def mark_orders_sent(orders: Iterable[PublicationOrder], *, actor: AbstractBaseUser) -> int:
    """Mark orders as sent; orders already sent or cancelled are left alone (safe to repeat)."""
    return PublicationOrder.objects.filter(
        pk__in=[order.pk for order in orders], status=PublicationOrder.Status.NEW
    ).update(status=PublicationOrder.Status.SENT, handled_at=timezone.now(), handled_by=actor)


def cancel_order(order: PublicationOrder, *, actor: AbstractBaseUser) -> bool:
    """Cancel an order that was not sent yet and put its copies back in stock."""
    with transaction.atomic():
        cancelled = PublicationOrder.objects.filter(
            pk=order.pk, status=PublicationOrder.Status.NEW
        ).update(
            status=PublicationOrder.Status.CANCELLED, handled_at=timezone.now(), handled_by=actor
        )
        if cancelled:
            Publication.objects.filter(pk=order.publication_id).update(
                stock=F("stock") + order.quantity
            )
            transaction.on_commit(invalidate_public_pages)
    return bool(cancelled)


def erase_old_orders(*, now: dt.datetime | None = None) -> int:
    """Retention: erase name and address of orders older than the retention period."""
    moment = now or timezone.now()
    cutoff = moment - dt.timedelta(days=PublicationOrder.RETENTION_DAYS)
    return PublicationOrder.objects.filter(received_at__lt=cutoff, erased_at__isnull=True).update(
        name="", street="", postcode="", municipality="", erased_at=moment
    )
