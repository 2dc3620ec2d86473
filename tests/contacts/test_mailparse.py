"""Reading inbound e-mail (``infolijn.contacts.mailparse``): pure, no database."""

import hashlib
from pathlib import Path

import pytest

from infolijn.contacts.mailparse import html_to_text, message_key, parse_mail

MAIL = Path(__file__).parent / "mail"


def read(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def test_a_plain_mail_gives_its_headers_and_text():
    mail = parse_mail(read("01-nieuwe-vraag.eml"))
    assert mail.from_address == "lotte.peeters@burger.example"
    assert mail.recipients == ("info@opgroeien.test",)
    assert mail.subject == "Vraag over het startbedrag"
    assert mail.date is not None
    assert mail.date.isoformat() == "2026-06-15T10:12:00+02:00"
    assert mail.text.startswith("Goedemorgen,\n\nMijn dochter is vorige week geboren.")
    assert (mail.attachments, mail.auto_reason, mail.reference) == (0, "", None)


def test_the_message_id_is_the_key_and_without_one_a_hash_of_the_bytes():
    assert message_key(read("01-nieuwe-vraag.eml")) == "vraag-001@burger.example"
    raw = read("08-zonder-message-id.eml")
    assert message_key(raw) == "sha256:" + hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\xff\xfe garbage", b"Message-ID: <" + b"x" * 400 + b"@e>\r\n\r\nbody"],
)
def test_a_key_is_always_found_and_fits_the_column(raw):
    key = message_key(raw)
    assert key.startswith("sha256:")
    assert len(key) <= 255


def test_encoded_word_subject_and_thread_headers():
    mail = parse_mail(read("02-antwoord-in-reply-to.eml"))
    assert mail.subject == "Re: Vraag over het startbedrag – aanvulling"
    assert mail.in_reply_to == ("vraag-001@burger.example",)
    assert mail.thread_ids == ("vraag-001@burger.example",)


def test_html_only_mail_is_stored_as_text_without_markup_or_script():
    mail = parse_mail(read("05-html-met-script.eml"))
    assert "Ik heb mijn aanslagbiljet nog niet ontvangen & de termijn loopt af." in mail.text
    for trace in ("<", ">", "alert", "color: red", "verborgen", "javascript"):
        assert trace not in mail.text
    assert mail.recipients == ("infolijn+vlaamse-belastingdienst@infolijn.example",)


def test_html_to_text_keeps_escaped_text_as_text():
    assert html_to_text("<p>a &lt;b&gt; c</p><p>d</p>") == "a <b> c\nd"


def test_latin1_bytes_under_a_wrong_utf8_label_are_still_read():
    mail = parse_mail(read("06-latin1-verkeerde-charset.eml"))
    assert mail.text == "Ik heb één vraag over de kinderbijslag voor mijn zoon Loïc."
    assert mail.subject == "Vraag over één kind"


def test_an_unknown_charset_falls_back_instead_of_failing():
    mail = parse_mail(read("12-onbekende-charset.eml"))
    assert mail.text == "Café in de gemeente."
    assert "Onbekende" in mail.subject


def test_quoted_printable_and_base64_parts_and_an_attachment_is_counted_not_read():
    mail = parse_mail(read("07-base64-qp-bijlage.eml"))
    assert "Ik wil dit graag bevestigd zien — alvast bedankt." in mail.text
    assert "<p>" not in mail.text
    assert "%PDF" not in mail.text
    assert mail.attachments == 1


def test_missing_date_and_a_broken_boundary_do_not_raise():
    assert parse_mail(read("09-zonder-datum.eml")).date is None
    broken = parse_mail(read("10-kapotte-boundary.eml"))
    assert "Deze tekst staat achter een verkeerde grens." in broken.text
    assert "StartBoundaryNotFoundDefect" in broken.defects


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("03-automatisch-antwoord.eml", "Auto-Submitted: auto-replied"),
        ("04-afwezigheidsmelding.eml", "subject says 'Afwezigheidsmelding'"),
        ("13-bounce.eml", "delivery report (multipart/report)"),
    ],
)
def test_automatic_mail_is_recognised(name, reason):
    assert parse_mail(read(name)).auto_reason == reason


@pytest.mark.parametrize(
    "header",
    ["X-Autoreply: yes", "Precedence: bulk", "Precedence: auto_reply", "Return-Path: <>"],
)
def test_other_auto_reply_signals(header):
    raw = f"{header}\r\nFrom: a@b.example\r\nSubject: Vraag\r\n\r\ntekst\r\n".encode()
    assert parse_mail(raw).auto_reason != ""


def test_auto_submitted_no_is_a_person():
    raw = b"Auto-Submitted: no\r\nFrom: a@b.example\r\nSubject: Out of offices\r\n\r\nx"
    assert parse_mail(raw).auto_reason == "subject says 'Out of office'"
    raw = b"Auto-Submitted: no\r\nFrom: a@b.example\r\nSubject: Vraag\r\n\r\nx"
    assert parse_mail(raw).auto_reason == ""


def test_reference_number_in_the_subject():
    raw = b"Subject: Re: Uw vraag [il-42] en meer\r\n\r\nx"
    assert parse_mail(raw).reference == 42


def test_huge_body_is_capped_but_flagged():
    raw = b"From: a@b.example\r\nSubject: lang\r\n\r\n" + b"woord " * 50_000
    mail = parse_mail(raw, max_text_chars=1000)
    assert len(mail.text) == 1000
    assert mail.text_truncated


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe\x00\x01",
        b"From: <<<@@@>>>\r\nTo: ,,,;;\r\nDate: 99 Foo 99999 99:99\r\nSubject: =?bogus?x?zz?=\r\n\r\n",
        b"Content-Type: multipart/mixed\r\n\r\nno boundary parameter at all",
        b"Content-Type: text/plain; charset=zlib\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!",
        b"Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nbody",
    ],
)
def test_hostile_input_never_raises(raw):
    mail = parse_mail(raw)
    assert isinstance(mail.text, str)


def test_overlong_headers_are_cut_not_parsed_whole():
    raw = (
        b"From: a@b.example\r\nSubject: "
        + b"=?utf-8?q?lang?= " * 20_000
        + b"\r\nTo: "
        + b"info@opgroeien.test, " * 20_000
        + b"\r\n\r\nx"
    )
    mail = parse_mail(raw)
    assert len(mail.subject) == 500
    assert mail.recipients[0] == "info@opgroeien.test"
