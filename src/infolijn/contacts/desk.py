"""The agent's call registration at the desk: one action from the script to a registered call.

An agent answering a call opens the script that answers it and registers the call from there:
partner and topic come from the script, the agent picks the outcome. The call stays the
agent's *current contact* for a few minutes, so a second script used in the same call is
linked with one more click.
"""

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.contacts.actions import register_contact
from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.contacts.models import Contact, ContactScript, Outcome
from infolijn.partners.models import Channel

CURRENT_CONTACT_MINUTES = 15
DESK_OUTCOMES = (Outcome.ANSWERED, Outcome.FORWARDED)
CALL_BACK = "callback"


@transaction.atomic
def register_call_with_script(
    *, script: object, outcome: str, note: str, actor: AbstractBaseUser
) -> Contact:
    """Register a phone call answered now with ``script`` (a published ScriptPage).

    ``callback`` is an answered call the agent promised to call back: it waits in the desk's
    call-back list until someone marks it done.
    """
    callback = outcome == CALL_BACK
    if callback:
        outcome = Outcome.ANSWERED
    if outcome not in DESK_OUTCOMES:
        raise ContactError(
            ContactErrorCode.UNKNOWN_OUTCOME,
            "outcome",
            value=outcome,
            allowed="answered, forwarded",
        )
    now = timezone.now()
    contact = register_contact(
        partner=script.partner,  # type: ignore[attr-defined]
        channel=Channel.PHONE,
        received_at=now,
        answered_at=now,
        closed_at=now,
        outcome=outcome,
        topic=script.script_id,  # type: ignore[attr-defined]
        actor=actor,
    )
    Contact.objects.filter(pk=contact.pk).update(
        handled_by_id=actor.pk, note=note.strip()[:500], callback_requested=callback
    )
    link_script(contact=contact, script_id=script.script_id, actor=actor)  # type: ignore[attr-defined]
    return Contact.objects.get(pk=contact.pk)


def link_script(*, contact: Contact, script_id: str, actor: AbstractBaseUser) -> bool:
    """Link a script to a contact once; False when it was already linked."""
    try:
        with transaction.atomic():
            ContactScript.objects.create(
                contact=contact, script_id=script_id, linked_by_id=actor.pk
            )
    except IntegrityError:
        return False
    log(
        instance=contact,
        action="infolijn.contact.script_linked",
        user=actor,
        data={"script_id": script_id},
    )
    return True


def current_contact(*, contact_id: int | None, actor: AbstractBaseUser) -> Contact | None:
    """The agent's own call of the last few minutes, or None."""
    if contact_id is None:
        return None
    since = timezone.now() - dt.timedelta(minutes=CURRENT_CONTACT_MINUTES)
    return Contact.objects.filter(
        pk=contact_id, handled_by_id=actor.pk, created_at__gte=since
    ).first()


def mark_called_back(*, contact: Contact, actor: AbstractBaseUser) -> bool:
    """The promised call back was made; False when it was already marked (safe to repeat)."""
    done = Contact.objects.filter(
        pk=contact.pk, callback_requested=True, callback_done_at__isnull=True
    ).update(callback_done_at=timezone.now())
    if done:
        log(instance=contact, action="infolijn.contact.called_back", user=actor)
    return bool(done)
