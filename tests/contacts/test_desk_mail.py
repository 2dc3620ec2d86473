"""The desk for e-mails: take (one agent at a time), answer, forward to the second line,
the partner's answer back, reminders, acknowledgements and team-lead alerts."""

import datetime as dt
import threading
from email.message import EmailMessage

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from infolijn.contacts import desk_mail
from infolijn.contacts.alerts import remind_partners, sweep_and_alert
from infolijn.contacts.desk_mail import DeskError
from infolijn.contacts.mailintake import take_in_message
from infolijn.contacts.models import Contact, InboundMessage, MailKind, OutboundMessage, Outcome
from infolijn.contacts.outbound import retry_unsent
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from tests.factories import make_agreement, make_user

pytestmark = pytest.mark.django_db


def citizen_mail(
    *, to="info@opgroeien.test", sender="els@voorbeeld.be", subject="Vraag", body="Hallo", **headers
):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = headers.pop("message_id", f"<{abs(hash((sender, subject, body)))}@x>")
    message["Date"] = "Mon, 22 Jun 2026 09:00:00 +0200"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


@pytest.fixture
def inbox(partner_a):
    Partner.objects.filter(pk=partner_a.pk).update(
        email="info@opgroeien.test",
        second_line_email="tweedelijn@opgroeien.test",
        second_line_name="Klantendienst Groeipakket",
    )
    make_agreement(partner_a)


@pytest.fixture
def question(inbox):
    take_in_message(raw=citizen_mail(body="Wanneer krijg ik het startbedrag?"))
    return Contact.objects.get()


def test_only_one_agent_has_an_email_and_a_forgotten_take_lapses(question, agent, other_agent):
    desk_mail.take(question, actor=agent)
    desk_mail.take(question, actor=agent)  # taking your own again is fine
    with pytest.raises(DeskError, match="behandelt IL-"):
        desk_mail.take(question, actor=other_agent)
    later = timezone.now() + dt.timedelta(minutes=desk_mail.TAKE_MINUTES + 1)
    assert desk_mail.take(question, actor=other_agent, now=later).assigned_to == other_agent


def test_release_only_by_the_holder(question, agent, other_agent):
    desk_mail.take(question, actor=agent)
    assert desk_mail.release(question, actor=other_agent) is False
    assert desk_mail.release(question, actor=agent) is True
    desk_mail.take(question, actor=other_agent)


@pytest.mark.django_db(transaction=True)
def test_two_agents_racing_for_one_email_exactly_one_gets_it(partner_a):
    if connection.vendor == "sqlite":
        pytest.skip("the race needs concurrent connections with row locks (PostgreSQL)")
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    take_in_message(raw=citizen_mail())
    contact = Contact.objects.get()
    agents = [make_user(Role.AGENT) for _ in range(4)]
    barrier = threading.Barrier(len(agents))
    outcomes: list[str] = []

    def race(agent):
        barrier.wait()
        try:
            desk_mail.take(contact, actor=agent)
            outcomes.append("taken")
        except DeskError:
            outcomes.append("refused")
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 3 + ["taken"]
    contact.refresh_from_db()
    assert contact.assigned_to in agents


def test_answer_goes_out_with_the_reference_and_closes_the_contact(question, agent):
    with pytest.raises(DeskError, match="eerst in behandeling"):
        desk_mail.send_reply(question, actor=agent, body="Antwoord", script_ids=[])
    desk_mail.take(question, actor=agent)
    with pytest.raises(DeskError, match="Schrijf eerst"):
        desk_mail.send_reply(question, actor=agent, body="  ", script_ids=[])
    sent = desk_mail.send_reply(
        question, actor=agent, body="Je krijgt het binnen 10 dagen.", script_ids=["startbedrag"]
    )
    assert sent.delivered
    [email] = mail.outbox
    assert email.subject == f"[IL-{question.pk}] Re: Vraag"
    assert email.to == ["els@voorbeeld.be"]
    assert email.extra_headers["In-Reply-To"].startswith("<")
    question.refresh_from_db()
    assert (question.outcome, question.handled_by, question.assigned_to) == (
        "answered",
        agent,
        None,
    )
    assert question.answered_at is not None and question.closed_at is not None
    assert list(question.script_links.values_list("script_id", flat=True)) == ["startbedrag"]
    with pytest.raises(DeskError, match="al afgehandeld"):
        desk_mail.take(question, actor=agent)


@override_settings(EMAIL_BACKEND="tests.contacts.failing_backend.RefusingBackend")
def test_a_refused_answer_is_kept_and_sent_again_later(question, agent):
    desk_mail.take(question, actor=agent)
    sent = desk_mail.send_reply(question, actor=agent, body="Antwoord", script_ids=[])
    assert not sent.delivered
    assert sent.message.status == "failed" and "refused" in sent.message.error
    question.refresh_from_db()
    assert question.outcome == "answered"
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert retry_unsent() == 1
        assert retry_unsent() == 0
    assert OutboundMessage.objects.get().status == "sent"


def test_a_citizen_writing_again_after_the_answer_opens_a_follow_up(question, agent):
    desk_mail.take(question, actor=agent)
    desk_mail.send_reply(question, actor=agent, body="Antwoord", script_ids=[])
    ours = OutboundMessage.objects.get().message_id
    take_in_message(
        raw=citizen_mail(subject="Nog een vraag", body="Bedankt, en ...", In_Reply_To=f"<{ours}>")
    )
    follow_up = Contact.objects.exclude(pk=question.pk).get()
    assert follow_up.outcome == "open" and follow_up.note == f"Vervolg op IL-{question.pk}"


def test_forward_to_the_second_line_and_the_answer_comes_back(question, agent):
    desk_mail.take(question, actor=agent)
    desk_mail.forward_to_partner(question, actor=agent, note="Dossier 123 nakijken aub.")
    subjects = {m.to[0]: m for m in mail.outbox}
    forwarded = subjects["tweedelijn@opgroeien.test"]
    assert f"[IL-{question.pk}]" in forwarded.subject
    assert "Wanneer krijg ik het startbedrag?" in forwarded.body
    assert "Dossier 123 nakijken aub." in forwarded.body
    assert "Klantendienst Groeipakket" in subjects["els@voorbeeld.be"].body
    question.refresh_from_db()
    assert question.outcome == "forwarded" and question.answered_at is not None
    answered_at = question.answered_at

    take_in_message(
        raw=citizen_mail(
            sender="tweedelijn@opgroeien.test",
            subject=f"RE: [IL-{question.pk}] Vraag",
            body="Het startbedrag wordt op 3 juli betaald.",
        )
    )
    question.refresh_from_db()
    assert question.partner_answered_at is not None
    assert question in Contact.objects.filter(desk_mail.workable())
    desk_mail.take(question, actor=agent)
    desk_mail.send_reply(question, actor=agent, body="Op 3 juli.", script_ids=[])
    question.refresh_from_db()
    assert question.outcome == "answered" and question.answered_at == answered_at


def test_forwarding_needs_a_second_line_address(question, agent, partner_a):
    Partner.objects.filter(pk=partner_a.pk).update(second_line_email="")
    desk_mail.take(question, actor=agent)
    with pytest.raises(DeskError, match="geen e-mailadres voor de tweede lijn"):
        desk_mail.forward_to_partner(question, actor=agent, note="")
    question.refresh_from_db()
    assert question.outcome == "open" and not OutboundMessage.objects.exists()


def test_the_partner_is_reminded_once_per_period(question, agent):
    desk_mail.take(question, actor=agent)
    forwarded_at = dt.datetime(2026, 6, 22, 10, tzinfo=dt.UTC)  # a Monday
    desk_mail.forward_to_partner(
        question, actor=agent, note="", tell_citizen=False, now=forwarded_at
    )
    mail.outbox.clear()
    assert remind_partners(now=forwarded_at + dt.timedelta(days=1)) == 0
    wednesday = forwarded_at + dt.timedelta(days=2)
    assert remind_partners(now=wednesday) == 1
    assert remind_partners(now=wednesday) == 0
    assert mail.outbox[0].to == ["tweedelijn@opgroeien.test"]
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"
    assert remind_partners(now=wednesday + dt.timedelta(days=2)) == 1  # Friday: again


def test_acknowledgement_when_the_agreement_asks_for_it(
    inbox, partner_a, django_capture_on_commit_callbacks
):
    partner_a.agreements.update(send_acknowledgement=True)
    with django_capture_on_commit_callbacks(execute=True):
        take_in_message(raw=citizen_mail(subject="Kinderbijslag"))
    contact = Contact.objects.get()
    [ack] = mail.outbox
    assert ack.subject == f"[IL-{contact.pk}] Re: Kinderbijslag"
    assert f"IL-{contact.pk}" in ack.body and ack.extra_headers["Auto-Submitted"]


def test_no_acknowledgement_by_default_and_never_to_an_auto_reply(
    inbox, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        take_in_message(raw=citizen_mail())
    assert mail.outbox == []
    partner_a.agreements.update(send_acknowledgement=True)
    with django_capture_on_commit_callbacks(execute=True):
        take_in_message(
            raw=citizen_mail(subject="Afwezigheidsmelding", Auto_Submitted="auto-replied")
        )
    assert mail.outbox == []


def test_team_leads_get_one_alert_per_contact_that_becomes_late(question):
    lead = make_user(Role.TEAM_LEAD, username="lead")
    lead.email = "lead@infolijn.test"
    lead.save()
    assert question.due_at is not None
    late = question.due_at + dt.timedelta(minutes=1)
    assert sweep_and_alert(now=late, within=dt.timedelta(hours=24)) == {"changed": 1, "alerted": 1}
    assert sweep_and_alert(now=late, within=dt.timedelta(hours=24)) == {"changed": 0, "alerted": 0}
    [alert] = mail.outbox
    assert alert.to == ["lead@infolijn.test"] and f"IL-{question.pk}" in alert.body


def test_mail_that_cannot_be_routed_waits_for_a_person(inbox, agent, partner_b):
    from infolijn.contacts.mailintake import dismiss, route_manually

    take_in_message(raw=citizen_mail(to="iemand@elders.test", subject="Waar moet ik zijn?"))
    take_in_message(raw=citizen_mail(to="iemand@elders.test", subject="Koop nu!"))
    unclear, spam = InboundMessage.objects.order_by("id")
    assert {unclear.kind, spam.kind} == {MailKind.NEEDS_ATTENTION}
    contact = route_manually(unclear, partner=partner_b, actor=agent)
    assert (contact.partner, contact.outcome) == (partner_b, Outcome.OPEN)
    with pytest.raises(DeskError):
        route_manually(unclear, partner=partner_b, actor=agent)
    assert dismiss(spam, actor=agent, reason="reclame") is True
    assert dismiss(spam, actor=agent, reason="reclame") is False
    spam.refresh_from_db()
    assert spam.kind == MailKind.DISMISSED and bytes(spam.raw)
