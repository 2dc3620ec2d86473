"""Taking in e-mail (issue 6, DESIGN §6 `infolijn import-mail`): store raw, then route."""

import datetime as dt
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError

from infolijn.contacts import mailintake
from infolijn.contacts.mailintake import import_mail_folder, take_in_message
from infolijn.contacts.models import Contact, InboundMessage, MailKind, Outcome
from infolijn.partners.models import Channel, Partner

MAIL = Path(__file__).parent / "mail"
NOW = dt.datetime(2026, 6, 22, 12, 0, tzinfo=dt.UTC)
KEYS = ("threaded", "auto_replies", "needs_attention", "contacts_created")


@pytest.fixture
def mailbox(partner_a, partner_b, tmp_path):
    """The fixture folder; Agentschap Opgroeien receives at info@opgroeien.test."""
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    folder = tmp_path / "inbox"
    shutil.copytree(MAIL, folder, ignore=shutil.ignore_patterns("*.tmpl"))
    return folder


def read(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def summary_of(folder: Path) -> dict[str, int]:
    return import_mail_folder(directory=folder, now=NOW).as_dict()


def assert_invariants(summary: dict[str, int]) -> None:
    assert summary["new_messages"] + summary["duplicates"] == summary["files"]
    assert sum(summary[key] for key in KEYS) == summary["new_messages"]


@pytest.mark.django_db
def test_a_folder_is_taken_in_once_and_a_second_run_adds_nothing(mailbox, partner_a, partner_b):
    first = summary_of(mailbox)
    assert first == {
        "files": 13,
        "new_messages": 13,
        "duplicates": 0,
        "contacts_created": 8,
        "threaded": 1,
        "auto_replies": 3,
        "needs_attention": 1,
    }
    assert_invariants(first)
    stored = {m.filename: m for m in InboundMessage.objects.all()}
    contacts = set(Contact.objects.values_list("pk", "updated_at"))

    second = summary_of(mailbox)
    assert second == {**dict.fromkeys(first, 0), "files": 13, "duplicates": 13}
    assert_invariants(second)
    assert InboundMessage.objects.count() == 13
    assert set(Contact.objects.values_list("pk", "updated_at")) == contacts
    assert Contact.objects.filter(partner=partner_b).count() == 1  # the plus-address
    assert stored["05-html-met-script.eml"].contact.partner == partner_b


@pytest.mark.django_db
def test_a_new_mail_opens_an_email_contact_with_its_due_moment(mailbox, partner_a):
    take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW)
    message = InboundMessage.objects.get()
    contact = message.contact
    assert message.kind == MailKind.NEW_CONTACT
    assert bytes(message.raw) == read("01-nieuwe-vraag.eml")
    assert message.message_id == "vraag-001@burger.example"
    assert message.received_at == dt.datetime(2026, 6, 15, 8, 12, tzinfo=dt.UTC)
    assert (contact.channel, contact.partner, contact.outcome) == (
        Channel.EMAIL,
        partner_a,
        Outcome.OPEN,
    )
    assert contact.received_at == message.received_at
    # Monday 15 June 2026 → due Wednesday 17 June 23:59:59 in Brussels.
    assert contact.due_at == dt.datetime(2026, 6, 17, 21, 59, 59, tzinfo=dt.UTC)
    assert contact.source == "mail"


@pytest.mark.django_db
def test_replies_thread_by_in_reply_to_and_by_reference_number(mailbox):
    take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW)
    contact = Contact.objects.get()
    assert take_in_message(raw=read("02-antwoord-in-reply-to.eml"), now=NOW) == "threaded"
    template = (MAIL / "reply-reference.eml.tmpl").read_text(encoding="utf-8")
    raw = template.format(contact=contact.pk).encode()
    # Sent to an address no partner has: the reference number alone decides.
    assert take_in_message(raw=raw, now=NOW) == "threaded"
    assert Contact.objects.count() == 1
    assert list(contact.messages.values_list("kind", flat=True)) == [
        MailKind.NEW_CONTACT,
        MailKind.THREADED,
        MailKind.THREADED,
    ]


@pytest.mark.django_db
def test_a_reference_to_an_unknown_contact_is_not_trusted(mailbox):
    template = (MAIL / "reply-reference.eml.tmpl").read_text(encoding="utf-8")
    assert take_in_message(raw=template.format(contact=999999).encode(), now=NOW) == (
        "needs_attention"
    )
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_auto_replies_are_kept_without_a_contact_even_with_a_reference(mailbox):
    take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW)
    contact = Contact.objects.get()
    raw = (
        f"From: jan@bedrijf.example\r\nTo: info@opgroeien.test\r\n"
        f"Subject: Out of office: Uw vraag [IL-{contact.pk}]\r\nMessage-ID: <ooo@x>\r\n\r\nweg"
    ).encode()
    assert take_in_message(raw=raw, now=NOW) == "auto_reply"
    message = InboundMessage.objects.get(message_id="ooo@x")
    assert (message.contact, message.problem) == (None, "subject says 'Out of office'")


@pytest.mark.django_db
def test_mail_from_our_own_address_is_a_loop_not_a_citizen(mailbox, settings):
    settings.DEFAULT_FROM_EMAIL = "infolijn <noreply@infolijn.example>"
    raw = b"From: noreply@infolijn.example\r\nTo: info@opgroeien.test\r\nSubject: Re: x\r\n\r\nx"
    assert take_in_message(raw=raw, now=NOW) == "auto_reply"
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_an_unknown_address_needs_attention_and_says_why(mailbox):
    assert take_in_message(raw=read("11-onbekende-partner.eml"), now=NOW) == "needs_attention"
    message = InboundMessage.objects.get()
    assert message.contact is None
    assert message.problem == ("no partner has the address it was sent to (iemand@elders.example)")
    assert message.text == "Voor wie is deze vraag?"


@pytest.mark.django_db
def test_a_mail_to_two_partners_needs_attention(mailbox, partner_b):
    raw = (
        b"From: a@burger.example\r\n"
        b"To: info@opgroeien.test, infolijn+vlaamse-belastingdienst@infolijn.example\r\n"
        b"Subject: Vraag\r\n\r\nx"
    )
    assert take_in_message(raw=raw, now=NOW) == "needs_attention"
    assert InboundMessage.objects.get().problem == (
        "addressed to several partners (Agentschap Opgroeien, Vlaamse Belastingdienst)"
    )


@pytest.mark.django_db
def test_delivered_to_wins_over_to(mailbox, partner_a, partner_b):
    raw = (
        b"Delivered-To: infolijn+vlaamse-belastingdienst@infolijn.example\r\n"
        b"From: a@burger.example\r\nTo: info@opgroeien.test\r\nSubject: Vraag\r\n\r\nx"
    )
    assert take_in_message(raw=raw, now=NOW) == "new_contact"
    assert Contact.objects.get().partner == partner_b


@pytest.mark.django_db
def test_no_date_or_a_date_in_the_future_means_received_now(mailbox):
    take_in_message(raw=read("09-zonder-datum.eml"), now=NOW)
    raw = (
        b"From: a@burger.example\r\nTo: info@opgroeien.test\r\nSubject: x\r\n"
        b"Date: Fri, 1 Jan 2100 10:00:00 +0100\r\n\r\nx"
    )
    take_in_message(raw=raw, now=NOW)
    assert list(InboundMessage.objects.values_list("received_at", flat=True)) == [NOW, NOW]


@pytest.mark.django_db
def test_a_parser_crash_keeps_the_raw_message_for_manual_handling(mailbox, monkeypatch):
    def crash(raw: bytes) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(mailintake, "parse_mail", crash)
    assert take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW) == "needs_attention"
    message = InboundMessage.objects.get()
    assert bytes(message.raw) == read("01-nieuwe-vraag.eml")
    assert message.problem == "cannot be parsed: RecursionError: maximum recursion depth exceeded"
    assert Contact.objects.count() == 0
    # Once processed it is a duplicate, also after the parser is fixed.
    monkeypatch.undo()
    assert take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW) == "duplicate"


@pytest.mark.django_db
def test_a_failure_while_routing_is_never_half_applied(mailbox, monkeypatch):
    def broken_thread(parsed):
        raise RuntimeError("bug in routing")

    monkeypatch.setattr(mailintake, "_thread", broken_thread)
    assert take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW) == "needs_attention"
    message = InboundMessage.objects.get()
    assert message.problem == "processing failed: RuntimeError: bug in routing"
    assert (message.contact, message.subject) == (None, "")  # nothing of the routing stayed
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_an_interrupted_message_is_finished_by_the_next_intake(mailbox):
    raw = read("01-nieuwe-vraag.eml")
    InboundMessage.objects.create(
        message_id="vraag-001@burger.example", raw=raw, raw_size=len(raw), received_at=NOW
    )
    assert take_in_message(raw=raw, now=NOW) == "new_contact"
    assert InboundMessage.objects.get().kind == MailKind.NEW_CONTACT


@pytest.mark.django_db
def test_a_huge_message_is_kept_whole_but_its_text_capped(mailbox, monkeypatch):
    raw = b"From: a@burger.example\r\nTo: info@opgroeien.test\r\nSubject: lang\r\n\r\n"
    raw += b"Dit is een heel lange vraag. " * 5000
    assert take_in_message(raw=raw, now=NOW) == "new_contact"
    message = InboundMessage.objects.get()
    assert bytes(message.raw) == raw
    assert message.raw_size == len(raw)
    assert len(message.text) == 100_000
    assert message.text_truncated
    monkeypatch.setattr(mailintake, "MAX_PARSE_BYTES", 100)
    assert take_in_message(raw=raw + b"!", now=NOW) == "needs_attention"
    assert "too large to read" in InboundMessage.objects.latest("id").problem


@pytest.mark.django_db
def test_attachments_are_counted_and_their_names_never_used(mailbox, tmp_path):
    take_in_message(raw=read("07-base64-qp-bijlage.eml"), now=NOW)
    message = InboundMessage.objects.get()
    assert message.attachments == 1
    assert "%PDF" not in message.text
    assert not (tmp_path / "etc").exists()


# -- the command ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_prints_the_summary_as_json_and_again_nothing_new(mailbox):
    out, err = StringIO(), StringIO()
    call_command("import_mail", str(mailbox), "--json", stdout=out, stderr=err)
    first = json.loads(out.getvalue())
    assert list(first) == [
        "files",
        "new_messages",
        "duplicates",
        "contacts_created",
        "threaded",
        "auto_replies",
        "needs_attention",
    ]
    assert (first["files"], first["new_messages"], first["contacts_created"]) == (13, 13, 8)
    assert err.getvalue() == ""
    out = StringIO()
    call_command("import_mail", str(mailbox), "--json", stdout=out, stderr=err)
    assert json.loads(out.getvalue())["duplicates"] == 13


@pytest.mark.django_db
def test_command_without_json_prints_one_readable_line(mailbox):
    out = StringIO()
    call_command("import_mail", str(mailbox), stdout=out)
    assert out.getvalue() == (
        "13 files: 13 new, 0 duplicates; 8 contacts created, 1 threaded, "
        "3 auto-replies, 1 need attention\n"
    )


@pytest.mark.django_db
def test_command_on_a_missing_folder_exits_2_with_an_english_message(tmp_path):
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_mail", str(tmp_path / "nope"), "--json", stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue() == f"import-mail: {tmp_path / 'nope'}: no such directory\n"


@pytest.mark.django_db
def test_an_unreadable_file_is_reported_and_counted_as_needing_attention(mailbox):
    (mailbox / "00-kapotte-link.eml").symlink_to(mailbox / "bestaat-niet")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_mail", str(mailbox), "--json", stdout=out, stderr=err)
    assert exit_info.value.code == 1
    summary = json.loads(out.getvalue())
    assert (summary["files"], summary["needs_attention"]) == (14, 2)
    assert_invariants(summary)
    assert "00-kapotte-link.eml: cannot read: No such file or directory" in err.getvalue()
    assert InboundMessage.objects.count() == 13


@pytest.mark.django_db
def test_mime_nested_too_deep_for_the_parser_is_kept_raw(mailbox):
    raw = b"From: a@burger.example\r\nTo: info@opgroeien.test\r\nMessage-ID: <diep@x>\r\n"
    for depth in range(1500):
        raw += b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (depth, depth)
    raw += b"Content-Type: text/plain\r\n\r\ndiep\r\n"
    assert take_in_message(raw=raw, now=NOW) == "needs_attention"
    message = InboundMessage.objects.get(message_id="diep@x")
    assert message.problem.startswith("cannot be parsed: RecursionError")
    assert bytes(message.raw) == raw
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_when_the_database_fails_mid_way_the_message_waits_for_the_next_run(mailbox, monkeypatch):
    def unavailable(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(mailintake, "register_contact", unavailable)
    with pytest.raises(OperationalError):
        take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW)
    assert InboundMessage.objects.get().kind == MailKind.PENDING  # stored raw, not routed
    assert Contact.objects.count() == 0
    monkeypatch.undo()
    assert take_in_message(raw=read("01-nieuwe-vraag.eml"), now=NOW) == "new_contact"
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_a_date_outside_the_calendar_needs_attention_with_the_reason(mailbox):
    raw = (
        b"From: a@burger.example\r\nTo: info@opgroeien.test\r\nSubject: oud\r\n"
        b"Date: Mon, 1 Jan 1900 10:00:00 +0100\r\n\r\nx"
    )
    assert take_in_message(raw=raw, now=NOW) == "needs_attention"
    message = InboundMessage.objects.get()
    assert message.problem.startswith("no contact: received_at: ")
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_command_on_a_database_failure_exits_1_and_says_to_run_again(mailbox, monkeypatch):
    def unavailable(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(mailintake, "take_in_message", unavailable)
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_mail", str(mailbox), "--json", stdout=StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert err.getvalue() == (
        "import-mail: database error (database is locked); nothing is lost, run again\n"
    )
