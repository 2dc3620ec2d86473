"""The CSV files exchanged with the company that places the mystery calls.

Plan export (we write it): one row per planned call::

    call_ref,partner,theme,scenario_id,script_id,weekday,time_block,planned_date

``weekday`` is the English day name (``monday``…), ``planned_date`` ISO ``YYYY-MM-DD`` or empty.

Results import (they send it back)::

    call_ref,called_at,answered,correct,waited_seconds,remarks

- ``called_at``: ISO 8601 with a UTC offset (``2025-03-04T10:15:00+01:00`` or ``…Z``);
- ``answered``: ``yes``/``no``; ``correct``: ``yes``/``no``/``partial``, empty when unanswered;
- ``waited_seconds``: seconds until answered (or until the caller gave up), ≥ 0; required when
  answered; ``remarks``: free text, cut at :data:`MAX_REMARKS` characters.

:func:`parse_results` never raises on bad input: it returns the good rows and, for each bad
row, an English, operator-facing :class:`RowError` naming the line and the field. A file-level
problem (empty, not text, wrong header) is one error on line 1 and no rows. It accepts a UTF-8
BOM, Windows-1252 files (as Excel saves them), and ``;`` as well as ``,`` as delimiter. Header
names are matched case-insensitively in any order; extra columns are ignored with a warning.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from infolijn.quality.engine.sampling import WEEKDAYS, PlannedCall

PLAN_COLUMNS = (
    "call_ref",
    "partner",
    "theme",
    "scenario_id",
    "script_id",
    "weekday",
    "time_block",
    "planned_date",
)
RESULT_COLUMNS = ("call_ref", "called_at", "answered", "correct", "waited_seconds", "remarks")

#: Longest remarks kept; longer ones are cut, with a warning.
MAX_REMARKS = 4000
#: Longest value accepted in any other field.
MAX_FIELD = 200
#: Longest field the reader will hold in memory at all (csv's own default limit).
MAX_RAW_FIELD = 131_072
#: Rows beyond this are not read.
MAX_ROWS = 100_000
#: Errors beyond this are counted, not listed.
MAX_ERRORS = 1_000

Correct = Literal["yes", "no", "partial"]
_Fail = Callable[[str, str], None]
_YES_NO = {"yes": True, "no": False, "ja": True, "nee": False}
_CORRECT: dict[str, Correct] = {
    "yes": "yes",
    "no": "no",
    "partial": "partial",
    "ja": "yes",
    "nee": "no",
    "gedeeltelijk": "partial",
}


def export_plan(calls: Iterable[PlannedCall]) -> str:
    """The plan as CSV text (comma-delimited, header first, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PLAN_COLUMNS)
    for call in calls:
        writer.writerow(
            (
                call.call_ref,
                call.partner,
                call.theme,
                call.scenario_id,
                call.script_id,
                WEEKDAYS[call.weekday - 1],
                call.time_block,
                call.planned_date.isoformat() if call.planned_date else "",
            )
        )
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class MysteryResult:
    call_ref: str
    called_at: datetime
    answered: bool
    #: None when the call was not answered.
    correct: Correct | None
    waited_seconds: float | None
    remarks: str
    #: The line the row starts on (1 is the header).
    line: int


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    #: The column at fault, or None for the whole row or file.
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ResultsImport:
    rows: tuple[MysteryResult, ...]
    errors: tuple[RowError, ...]
    #: Problems that did not stop a row (cut remarks, extra columns, guessed encoding).
    warnings: tuple[RowError, ...]
    #: Errors found beyond :data:`MAX_ERRORS` (not listed).
    errors_omitted: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.errors_omitted


def parse_results(data: str | bytes, *, known_refs: Collection[str] | None = None) -> ResultsImport:
    """Parse a results file; ``known_refs`` (the plan's call refs) rejects unknown ones.

    The first row for a ``call_ref`` wins; a later row with the same ref is an error.
    """
    warnings: list[RowError] = []
    text = _decode(data, warnings)
    if text is None:
        return _fatal("the file is not text (it is neither UTF-8 nor Windows-1252)")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return _fatal("the file is empty")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[MysteryResult] = []
    errors = _Errors()
    columns: dict[str, int] | None = None
    width = 0
    seen: dict[str, int] = {}
    end_of_previous = 0
    while True:
        start = end_of_previous + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            end_of_previous = reader.line_num
            if columns is None:
                return _fatal(f"the header cannot be read: {error}")
            errors.add(RowError(start, None, f"the row cannot be read as CSV: {error}"))
            continue
        end_of_previous = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # blank line
        if columns is None:
            header = _header(record, warnings)
            if isinstance(header, str):
                return _fatal(header, warnings)
            columns, width = header
            continue
        if len(rows) + errors.total >= MAX_ROWS:
            errors.add(RowError(start, None, f"more than {MAX_ROWS} rows; the rest is not read"))
            break
        if len(record) != width:
            errors.add(
                RowError(
                    start,
                    None,
                    f"expected {width} fields as in the header, "
                    f"found {len(record)} (is a value with a {delimiter!r} unquoted?)",
                )
            )
            continue
        result = _row(record, columns, start, errors, warnings)
        if result is None:
            continue
        if result.call_ref in seen:
            errors.add(
                RowError(
                    start,
                    "call_ref",
                    f"duplicate call_ref {_show(result.call_ref)}: "
                    f"line {seen[result.call_ref]} already has it and is kept",
                )
            )
            continue
        if known_refs is not None and result.call_ref not in known_refs:
            errors.add(
                RowError(
                    start,
                    "call_ref",
                    f"unknown call_ref {_show(result.call_ref)}: it is not in the plan",
                )
            )
            continue
        seen[result.call_ref] = start
        rows.append(result)
    if columns is None:
        return _fatal("the file is empty")
    return ResultsImport(tuple(rows), tuple(errors.listed), tuple(warnings), errors.omitted)


class _Errors:
    def __init__(self) -> None:
        self.listed: list[RowError] = []
        self.omitted = 0

    @property
    def total(self) -> int:
        return len(self.listed) + self.omitted

    def add(self, error: RowError) -> None:
        if len(self.listed) < MAX_ERRORS:
            self.listed.append(error)
        else:
            self.omitted += 1


def _decode(data: str | bytes, warnings: list[RowError]) -> str | None:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    warnings.append(RowError(1, None, "the file is not UTF-8; read it as Windows-1252"))
    return text


def _fatal(message: str, warnings: Iterable[RowError] = ()) -> ResultsImport:
    return ResultsImport((), (RowError(1, None, message),), tuple(warnings))


def _header(record: list[str], warnings: list[RowError]) -> tuple[dict[str, int], int] | str:
    names = [cell.strip().lower() for cell in record]
    missing = [c for c in RESULT_COLUMNS if c not in names]
    if missing:
        expected = ",".join(RESULT_COLUMNS)
        return f"wrong header: missing column(s) {', '.join(missing)}; expected {expected}"
    duplicates = sorted({n for n in names if n and names.count(n) > 1})
    if duplicates:
        return f"wrong header: column(s) {', '.join(duplicates)} appear more than once"
    extra = [_show(n) for n in names if n not in RESULT_COLUMNS]
    if extra:
        warnings.append(RowError(1, None, f"extra column(s) ignored: {', '.join(extra)}"))
    return {name: names.index(name) for name in RESULT_COLUMNS}, len(names)


def _row(
    record: list[str],
    columns: dict[str, int],
    line: int,
    errors: _Errors,
    warnings: list[RowError],
) -> MysteryResult | None:
    values = {name: record[index].strip() for name, index in columns.items()}
    problems: list[RowError] = []

    def fail(field: str, message: str) -> None:
        problems.append(RowError(line, field, message))

    for name, value in values.items():
        if name != "remarks" and len(value) > MAX_FIELD:
            fail(name, f"longer than {MAX_FIELD} characters")
    if problems:
        for problem in problems:
            errors.add(problem)
        return None

    call_ref = values["call_ref"]
    if not call_ref:
        fail("call_ref", "empty")
    called_at = _datetime(values["called_at"], fail)
    answered = _YES_NO.get(values["answered"].lower())
    if answered is None:
        fail("answered", f"expected yes or no, got {_show(values['answered'])}")
    correct: Correct | None = None
    raw_correct = values["correct"].lower()
    if raw_correct:
        correct = _CORRECT.get(raw_correct)
        if correct is None:
            fail("correct", f"expected yes, no or partial, got {_show(values['correct'])}")
        elif answered is False:
            fail("correct", "must be empty when the call was not answered")
    elif answered:
        fail("correct", "required when the call was answered (yes, no or partial)")
    waited = _seconds(values["waited_seconds"], fail)
    if waited is None and answered and not values["waited_seconds"]:
        fail("waited_seconds", "required when the call was answered")
    remarks = values["remarks"]
    if len(remarks) > MAX_REMARKS:
        remarks = remarks[:MAX_REMARKS]
        warnings.append(RowError(line, "remarks", f"cut to {MAX_REMARKS} characters"))
    if problems or called_at is None or answered is None:
        for problem in problems:
            errors.add(problem)
        return None
    return MysteryResult(call_ref, called_at, answered, correct, waited, remarks, line)


def _datetime(value: str, fail: _Fail) -> datetime | None:
    if not value:
        fail("called_at", "empty")
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail("called_at", f"not an ISO 8601 date and time: {_show(value)}")
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        fail("called_at", f"needs a UTC offset, e.g. 2025-03-04T10:15:00+01:00: {_show(value)}")
        return None
    return moment


def _seconds(value: str, fail: _Fail) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value.replace(",", ".")) if value.count(",") <= 1 else math.nan
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        fail("waited_seconds", f"expected a number of seconds ≥ 0, got {_show(value)}")
        return None
    return seconds


def _show(value: str, limit: int = 40) -> str:
    """A value quoted for a message, shortened so a huge field cannot flood the report."""
    return repr(value if len(value) <= limit else value[:limit] + "…")
