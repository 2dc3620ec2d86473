"""Taking in e-mail: store raw, then route to a new contact, a thread, or a person (issue 6).

One message at a time, each in its own transaction:

1. The raw bytes are stored first (``InboundMessage``, kind ``pending``) under the message's key
   (Message-ID, else a sha256 of the bytes). A key already stored and processed is a duplicate:
   nothing changes. A key stored but still ``pending`` (an earlier intake was interrupted) is
   processed now.
2. The message is parsed (``mailparse``) and routed, in this order:
   automatic mail (auto-replies, bounces, our own address) → ``auto_reply``, no contact;
   "[IL-<contact id>]" in the subject naming a stored contact → ``threaded``;
   In-Reply-To / References naming a message we sent or received for a contact → ``threaded``
   (from the partner's second line: the partner's answer to a forwarded contact; from the
   citizen about a contact that was already answered: a new contact, a follow-up);
   otherwise a new e-mail contact for the partner the message was addressed to
   (``new_contact``, acknowledged when the agreement asks for it), or ``needs_attention``
   when no single partner can be told.
3. Anything that goes wrong while parsing or routing leaves the message stored, with kind
   ``needs_attention`` and the reason in ``problem``; a contact is never half-created.
"""

import datetime as dt
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from infolijn.contacts.actions import register_contact
from infolijn.contacts.alerts import acknowledge
from infolijn.contacts.desk_mail import DeskError
from infolijn.contacts.errors import ContactError
from infolijn.contacts.mailparse import ParsedMail, erased_key, message_key, parse_mail
from infolijn.contacts.models import Contact, InboundMessage, MailKind, OutboundMessage, Outcome
from infolijn.partners.models import Channel, Partner

SOURCE_MAIL = "mail"
# The raw message is always kept; bigger ones are not parsed (shown for manual handling).
MAX_PARSE_BYTES = 25 * 1024 * 1024
# A Date header further ahead than this is not believed (the intake moment is used).
FUTURE_TOLERANCE = dt.timedelta(days=1)

Outcome_ = Literal["duplicate", "new_contact", "threaded", "auto_reply", "needs_attention"]


@dataclass
class MailSummary:
    """The summary of DESIGN §6; ``new_messages + duplicates == files`` and the last four
    add up to ``new_messages``."""

    files: int = 0
    new_messages: int = 0
    duplicates: int = 0
    contacts_created: int = 0
    threaded: int = 0
    auto_replies: int = 0
    needs_attention: int = 0
    problems: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome_) -> None:
        self.files += 1
        if outcome == "duplicate":
            self.duplicates += 1
            return
        self.new_messages += 1
        if outcome == "new_contact":
            self.contacts_created += 1
        elif outcome == "threaded":
            self.threaded += 1
        elif outcome == "auto_reply":
            self.auto_replies += 1
        else:
            self.needs_attention += 1

    def as_dict(self) -> dict[str, int]:
        return {
            "files": self.files,
            "new_messages": self.new_messages,
            "duplicates": self.duplicates,
            "contacts_created": self.contacts_created,
            "threaded": self.threaded,
            "auto_replies": self.auto_replies,
            "needs_attention": self.needs_attention,
        }

    def line(self) -> str:
        return (
            f"{self.files} files: {self.new_messages} new, {self.duplicates} duplicates; "
            f"{self.contacts_created} contacts created, {self.threaded} threaded, "
            f"{self.auto_replies} auto-replies, {self.needs_attention} need attention"
        )


def import_mail_folder(*, directory: Path, now: dt.datetime | None = None) -> MailSummary:
    """Take in every ``*.eml`` in ``directory`` (sorted by name); safe to run again.

    A file that cannot be read is counted as ``needs_attention`` and named in ``problems``;
    nothing is stored for it, so a later run takes it in once it is readable.
    Raises OSError when the directory itself cannot be listed.
    """
    summary = MailSummary()
    paths = sorted(path for path in directory.iterdir() if path.name.endswith(".eml"))
    for path in paths:
        if path.is_dir():
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            summary.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            summary.count("needs_attention")
            continue
        summary.count(take_in_message(raw=raw, filename=path.name, now=now))
    return summary


def take_in_message(
    *, raw: bytes, source: str = "folder", filename: str = "", now: dt.datetime | None = None
) -> Outcome_:
    """Store and route one message; returns what became of it ("duplicate" if already in)."""
    now = now or timezone.now()
    key = message_key(raw)
    if InboundMessage.objects.filter(message_id=erased_key(key)).exists():
        return "duplicate"  # taken in before, its personal data since erased
    try:
        with transaction.atomic():
            message = InboundMessage.objects.create(
                message_id=key,
                raw=raw,
                raw_size=len(raw),
                source=source,
                filename=filename[:255],
                received_at=now,
            )
    except IntegrityError:
        existing = InboundMessage.objects.filter(message_id=key).only("pk", "kind").first()
        if existing is None:
            raise  # not the Message-ID: never count a message as in that is not stored
        if existing.kind != MailKind.PENDING:
            return "duplicate"
        message = existing  # an interrupted intake: finish it now
    try:
        with transaction.atomic():
            return _process(message.pk, now)
    except DatabaseError:
        raise  # the database is unavailable: the message stays pending, the next run retries
    except Exception as exc:  # any bug in routing must not lose the message
        problem = f"processing failed: {type(exc).__name__}: {exc}"
        InboundMessage.objects.filter(pk=message.pk, kind=MailKind.PENDING).update(
            kind=MailKind.NEEDS_ATTENTION, problem=problem[:2000]
        )
        return "needs_attention"


def _process(pk: int, now: dt.datetime) -> Outcome_:
    message = InboundMessage.objects.select_for_update().get(pk=pk)
    if message.kind != MailKind.PENDING:
        return "duplicate"  # another intake finished it meanwhile
    raw = bytes(message.raw)
    if len(raw) > MAX_PARSE_BYTES:
        return _finish(
            message, MailKind.NEEDS_ATTENTION, problem=f"too large to read ({len(raw)} bytes)"
        )
    try:
        parsed = parse_mail(raw)
    except Exception as exc:  # kept raw for manual handling
        return _finish(
            message,
            MailKind.NEEDS_ATTENTION,
            problem=f"cannot be parsed: {type(exc).__name__}: {exc}",
        )
    _fill(message, parsed, now)
    if parsed.auto_reason or _from_ourselves(parsed):
        reason = parsed.auto_reason or f"sent from our own address {parsed.from_address}"
        return _finish(message, MailKind.AUTO_REPLY, problem=reason)
    contact = _thread(parsed)
    if contact is not None:
        if _from_second_line(parsed, contact):
            Contact.objects.filter(
                pk=contact.pk, forwarded_at__isnull=False, closed_at__isnull=True
            ).update(partner_answered_at=now)
            return _finish(message, MailKind.THREADED, contact=contact)
        if contact.closed_at is None:
            return _finish(message, MailKind.THREADED, contact=contact)
        # The citizen writes again about a contact that was answered: a new question.
        partner, note = contact.partner, f"Vervolg op IL-{contact.pk}"
    else:
        found, why = _partner(parsed)
        if found is None:
            return _finish(message, MailKind.NEEDS_ATTENTION, problem=why)
        partner, note = found, ""
    try:
        with transaction.atomic():
            contact = register_contact(
                partner=partner,
                channel=Channel.EMAIL,
                received_at=message.received_at,
                outcome=Outcome.OPEN,
                topic=contact.topic if contact is not None else "",
                external_id=str(message.pk),
                source=SOURCE_MAIL,
            )
            if note:
                Contact.objects.filter(pk=contact.pk).update(note=note)
    except ContactError as exc:
        return _finish(message, MailKind.NEEDS_ATTENTION, problem=f"no contact: {exc}")
    new_contact = contact
    transaction.on_commit(lambda: acknowledge(new_contact))
    return _finish(message, MailKind.NEW_CONTACT, contact=contact)


def _fill(message: InboundMessage, parsed: ParsedMail, now: dt.datetime) -> None:
    received = parsed.date
    message.received_at = received if received and received <= now + FUTURE_TOLERANCE else now
    message.from_address = parsed.from_address
    message.recipients = ", ".join(
        (*parsed.envelope_recipients, *parsed.recipients, *parsed.copies)
    )
    message.subject = parsed.subject
    message.text = parsed.text
    message.text_truncated = parsed.text_truncated
    message.attachments = parsed.attachments


def _finish(
    message: InboundMessage, kind: str, *, contact: Contact | None = None, problem: str = ""
) -> Outcome_:
    message.kind = kind
    message.contact = contact
    message.problem = problem[:2000]
    message.save()
    return kind  # type: ignore[return-value]


def _from_ourselves(parsed: ParsedMail) -> bool:
    """Mail from our own sending address is a loop, never a citizen."""
    ours = {
        parseaddr(str(value))[1].lower()
        for value in (settings.DEFAULT_FROM_EMAIL, settings.SERVER_EMAIL)
        if value
    }
    return parsed.from_address in ours


def _thread(parsed: ParsedMail) -> Contact | None:
    reference = parsed.reference
    if reference is not None:
        contact = Contact.objects.filter(pk=reference).first()
        if contact is not None:
            return contact
    ids = parsed.thread_ids
    if not ids:
        return None
    ours = (
        OutboundMessage.objects.filter(message_id__in=ids, contact__isnull=False)
        .select_related("contact")
        .order_by("-created_at", "-id")
        .first()
    )
    if ours is not None:
        return ours.contact
    earlier = (
        InboundMessage.objects.filter(message_id__in=ids, contact__isnull=False)
        .select_related("contact")
        .order_by("-received_at", "-id")
        .first()
    )
    return earlier.contact if earlier is not None else None


def _from_second_line(parsed: ParsedMail, contact: Contact) -> bool:
    second_line = contact.partner.second_line_email
    return bool(second_line) and parsed.from_address.lower() == second_line.lower()


def _partner(parsed: ParsedMail) -> tuple[Partner | None, str]:
    """The one partner the message was sent to, or None and why not.

    Envelope recipients (Delivered-To, X-Original-To) first, then To, then Cc; the first of
    these groups that names any partner decides. An address names a partner by being its
    e-mail address, or by a plus-tag that is its code (``infolijn+agentschap-opgroeien@…``).
    """
    groups = (parsed.envelope_recipients, parsed.recipients, parsed.copies)
    if not any(groups):
        return None, "no recipient address (To, Cc, Delivered-To) to tell the partner from"
    for group in groups:
        found: dict[int, Partner] = {}
        for address in group:
            partner = _partner_for(address)
            if partner is not None:
                found[partner.pk] = partner
        if len(found) == 1:
            return next(iter(found.values())), ""
        if len(found) > 1:
            names = ", ".join(sorted(partner.name for partner in found.values()))
            return None, f"addressed to several partners ({names})"
    listed = ", ".join(address for group in groups for address in group)
    return None, f"no partner has the address it was sent to ({listed})"


def _partner_for(address: str) -> Partner | None:
    partner = Partner.objects.filter(email__iexact=address).first()
    if partner is not None:
        return partner
    local = address.rsplit("@", 1)[0]
    if "+" in local:
        tag = slugify(local.split("+", 1)[1])
        if tag:
            return Partner.objects.filter(code=tag).first()
    return None


def route_manually(
    message: InboundMessage, *, partner: Partner, actor: AbstractBaseUser
) -> Contact:
    """A person decided which partner a message that needs attention is for."""
    with transaction.atomic():
        locked = InboundMessage.objects.select_for_update().get(pk=message.pk)
        if locked.kind != MailKind.NEEDS_ATTENTION:
            raise DeskError("Dit bericht werd al behandeld.")
        contact = register_contact(
            partner=partner,
            channel=Channel.EMAIL,
            received_at=locked.received_at,
            outcome=Outcome.OPEN,
            topic="",
            external_id=str(locked.pk),
            source=SOURCE_MAIL,
            actor=actor,
        )
        _finish(locked, MailKind.NEW_CONTACT, contact=contact, problem=locked.problem)
    transaction.on_commit(lambda: acknowledge(contact))
    return contact


def dismiss(message: InboundMessage, *, actor: AbstractBaseUser, reason: str) -> bool:
    """Spam, a newsletter, a mistake: looked at by a person, no contact. Kept (raw) as it came."""
    return bool(
        InboundMessage.objects.filter(pk=message.pk, kind=MailKind.NEEDS_ATTENTION).update(
            kind=MailKind.DISMISSED,
            problem=f"{reason.strip()[:500]} (nagekeken door {actor.get_username()})",
        )
    )
