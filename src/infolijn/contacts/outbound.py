"""Sending e-mail: stored first, then sent over SMTP, with the reference in the subject.

Every message we send is an ``OutboundMessage`` before it leaves, so a failing mail server
never loses an answer: the message stays ``failed`` with the error, and can be sent again.
Messages that no person wrote (acknowledgements, reminders, notifications) carry
``Auto-Submitted: auto-generated`` (RFC 3834), so well-behaved autoresponders stay quiet.
"""

import datetime as dt
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone

from infolijn.contacts.mailparse import REFERENCE_RE
from infolijn.contacts.models import Contact, InboundMessage, OutboundMessage

STALE_QUEUED = dt.timedelta(minutes=2)
AUTOMATIC_KINDS = (
    OutboundMessage.Kind.ACKNOWLEDGEMENT,
    OutboundMessage.Kind.REMINDER,
    OutboundMessage.Kind.NOTIFICATION,
)


def reference(contact: Contact) -> str:
    return f"IL-{contact.pk}"


def subject_with_reference(contact: Contact, subject: str) -> str:
    """``subject`` with "[IL-n]" in front, once."""
    subject = " ".join(subject.split())[:400]
    if REFERENCE_RE.search(subject):
        return subject
    return f"[{reference(contact)}] {subject}".strip()


def _domain() -> str:
    address = parseaddr(str(settings.DEFAULT_FROM_EMAIL))[1]
    return address.rsplit("@", 1)[-1] if "@" in address else "infolijn.invalid"


def queue_message(
    *,
    kind: str,
    to: list[str],
    subject: str,
    body: str,
    contact: Contact | None = None,
    actor: AbstractBaseUser | None = None,
) -> OutboundMessage:
    """Store a message to send (``queued``); ``deliver`` sends it."""
    return OutboundMessage.objects.create(
        contact=contact,
        kind=kind,
        to_address=", ".join(to),
        subject=subject_with_reference(contact, subject) if contact else subject[:500],
        body=body,
        message_id=make_msgid(domain=_domain()).strip("<>"),
        sent_by_id=actor.pk if actor is not None else None,
    )


def _thread_headers(message: OutboundMessage) -> dict[str, str]:
    if message.contact_id is None:
        return {}
    earlier = (
        InboundMessage.objects.filter(contact_id=message.contact_id)
        .exclude(message_id__startswith="sha256:")
        .values_list("message_id", flat=True)
        .order_by("-received_at")
        .first()
    )
    return {"In-Reply-To": f"<{earlier}>", "References": f"<{earlier}>"} if earlier else {}


def deliver(message: OutboundMessage) -> bool:
    """Send a queued or failed message now; True when the mail server accepted it.

    Safe to call twice: a message already sent is not sent again.
    """
    if message.status == OutboundMessage.Status.SENT:
        return True
    headers = {"Message-ID": f"<{message.message_id}>", **_thread_headers(message)}
    if message.kind in AUTOMATIC_KINDS:
        headers["Auto-Submitted"] = "auto-generated"
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address.strip() for address in message.to_address.split(",") if address.strip()],
        headers=headers,
    )
    try:
        email.send(fail_silently=False)
    except Exception as exc:  # SMTP, DNS, TLS, refused recipients: kept for a retry
        OutboundMessage.objects.filter(pk=message.pk).update(
            status=OutboundMessage.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        message.refresh_from_db()
        return False
    OutboundMessage.objects.filter(pk=message.pk).filter(
        ~Q(status=OutboundMessage.Status.SENT)
    ).update(status=OutboundMessage.Status.SENT, sent_at=timezone.now(), error="")
    message.refresh_from_db()
    return True


def retry_unsent(*, limit: int = 100) -> int:
    """Send what failed before, or was stored but never sent (a crash in between): the
    periodic job. Returns how many went out now."""
    stale = timezone.now() - STALE_QUEUED
    unsent = OutboundMessage.objects.filter(
        Q(status=OutboundMessage.Status.FAILED)
        | Q(status=OutboundMessage.Status.QUEUED, created_at__lt=stale)
    ).order_by("created_at")[:limit]
    return sum(deliver(message) for message in unsent)
