"""The e-mail channel against real servers on loopback: IMAP polling (Dovecot) and SMTP
sending (aiosmtpd). Nothing is lost when the database or the mail server is briefly away."""

import imaplib
from email import message_from_bytes
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from infolijn.contacts import desk_mail
from infolijn.contacts.imap import ImapMailbox, poll_mailbox
from infolijn.contacts.models import Contact, InboundMessage, MailKind, OutboundMessage
from infolijn.contacts.outbound import retry_unsent
from infolijn.partners.models import Partner
from tests.contacts.mailservers import dovecot, smtp_server
from tests.contacts.test_desk_mail import citizen_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def imap(partner_a):
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    with dovecot() as server:
        yield server


def mailbox(server) -> ImapMailbox:
    return ImapMailbox("127.0.0.1", server.port, server.user, server.password, use_ssl=False)


def deliver_to(server, *messages: bytes) -> None:
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(server.user, server.password)
    for raw in messages:
        client.append("INBOX", None, None, raw)
    client.logout()


def unseen(server) -> int:
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(server.user, server.password)
    client.select("INBOX")
    _, found = client.uid("SEARCH", "UNSEEN")
    client.logout()
    return len(found[0].split()) if found[0] else 0


def test_polling_takes_in_unread_mail_once_and_marks_it_read(imap):
    question = citizen_mail(subject="Startbedrag", message_id="<q1@voorbeeld.be>")
    deliver_to(
        imap,
        question,
        question,  # the same message delivered twice
        b"From: kapot\r\nSubject: =?utf-8?q?onaf\r\n\r\n\xff\xfe",  # malformed
    )
    first = poll_mailbox(mailbox(imap))
    assert (first.files, first.contacts_created, first.duplicates, first.needs_attention) == (
        3,
        1,
        1,
        1,
    )
    assert unseen(imap) == 0
    assert poll_mailbox(mailbox(imap)).files == 0
    assert Contact.objects.count() == 1
    assert InboundMessage.objects.filter(source="imap").count() == 2


def test_mail_arriving_while_the_database_is_away_is_fetched_again(imap):
    deliver_to(imap, citizen_mail(subject="Eerste"), citizen_mail(subject="Tweede"))
    with (
        mock.patch(
            "infolijn.contacts.imap.take_in_message",
            side_effect=OperationalError("server closed the connection unexpectedly"),
        ),
        pytest.raises(OperationalError),
    ):
        poll_mailbox(mailbox(imap))
    assert unseen(imap) == 2 and not InboundMessage.objects.exists()
    summary = poll_mailbox(mailbox(imap))
    assert summary.contacts_created == 2 and unseen(imap) == 0


def test_a_wrong_password_is_an_error_for_the_operator(imap):
    wrong = ImapMailbox("127.0.0.1", imap.port, imap.user, "fout", use_ssl=False)
    with pytest.raises(imaplib.IMAP4.error):
        poll_mailbox(wrong)


def test_answers_go_out_over_smtp_and_a_server_that_is_down_gets_a_retry(partner_a, agent):
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    from infolijn.contacts.mailintake import take_in_message

    take_in_message(raw=citizen_mail(subject="Vraag", message_id="<v1@voorbeeld.be>"))
    contact = Contact.objects.get()
    with smtp_server() as smtp:
        backend = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": smtp.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_TIMEOUT": 5,
        }
        with override_settings(**backend):
            desk_mail.take(contact, actor=agent)
            sent = desk_mail.send_reply(contact, actor=agent, body="Antwoord", script_ids=[])
        assert sent.delivered
        [envelope] = smtp.received
        message = message_from_bytes(envelope.content)
        assert envelope.rcpt_tos == ["els@voorbeeld.be"]
        assert message["Subject"] == f"[IL-{contact.pk}] Re: Vraag"
        assert message["In-Reply-To"] == "<v1@voorbeeld.be>"
        assert message["Message-ID"] == f"<{sent.message.message_id}>"
        port = smtp.port
    # The server is gone: the next message is kept as failed, and goes out when it is back.
    with override_settings(**{**backend, "EMAIL_PORT": port}):
        from infolijn.contacts.outbound import deliver, queue_message

        later = queue_message(kind="reply", to=["els@voorbeeld.be"], subject="x", body="y")
        assert deliver(later) is False
        assert OutboundMessage.objects.get(pk=later.pk).status == "failed"
        with smtp_server(port) as back:
            assert retry_unsent() == 1
            assert len(back.received) == 1
    assert not OutboundMessage.objects.exclude(status="sent").exists()
    assert not InboundMessage.objects.filter(kind=MailKind.NEEDS_ATTENTION).exists()
