"""Fetching the line's mailbox over IMAP (production): store first, then mark it read.

A message is flagged ``\\Seen`` on the server only after ``take_in_message`` stored it, and it
is fetched with ``BODY.PEEK[]`` so fetching alone changes nothing. When the database is
unavailable the poll stops at that message and leaves it unread: the next poll fetches it
again, and the Message-ID keeps a message stored twice from becoming two contacts.
"""

import contextlib
import imaplib
import ssl
from dataclasses import dataclass

from django.conf import settings

from infolijn.contacts.mailintake import MailSummary, take_in_message

SOURCE_IMAP = "imap"


@dataclass(frozen=True, slots=True)
class ImapMailbox:
    host: str
    port: int
    user: str
    password: str
    folder: str = "INBOX"
    use_ssl: bool = True


def configured_mailbox() -> ImapMailbox | None:
    """The mailbox of the settings (``INFOLIJN_IMAP_*``), or None when none is configured."""
    host = getattr(settings, "IMAP_HOST", "")
    if not host:
        return None
    return ImapMailbox(
        host=host,
        port=settings.IMAP_PORT,
        user=settings.IMAP_USER,
        password=settings.IMAP_PASSWORD,
        folder=settings.IMAP_FOLDER,
        use_ssl=settings.IMAP_SSL,
    )


def _connect(mailbox: ImapMailbox) -> imaplib.IMAP4:
    if mailbox.use_ssl:
        return imaplib.IMAP4_SSL(
            mailbox.host, mailbox.port, ssl_context=ssl.create_default_context(), timeout=30
        )
    return imaplib.IMAP4(mailbox.host, mailbox.port, timeout=30)


def poll_mailbox(mailbox: ImapMailbox, *, limit: int = 500) -> MailSummary:
    """Take in the unread messages (at most ``limit``), oldest first.

    Raises DatabaseError when the database fails (the message stays unread on the server) and
    imaplib/OSError when the server cannot be reached or refuses the login.
    """
    summary = MailSummary()
    connection = _connect(mailbox)
    try:
        connection.login(mailbox.user, mailbox.password)
        status, _ = connection.select(_quoted(mailbox.folder))
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot open folder {mailbox.folder!r}")
        _, found = connection.uid("SEARCH", "UNSEEN")
        uids = found[0].decode().split() if found and found[0] else []
        for uid in uids[:limit]:
            raw = _fetch(connection, uid)
            if raw is None:
                summary.problems.append(f"imap: message uid {uid} vanished or unreadable")
                continue
            summary.count(
                take_in_message(raw=raw, source=SOURCE_IMAP, filename=f"{mailbox.folder}/{uid}")
            )
            connection.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            connection.logout()
    return summary


def _fetch(connection: imaplib.IMAP4, uid: str) -> bytes | None:
    status, data = connection.uid("FETCH", uid, "(BODY.PEEK[])")
    if status != "OK":
        return None
    for part in data:
        if isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], bytes):
            return part[1]
    return None


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
