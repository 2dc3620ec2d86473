"""Mail the line sends by itself: acknowledgements, reminders to partners, alerts to team leads.

Each is safe to run twice: the state that triggers a mail is changed with a compare-and-set
update, and only the run that changed it sends the mail.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from infolijn.calendar import local_date
from infolijn.contacts.deadlines import agreement_in_force
from infolijn.contacts.models import Contact, OutboundMessage, Outcome, SlaState
from infolijn.contacts.outbound import deliver, queue_message, reference
from infolijn.partners.calendar import working_calendar
from infolijn.partners.roles import Role

DEFAULT_REMINDER_WORKING_DAYS = 2


def acknowledge(contact: Contact) -> OutboundMessage | None:
    """Confirm receipt with the reference number, when the partner's agreement asks for it."""
    from infolijn.contacts.desk_mail import notice_to_citizen

    agreement = agreement_in_force(contact.partner, local_date(contact.received_at))
    if agreement is None or not agreement.send_acknowledgement:
        return None
    if contact.outbound.filter(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT).exists():
        return None
    message = notice_to_citizen(
        contact,
        "Goeiedag,\n\nWe hebben je bericht goed ontvangen. Je krijgt een antwoord binnen "
        f"{agreement.email_deadline_working_days} werkdagen.\n"
        f"Je referentienummer is {reference(contact)}. Laat het in het onderwerp staan als "
        "je ons opnieuw schrijft.\n\nMet vriendelijke groeten,\nDe infolijn\n\n"
        "Dit is een automatisch bericht.",
    )
    if message is None:
        return None
    deliver(message)
    return message


def remind_partners(*, now: dt.datetime | None = None) -> int:
    """Remind the partner's second line of forwarded contacts it has not answered after the
    agreement's number of working days (counted from the forward or the last reminder)."""
    now = now or timezone.now()
    calendar = working_calendar()
    waiting = Contact.objects.filter(
        outcome=Outcome.FORWARDED,
        forwarded_at__isnull=False,
        partner_answered_at__isnull=True,
        closed_at__isnull=True,
    ).select_related("partner")
    sent = 0
    for contact in waiting:
        since = contact.last_reminder_at or contact.forwarded_at
        assert since is not None
        agreement = agreement_in_force(contact.partner, local_date(since))
        days = (
            agreement.partner_reminder_working_days if agreement else DEFAULT_REMINDER_WORKING_DAYS
        )
        if local_date(now) < calendar.add_working_days(local_date(since), days):
            continue
        claimed = Contact.objects.filter(
            pk=contact.pk, last_reminder_at=contact.last_reminder_at
        ).update(last_reminder_at=now)
        if not claimed or not contact.partner.second_line_email:
            continue
        deliver(
            queue_message(
                kind=OutboundMessage.Kind.REMINDER,
                to=[contact.partner.second_line_email],
                subject=f"Herinnering: vraag {reference(contact)} wacht op antwoord",
                body=(
                    f"Goeiedag,\n\nOp {timezone.localtime(contact.forwarded_at):%d-%m-%Y} "
                    f"stuurden we jullie de vraag {reference(contact)} door. We kregen nog geen "
                    "antwoord. Wil je de burger antwoorden, of ons je antwoord sturen door deze "
                    "e-mail te beantwoorden?\n\nMet vriendelijke groeten,\nDe infolijn"
                ),
                contact=contact,
            )
        )
        sent += 1
    return sent


def sweep_and_alert(*, now: dt.datetime, within: dt.timedelta) -> dict[str, int]:
    """Mark open e-mails at risk or overdue, each row by exactly one sweeper, and send team
    leads one digest of the contacts that became at risk or overdue in this run."""
    waiting = Contact.objects.written().open()
    became: dict[str, list[Contact]] = {SlaState.OVERDUE: [], SlaState.AT_RISK: []}
    changed = 0
    targets = (
        (SlaState.OVERDUE, waiting.filter(due_at__lt=now)),
        (SlaState.AT_RISK, waiting.filter(due_at__gte=now, due_at__lt=now + within)),
        (SlaState.OK, waiting.filter(due_at__gte=now + within)),
    )
    for state, rows in targets:
        for contact in rows.exclude(sla_state=state).select_related("partner"):
            if (
                Contact.objects.filter(pk=contact.pk)
                .exclude(sla_state=state)
                .update(sla_state=state)
            ):
                changed += 1
                if state in became:
                    became[state].append(contact)
    alerted = _alert_team_leads(became) if any(became.values()) else 0
    return {"changed": changed, "alerted": alerted}


def _alert_team_leads(became: dict[str, list[Contact]]) -> int:
    leads = (
        get_user_model()
        .objects.filter(groups__name=Role.TEAM_LEAD.value, is_active=True)
        .exclude(email="")
    )
    addresses = sorted({user.email for user in leads})
    if not addresses:
        return 0
    lines = ["Goeiedag,", ""]
    for state, title in ((SlaState.OVERDUE, "Te laat"), (SlaState.AT_RISK, "Dreigt te laat")):
        if became[state]:
            lines.append(f"{title} ({len(became[state])}):")
            lines += [
                f"- {reference(c)} {c.partner.name}, te beantwoorden tegen "
                f"{timezone.localtime(c.due_at):%d-%m-%Y %H:%M}"
                for c in became[state]
                if c.due_at is not None
            ]
            lines.append("")
    lines.append("Bekijk de wachtrij op de balie: /balie/")
    count = len(became[SlaState.OVERDUE]) + len(became[SlaState.AT_RISK])
    deliver(
        queue_message(
            kind=OutboundMessage.Kind.NOTIFICATION,
            to=addresses,
            subject=f"Infolijn: {count} e-mail(s) dreigen te laat te zijn of zijn te laat",
            body="\n".join(lines),
        )
    )
    return count
