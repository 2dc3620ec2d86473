"""Telephony interval statistics (``infolijn.contacts.intervalstats``): pure, no database."""

import datetime as dt
import json
from pathlib import Path

import pytest

from infolijn.contacts.intervalstats import (
    BRUSSELS,
    MAX_LINE_BYTES,
    MAX_PROBLEMS,
    Format,
    Problem,
    QueueIntervalStat,
    daily_totals,
    detect_format,
    expected_interval_starts,
    format_canonical_csv,
    local_day_seconds,
    missing_intervals,
    parse_avaya_hsplit,
    parse_bytes,
    parse_canonical_csv,
    parse_file,
    parse_genesys_aggregates,
)

DATA = Path(__file__).parent / "intervaldata"
HEADER = (
    "source,queue,interval_start,interval_seconds,offered,answered,answered_within_threshold,"
    "threshold_seconds,abandoned,short_abandons,wait_seconds_sum,handle_seconds_sum"
)
GOOD = "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,2,1,64,2400"
AVAYA_HEADER = (
    "row_date,starttime,intrvl,split,callsoffered,acdcalls,acceptable,abncalls,slvlabns,"
    "anstime,acdtime,acwtime,abntime"
)
ALGEMEEN = "6b3f1c2e-8a4d-4f0b-9e21-5c7a3d9b1f10"
GROEIPAKKET = "0d9e5a77-2c41-4b8e-a3f6-91e2b7c4d5a8"


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def csv_bytes(*lines: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *lines]).encode()


def stat(**changes: object) -> QueueIntervalStat:
    values: dict[str, object] = {
        "source": "avaya-cms",
        "queue": "101",
        "interval_start": utc("2025-06-02 07:00"),
        "interval_seconds": 1800,
        "offered": 10,
        "answered": 8,
        "answered_within_threshold": 6,
        "threshold_seconds": 20,
        "abandoned": 2,
        "short_abandons": 1,
        "wait_seconds_sum": 64.0,
        "handle_seconds_sum": 2400.0,
        "abandon_wait_seconds_sum": None,
    }
    values.update(changes)
    return QueueIntervalStat(**values)  # type: ignore[arg-type]


def starts(rows: list[QueueIntervalStat]) -> list[str]:
    return [row.interval_start.strftime("%m-%d %H:%M") for row in rows]


# --- canonical CSV -------------------------------------------------------------------------


def test_the_canonical_sample_gives_utc_rows_with_optional_abandon_wait():
    rows, problems = parse_file(DATA / "canonical-2025-06-02.csv")
    assert problems == []
    assert rows[0] == QueueIntervalStat(
        source="avaya-cms",
        queue="1700-algemeen",
        interval_start=utc("2025-06-02 07:00"),
        interval_seconds=1800,
        offered=42,
        answered=38,
        answered_within_threshold=31,
        threshold_seconds=20,
        abandoned=4,
        short_abandons=1,
        wait_seconds_sum=512.0,
        handle_seconds_sum=11780.0,
        abandon_wait_seconds_sum=96.5,
    )
    # 09:30+02:00 is 07:30 UTC; an empty optional column is None; quotes keep the comma.
    assert rows[1].interval_start == utc("2025-06-02 07:30")
    assert rows[2].abandon_wait_seconds_sum is None
    assert [row.queue for row in rows] == [
        "1700-algemeen",
        "1700-algemeen",
        "1700-groeipakket",
        "Belastingen, aangifte",
    ]
    assert rows[3].interval_seconds == 3600


def test_semicolons_a_bom_and_decimal_commas_are_read_and_offsets_tell_the_autumn_fold():
    rows, problems = parse_file(DATA / "canonical-semicolon-bom.csv")
    assert problems == []
    assert [row.interval_start for row in rows] == [
        utc("2025-10-26 00:00"),  # 02:00+02:00, first time round
        utc("2025-10-26 01:00"),  # 02:00+01:00, second time round
    ]
    assert rows[0].queue == "Groeipakket – geboorte"
    assert (rows[1].wait_seconds_sum, rows[1].handle_seconds_sum) == (12.5, 840.25)


def test_a_decimal_comma_in_a_comma_separated_file_is_a_field_count_problem():
    rows, problems = parse_canonical_csv(
        csv_bytes("avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,2,1,64,5,2400")
    )
    assert rows == []
    assert problems == [Problem(2, "line", "expected 12 fields, found 13")]


@pytest.mark.parametrize(
    ("line", "field", "problem"),
    [
        (
            "avaya-cms,101,2025-06-02 09:00,1800,10,8,6,20,2,1,64,2400",
            "interval_start",
            "'2025-06-02 09:00' has no UTC offset (add Z or e.g. +02:00)",
        ),
        (
            "avaya-cms,101,2 juni 2025,1800,10,8,6,20,2,1,64,2400",
            "interval_start",
            "'2 juni 2025' is not an ISO 8601 date and time",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,-3,8,6,20,2,1,64,2400",
            "offered",
            "must not be negative, got -3",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,2,1,-0.5,2400",
            "wait_seconds_sum",
            "must not be negative, got -0.5",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8.5,6,20,2,1,64,2400",
            "answered",
            "'8.5' is not a whole number",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,12,6,20,0,0,64,2400",
            "answered",
            "answered (12) is more than offered (10)",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,3,1,64,2400",
            "abandoned",
            "answered (8) + abandoned (3) is more than offered (10)",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,9,20,2,1,64,2400",
            "answered_within_threshold",
            "answered within the threshold (9) is more than answered (8)",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,2,3,64,2400",
            "short_abandons",
            "short abandons (3) are more than abandoned (2)",
        ),
        (
            "avaya-cms,101,2025-06-02T07:15:00Z,1800,10,8,6,20,2,1,64,2400",
            "interval_start",
            "2025-06-02T07:15:00Z is not aligned with its 30-minute interval "
            "(it must start at a multiple of 30 minutes)",
        ),
        (
            "avaya-cms,101,2025-06-02T07:00:00Z,600,10,8,6,20,2,1,64,2400",
            "interval_seconds",
            "600 is not an interval length; expected 900, 1800, 3600",
        ),
        (
            "avaya-cms,,2025-06-02T07:00:00Z,1800,10,8,6,20,2,1,64,2400",
            "queue",
            "required, but empty",
        ),
        (
            'avaya-cms,101,2025-06-02T07:00:00Z,1800,10,8,6,20,2,1,64,"2400',
            "line",
            "not valid CSV (a stray or unclosed quote)",
        ),
    ],
)
def test_each_bad_row_is_named_by_line_and_field_and_the_good_ones_are_kept(line, field, problem):
    rows, problems = parse_canonical_csv(csv_bytes(GOOD, "", line))
    assert problems == [Problem(4, field, problem)]
    assert rows == [stat()]


def test_every_problem_of_one_row_is_reported_once_per_field():
    _, problems = parse_canonical_csv(
        csv_bytes("avaya-cms,101,gisteren,1800,x,-1,6,20,2,1,64,2400")
    )
    assert [(p.line, p.field) for p in problems] == [
        (2, "interval_start"),
        (2, "offered"),
        (2, "answered"),
    ]


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (
            HEADER.replace(",short_abandons", ""),
            "missing column(s) short_abandons",
        ),
        (
            HEADER + ",abandon_wait_sum",
            "unknown column(s) 'abandon_wait_sum'",
        ),
        (
            HEADER + ",queue",
            "repeated column(s) queue",
        ),
    ],
)
def test_a_bad_header_refuses_the_whole_file(header, problem):
    rows, problems = parse_canonical_csv(csv_bytes(GOOD, header=header))
    assert (rows, problems) == ([], [Problem(1, "header", problem)])


def test_columns_may_come_in_any_order_and_the_header_in_any_case():
    names = HEADER.split(",")
    values = GOOD.split(",")
    header = ",".join(reversed(names)).upper()
    rows, problems = parse_canonical_csv(csv_bytes(",".join(reversed(values)), header=header))
    assert (rows, problems) == ([stat()], [])


def test_an_exact_repeat_is_reported_and_the_first_kept():
    rows, problems = parse_canonical_csv(csv_bytes(GOOD, GOOD))
    assert rows == [stat()]
    assert problems == [
        Problem(3, "row", "repeats line 2 (same source, queue and interval start); ignored")
    ]


def test_conflicting_rows_for_one_interval_are_all_refused():
    other = GOOD.replace(",10,8,", ",11,8,")
    same_moment = "avaya-cms,101,2025-06-02T09:00:00+02:00,1800,10,8,6,20,2,1,64,2400"
    rows, problems = parse_canonical_csv(csv_bytes(GOOD, other, same_moment))
    assert rows == []
    assert [(p.line, p.problem.split(":")[0]) for p in problems] == [
        (2, "conflicts with line(s) 3, 4"),
        (3, "conflicts with line(s) 2, 4"),
        (4, "conflicts with line(s) 2, 3"),
    ]


def test_the_expected_source_is_enforced_on_canonical_rows():
    rows, problems = parse_canonical_csv(csv_bytes(GOOD), source="genesys-cloud")
    assert rows == []
    assert problems == [
        Problem(2, "source", "'avaya-cms' is not the expected source 'genesys-cloud'")
    ]


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_one_clear_problem(data):
    assert parse_bytes(data) == ([], [Problem(0, "file", "the file is empty")])
    assert parse_canonical_csv(data) == ([], [Problem(0, "file", "the file is empty")])


def test_utf16_is_refused_with_a_hint():
    data = csv_bytes(GOOD).decode().encode("utf-16")
    assert parse_canonical_csv(data) == (
        [],
        [Problem(1, "file", "the file is UTF-16 text; save it as UTF-8 and try again")],
    )


def test_a_latin1_line_is_named_and_the_utf8_lines_are_kept():
    latin = "avaya-cms,Café,2025-06-02T07:00:00Z,1800,1,1,1,20,0,0,5,300".encode("latin-1")
    rows, problems = parse_canonical_csv(csv_bytes(GOOD) + b"\n" + latin)
    assert rows == [stat()]
    assert problems == [
        Problem(
            3,
            "line",
            "not UTF-8 text (byte 0xe9 at column 14); save the file as UTF-8 and try again",
        )
    ]


def test_a_header_only_file_has_no_rows_and_no_problems():
    assert parse_canonical_csv(csv_bytes()) == ([], [])


# --- hostile input -------------------------------------------------------------------------


def test_html_in_a_queue_name_is_kept_as_plain_text():
    line = 'avaya-cms,"<script>alert(1)</script> & <b>Wonen</b>",2025-06-02T07:00:00Z,1800,1,1,1,20,0,0,5,300'
    rows, problems = parse_canonical_csv(csv_bytes(line))
    assert problems == []
    assert rows[0].queue == "<script>alert(1)</script> & <b>Wonen</b>"


def test_a_huge_line_is_refused_without_reading_it_as_csv():
    huge = "avaya-cms," + "x" * (MAX_LINE_BYTES + 1) + ",2025-06-02T07:00:00Z"
    rows, problems = parse_canonical_csv(csv_bytes(huge, GOOD))
    assert rows == [stat()]
    assert problems == [
        Problem(2, "line", f"{len(huge)} bytes long; at most {MAX_LINE_BYTES} allowed")
    ]


def test_a_long_queue_name_and_control_characters_are_refused():
    long_name = GOOD.replace(",101,", "," + "q" * 201 + ",")
    control = GOOD.replace(",101,", ",10\x1b1,")
    _, problems = parse_canonical_csv(csv_bytes(long_name, control))
    assert problems == [
        Problem(2, "queue", "too long (201 characters; at most 200)"),
        Problem(3, "queue", "contains control characters"),
    ]


def test_nul_bytes_are_reported_per_line():
    data = csv_bytes(GOOD.replace("101", "1\x0001"), GOOD.replace(",101,", ",102,"))
    rows, problems = parse_bytes(data)
    assert [row.queue for row in rows] == ["102"]
    assert problems == [Problem(2, "line", "contains a NUL byte (binary data?)")]


def test_binary_garbage_is_not_a_known_format_and_does_not_raise():
    garbage = bytes(range(256)) * 40
    assert detect_format(garbage) is None
    rows, problems = parse_bytes(garbage)
    assert rows == []
    assert [p.field for p in problems] == ["file"]


def test_a_flood_of_bad_lines_gives_a_bounded_report():
    rows, problems = parse_canonical_csv(csv_bytes(*["not,a,row"] * (MAX_PROBLEMS + 50)))
    assert rows == []
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == Problem(0, "file", "50 more problem(s) not shown")


def test_parsing_twice_gives_the_same_rows_and_a_round_trip_through_csv_too():
    data = (DATA / "avaya-hsplit-autumn-2025-10-26.txt").read_bytes()
    first, second = parse_bytes(data), parse_bytes(data)
    assert first == second
    rows = first[0]
    again, problems = parse_canonical_csv(format_canonical_csv(rows).encode())
    assert (again, problems) == (rows, [])


def test_odd_values_survive_the_canonical_round_trip():
    rows = [
        stat(queue='Wonen; "huren", kopen', wait_seconds_sum=0.1 + 0.2),
        stat(interval_start=utc("2025-06-02 07:30"), abandon_wait_seconds_sum=12.25),
    ]
    assert parse_canonical_csv(format_canonical_csv(rows).encode()) == (rows, [])


def test_a_row_must_be_in_utc():
    with pytest.raises(ValueError, match="UTC"):
        stat(interval_start=dt.datetime(2025, 6, 2, 9, 0, tzinfo=BRUSSELS))


# --- Avaya CMS hsplit ----------------------------------------------------------------------


def test_an_avaya_export_maps_onto_the_canonical_fields():
    rows, problems = parse_file(DATA / "avaya-hsplit-2025-06-02.csv")
    assert problems == []
    assert len(rows) == 6
    assert rows[0] == QueueIntervalStat(
        source="avaya-cms",
        queue="101",
        interval_start=utc("2025-06-02 07:00"),  # 09:00 in Brussels (CEST)
        interval_seconds=1800,
        offered=42,
        answered=38,
        answered_within_threshold=31,
        threshold_seconds=20,
        abandoned=4,
        short_abandons=1,
        wait_seconds_sum=512.0,
        handle_seconds_sum=9980.0 + 1800.0,  # acdtime + acwtime
        abandon_wait_seconds_sum=96.0,
    )


def test_avaya_queue_names_source_threshold_and_zone_are_parameters():
    data = (DATA / "avaya-hsplit-2025-06-02.csv").read_bytes()
    rows, _ = parse_avaya_hsplit(
        data,
        source="cms-gent",
        tz="UTC",
        threshold_seconds=30,
        queue_names={"101": "1700-algemeen"},
    )
    assert (rows[0].source, rows[0].queue, rows[3].queue) == ("cms-gent", "1700-algemeen", "102")
    assert (rows[0].interval_start, rows[0].threshold_seconds) == (utc("2025-06-02 09:00"), 30)


def test_avaya_spring_forward_night_has_no_2_oclock_and_refuses_one():
    rows, problems = parse_file(DATA / "avaya-hsplit-spring-2025-03-30.txt")
    assert problems == []
    assert starts(rows) == ["03-29 23:00", "03-29 23:30", "03-30 00:00", "03-30 00:30",
                            "03-30 01:00", "03-30 01:30"]  # fmt: skip
    row = "\t".join(["03/30/25", "0230", "30", "101", *["0"] * 9])
    data = (DATA / "avaya-hsplit-spring-2025-03-30.txt").read_bytes() + row.encode() + b"\n"
    rows, problems = parse_bytes(data)
    assert len(rows) == 6
    assert problems == [
        Problem(8, "starttime", "2025-03-30 02:30 does not exist in Europe/Brussels (DST gap)")
    ]


def test_avaya_autumn_night_reads_the_repeated_hour_in_file_order():
    rows, problems = parse_file(DATA / "avaya-hsplit-autumn-2025-10-26.txt")
    assert problems == []
    # 01:00, 01:30 CEST; 02:00, 02:30 CEST; 02:00, 02:30 CET; 03:00 CET: one row a half-hour.
    assert starts(rows) == ["10-25 23:00", "10-25 23:30", "10-26 00:00", "10-26 00:30",
                            "10-26 01:00", "10-26 01:30", "10-26 02:00"]  # fmt: skip
    assert (rows[2].offered, rows[4].offered) == (2, 3)


def test_an_ambiguous_time_appearing_once_or_three_times_is_refused():
    lines = (DATA / "avaya-hsplit-autumn-2025-10-26.txt").read_text().splitlines()
    once = "\n".join(lines[:5] + lines[6:]).encode()  # drops the second 02:00 (line 6)
    rows, problems = parse_avaya_hsplit(once)
    assert len(rows) == 5
    assert problems == [
        Problem(
            4,
            "starttime",
            "2025-10-26 02:00 occurs twice in Europe/Brussels (DST end) but this split has 1 "
            "row(s) for it (lines 4); expected two, the summer-time one first",
        )
    ]
    thrice = "\n".join([*lines, lines[3]]).encode()
    rows, problems = parse_avaya_hsplit(thrice)
    assert len(rows) == 5
    assert [(p.line, p.field) for p in problems] == [
        (4, "starttime"),
        (6, "starttime"),
        (9, "starttime"),
    ]


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        ("2025-06-02,0915,30,101,1,1,1,0,0,5,200,30,0", "starttime",
         "2025-06-02T07:15:00Z is not aligned with its 30-minute interval "
         "(it must start at a multiple of 30 minutes)"),
        ("2025-06-02,2460,30,101,1,1,1,0,0,5,200,30,0", "starttime",
         "'2460' is not a time of day as HHMM"),
        ("02/06/2025x,0900,30,101,1,1,1,0,0,5,200,30,0", "row_date",
         "'02/06/2025x' is not a date (YYYY-MM-DD, YYYYMMDD or MM/DD/YY)"),
        ("2025-06-02,0900,20,101,1,1,1,0,0,5,200,30,0", "intrvl",
         "20 is not an interval length; expected 15, 30, 60"),
        ("2025-06-02,0900,30,101,1,2,1,0,0,5,200,30,0", "acdcalls",
         "answered (2) is more than offered (1)"),
        ("2025-06-02,0900,30,101,1,1,1,0,0,5,200,-30,0", "acwtime",
         "must not be negative, got -30"),
        ("2025-06-02,0900,30,101,1,1,1,0,0,5,200,,0", "acwtime", "required, but empty"),
    ],
)  # fmt: skip
def test_avaya_problems_name_the_cms_column(row, field, problem):
    good = "2025-06-02,09:30,30,101,1,1,1,0,0,5,200,30,"  # HH:MM and no abntime also read
    rows, problems = parse_avaya_hsplit(csv_bytes(row, good, header=AVAYA_HEADER))
    assert problems == [Problem(2, field, problem)]
    assert [(row.interval_start, row.abandon_wait_seconds_sum) for row in rows] == [
        (utc("2025-06-02 07:30"), None)
    ]


def test_avaya_without_a_needed_column_is_refused():
    header = AVAYA_HEADER.replace(",slvlabns", "")
    rows, problems = parse_avaya_hsplit(csv_bytes(header=header))
    assert (rows, problems) == ([], [Problem(1, "header", "missing column(s) slvlabns")])


# --- Genesys Cloud aggregates --------------------------------------------------------------


def test_genesys_aggregates_map_onto_the_canonical_fields():
    rows, problems = parse_file(DATA / "genesys-aggregates-2025-06-02.json")
    assert problems == []
    assert rows[0] == QueueIntervalStat(
        source="genesys-cloud",
        queue=ALGEMEEN,
        interval_start=utc("2025-06-02 07:00"),
        interval_seconds=1800,
        offered=44,
        answered=39,
        answered_within_threshold=32,  # oServiceLevel numerator
        threshold_seconds=20,
        abandoned=5,
        short_abandons=2,
        wait_seconds_sum=498.321,  # milliseconds to seconds
        handle_seconds_sum=11203.988,
        abandon_wait_seconds_sum=101.377,
    )
    # The e-mail group is skipped; a queue without abandons has no abandon wait.
    assert [(row.queue, row.interval_start) for row in rows] == [
        (ALGEMEEN, utc("2025-06-02 07:00")),
        (ALGEMEEN, utc("2025-06-02 07:30")),
        (GROEIPAKKET, utc("2025-06-02 07:00")),
    ]
    assert (rows[2].abandoned, rows[2].abandon_wait_seconds_sum) == (0, None)


def test_genesys_counts_answers_in_their_own_interval_so_answered_may_exceed_offered():
    rows, _ = parse_file(DATA / "genesys-aggregates-2025-06-02.json")
    assert (rows[1].offered, rows[1].answered) == (51, 53)


def test_genesys_queue_names_media_type_and_a_within_view_are_parameters():
    document = json.loads((DATA / "genesys-aggregates-2025-06-02.json").read_text())
    metrics = document["results"][3 - 1]["data"][0]["metrics"]
    metrics.append({"metric": "answeredWithin20s", "stats": {"count": 6}})
    rows, problems = parse_genesys_aggregates(
        json.dumps(document).encode(),
        queue_names={GROEIPAKKET: "Groeipakket"},
        answered_within_metric="answeredWithin20s",
        threshold_seconds=20,
    )
    assert [p.field for p in problems] == [
        "results[0].answeredWithin20s",
        "results[0].answeredWithin20s",
    ]
    assert [(row.queue, row.answered_within_threshold) for row in rows] == [("Groeipakket", 6)]
    email_rows, _ = parse_genesys_aggregates(json.dumps(document).encode(), media_type="email")
    assert [(row.offered, row.answered) for row in email_rows] == [(12, 0)]


def genesys(
    interval: str, metrics: list[dict[str, object]], group: dict[str, str] | None = None
) -> bytes:
    group = {"mediaType": "voice", "queueId": ALGEMEEN} if group is None else group
    entry = {"interval": interval, "metrics": metrics}
    return json.dumps({"results": [{"group": group, "data": [entry]}]}, indent=2).encode()


def interval_line(data: bytes) -> int:
    """The line of the (only) "interval" key in a JSON document."""
    (line,) = [n for n, text in enumerate(data.splitlines(), 1) if b'"interval"' in text]
    return line


HALF_HOUR = "2025-06-02T07:00:00.000Z/2025-06-02T07:30:00.000Z"


@pytest.mark.parametrize(
    ("interval", "metrics", "field", "problem"),
    [
        ("2025-06-02T07:00:00.000Z/2025-06-02T07:20:00.000Z", [], "results[0].interval",
         "lasts 1200 s; expected 900, 1800 or 3600 (granularity)"),
        ("2025-06-02T07:15:00.000Z/2025-06-02T07:45:00.000Z", [], "results[0].interval",
         "2025-06-02T07:15:00Z is not aligned with its 30-minute interval "
         "(it must start at a multiple of 30 minutes)"),
        ("gisteren", [], "results[0].interval", "expected 'start/end' in ISO 8601, got 'gisteren'"),
        (HALF_HOUR, [{"metric": "nOffered", "stats": {"count": -2}}], "results[0].nOffered.count",
         "must not be negative, got -2"),
        (HALF_HOUR, [{"metric": "nOffered", "stats": {"count": "veel"}}],
         "results[0].nOffered.count", "\"'veel'\" is not a whole number"),
        (HALF_HOUR, [{"metric": "nOffered", "stats": {"count": 3}},
                     {"metric": "tAnswered", "stats": {"count": 2, "sum": 9000}}],
         "results[0].oServiceLevel", "missing, but calls were answered: add it to the query's metrics"),
        (HALF_HOUR, [{"metric": "nOffered", "stats": {"count": 3}},
                     {"metric": "tAnswered", "stats": {"count": 2, "sum": 9000}},
                     {"metric": "oServiceLevel", "stats": {"numerator": 3, "denominator": 3}}],
         "results[0].oServiceLevel.numerator",
         "answered within the threshold (3) is more than answered (2)"),
    ],
)  # fmt: skip
def test_genesys_problems_name_the_line_of_the_interval_and_the_metric(
    interval, metrics, field, problem
):
    data = genesys(interval, metrics)
    rows, problems = parse_genesys_aggregates(data)
    assert rows == []
    assert problems == [Problem(interval_line(data), field, problem)]


def test_genesys_file_level_problems():
    assert parse_genesys_aggregates(b'{"results": [\n  {"group": }\n]}') == (
        [],
        [Problem(2, "file", "not valid JSON: Expecting value")],
    )
    assert parse_genesys_aggregates(b'{"results": {}}') == (
        [],
        [Problem(1, "results", 'expected an object with a "results" list')],
    )
    assert parse_genesys_aggregates(b'{"results": [], "x": "\xff"}')[1] == [
        Problem(1, "file", "not UTF-8 text (byte 0xff); save it as UTF-8")
    ]
    deep = b'{"results": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert parse_genesys_aggregates(deep)[0] == []


def test_genesys_without_a_queue_id_is_refused():
    data = genesys(HALF_HOUR, [], group={"mediaType": "voice"})
    rows, problems = parse_genesys_aggregates(data)
    assert (rows, problems) == (
        [],
        [Problem(interval_line(data), "results[0].queueId", "required, but empty")],
    )


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("canonical-2025-06-02.csv", Format.CANONICAL),
        ("canonical-semicolon-bom.csv", Format.CANONICAL),
        ("avaya-hsplit-2025-06-02.csv", Format.AVAYA_HSPLIT),
        ("avaya-hsplit-spring-2025-03-30.txt", Format.AVAYA_HSPLIT),
        ("genesys-aggregates-2025-06-02.json", Format.GENESYS_AGGREGATES),
    ],
)
def test_the_format_is_told_from_the_content(name, kind):
    assert detect_format((DATA / name).read_bytes()) is kind


def test_an_unknown_file_is_one_problem_naming_the_known_formats():
    rows, problems = parse_bytes(b"id,channel,partner\n1,phone,x\n")
    assert rows == []
    assert problems[0].line == 1
    assert problems[0].problem.startswith("not a known interval statistics format")
    assert detect_format(b'{"entities": []}') is None


def test_an_unreadable_path_is_a_problem_not_an_exception(tmp_path):
    rows, problems = parse_file(tmp_path / "weg.csv")
    assert rows == []
    assert problems[0].format("weg.csv").startswith("weg.csv: file: cannot be read")


def test_a_problem_formats_as_file_line_field():
    assert Problem(4, "offered", "must not be negative, got -3").format("juni.csv") == (
        "juni.csv:4: offered: must not be negative, got -3"
    )
    assert Problem(0, "file", "the file is empty").format("leeg.csv") == (
        "leeg.csv: file: the file is empty"
    )


# --- daily totals and missing intervals ----------------------------------------------------


def test_daily_totals_follow_the_local_date_and_its_length():
    rows, _ = parse_file(DATA / "avaya-hsplit-autumn-2025-10-26.txt")
    (total,) = daily_totals(rows)
    assert (total.date, total.day_seconds) == (dt.date(2025, 10, 26), 25 * 3600)
    assert (total.intervals, total.covered_seconds) == (7, 7 * 1800)
    assert (total.offered, total.answered, total.abandoned, total.short_abandons) == (8, 6, 2, 1)
    assert total.kpi_offered == 7
    assert total.service_level == 5 / 7
    assert total.abandonment_rate == 1 / 7
    assert total.asa == (6 + 18 + 41 + 11) / 6
    assert total.abandon_wait_seconds_sum == 29.0


def test_daily_totals_split_per_queue_and_day_and_flag_mixed_thresholds():
    rows = [
        stat(),
        stat(interval_start=utc("2025-06-02 21:30"), threshold_seconds=30),  # 23:30 local
        stat(interval_start=utc("2025-06-02 22:00")),  # 00:00 on 3 June in Brussels
        stat(queue="102", abandon_wait_seconds_sum=7.5),
    ]
    totals = daily_totals(rows)
    assert [(t.queue, t.date, t.intervals) for t in totals] == [
        ("101", dt.date(2025, 6, 2), 2),
        ("101", dt.date(2025, 6, 3), 1),
        ("102", dt.date(2025, 6, 2), 1),
    ]
    assert (totals[0].threshold_seconds, totals[0].service_level) == (None, None)
    assert (totals[1].threshold_seconds, totals[1].service_level) == (20, 6 / 9)
    assert (totals[0].abandon_wait_seconds_sum, totals[2].abandon_wait_seconds_sum) == (None, 7.5)
    assert daily_totals([]) == []


def test_days_last_23_24_or_25_hours():
    assert local_day_seconds(dt.date(2025, 3, 30)) == 23 * 3600
    assert local_day_seconds(dt.date(2025, 6, 2)) == 24 * 3600
    assert local_day_seconds(dt.date(2025, 10, 26)) == 25 * 3600
    assert local_day_seconds(dt.date(2025, 10, 26), tz="UTC") == 24 * 3600


def test_expected_starts_follow_real_time_over_dst_changes():
    office = expected_interval_starts(dt.date(2025, 6, 2), opens=dt.time(8), closes=dt.time(17))
    assert (len(office), office[0], office[-1]) == (
        18,
        utc("2025-06-02 06:00"),
        utc("2025-06-02 14:30"),
    )
    midnight = dt.time(0)
    assert (
        len(expected_interval_starts(dt.date(2025, 3, 30), opens=midnight, closes=midnight)) == 46
    )
    assert (
        len(expected_interval_starts(dt.date(2025, 10, 26), opens=midnight, closes=midnight)) == 50
    )
    quarters = expected_interval_starts(
        dt.date(2025, 6, 2), opens=dt.time(9), closes=dt.time(10), interval_seconds=900
    )
    assert len(quarters) == 4
    with pytest.raises(ValueError, match="after opens"):
        expected_interval_starts(dt.date(2025, 6, 2), opens=dt.time(17), closes=dt.time(8))


def test_missing_intervals_are_the_expected_starts_without_a_row():
    rows, _ = parse_file(DATA / "avaya-hsplit-spring-2025-03-30.txt")
    night = expected_interval_starts(dt.date(2025, 3, 30), opens=dt.time(0), closes=dt.time(4))
    assert missing_intervals(rows, queue="101", expected=night) == []
    without_one = [row for row in rows if row.interval_start != utc("2025-03-30 00:30")]
    assert missing_intervals(without_one, queue="101", expected=night) == [utc("2025-03-30 00:30")]
    assert (
        missing_intervals(rows, queue="101", source="genesys-cloud", expected=night[:2])
        == night[:2]
    )


def test_a_longer_interval_covers_the_expected_starts_inside_it():
    hourly = [stat(interval_seconds=3600)]
    expected = [utc("2025-06-02 07:00"), utc("2025-06-02 07:30"), utc("2025-06-02 08:00")]
    assert missing_intervals(hourly, queue="101", expected=expected) == [utc("2025-06-02 08:00")]
