"""Every change to contacts goes through these functions."""

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.calendar import require_aware
from infolijn.contacts.csvfile import (
    COLUMNS,
    CsvRow,
    Problem,
    UnreadableFileError,
    parse_record,
    problem_from,
    read_records,
)
from infolijn.contacts.deadlines import DeadlineRules
from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.contacts.models import (
    AT_RISK_WINDOW,
    EXTERNAL_ID_MAX_LENGTH,
    TOPIC_MAX_LENGTH,
    Contact,
    Outcome,
    invariant_errors,
)
from infolijn.partners.models import Channel, Partner
from infolijn.partners.roles import Role, has_role

Actor = AbstractBaseUser | None

SOURCE_CSV = "csv"
SOURCE_DESK = "desk"
BATCH_SIZE = 500
# What a row of the export says about a contact. Re-importing a changed row for a known id
# rewrites these (the export is the source of truth: an open e-mail that is now answered).
IMPORTED_FIELDS = tuple(column for column in COLUMNS if column != "id")
REGISTERING_ROLES = (Role.AGENT, Role.TEAM_LEAD, Role.ADMINISTRATOR)
IMPORTING_ROLES = (Role.TEAM_LEAD, Role.ADMINISTRATOR)


# -- one contact at the desk ----------------------------------------------------------------


@transaction.atomic
def register_contact(
    *,
    partner: Partner,
    channel: str,
    received_at: dt.datetime,
    outcome: str = Outcome.OPEN,
    answered_at: dt.datetime | None = None,
    closed_at: dt.datetime | None = None,
    topic: str = "",
    external_id: str = "",
    source: str = SOURCE_DESK,
    actor: Actor = None,
) -> Contact:
    """Store one contact with its due moment; raises ContactError naming the field at fault.

    ``actor`` None is the system (an import, a mail fetcher); a person must be an agent, team
    lead or administrator.
    """
    if actor is not None and not has_role(actor, *REGISTERING_ROLES):
        raise ContactError(ContactErrorCode.NOT_ALLOWED, "actor")
    if channel not in Channel.values:
        raise ContactError(
            ContactErrorCode.UNKNOWN_CHANNEL, "channel", value=channel, allowed=_listed(Channel)
        )
    if outcome not in Outcome.values:
        raise ContactError(
            ContactErrorCode.UNKNOWN_OUTCOME, "outcome", value=outcome, allowed=_listed(Outcome)
        )
    for name, moment in (
        ("received_at", received_at),
        ("answered_at", answered_at),
        ("closed_at", closed_at),
    ):
        if moment is not None:
            try:
                require_aware(moment, name)
            except ValueError:
                raise ContactError(ContactErrorCode.NAIVE_TIME, name, value=str(moment)) from None
    if len(topic) > TOPIC_MAX_LENGTH:
        raise ContactError(ContactErrorCode.TOO_LONG, "topic", limit=TOPIC_MAX_LENGTH)
    if len(external_id) > EXTERNAL_ID_MAX_LENGTH:
        raise ContactError(ContactErrorCode.TOO_LONG, "external_id", limit=EXTERNAL_ID_MAX_LENGTH)
    if external_id and Contact.objects.filter(source=source, external_id=external_id).exists():
        raise ContactError(ContactErrorCode.DUPLICATE_ID, "external_id", value=external_id)
    problems = invariant_errors(
        channel=channel,
        outcome=outcome,
        received_at=received_at,
        answered_at=answered_at,
        closed_at=closed_at,
    )
    if problems:
        raise problems[0]
    due_at = DeadlineRules().due_at(partner=partner, channel=channel, received_at=received_at)
    contact = Contact.objects.create(
        source=source,
        external_id=external_id,
        channel=channel,
        partner=partner,
        received_at=received_at,
        answered_at=answered_at,
        closed_at=closed_at,
        outcome=outcome,
        topic=topic,
        due_at=due_at,
    )
    log(instance=contact, action="infolijn.contact.register", user=actor)
    return contact


def _listed(choices: type[Channel] | type[Outcome]) -> str:
    return ", ".join(choices.values)


# -- the contacts CSV (DESIGN §7.3) ---------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did. ``problems`` is every bad row, field by field, in file order."""

    filename: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    applied: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if not self.applied:
            count = len(self.problems)
            return (
                f"{self.filename}: {self.rows} rows, {self.rejected} rejected; nothing imported "
                f"({count} problem{'' if count == 1 else 's'})"
            )
        return (
            f"{self.filename}: {self.rows} rows: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.rejected} rejected"
        )

    def error_lines(self) -> list[str]:
        return [problem.format(self.filename) for problem in self.problems]

    def _discard(self) -> None:
        self.applied = False
        self.created = self.updated = self.unchanged = 0


@dataclass(frozen=True, slots=True)
class _Valid:
    row: CsvRow
    partner: Partner
    due_at: dt.datetime | None


def import_contacts_csv(
    *,
    path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str],
    actor: Actor = None,
    all_or_nothing: bool = False,
) -> ImportReport:
    """Import a contact-center export; safe to run again on the same file.

    Rows are streamed and written in batches inside one transaction. A row that is bad (any
    field, its partner, its invariants, an id used twice in the file) is reported with its line
    and field and not stored; the good rows are kept (issue 6). With ``all_or_nothing`` any bad
    row means nothing is stored. A file that cannot be read as a whole (no or a wrong header,
    not UTF-8, broken CSV) is never half-applied: nothing is stored.

    A row whose ``id`` is already stored is skipped when identical and otherwise updated in
    place (``IMPORTED_FIELDS``); its due moment is recomputed only when the received moment,
    channel or partner changed, so a later change to an agreement or to the closing days does
    not move deadlines already given. Nothing is ever deleted.
    """
    if actor is not None and not has_role(actor, *IMPORTING_ROLES):
        raise ContactError(ContactErrorCode.NOT_ALLOWED, "actor")
    report = ImportReport(filename=_display_name(path_or_file))
    try:
        with _opened(path_or_file) as handle, transaction.atomic():
            _import_rows(handle, report)
            if all_or_nothing and report.problems:
                transaction.set_rollback(True)
                report._discard()
    except UnreadableFileError as exc:
        report.problems.append(exc.problem)
        report._discard()
    except OSError as exc:
        report.problems.append(Problem(0, "file", f"cannot read: {exc.strerror or exc}"))
        report._discard()
    except IntegrityError as exc:
        # Only a concurrent import of the same ids gets here; the rows were checked.
        report.problems.append(
            Problem(0, "file", f"conflicting concurrent change ({exc}); run again")
        )
        report._discard()
    return report


def _import_rows(handle: IO[bytes] | IO[str], report: ImportReport) -> None:
    rules = DeadlineRules()
    partners: dict[str, Partner | None] = {}
    first_line_of: dict[str, int] = {}
    batch: list[_Valid] = []
    for line, values in read_records(handle):
        report.rows += 1
        row, problems = parse_record(line, values)
        external_id = values.get("id", "")
        if external_id:
            first = first_line_of.setdefault(external_id, line)
            if first != line:
                problems.append(
                    Problem(
                        line, "id", f"{external_id!r} is also on line {first}; ids must be unique"
                    )
                )
        partner = None
        if values.get("partner"):
            name = values["partner"]
            if name not in partners:
                partners[name] = Partner.objects.by_name_or_code(name)
            partner = partners[name]
            if partner is None:
                problems.append(
                    problem_from(
                        line, ContactError(ContactErrorCode.UNKNOWN_PARTNER, "partner", value=name)
                    )
                )
        due_at = None
        if row is not None:
            errors = invariant_errors(
                channel=row.channel,
                outcome=row.outcome,
                received_at=row.received_at,
                answered_at=row.answered_at,
                closed_at=row.closed_at,
            )
            if partner is not None and not errors:
                try:
                    due_at = rules.due_at(
                        partner=partner, channel=row.channel, received_at=row.received_at
                    )
                except ContactError as exc:
                    errors.append(exc)
            problems.extend(problem_from(line, error) for error in errors)
        if problems or row is None or partner is None:
            report.problems.extend(problems)
            report.rejected += 1
            continue
        batch.append(_Valid(row, partner, due_at))
        if len(batch) >= BATCH_SIZE:
            _store(batch, report)
            batch = []
    _store(batch, report)


def _store(batch: list[_Valid], report: ImportReport) -> None:
    if not batch:
        return
    existing = {
        contact.external_id: contact
        for contact in Contact.objects.select_for_update().filter(
            source=SOURCE_CSV, external_id__in=[valid.row.id for valid in batch]
        )
    }
    now = timezone.now()
    new: list[Contact] = []
    changed: list[Contact] = []
    for valid in batch:
        values = _imported_values(valid)
        contact = existing.get(valid.row.id)
        if contact is None:
            new.append(
                Contact(source=SOURCE_CSV, external_id=valid.row.id, due_at=valid.due_at, **values)
            )
            continue
        if all(getattr(contact, name) == value for name, value in values.items()):
            report.unchanged += 1
            continue
        if (contact.received_at, contact.channel, contact.partner_id) != (
            valid.row.received_at,
            valid.row.channel,
            valid.partner.pk,
        ):
            contact.due_at = valid.due_at
        for name, value in values.items():
            setattr(contact, name, value)
        contact.updated_at = now
        changed.append(contact)
    Contact.objects.bulk_create(new)
    Contact.objects.bulk_update(changed, [*IMPORTED_FIELDS, "due_at", "updated_at"])
    report.created += len(new)
    report.updated += len(changed)


def _imported_values(valid: _Valid) -> dict[str, object]:
    row = valid.row
    return {
        "channel": row.channel,
        "partner_id": valid.partner.pk,
        "received_at": row.received_at,
        "answered_at": row.answered_at,
        "closed_at": row.closed_at,
        "outcome": row.outcome,
        "topic": row.topic,
    }


def _display_name(path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str]) -> str:
    if isinstance(path_or_file, str | os.PathLike):
        return os.fspath(path_or_file)
    name = getattr(path_or_file, "name", None)
    return name if isinstance(name, str) else "<stream>"


@contextlib.contextmanager
def _opened(
    path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str],
) -> Iterator[IO[bytes] | IO[str]]:
    """A path is opened (binary) and closed here; a file object is the caller's to close."""
    if isinstance(path_or_file, str | os.PathLike):
        with open(path_or_file, "rb") as handle:
            yield handle
    else:
        yield path_or_file


# -- the SLA clock --------------------------------------------------------------------------


def sweep_sla(*, now: dt.datetime, within: dt.timedelta = AT_RISK_WINDOW) -> int:
    """Bring ``sla_state`` of open e-mails and web forms in line with ``now``; team leads get
    one digest of what became at risk or overdue (``alerts.sweep_and_alert``).

    Each row is changed with a compare-and-set ``update()``, so two sweepers at once or one
    run twice change (and report) each row once; returns how many rows changed. A contact
    that is no longer open keeps the state it had when it was closed.
    """
    from infolijn.contacts.alerts import sweep_and_alert

    require_aware(now, "now")
    return sweep_and_alert(now=now, within=within)["changed"]
