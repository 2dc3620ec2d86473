"""Reading a volume history CSV (DESIGN §7.4) into a clean, sorted series.

    timestamp,count
    2026-03-02,1234                  daily: a local date
    2026-03-02T08:30,57              intraday: local wall-clock start of the interval
    2026-03-02T08:30:00,57           (seconds allowed; the output keeps the input's form)

Every problem raises :class:`HistoryError` with a message naming the file and line.
Rows may come in any order; they are sorted here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path

DATE_FORMAT = "%Y-%m-%d"
MINUTE_FORMAT = "%Y-%m-%dT%H:%M"
SECOND_FORMAT = "%Y-%m-%dT%H:%M:%S"


class HistoryError(ValueError):
    """The history file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class History:
    """A volume history: sorted unique timestamps (naive local) and their counts.

    ``daily`` histories hold midnight datetimes; ``time_format`` is the strftime format the
    input used, so forecasts can be written back in the same form.
    """

    timestamps: tuple[dt.datetime, ...]
    counts: tuple[float, ...]
    daily: bool
    time_format: str
    source: str = "<history>"


def read_history(path: str | Path) -> History:
    """Read a history file; see the module docstring for the format."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise HistoryError(f"{name}: cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise HistoryError(f"{name}: the file is not UTF-8 text") from None
    return parse_history(text, source=name)


def parse_history(text: str, *, source: str = "<history>") -> History:
    """Parse the CSV text of a history (header ``timestamp,count``)."""
    rows = [(number, row) for number, row in enumerate(csv.reader(io.StringIO(text)), 1) if row]
    if not rows:
        raise HistoryError(f"{source}: the file is empty (expected a header 'timestamp,count')")
    header_line, header = rows[0]
    if [cell.strip().lower() for cell in header] != ["timestamp", "count"]:
        raise HistoryError(
            f"{source}, line {header_line}: expected the header 'timestamp,count', "
            f"got {','.join(header)!r}"
        )
    if len(rows) == 1:
        raise HistoryError(f"{source}: the file has a header but no data rows")
    seen: dict[dt.datetime, int] = {}
    values: list[tuple[dt.datetime, float]] = []
    kind: tuple[bool, str] | None = None
    kind_line = 0
    for line, row in rows[1:]:
        where = f"{source}, line {line}"
        if len(row) != 2:
            raise HistoryError(f"{where}: expected 2 fields (timestamp,count), got {len(row)}")
        stamp, this_kind = _parse_timestamp(row[0].strip(), where)
        if kind is None:
            kind, kind_line = this_kind, line
        elif this_kind[0] != kind[0]:
            raise HistoryError(
                f"{where}: mixes daily dates and intraday datetimes "
                f"(line {kind_line} is {'a date' if kind[0] else 'a datetime'})"
            )
        count = _parse_count(row[1].strip(), where)
        if stamp in seen:
            raise HistoryError(
                f"{where}: duplicate timestamp {row[0].strip()} (first on line {seen[stamp]})"
            )
        seen[stamp] = line
        values.append((stamp, count))
    assert kind is not None
    values.sort()
    daily, time_format = kind
    return History(
        timestamps=tuple(stamp for stamp, _ in values),
        counts=tuple(count for _, count in values),
        daily=daily,
        time_format=time_format,
        source=source,
    )


def _parse_timestamp(text: str, where: str) -> tuple[dt.datetime, tuple[bool, str]]:
    for fmt, daily in ((DATE_FORMAT, True), (MINUTE_FORMAT, False), (SECOND_FORMAT, False)):
        try:
            stamp = dt.datetime.strptime(text, fmt)  # noqa: DTZ007 - naive local wall clock
        except ValueError:
            continue
        return stamp, (daily, fmt)
    raise HistoryError(
        f"{where}: bad timestamp {text!r} (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM "
        "or YYYY-MM-DDTHH:MM:SS, local time without offset)"
    )


def _parse_count(text: str, where: str) -> float:
    try:
        count = float(text)
    except ValueError:
        raise HistoryError(f"{where}: count {text!r} is not a number") from None
    if not math.isfinite(count):
        raise HistoryError(f"{where}: count {text!r} is not a finite number")
    if count < 0:
        raise HistoryError(f"{where}: count {text!r} is negative")
    return count
