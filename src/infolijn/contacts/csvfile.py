"""Reading the contacts CSV of DESIGN §7.3, row by row, without loading the file.

This module only turns text into typed values and names what is wrong (line, field, problem);
whether a row is stored is the importer's business (``actions.import_contacts_csv``).
"""

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.contacts.models import EXTERNAL_ID_MAX_LENGTH, TOPIC_MAX_LENGTH, Outcome
from infolijn.contacts.problems import Problem
from infolijn.partners.models import Channel

COLUMNS = (
    "id",
    "channel",
    "partner",
    "received_at",
    "answered_at",
    "closed_at",
    "outcome",
    "topic",
)
EXAMPLE_HEADER = ",".join(COLUMNS)
_PARTNER_LIMIT = 200


class UnreadableFileError(Exception):
    """The file as a whole cannot be read (header, encoding, CSV syntax): nothing is imported."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.format("<file>"))


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row with typed values; ``partner`` is still the name or code from the file."""

    line: int
    id: str
    channel: str
    partner: str
    received_at: dt.datetime
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    outcome: str
    topic: str


def read_records(source: IO[bytes] | IO[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, {column: raw value})`` per data row, after checking the header.

    ``line`` is the physical line on which the row starts. Blank lines, and lines of nothing but
    separators (spreadsheets write those), are skipped. A row with the wrong number of fields
    is yielded as ``{"": count found}``, for the caller to report. Raises UnreadableFileError
    for what makes the whole file unreadable.
    """
    # Strict: a stray or unclosed quote is an error, not a silently merged field.
    reader = csv.reader(_text_lines(source), strict=True)
    previous = 0
    header: list[str] | None = None
    try:
        for fields in reader:
            line, previous = previous + 1, reader.line_num
            if not any(value.strip() for value in fields):
                continue
            if header is None:
                header = _check_header(line, fields)
                continue
            if len(fields) != len(header):
                yield line, {"": str(len(fields))}
                continue
            yield line, dict(zip(header, (value.strip() for value in fields), strict=True))
    except csv.Error as exc:
        raise UnreadableFileError(
            Problem(previous + 1, "file", f"not valid CSV in the row starting here: {exc}")
        ) from exc
    if header is None:
        raise UnreadableFileError(
            Problem(
                1, "header", f"missing: the file is empty; its first line must be {EXAMPLE_HEADER}"
            )
        )


def parse_record(line: int, values: dict[str, str]) -> tuple[CsvRow | None, list[Problem]]:
    """Typed values of one record, or every field problem in it (no database access)."""
    if "" in values:
        count = values[""]
        return None, [Problem(line, "row", f"expected {len(COLUMNS)} fields, found {count}")]
    errors: list[ContactError] = []

    def text(name: str, limit: int, *, required: bool) -> str:
        value = values[name]
        if required and not value:
            errors.append(ContactError(ContactErrorCode.REQUIRED, name))
        elif len(value) > limit:
            errors.append(ContactError(ContactErrorCode.TOO_LONG, name, limit=limit))
        return value

    def choice(name: str, allowed: list[str], code: ContactErrorCode) -> str:
        value = values[name].lower()
        if not value:
            errors.append(ContactError(ContactErrorCode.REQUIRED, name))
        elif value not in allowed:
            errors.append(ContactError(code, name, value=values[name], allowed=", ".join(allowed)))
        return value

    def moment(name: str, *, required: bool) -> dt.datetime | None:
        raw = values[name]
        if not raw:
            if required:
                errors.append(ContactError(ContactErrorCode.REQUIRED, name))
            return None
        try:
            return parse_moment(raw, name)
        except ContactError as exc:
            errors.append(exc)
            return None

    external_id = text("id", EXTERNAL_ID_MAX_LENGTH, required=True)
    channel = choice("channel", Channel.values, ContactErrorCode.UNKNOWN_CHANNEL)
    partner = text("partner", _PARTNER_LIMIT, required=True)
    received_at = moment("received_at", required=True)
    answered_at = moment("answered_at", required=False)
    closed_at = moment("closed_at", required=False)
    outcome = choice("outcome", Outcome.values, ContactErrorCode.UNKNOWN_OUTCOME)
    topic = text("topic", TOPIC_MAX_LENGTH, required=False)
    if errors or received_at is None:
        return None, [problem_from(line, error) for error in errors]
    row = CsvRow(
        line=line,
        id=external_id,
        channel=channel,
        partner=partner,
        received_at=received_at,
        answered_at=answered_at,
        closed_at=closed_at,
        outcome=outcome,
        topic=topic,
    )
    return row, []


def parse_moment(raw: str, name: str) -> dt.datetime:
    """An ISO 8601 moment with a UTC offset; raises ContactError naming ``name`` otherwise."""
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ContactError(ContactErrorCode.MALFORMED_TIME, name, value=raw) from None
    if moment.utcoffset() is None:
        raise ContactError(ContactErrorCode.NAIVE_TIME, name, value=raw)
    return moment


def problem_from(line: int, error: ContactError) -> Problem:
    return Problem(line, error.field, error.operator_message)


def _check_header(line: int, fields: list[str]) -> list[str]:
    names = [name.strip() for name in fields]
    missing = [name for name in COLUMNS if name not in names]
    unknown = [name for name in names if name not in COLUMNS]
    doubled = sorted({name for name in names if names.count(name) > 1})
    if not missing and not unknown and not doubled:
        return names
    if len(missing) == len(COLUMNS):
        raise UnreadableFileError(
            Problem(line, "header", f"missing: the first line must be {EXAMPLE_HEADER}")
        )
    parts = []
    if missing:
        parts.append("missing column(s) " + ", ".join(missing))
    if unknown:
        parts.append("unknown column(s) " + ", ".join(repr(name) for name in unknown))
    if doubled:
        parts.append("repeated column(s) " + ", ".join(doubled))
    raise UnreadableFileError(
        Problem(line, "header", "; ".join(parts) + f" (expected {EXAMPLE_HEADER})")
    )


def _text_lines(source: IO[bytes] | IO[str]) -> Iterator[str]:
    """The file's lines as text, decoded one physical line at a time.

    Decoding per line (not per buffer) lets an encoding error name its line. A UTF-8 BOM is
    dropped; UTF-16 is recognised and refused with a hint, like any other non-UTF-8 text.
    """
    if isinstance(source, io.TextIOBase):
        yield from _strip_bom(iter(source))
        return
    for number, raw in enumerate(_binary_lines(source), start=1):
        if number == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise UnreadableFileError(
                    Problem(1, "file", "the file is UTF-16 text; save it as UTF-8 and try again")
                )
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start : exc.start + 1].hex()
            raise UnreadableFileError(
                Problem(
                    number,
                    "file",
                    f"not UTF-8 text (byte 0x{byte} at column {exc.start + 1}); "
                    "save the file as UTF-8 and try again",
                )
            ) from None


def _binary_lines(source: IO[bytes] | IO[str]) -> Iterable[bytes]:
    for raw in source:
        if isinstance(raw, str):  # a text stream that is not a TextIOBase
            yield raw.encode("utf-8")
        else:
            yield raw


def _strip_bom(lines: Iterator[str]) -> Iterator[str]:
    first = next(lines, None)
    if first is None:
        return
    yield first.removeprefix("\ufeff")
    yield from lines
