"""The desk for written contacts: take an e-mail, answer it, or forward it to the partner.

Only one agent works on a contact at a time: ``take`` locks the row and sets ``assigned_to``
with a compare-and-set update, so of two agents taking the same e-mail at the same moment
exactly one gets it. A take lapses after ``TAKE_MINUTES`` (an agent who went home does not
block the e-mail), and ends when the contact is answered, forwarded or released.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.contacts.desk import link_script
from infolijn.contacts.models import Contact, InboundMessage, OutboundMessage, Outcome
from infolijn.contacts.outbound import deliver, queue_message, reference
from infolijn.partners.models import Channel

TAKE_MINUTES = 30
MAX_REPLY_CHARS = 20_000


class DeskError(Exception):
    """Why a desk action cannot be done; the message is for the agent (Dutch)."""


def workable() -> Q:
    """Contacts an agent can work on: open e-mails and web forms, and forwarded ones the
    partner has answered (to relay the answer to the citizen)."""
    return Q(channel__in=(Channel.EMAIL, Channel.WEBFORM)) & (
        Q(outcome=Outcome.OPEN)
        | Q(outcome=Outcome.FORWARDED, partner_answered_at__isnull=False, closed_at__isnull=True)
    )


def _holder_name(contact: Contact) -> str:
    user = contact.assigned_to
    if user is None:
        return "iemand anders"
    return user.get_full_name() or user.get_username()


def take(contact: Contact, *, actor: AbstractBaseUser, now: dt.datetime | None = None) -> Contact:
    """Make ``actor`` the one working on ``contact``; DeskError when someone else has it."""
    now = now or timezone.now()
    lapsed = now - dt.timedelta(minutes=TAKE_MINUTES)
    with transaction.atomic():
        locked = (
            Contact.objects.select_for_update(of=("self",))
            .select_related("assigned_to")
            .get(pk=contact.pk)
        )
        if not Contact.objects.filter(workable(), pk=locked.pk).exists():
            raise DeskError(f"{reference(locked)} is al afgehandeld.")
        taken = (
            Contact.objects.filter(pk=locked.pk)
            .filter(
                Q(assigned_to__isnull=True) | Q(assigned_to_id=actor.pk) | Q(taken_at__lt=lapsed)
            )
            .update(assigned_to_id=actor.pk, taken_at=now)
        )
        if not taken:
            raise DeskError(f"{_holder_name(locked)} behandelt {reference(locked)} al.")
    log(instance=locked, action="infolijn.contact.taken", user=actor)
    return Contact.objects.get(pk=contact.pk)


def release(contact: Contact, *, actor: AbstractBaseUser) -> bool:
    """Give a taken contact back to the queue; only its holder can."""
    return bool(
        Contact.objects.filter(pk=contact.pk, assigned_to_id=actor.pk).update(
            assigned_to=None, taken_at=None
        )
    )


def _require_holder(contact: Contact, actor: AbstractBaseUser, now: dt.datetime) -> Contact:
    current = Contact.objects.select_related("assigned_to", "partner").get(pk=contact.pk)
    lapsed = now - dt.timedelta(minutes=TAKE_MINUTES)
    if not Contact.objects.filter(workable(), pk=current.pk).exists():
        raise DeskError(f"{reference(current)} is al afgehandeld.")
    if current.assigned_to_id != actor.pk or (current.taken_at and current.taken_at < lapsed):
        raise DeskError(f"Neem {reference(current)} eerst in behandeling.")
    return current


def citizen_address(contact: Contact) -> str:
    """Where an answer goes: the sender of the citizen's first e-mail, or the web form's."""
    web_form = getattr(contact, "web_form", None)
    if web_form is not None and web_form.email and web_form.erased_at is None:
        return str(web_form.email)
    first = (
        InboundMessage.objects.filter(contact=contact)
        .exclude(from_address="")
        .order_by("received_at", "id")
        .first()
    )
    return first.from_address if first is not None else ""


def original_subject(contact: Contact) -> str:
    first = InboundMessage.objects.filter(contact=contact).order_by("received_at", "id").first()
    return first.subject if first is not None and first.subject else "Je vraag aan de infolijn"


def notice_to_citizen(
    contact: Contact, body: str, *, actor: AbstractBaseUser | None = None
) -> OutboundMessage | None:
    """Queue an automatic message to the citizen in the contact's thread (None: no address)."""
    to = citizen_address(contact)
    if not to:
        return None
    return queue_message(
        kind=OutboundMessage.Kind.ACKNOWLEDGEMENT,
        to=[to],
        subject=f"Re: {original_subject(contact)}",
        body=body,
        contact=contact,
        actor=actor,
    )


@dataclass(frozen=True, slots=True)
class Sent:
    message: OutboundMessage
    delivered: bool


def send_reply(
    contact: Contact,
    *,
    actor: AbstractBaseUser,
    body: str,
    script_ids: list[str],
    now: dt.datetime | None = None,
) -> Sent:
    """Answer the citizen. The contact is answered when the answer is stored; a mail server
    that refuses it leaves the message ``failed`` for a retry, never lost."""
    now = now or timezone.now()
    body = body.strip()
    if not body:
        raise DeskError("Schrijf eerst een antwoord.")
    if len(body) > MAX_REPLY_CHARS:
        raise DeskError(f"Het antwoord is te lang (hoogstens {MAX_REPLY_CHARS} tekens).")
    with transaction.atomic():
        current = _require_holder(contact, actor, now)
        to = citizen_address(current)
        if not to:
            raise DeskError("Er is geen e-mailadres van de burger om naar te antwoorden.")
        message = queue_message(
            kind=OutboundMessage.Kind.REPLY,
            to=[to],
            subject=f"Re: {original_subject(current)}",
            body=body,
            contact=current,
            actor=actor,
        )
        closed = {
            "outcome": Outcome.ANSWERED,
            "closed_at": now,
            "handled_by_id": actor.pk,
            "assigned_to": None,
            "taken_at": None,
        }
        if current.answered_at is None:
            closed["answered_at"] = now
        Contact.objects.filter(pk=current.pk).update(**closed)
        for script_id in dict.fromkeys(script_ids):
            link_script(contact=current, script_id=script_id, actor=actor)
    log(instance=current, action="infolijn.contact.replied", user=actor)
    return Sent(message, deliver(message))


def forward_to_partner(
    contact: Contact,
    *,
    actor: AbstractBaseUser,
    note: str,
    tell_citizen: bool = True,
    now: dt.datetime | None = None,
) -> Sent:
    """Send the question and its history to the partner's second line.

    Forwarding is how the line answers a question it cannot answer itself (DESIGN §8 counts
    it as answered); the partner's answer comes back into the same contact.
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = _require_holder(contact, actor, now)
        partner = current.partner
        if not partner.second_line_email:
            raise DeskError(
                f"{partner.name} heeft geen e-mailadres voor de tweede lijn. "
                "Vraag een beheerder om het in te vullen."
            )
        message = queue_message(
            kind=OutboundMessage.Kind.FORWARD,
            to=[partner.second_line_email],
            subject=f"Vraag van een burger: {original_subject(current)}",
            body=_forward_body(current, note.strip()),
            contact=current,
            actor=actor,
        )
        Contact.objects.filter(pk=current.pk).update(
            outcome=Outcome.FORWARDED,
            answered_at=current.answered_at or now,
            forwarded_at=now,
            handled_by_id=actor.pk,
            assigned_to=None,
            taken_at=None,
        )
        notice = None
        if tell_citizen:
            notice = notice_to_citizen(
                current,
                "Goeiedag,\n\nWe hebben je vraag doorgestuurd naar "
                f"{partner.second_line_name or partner.name}. Zij nemen contact met je op.\n"
                f"Je referentienummer is {reference(current)}.\n\n"
                "Met vriendelijke groeten,\nDe infolijn",
                actor=actor,
            )
    log(instance=current, action="infolijn.contact.forwarded", user=actor)
    if notice is not None:
        deliver(notice)
    return Sent(message, deliver(message))


def _forward_body(contact: Contact, note: str) -> str:
    lines = [
        f"Referentie: {reference(contact)}",
        f"Ontvangen: {timezone.localtime(contact.received_at):%d-%m-%Y %H:%M}",
        "",
        "Beantwoord deze e-mail met het antwoord voor de burger; laat de referentie in het "
        "onderwerp staan.",
        "",
    ]
    if note:
        lines += ["Toelichting van de infolijn:", note, ""]
    web_form = getattr(contact, "web_form", None)
    if web_form is not None and web_form.erased_at is None:
        lines += ["Vraag via het contactformulier:", web_form.question, ""]
    for message in InboundMessage.objects.filter(contact=contact).order_by("received_at", "id"):
        lines += [
            f"--- Bericht van {timezone.localtime(message.received_at):%d-%m-%Y %H:%M}",
            message.text,
            "",
        ]
    return "\n".join(lines)


def history(contact: Contact) -> list[tuple[dt.datetime, str, object]]:
    """Everything that came in and went out for a contact, oldest first."""
    items: list[tuple[dt.datetime, str, object]] = []
    web_form = getattr(contact, "web_form", None)
    if web_form is not None:
        items.append((web_form.received_at, "webform", web_form))
    items += [(m.received_at, "inbound", m) for m in InboundMessage.objects.filter(contact=contact)]
    items += [(m.created_at, "outbound", m) for m in contact.outbound.all()]
    return sorted(items, key=lambda item: item[0])


def held_by(user_id: int) -> QuerySet[Contact]:
    """The contacts this user is working on now."""
    lapsed = timezone.now() - dt.timedelta(minutes=TAKE_MINUTES)
    return Contact.objects.filter(workable(), assigned_to_id=user_id, taken_at__gte=lapsed)
