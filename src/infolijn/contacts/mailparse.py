"""Reading one inbound e-mail (pure: the standard library and nh3, nothing from Django).

Mail from citizens is messy and sometimes hostile: wrong or unknown charsets, broken MIME
boundaries, undecodable headers, huge bodies. Everything here degrades instead of raising:
a header that cannot be parsed is read raw, a body that cannot be decoded is decoded with
``replace``. ``message_key`` never raises, so a message can always be stored before it is read.
"""

import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.errors import MessageError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parsedate_to_datetime

import nh3

MAX_TEXT_CHARS = 100_000
MAX_MESSAGE_ID_LENGTH = 255
SUBJECT_MAX_LENGTH = 500
ADDRESS_MAX_LENGTH = 320
MAX_HEADER_CHARS = 8000
HASH_PREFIX = "sha256:"
# "[IL-12345]": the contact's id, put in the subject of every reply we send.
REFERENCE_RE = re.compile(r"\[IL-(\d{1,12})\]", re.IGNORECASE)
_MESSAGE_ID_RE = re.compile(r"<([^<>\s]{1,998})>")
_AUTO_SUBJECT_RE = re.compile(
    r"out of office|automatic reply|auto-?reply|automatisch antwoord|afwezigheidsmelding"
    r"|r[ée]ponse automatique|abwesenheitsnotiz|undeliverable|delivery status notification"
    r"|mail delivery failed|delivery failure|onbestelbaar",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = {"bulk", "auto_reply", "junk", "list"}
_BOUNCE_SENDERS = ("mailer-daemon@", "postmaster@")
_BLOCK_END_RE = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/table|/blockquote)\b[^>]*>", re.I)
_FALLBACK_CHARSETS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class ParsedMail:
    """What routing needs from one message; every field is present, maybe empty."""

    date: dt.datetime | None  # aware, or None when missing or unparseable
    from_address: str
    envelope_recipients: tuple[str, ...]  # Delivered-To, X-Original-To
    recipients: tuple[str, ...]  # To
    copies: tuple[str, ...]  # Cc
    subject: str
    text: str
    text_truncated: bool
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    attachments: int
    auto_reason: str  # why it is automatic mail ("" for a person's mail)
    defects: tuple[str, ...]

    @property
    def reference(self) -> int | None:
        """The contact id in "[IL-n]" in the subject, if any."""
        match = REFERENCE_RE.search(self.subject)
        return int(match.group(1)) if match else None

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this one answers, nearest first (In-Reply-To, then References reversed)."""
        seen: dict[str, None] = {}
        for mid in (*self.in_reply_to, *reversed(self.references)):
            seen.setdefault(mid, None)
        return tuple(seen)


ERASED_PREFIX = "erased:"


def erased_key(key: str) -> str:
    """What a message's key becomes when its personal data is erased: still unique and still
    recognisable (a message fetched again is a duplicate), but no longer readable."""
    if key.startswith(ERASED_PREFIX):
        return key
    return ERASED_PREFIX + hashlib.sha256(key.encode()).hexdigest()


def message_key(raw: bytes) -> str:
    """The idempotency key: the Message-ID without brackets, else a sha256 of the raw bytes.

    Never raises. An overlong Message-ID is hashed too (keys fit ``MAX_MESSAGE_ID_LENGTH``).
    """
    try:
        headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        value = headers.get("Message-ID")
        ids = _ids(str(value)) if value is not None else ()
    except Exception:  # a key must always be found
        ids = ()
    if ids and len(ids[0]) <= MAX_MESSAGE_ID_LENGTH:
        return ids[0]
    source = ids[0].encode("utf-8", "replace") if ids else raw
    return HASH_PREFIX + hashlib.sha256(source).hexdigest()


def parse_mail(raw: bytes, *, max_text_chars: int = MAX_TEXT_CHARS) -> ParsedMail:
    """Read ``raw`` as well as it can be read."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [type(defect).__name__ for defect in message.defects]
    text, attachments = _body(message, defects)
    truncated = len(text) > max_text_chars
    subject = _header(message, "Subject")
    from_address = _first_address(message, "From")
    return ParsedMail(
        date=_date(_header(message, "Date")),
        from_address=from_address[:ADDRESS_MAX_LENGTH],
        envelope_recipients=_addresses(message, "Delivered-To", "X-Original-To"),
        recipients=_addresses(message, "To"),
        copies=_addresses(message, "Cc"),
        subject=" ".join(subject.split())[:SUBJECT_MAX_LENGTH],
        text=text[:max_text_chars],
        text_truncated=truncated,
        in_reply_to=_ids(_header(message, "In-Reply-To")),
        references=_ids(_header(message, "References")),
        attachments=attachments,
        auto_reason=_auto_reason(message, subject, from_address),
        defects=tuple(dict.fromkeys(defects)),
    )


def html_to_text(markup: str) -> str:
    """Plain text of an HTML body: every tag (and script/style content) removed by nh3."""
    markup = _BLOCK_END_RE.sub("\n", markup)
    text = html.unescape(nh3.clean(markup, tags=set()))
    return _tidy(text)


# -- headers --------------------------------------------------------------------------------


def _header(message: Message, name: str) -> str:
    """The decoded value of a header, "" when absent; raw when it cannot be parsed.

    Overlong values (a hostile sender's megabyte of encoded words) are cut to
    ``MAX_HEADER_CHARS`` and decoded the simple way, which takes linear time.
    """
    raw = _raw_header(message, name)
    if raw is None:
        return ""
    if len(raw) <= MAX_HEADER_CHARS:
        try:
            value = message.get(name)
            return "" if value is None else str(value)
        except Exception:  # broken headers are read raw below
            value = None
    return _decode_raw(raw[:MAX_HEADER_CHARS])


def _raw_header(message: Message, name: str) -> str | None:
    for key, raw_value in message.raw_items():
        if key.lower() == name.lower():
            return str(raw_value)
    return None


def _decode_raw(raw: str) -> str:
    try:
        return str(make_header(decode_header(raw)))
    except Exception:  # an undecodable encoded word: keep the text as it came
        return raw


def _all_headers(message: Message, name: str) -> list[str]:
    raws = [str(value) for key, value in message.raw_items() if key.lower() == name.lower()]
    if len(raws) == 1:
        value = _header(message, name)
        return [value] if value else []
    return [_decode_raw(raw[:MAX_HEADER_CHARS]) for raw in raws]


def _addresses(message: Message, *names: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for name in names:
        for value in _all_headers(message, name):
            for _display, address in getaddresses([value]):
                address = address.strip().lower()
                if "@" in address and len(address) <= ADDRESS_MAX_LENGTH:
                    found.setdefault(address, None)
    return tuple(found)


def _first_address(message: Message, name: str) -> str:
    addresses = _addresses(message, name)
    return addresses[0] if addresses else ""


def _ids(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_MESSAGE_ID_RE.findall(value)))


def _date(value: str) -> dt.datetime | None:
    if not value.strip():
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # "-0000": UTC, origin unknown (RFC 5322 §3.3)
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _auto_reason(message: Message, subject: str, from_address: str) -> str:
    auto_submitted = _header(message, "Auto-Submitted").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder"):
        if _raw_header(message, name) is not None:
            return f"{name} header"
    precedence = _header(message, "Precedence").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    if message.get_content_type() == "multipart/report":
        return "delivery report (multipart/report)"
    if from_address.startswith(_BOUNCE_SENDERS):
        return f"bounce from {from_address}"
    if _header(message, "Return-Path").strip() == "<>":
        return "empty Return-Path (bounce)"
    match = _AUTO_SUBJECT_RE.search(subject)
    if match:
        return f"subject says {match.group(0)!r}"
    return ""


# -- body -----------------------------------------------------------------------------------


def _leaves(part: Message, attachments: list[Message]) -> Iterator[Message]:
    """The inline leaf parts, depth first; attachments and attached messages go to the list."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        payload = part.get_payload()
        for child in payload if isinstance(payload, list) else []:
            if isinstance(child, Message):
                yield from _leaves(child, attachments)
        return
    if part.get_content_maintype() == "message" or _is_attachment(part):
        attachments.append(part)
        return
    yield part


def _is_attachment(part: Message) -> bool:
    try:
        disposition = part.get_content_disposition()
        filename = part.get_filename()
    except Exception:  # an unreadable disposition is not an inline body
        return True
    return disposition == "attachment" or filename is not None


def _body(message: Message, defects: list[str]) -> tuple[str, int]:
    attachments: list[Message] = []
    plain: list[str] = []
    markup: list[str] = []
    for part in _leaves(message, attachments):
        defects.extend(type(defect).__name__ for defect in part.defects)
        kind = part.get_content_type()
        if kind == "text/plain":
            plain.append(_decoded(part))
        elif kind == "text/html":
            markup.append(_decoded(part))
        elif part.get_content_maintype() == "multipart":
            # A multipart whose boundary is never found: its body is kept as plain text.
            plain.append(_decoded(part))
        else:
            attachments.append(part)
    if plain:
        text = _tidy("\n\n".join(plain))
    elif markup:
        text = html_to_text("\n".join(markup))
    else:
        text = ""
    return text, len(attachments)


def _decoded(part: Message) -> str:
    """A text part as str: its declared charset, else UTF-8, else cp1252, else latin-1."""
    try:
        payload = part.get_payload(decode=True)
    except (MessageError, ValueError, TypeError):
        payload = None
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    declared = part.get_content_charset() or "us-ascii"
    for charset in (declared, *_FALLBACK_CHARSETS):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return payload.decode("utf-8", "replace")  # unreachable: latin-1 decodes anything


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)
