"""Real mail servers on loopback for the e-mail channel's tests: a private Dovecot (IMAP) and
an aiosmtpd SMTP server. Without them the tests skip with the reason; `.ci/run` installs
Dovecot and sets INFOLIJN_REQUIRE_SERVICES=1, so in CI they must run."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.services import need

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Imap:
    port: int
    user: str
    password: str


def _accounts() -> tuple[str, str, int]:
    """(login user, internal user, uid for the mail) — Dovecot refuses to run mail as root."""
    if os.geteuid() == 0:
        for name in ("dovecot", "dovenull"):
            try:
                return "dovenull", "dovecot", pwd.getpwnam(name).pw_uid
            except KeyError:
                continue
    me = pwd.getpwuid(os.geteuid()).pw_name
    return me, me, os.geteuid()


@contextmanager
def dovecot() -> Iterator[Imap]:
    need(
        "Dovecot",
        os.path.exists(DOVECOT),
        "dovecot is not installed (apt-get install dovecot-imapd)",
    )
    login_user, internal_user, uid = _accounts()
    home = Path(tempfile.mkdtemp(prefix="infolijn-dovecot-"))
    home.chmod(0o755)
    mail = home / "mail"
    mail.mkdir()
    os.chown(mail, uid, pwd.getpwuid(uid).pw_gid)
    port = free_port()
    (home / "users").write_text("infolijn:{PLAIN}test-only-password\n")
    (home / "dovecot.conf").write_text(
        f"""
base_dir = {home}/run
state_dir = {home}/state
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {home}/dovecot.log
mail_location = maildir:{mail}/%u
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {uid}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {home}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={pwd.getpwuid(uid).pw_gid} home={mail}/%u
}}
"""
    )
    # The daemon's children inherit stdout/stderr: point them at a file, never at a pipe
    # (a pipe would stay open, and waiting for it would never end).
    with open(home / "start.log", "wb") as log:
        started = subprocess.run(
            [DOVECOT, "-c", str(home / "dovecot.conf")],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            check=False,
        )
    reason = (home / "start.log").read_text(errors="replace").strip()
    need("Dovecot", started.returncode == 0, f"it did not start: {reason}")
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield Imap(port=port, user="infolijn", password="test-only-password")
    finally:
        subprocess.run(
            [DOVEADM, "-c", str(home / "dovecot.conf"), "stop"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(home, ignore_errors=True)


@dataclass
class Smtp:
    port: int
    received: list  # aiosmtpd Envelopes: mail_from, rcpt_tos, content (bytes)


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[Smtp]:
    """An SMTP server on loopback that keeps what it receives."""
    from aiosmtpd.controller import Controller

    server = Smtp(port=port or free_port(), received=[])

    class Keep:
        async def handle_DATA(self, smtp, session, envelope):  # noqa: N802 - aiosmtpd's hook name
            server.received.append(envelope)
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
