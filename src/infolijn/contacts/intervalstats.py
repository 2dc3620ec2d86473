"""Telephony interval statistics: one canonical fact per queue and interval (pure: stdlib only).

Three inputs give the same ``QueueIntervalStat`` rows: the canonical CSV of
``docs/interval-statistics.md``, an Avaya CMS ``hsplit`` interval export and the JSON of a
Genesys Cloud conversation aggregates query. Every parser returns ``(rows, problems)``: good
rows are kept, each bad one is named by line and field with an English reason for the operator,
and no input (empty, binary, not UTF-8, huge lines) makes it raise.

Counts follow DESIGN §8 and keep numerators and denominators, never percentages:
``offered`` and ``abandoned`` include short abandons, which ``short_abandons`` counts apart, so a
KPI's offered calls are ``offered - short_abandons``. Whether storing a row is allowed is the
importer's business; this module only reads.

>>> rows, problems = parse_bytes(
...     b"source,queue,interval_start,interval_seconds,offered,answered,"
...     b"answered_within_threshold,threshold_seconds,abandoned,short_abandons,"
...     b"wait_seconds_sum,handle_seconds_sum\\n"
...     b"avaya-cms,101,2025-06-02T09:00:00+02:00,1800,10,9,8,20,1,0,95,2700\\n"
... )
>>> rows[0].interval_start.isoformat(), problems
('2025-06-02T07:00:00+00:00', [])
"""

import codecs
import csv
import datetime as dt
import enum
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from infolijn.contacts.problems import Problem

BRUSSELS = ZoneInfo("Europe/Brussels")
INTERVAL_LENGTHS = (900, 1800, 3600)
DEFAULT_THRESHOLD_SECONDS = 20
AVAYA_SOURCE = "avaya-cms"
GENESYS_SOURCE = "genesys-cloud"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 10_000
MAX_NAME_LENGTH = 200
MAX_PROBLEMS = 200
_UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)
_COUNT = re.compile(r"-?[0-9]{1,12}")
_DECIMAL = re.compile(r"-?[0-9]{1,12}(?:[.,][0-9]{1,17})?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

CANONICAL_COLUMNS = (
    "source",
    "queue",
    "interval_start",
    "interval_seconds",
    "offered",
    "answered",
    "answered_within_threshold",
    "threshold_seconds",
    "abandoned",
    "short_abandons",
    "wait_seconds_sum",
    "handle_seconds_sum",
    "abandon_wait_seconds_sum",
)
_CANONICAL_OPTIONAL = frozenset({"abandon_wait_seconds_sum"})
AVAYA_COLUMNS = (
    "row_date",
    "starttime",
    "intrvl",
    "split",
    "callsoffered",
    "acdcalls",
    "acceptable",
    "abncalls",
    "slvlabns",
    "anstime",
    "acdtime",
    "acwtime",
    "abntime",
)
_AVAYA_OPTIONAL = frozenset({"abntime"})


class Format(enum.Enum):
    CANONICAL = "canonical"
    AVAYA_HSPLIT = "avaya-hsplit"
    GENESYS_AGGREGATES = "genesys-aggregates"


@dataclass(frozen=True, slots=True)
class QueueIntervalStat:
    """What one queue saw in one interval; ``interval_start`` is aware, in UTC.

    Sums are seconds. ``wait_seconds_sum`` is the summed wait of the answered calls (ASA =
    wait_seconds_sum / answered); ``abandon_wait_seconds_sum`` is None when the source lacks it.
    """

    source: str
    queue: str
    interval_start: dt.datetime
    interval_seconds: int
    offered: int
    answered: int
    answered_within_threshold: int
    threshold_seconds: int
    abandoned: int
    short_abandons: int
    wait_seconds_sum: float
    handle_seconds_sum: float
    abandon_wait_seconds_sum: float | None = None

    def __post_init__(self) -> None:
        offset = self.interval_start.utcoffset()
        if offset is None or offset != dt.timedelta(0):
            raise ValueError(f"interval_start must be aware and in UTC: {self.interval_start!r}")
        if self.interval_seconds not in INTERVAL_LENGTHS:
            raise ValueError(f"interval_seconds must be one of {INTERVAL_LENGTHS}")

    @property
    def interval_end(self) -> dt.datetime:
        return self.interval_start + dt.timedelta(seconds=self.interval_seconds)

    @property
    def key(self) -> tuple[str, str, dt.datetime]:
        """The identity of the fact: re-importing the same key replaces, never adds."""
        return (self.source, self.queue, self.interval_start)


Parsed = tuple[list[QueueIntervalStat], list[Problem]]


# --- entry points ------------------------------------------------------------------------


def parse_file(
    path: str | Path,
    *,
    source: str | None = None,
    tz: dt.tzinfo | str = BRUSSELS,
    threshold_seconds: int = DEFAULT_THRESHOLD_SECONDS,
) -> Parsed:
    """Read ``path``, detect its format and parse it (see ``parse_bytes``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [Problem(0, "file", f"{size} bytes; at most {MAX_FILE_BYTES} allowed")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(0, "file", f"cannot be read: {exc.strerror or exc}")]
    return parse_bytes(data, source=source, tz=tz, threshold_seconds=threshold_seconds)


def parse_bytes(
    data: bytes,
    *,
    source: str | None = None,
    tz: dt.tzinfo | str = BRUSSELS,
    threshold_seconds: int = DEFAULT_THRESHOLD_SECONDS,
) -> Parsed:
    """Parse ``data`` in whichever format ``detect_format`` finds.

    ``source`` names the system the figures come from; for the canonical CSV, which names it per
    row, a row with another source is refused. ``tz`` is the zone of Avaya's local times;
    ``threshold_seconds`` the service-level threshold Avaya and Genesys files do not state.
    """
    kind = detect_format(data)
    if kind is Format.CANONICAL:
        return parse_canonical_csv(data, source=source)
    if kind is Format.AVAYA_HSPLIT:
        return parse_avaya_hsplit(
            data, source=source or AVAYA_SOURCE, tz=tz, threshold_seconds=threshold_seconds
        )
    if kind is Format.GENESYS_AGGREGATES:
        return parse_genesys_aggregates(
            data, source=source or GENESYS_SOURCE, threshold_seconds=threshold_seconds
        )
    if not data.strip(b" \t\r\n\x00").removeprefix(codecs.BOM_UTF8).strip():
        return [], [Problem(0, "file", "the file is empty")]
    return [], [
        Problem(
            1,
            "file",
            "not a known interval statistics format: expected the canonical CSV header, "
            "an Avaya CMS hsplit export (row_date, starttime, split, ...) or Genesys Cloud "
            'aggregates JSON ({"results": [...]})',
        )
    ]


def detect_format(data: bytes) -> Format | None:
    """The format of ``data`` judged from its start: JSON object, or the CSV header's names."""
    head = data[:MAX_LINE_BYTES].removeprefix(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"{"):
        return Format.GENESYS_AGGREGATES if b'"results"' in data else None
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    names = set(re.split(r"[,;\t|\s\"]+", first))
    if {"interval_start", "offered", "queue"} <= names:
        return Format.CANONICAL
    if {"row_date", "starttime", "split"} <= names:
        return Format.AVAYA_HSPLIT
    return None


# --- canonical CSV -------------------------------------------------------------------------


def parse_canonical_csv(data: bytes, *, source: str | None = None) -> Parsed:
    """Rows of the canonical CSV (``docs/interval-statistics.md``)."""
    lines, problems = _decode_lines(data)
    table = _table(lines, problems, CANONICAL_COLUMNS, _CANONICAL_OPTIONAL, (",", ";"), strict=True)
    if table is None:
        return [], _capped(problems)
    delimiter, records = table
    found: list[tuple[int, QueueIntervalStat]] = []
    for line, values in records:
        reader = _Fields(line, values, problems, decimal_comma=delimiter == ";")
        row_source = reader.name("source")
        if source is not None and row_source and row_source != source:
            reader.fail("source", f"{row_source!r} is not the expected source {source!r}")
        start = reader.moment("interval_start")
        length = reader.length("interval_seconds", 1)
        if start is not None and length:
            reader.aligned("interval_start", start, length)
        stat = reader.build(
            source=row_source, queue=reader.name("queue"), start=start, length=length
        )
        if stat is not None:
            found.append((line, stat))
    return _unique(found, problems)


def format_canonical_csv(rows: Iterable[QueueIntervalStat]) -> str:
    """``rows`` as canonical CSV text (comma-separated, UTC with ``Z``), header first."""
    out = [",".join(CANONICAL_COLUMNS)]
    for row in rows:
        values = [
            row.source,
            row.queue,
            row.interval_start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            *(str(getattr(row, name)) for name in CANONICAL_COLUMNS[3:10]),
            _seconds_text(row.wait_seconds_sum),
            _seconds_text(row.handle_seconds_sum),
            ""
            if row.abandon_wait_seconds_sum is None
            else _seconds_text(row.abandon_wait_seconds_sum),
        ]
        out.append(",".join(_csv_field(value) for value in values))
    return "\r\n".join(out) + "\r\n"


# --- Avaya CMS hsplit ----------------------------------------------------------------------


def parse_avaya_hsplit(
    data: bytes,
    *,
    source: str = AVAYA_SOURCE,
    tz: dt.tzinfo | str = BRUSSELS,
    threshold_seconds: int = DEFAULT_THRESHOLD_SECONDS,
    queue_names: Mapping[str, str] | None = None,
) -> Parsed:
    """Rows of an Avaya CMS split/skill interval export (``hsplit`` columns, any order).

    ``row_date`` + ``starttime`` are wall-clock times in ``tz``. A time in the spring-forward
    gap is refused. A time in the repeated autumn hour must appear twice for the same split and
    date: the first row in the file is the summer-time occurrence, the second the winter-time
    one; appearing only once it is refused as ambiguous.
    """
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    lines, problems = _decode_lines(data)
    delimiters = (",", ";", "\t", "|")
    table = _table(lines, problems, AVAYA_COLUMNS, _AVAYA_OPTIONAL, delimiters, strict=False)
    if table is None:
        return [], _capped(problems)
    delimiter, records = table
    pending: list[tuple[_Fields, str, dt.datetime | None, int]] = []
    seen: dict[tuple[str, dt.datetime], list[int]] = defaultdict(list)
    for line, values in records:
        reader = _Fields(line, values, problems, decimal_comma=delimiter == ";")
        local = reader.local_start()
        length = reader.length("intrvl", 60)
        split = reader.name("split")
        pending.append((reader, split, local, length))
        if local is not None:
            seen[(split, local)].append(line)
    found: list[tuple[int, QueueIntervalStat]] = []
    for reader, split, local, length in pending:
        start = None
        if local is not None:
            start = _from_local(reader, local, zone, seen[(split, local)])
        if start is not None and length:
            reader.aligned("starttime", start, length)
        stat = reader.build(
            source=source,
            queue=(queue_names or {}).get(split, split),
            start=start,
            length=length,
            threshold=threshold_seconds,
            columns=_AVAYA_MAPPING,
        )
        if stat is not None:
            found.append((reader.line, stat))
    return _unique(found, problems)


_AVAYA_MAPPING = {
    "offered": "callsoffered",
    "answered": "acdcalls",
    "answered_within_threshold": "acceptable",
    "abandoned": "abncalls",
    "short_abandons": "slvlabns",
    "wait_seconds_sum": "anstime",
    "handle_seconds_sum": "acdtime+acwtime",
    "abandon_wait_seconds_sum": "abntime",
}


def _from_local(
    reader: "_Fields", local: dt.datetime, zone: dt.tzinfo, lines: list[int]
) -> dt.datetime | None:
    """The UTC moment of a wall-clock time, by the rule in ``parse_avaya_hsplit``."""
    early, late = local.replace(tzinfo=zone, fold=0), local.replace(tzinfo=zone, fold=1)
    exists = [
        m
        for m in (early, late)
        if m.astimezone(_UTC).astimezone(zone).replace(tzinfo=None) == local
    ]
    if not exists:
        reader.fail("starttime", f"{local:%Y-%m-%d %H:%M} does not exist in {zone} (DST gap)")
        return None
    if early.utcoffset() == late.utcoffset():
        return early.astimezone(_UTC)
    if len(lines) != 2:
        reader.fail(
            "starttime",
            f"{local:%Y-%m-%d %H:%M} occurs twice in {zone} (DST end) but this split has "
            f"{len(lines)} row(s) for it (lines {', '.join(map(str, lines))}); expected two, "
            "the summer-time one first",
        )
        return None
    return (early if reader.line == lines[0] else late).astimezone(_UTC)


# --- Genesys Cloud aggregates --------------------------------------------------------------


def parse_genesys_aggregates(
    data: bytes,
    *,
    source: str = GENESYS_SOURCE,
    threshold_seconds: int = DEFAULT_THRESHOLD_SECONDS,
    media_type: str = "voice",
    queue_names: Mapping[str, str] | None = None,
    answered_within_metric: str = "oServiceLevel",
) -> Parsed:
    """Rows of a Genesys Cloud ``POST /api/v2/analytics/conversations/aggregates/query``
    response grouped by ``queueId`` (and ``mediaType``: groups of other media are skipped).

    Times are milliseconds. ``answered_within_metric`` is ``oServiceLevel`` (its numerator is
    used) or the name of a ``rangeBound`` view on ``tAnswered`` (its count is used).
    Genesys counts each metric in the interval its event happens in, so answered may exceed
    offered in an interval; only the checks that hold within one event's interval are made.
    """
    text, problems = _decode_json_text(data)
    if text is None:
        return [], problems
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(exc.lineno, "file", f"not valid JSON: {exc.msg}")]
    except RecursionError:
        return [], [Problem(0, "file", "not valid JSON: nested too deeply")]
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        return [], [Problem(1, "results", 'expected an object with a "results" list')]
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"interval"\s*:', text)]
    entries = [(i, d) for i, r in enumerate(results) for d in _list(r, "data")]
    if len(lines) != len(entries):
        lines = [0] * len(entries)
    found: list[tuple[int, QueueIntervalStat]] = []
    for (index, entry), line in zip(entries, lines, strict=True):
        where = f"results[{index}]"
        group = results[index].get("group") if isinstance(results[index], dict) else None
        group = group if isinstance(group, dict) else {}
        if group.get("mediaType", media_type) != media_type:
            continue
        queue_id = group.get("queueId")
        metrics = _genesys_metrics(entry)
        reader = _Fields(line, {"queueId": queue_id if isinstance(queue_id, str) else ""}, problems)
        reader.prefix = where + "."
        start, length = _genesys_interval(reader, entry)
        if start is not None and length:
            reader.aligned("interval", start, length)
        reader.values.update(_genesys_values(metrics))
        within = "numerator" if answered_within_metric == "oServiceLevel" else "count"
        within_path = f"{answered_within_metric}.{within}"
        reader.values[within_path] = _json_number(
            metrics.get(answered_within_metric, {}).get(within, 0)
        )
        if answered_within_metric not in metrics and reader.values["tAnswered.count"] != "0":
            reader.fail(
                answered_within_metric,
                "missing, but calls were answered: add it to the query's metrics",
            )
        queue = reader.name("queueId")
        stat = reader.build(
            source=source,
            queue=(queue_names or {}).get(queue, queue),
            start=start,
            length=length,
            threshold=threshold_seconds,
            columns={**_GENESYS_MAPPING, "answered_within_threshold": within_path},
            offer_interval=False,
        )
        if stat is not None:
            found.append((line, stat))
    return _unique(found, problems)


_GENESYS_MAPPING = {
    "offered": "nOffered.count",
    "answered": "tAnswered.count",
    "answered_within_threshold": "oServiceLevel.numerator",
    "abandoned": "tAbandon.count",
    "short_abandons": "tShortAbandon.count",
    "wait_seconds_sum": "tAnswered.sum",
    "handle_seconds_sum": "tHandle.sum",
    "abandon_wait_seconds_sum": "tAbandon.sum",
}


def _genesys_metrics(entry: Any) -> dict[str, dict[str, Any]]:
    metrics: dict[str, dict[str, Any]] = {}
    for item in _list(entry, "metrics"):
        if isinstance(item, dict) and isinstance(item.get("metric"), str):
            stats = item.get("stats")
            metrics[item["metric"]] = stats if isinstance(stats, dict) else {}
    return metrics


def _genesys_values(metrics: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Metric statistics as the text the field readers take; an absent metric is 0, and an
    absent ``tAbandon`` sum is left empty (no abandon wait)."""
    values: dict[str, str] = {}
    for name in ("nOffered", "tAnswered", "tAbandon", "tShortAbandon", "tHandle"):
        stats = metrics.get(name, {})
        values[f"{name}.count"] = _json_number(stats.get("count", 0))
        values[f"{name}.sum"] = _json_number(stats.get("sum", 0), scale=1000)
    if "tAbandon" not in metrics:
        values["tAbandon.sum"] = ""
    return values


def _json_number(value: Any, *, scale: int = 1) -> str:
    """A JSON number as text (milliseconds divided by ``scale``); anything else as its repr,
    which the field readers then refuse by name."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return repr(value)[:40]
    return _seconds_text(value / scale)


def _genesys_interval(reader: "_Fields", entry: Any) -> tuple[dt.datetime | None, int]:
    raw = entry.get("interval") if isinstance(entry, dict) else None
    if not isinstance(raw, str) or raw.count("/") != 1:
        reader.fail("interval", f"expected 'start/end' in ISO 8601, got {str(raw)[:80]!r}")
        return None, 0
    start, end = (reader.parse_moment("interval", part) for part in raw.split("/"))
    if start is None or end is None:
        return None, 0
    seconds = (end - start).total_seconds()
    if seconds not in INTERVAL_LENGTHS:
        reader.fail("interval", f"lasts {seconds:g} s; expected 900, 1800 or 3600 (granularity)")
        return None, 0
    return start, int(seconds)


# --- daily totals and missing intervals ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyTotal:
    """One queue's figures over one local date (a 23- or 25-hour day at DST changes)."""

    source: str
    queue: str
    date: dt.date
    day_seconds: int
    intervals: int
    covered_seconds: int
    offered: int
    answered: int
    answered_within_threshold: int
    threshold_seconds: int | None  # None when the day's rows used different thresholds
    abandoned: int
    short_abandons: int
    wait_seconds_sum: float
    handle_seconds_sum: float
    abandon_wait_seconds_sum: float | None

    @property
    def kpi_offered(self) -> int:
        """Offered calls of DESIGN §8: short abandons left out."""
        return self.offered - self.short_abandons

    @property
    def service_level(self) -> float | None:
        offered = self.kpi_offered
        if not offered or self.threshold_seconds is None:
            return None
        return self.answered_within_threshold / offered

    @property
    def abandonment_rate(self) -> float | None:
        offered = self.kpi_offered
        return (self.abandoned - self.short_abandons) / offered if offered else None

    @property
    def asa(self) -> float | None:
        return self.wait_seconds_sum / self.answered if self.answered else None


def daily_totals(
    rows: Iterable[QueueIntervalStat], *, tz: dt.tzinfo | str = BRUSSELS
) -> list[DailyTotal]:
    """Totals per (source, queue, local date of the interval start), sorted by that key."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    groups: dict[tuple[str, str, dt.date], list[QueueIntervalStat]] = defaultdict(list)
    for row in rows:
        groups[(row.source, row.queue, row.interval_start.astimezone(zone).date())].append(row)
    totals = []
    for (source, queue, day), items in sorted(groups.items()):
        thresholds = {row.threshold_seconds for row in items}
        abandon_waits = [row.abandon_wait_seconds_sum for row in items]
        totals.append(
            DailyTotal(
                source=source,
                queue=queue,
                date=day,
                day_seconds=local_day_seconds(day, tz=zone),
                intervals=len(items),
                covered_seconds=sum(row.interval_seconds for row in items),
                offered=sum(row.offered for row in items),
                answered=sum(row.answered for row in items),
                answered_within_threshold=sum(row.answered_within_threshold for row in items),
                threshold_seconds=thresholds.pop() if len(thresholds) == 1 else None,
                abandoned=sum(row.abandoned for row in items),
                short_abandons=sum(row.short_abandons for row in items),
                wait_seconds_sum=math.fsum(row.wait_seconds_sum for row in items),
                handle_seconds_sum=math.fsum(row.handle_seconds_sum for row in items),
                abandon_wait_seconds_sum=(
                    None if None in abandon_waits else math.fsum(w or 0.0 for w in abandon_waits)
                ),
            )
        )
    return totals


def local_day_seconds(day: dt.date, *, tz: dt.tzinfo | str = BRUSSELS) -> int:
    """How long ``day`` lasts in ``tz``: 86400, or 82800/90000 on DST change days."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return int(
        (
            _local_to_utc(day + dt.timedelta(days=1), dt.time(0), zone)
            - _local_to_utc(day, dt.time(0), zone)
        ).total_seconds()
    )


def expected_interval_starts(
    day: dt.date,
    *,
    opens: dt.time,
    closes: dt.time,
    interval_seconds: int = 1800,
    tz: dt.tzinfo | str = BRUSSELS,
) -> list[dt.datetime]:
    """UTC starts of the intervals from ``opens`` to ``closes`` (wall-clock, ``closes`` excluded;
    ``closes=time(0)`` is midnight at the end of the day) on ``day`` in ``tz``.

    Steps are in elapsed time, so a window over a DST change has one interval per real
    half-hour; a wall time in the spring gap moves forward, one in the autumn fold is the first.
    """
    if interval_seconds not in INTERVAL_LENGTHS:
        raise ValueError(f"interval_seconds must be one of {INTERVAL_LENGTHS}")
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    start = _local_to_utc(day, opens, zone)
    end_day = day + dt.timedelta(days=1) if closes == dt.time(0) else day
    end = _local_to_utc(end_day, closes, zone)
    if end <= start:
        raise ValueError(f"closes ({closes}) must be after opens ({opens})")
    step = dt.timedelta(seconds=interval_seconds)
    starts = []
    while start < end:
        starts.append(start)
        start += step
    return starts


def missing_intervals(
    rows: Iterable[QueueIntervalStat],
    *,
    queue: str,
    expected: Iterable[dt.datetime],
    source: str | None = None,
) -> list[dt.datetime]:
    """The ``expected`` starts (aware) that no row of ``queue`` (and ``source``) covers,
    in UTC and sorted. A start is covered when a row's interval contains it."""
    covered: set[dt.datetime] = set()
    spans = []
    for row in rows:
        if row.queue == queue and (source is None or row.source == source):
            covered.add(row.interval_start)
            spans.append((row.interval_start, row.interval_end))
    gaps = []
    for moment in expected:
        if moment.utcoffset() is None:
            raise ValueError(f"expected starts must be aware, got {moment!r}")
        at = moment.astimezone(_UTC)
        if at not in covered and not any(begin <= at < end for begin, end in spans):
            gaps.append(at)
    return sorted(set(gaps))


# --- shared reading ------------------------------------------------------------------------


@dataclass(slots=True)
class _Fields:
    """Typed values of one record; every problem is added to ``problems`` under ``line``."""

    line: int
    values: dict[str, str]
    problems: list[Problem]
    decimal_comma: bool = False
    failed: bool = False
    prefix: str = ""
    _reported: set[str] = field(default_factory=set)

    def fail(self, name: str, problem: str) -> None:
        self.failed = True
        if name not in self._reported:  # one problem per field is enough
            self._reported.add(name)
            self.problems.append(Problem(self.line, self.prefix + name, problem))

    def name(self, name: str) -> str:
        value = self.values.get(name, "").strip()
        if not value:
            self.fail(name, "required, but empty")
        elif len(value) > MAX_NAME_LENGTH:
            self.fail(name, f"too long ({len(value)} characters; at most {MAX_NAME_LENGTH})")
        elif _CONTROL.search(value):
            self.fail(name, "contains control characters")
        return value

    def number(self, name: str, *, whole: bool) -> float:
        total = 0.0
        for part in name.split("+"):  # "acdtime+acwtime": the sum of two columns
            raw = self.values.get(part, "").strip()
            pattern = _COUNT if whole else _DECIMAL
            if not raw:
                self.fail(part, "required, but empty")
            elif not pattern.fullmatch(raw) or ("," in raw and not self.decimal_comma):
                kind = "a whole number" if whole else "a number of seconds"
                self.fail(part, f"{raw[:40]!r} is not {kind}")
            elif raw.startswith("-"):
                self.fail(part, f"must not be negative, got {raw}")
            else:
                total += float(raw.replace(",", "."))
        return total

    def length(self, name: str, unit: int) -> int:
        reported = len(self._reported)
        value = int(self.number(name, whole=True)) * unit
        if len(self._reported) > reported:
            return 0
        if value not in INTERVAL_LENGTHS:
            allowed = ", ".join(str(n // unit) for n in INTERVAL_LENGTHS)
            self.fail(name, f"{value // unit} is not an interval length; expected {allowed}")
            return 0
        return value

    def parse_moment(self, name: str, raw: str) -> dt.datetime | None:
        try:
            moment = dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            self.fail(name, f"{raw[:60]!r} is not an ISO 8601 date and time")
            return None
        if moment.utcoffset() is None:
            self.fail(name, f"{raw[:60]!r} has no UTC offset (add Z or e.g. +02:00)")
            return None
        return moment.astimezone(_UTC)

    def moment(self, name: str) -> dt.datetime | None:
        raw = self.values.get(name, "")
        if not raw.strip():
            self.fail(name, "required, but empty")
            return None
        return self.parse_moment(name, raw)

    def local_start(self) -> dt.datetime | None:
        """Avaya's ``row_date`` + ``starttime`` (HHMM, or HH:MM) as a naive wall-clock time."""
        raw_date, raw_time = self.values["row_date"].strip(), self.values["starttime"].strip()
        day = _avaya_date(raw_date)
        if day is None:
            self.fail(
                "row_date", f"{raw_date[:40]!r} is not a date (YYYY-MM-DD, YYYYMMDD or MM/DD/YY)"
            )
        digits = raw_time.replace(":", "") if re.fullmatch(r"\d{1,2}:\d{2}", raw_time) else raw_time
        if (
            not re.fullmatch(r"[0-9]{1,4}", digits)
            or int(digits) // 100 > 23
            or int(digits) % 100 > 59
        ):
            self.fail("starttime", f"{raw_time[:40]!r} is not a time of day as HHMM")
            return None
        if day is None:
            return None
        return dt.datetime.combine(day, dt.time(int(digits) // 100, int(digits) % 100))

    def aligned(self, name: str, start: dt.datetime, seconds: int) -> None:
        if (start - _EPOCH) % dt.timedelta(seconds=seconds):
            self.fail(
                name,
                f"{start:%Y-%m-%dT%H:%M:%S}Z is not aligned with its {seconds // 60}-minute "
                f"interval (it must start at a multiple of {seconds // 60} minutes)",
            )

    def build(
        self,
        *,
        source: str,
        queue: str,
        start: dt.datetime | None,
        length: int,
        threshold: int | None = None,
        columns: Mapping[str, str] | None = None,
        offer_interval: bool = True,
    ) -> QueueIntervalStat | None:
        """The row, or None after reporting every problem in it."""
        columns = columns or {}

        def count(name: str) -> int:
            return int(self.number(columns.get(name, name), whole=True))

        def seconds(name: str) -> float:
            return self.number(columns.get(name, name), whole=False)

        reported = len(self._reported)
        offered, answered, within = (
            count("offered"),
            count("answered"),
            count("answered_within_threshold"),
        )
        abandoned, short = count("abandoned"), count("short_abandons")
        if threshold is None:
            threshold = count("threshold_seconds")
        waits, handle = seconds("wait_seconds_sum"), seconds("handle_seconds_sum")
        abandon_column = columns.get("abandon_wait_seconds_sum", "abandon_wait_seconds_sum")
        abandon_wait = (
            seconds("abandon_wait_seconds_sum")
            if self.values.get(abandon_column, "").strip()
            else None
        )
        if len(self._reported) > reported:
            pass  # a count is unreadable: comparing the others would only add noise
        elif offer_interval and answered > offered:
            self.fail(
                columns.get("answered", "answered"),
                f"answered ({answered}) is more than offered ({offered})",
            )
        elif offer_interval and answered + abandoned > offered:
            self.fail(
                columns.get("abandoned", "abandoned"),
                f"answered ({answered}) + abandoned ({abandoned}) is more than offered ({offered})",
            )
        if len(self._reported) > reported:
            pass
        elif within > answered:
            self.fail(
                columns.get("answered_within_threshold", "answered_within_threshold"),
                f"answered within the threshold ({within}) is more than answered ({answered})",
            )
        if len(self._reported) > reported:
            pass
        elif short > abandoned:
            self.fail(
                columns.get("short_abandons", "short_abandons"),
                f"short abandons ({short}) are more than abandoned ({abandoned})",
            )
        if self.failed or start is None or not length:
            return None
        return QueueIntervalStat(
            source=source,
            queue=queue,
            interval_start=start,
            interval_seconds=length,
            offered=offered,
            answered=answered,
            answered_within_threshold=within,
            threshold_seconds=threshold,
            abandoned=abandoned,
            short_abandons=short,
            wait_seconds_sum=waits,
            handle_seconds_sum=handle,
            abandon_wait_seconds_sum=abandon_wait,
        )


def _decode_json_text(data: bytes) -> tuple[str | None, list[Problem]]:
    """The whole file as text (JSON may be one huge line), or the problem that stops it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(1, "file", "the file is UTF-16 text; save it as UTF-8 and try again")]
    data = data.removeprefix(codecs.BOM_UTF8)
    if not data.strip():
        return None, [Problem(0, "file", "the file is empty")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex()
        return None, [Problem(line, "file", f"not UTF-8 text (byte 0x{byte}); save it as UTF-8")]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [Problem(line, "file", "contains a NUL byte (binary data?)")]
    return text, []


def _decode_lines(data: bytes) -> tuple[list[str | None], list[Problem]]:
    """The file's lines as text; a line that is not text is None, with its problem reported."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [], [Problem(1, "file", "the file is UTF-16 text; save it as UTF-8 and try again")]
    data = data.removeprefix(codecs.BOM_UTF8)
    if not data.strip():
        return [], [Problem(0, "file", "the file is empty")]
    lines: list[str | None] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        text: str | None = None
        if len(raw) > MAX_LINE_BYTES:
            problems.append(
                Problem(number, "line", f"{len(raw)} bytes long; at most {MAX_LINE_BYTES} allowed")
            )
        elif b"\x00" in raw:
            problems.append(Problem(number, "line", "contains a NUL byte (binary data?)"))
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = raw[exc.start : exc.start + 1].hex()
                problems.append(
                    Problem(
                        number,
                        "line",
                        f"not UTF-8 text (byte 0x{byte} at column {exc.start + 1}); "
                        "save the file as UTF-8 and try again",
                    )
                )
        lines.append(text)
    return lines, problems


Records = list[tuple[int, dict[str, str]]]


def _table(
    lines: list[str | None],
    problems: list[Problem],
    columns: tuple[str, ...],
    optional: frozenset[str],
    delimiters: tuple[str, ...],
    *,
    strict: bool,
) -> tuple[str, Records] | None:
    """Delimiter and records of a one-record-per-line table, or None when its
    header is unusable. The canonical CSV refuses unknown columns; exports ignore them."""
    header_at = next((i for i, line in enumerate(lines) if line is None or line.strip()), None)
    if header_at is None:  # _decode_lines has said why (empty, UTF-16)
        return None
    header_line = header_at + 1
    if lines[header_at] is None:
        problems.append(Problem(header_line, "header", "unreadable, so nothing can be read"))
        return None

    def names(delimiter: str) -> list[str]:
        return [name.strip().lower() for name in (_split(lines[header_at] or "", delimiter) or [])]

    delimiter = max(delimiters, key=lambda d: sum(name in columns for name in names(d)))
    header = names(delimiter)
    missing = [name for name in columns if name not in header and name not in optional]
    unknown = [name for name in header if name not in columns] if strict else []
    doubled = sorted({name for name in header if header.count(name) > 1 and name in columns})
    if missing or unknown or doubled:
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s) " + ", ".join(repr(name[:40]) for name in unknown))
        if doubled:
            parts.append("repeated column(s) " + ", ".join(doubled))
        problems.append(Problem(header_line, "header", "; ".join(parts)))
        return None
    records: Records = []
    for number, line in enumerate(lines[header_at + 1 :], start=header_line + 1):
        if line is None or not line.strip(" \t" + delimiter):
            continue
        fields = _split(line, delimiter)
        if fields is None:
            problems.append(Problem(number, "line", "not valid CSV (a stray or unclosed quote)"))
        elif len(fields) != len(header):
            problems.append(
                Problem(number, "line", f"expected {len(header)} fields, found {len(fields)}")
            )
        else:
            records.append((number, dict(zip(header, fields, strict=True))))
    return delimiter, records


def _split(line: str, delimiter: str) -> list[str] | None:
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True), [])
    except csv.Error:
        return None


def _unique(found: list[tuple[int, QueueIntervalStat]], problems: list[Problem]) -> Parsed:
    """Drop repeated keys: an exact repeat is reported and the first kept; conflicting rows
    for one key are all refused, since which one is right cannot be told."""
    by_key: dict[tuple[str, str, dt.datetime], list[tuple[int, QueueIntervalStat]]] = defaultdict(
        list
    )
    for line, row in found:
        by_key[row.key].append((line, row))
    rows = []
    for line, row in found:
        same = by_key[row.key]
        first_line, first = same[0]
        if len(same) == 1:
            rows.append(row)
        elif all(other == first for _, other in same):
            if line == first_line:
                rows.append(row)
            else:
                problems.append(
                    Problem(
                        line,
                        "row",
                        f"repeats line {first_line} (same source, queue and interval start); "
                        "ignored",
                    )
                )
        else:
            others = ", ".join(str(n) for n, _ in same if n != line)
            problems.append(
                Problem(
                    line,
                    "row",
                    f"conflicts with line(s) {others}: same source, queue and interval start "
                    "with other figures; none of them imported",
                )
            )
    return rows, _capped(problems)


def _capped(problems: list[Problem]) -> list[Problem]:
    problems = sorted(problems, key=lambda p: p.line)
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(0, "file", f"{rest} more problem(s) not shown")]


def _avaya_date(raw: str) -> dt.date | None:
    formats = ("%Y-%m-%d", "%Y%m%d", "%m/%d/%y", "%m/%d/%Y")
    for fmt in formats:
        try:
            return dt.datetime.strptime(raw, fmt).date()  # noqa: DTZ007 (a date, no zone)
        except ValueError:
            continue
    return None


def _local_to_utc(day: dt.date, time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    # Round trip through UTC: a wall time in the spring gap moves forward; fold 0 is first.
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(_UTC)


def _list(container: Any, key: str) -> list[Any]:
    value = container.get(key) if isinstance(container, dict) else None
    return value if isinstance(value, list) else []


def _seconds_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _csv_field(value: str) -> str:
    return f'"{value.replace(chr(34), chr(34) * 2)}"' if re.search(r'[",;\r\n]', value) else value
