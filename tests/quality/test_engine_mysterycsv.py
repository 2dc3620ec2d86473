"""The mystery-call files: plan export and the results import with its operator messages."""

import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolijn.quality.engine.mysterycsv import (
    MAX_ERRORS,
    MAX_REMARKS,
    PLAN_COLUMNS,
    RowError,
    export_plan,
    parse_results,
)
from infolijn.quality.engine.sampling import PlannedCall

HEADER = "call_ref,called_at,answered,correct,waited_seconds,remarks"
PLAN_REFS = {"MC-0001", "MC-0002", "MC-0003", "MC-0004"}
CET = timezone(timedelta(hours=1))


def results(*lines, header=HEADER):
    return "\n".join([header, *lines]) + "\n"


def messages(imported):
    return [str(e) for e in imported.errors]


# -- plan export ---------------------------------------------------------------------------


def test_export_plan_writes_the_agreed_columns():
    calls = [
        PlannedCall(
            "MC-0001",
            "Agentschap Opgroeien",
            "Groeipakket, startbedrag",
            "s-startbedrag",
            "groeipakket-startbedrag",
            1,
            "09-12",
            date(2025, 3, 3),
        ),
        PlannedCall("MC-0002", "Wonen", "Huurpremie", "s-huur", "huurpremie", 5, "13-17", None),
    ]
    text = export_plan(calls)
    assert text.splitlines()[0] == ",".join(PLAN_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0] == {
        "call_ref": "MC-0001",
        "partner": "Agentschap Opgroeien",
        "theme": "Groeipakket, startbedrag",
        "scenario_id": "s-startbedrag",
        "script_id": "groeipakket-startbedrag",
        "weekday": "monday",
        "time_block": "09-12",
        "planned_date": "2025-03-03",
    }
    assert rows[1]["weekday"] == "friday"
    assert rows[1]["planned_date"] == ""
    assert '"Groeipakket, startbedrag"' in text  # quoted, not split


# -- results import: good files ------------------------------------------------------------


def test_parses_good_rows():
    imported = parse_results(
        results(
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,12,Vriendelijk en correct",
            "MC-0002,2025-03-04T14:02:30Z,no,,95,Na 95 s ingehaakt",
            "MC-0003,2025-03-05T09:00:00+01:00,yes,partial,7.5,",
        ),
        known_refs=PLAN_REFS,
    )
    assert imported.errors == ()
    assert imported.ok
    first, second, third = imported.rows
    assert first.call_ref == "MC-0001"
    assert first.called_at == datetime(2025, 3, 4, 10, 15, tzinfo=CET)
    assert (first.answered, first.correct, first.waited_seconds) == (True, "yes", 12.0)
    assert first.remarks == "Vriendelijk en correct"
    assert first.line == 2
    assert second.called_at == datetime(2025, 3, 4, 14, 2, 30, tzinfo=UTC)
    assert (second.answered, second.correct) == (False, None)
    assert third.correct == "partial"
    assert third.waited_seconds == 7.5


def test_bom_semicolons_crlf_and_header_in_any_case_and_order():
    text = (
        "\ufeffCALL_REF;Remarks;answered;correct;waited_seconds;called_at\r\n"
        'MC-0001;"Zei ""goeiemorgen""; duidelijk";Yes;Partial;12,5;2025-03-04T10:15:00+01:00\r\n'
    )
    imported = parse_results(text.encode("utf-8"))
    assert imported.errors == ()
    (row,) = imported.rows
    assert row.remarks == 'Zei "goeiemorgen"; duidelijk'
    assert (row.answered, row.correct, row.waited_seconds) == (True, "partial", 12.5)


def test_windows_1252_file_is_read_with_a_warning():
    text = results("MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,Geen wachtmuziek – prima")
    imported = parse_results(text.encode("cp1252"))
    assert imported.rows[0].remarks == "Geen wachtmuziek – prima"
    assert [str(w) for w in imported.warnings] == [
        "line 1: the file is not UTF-8; read it as Windows-1252"
    ]


def test_multiline_remarks_keep_line_numbers_right():
    imported = parse_results(
        results(
            'MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,"eerste regel',
            'tweede regel"',
            "",
            "MC-0002,2025-03-04T10:15:00+01:00,maybe,yes,3,",
        )
    )
    assert imported.rows[0].remarks == "eerste regel\ntweede regel"
    assert messages(imported) == ["line 5, answered: expected yes or no, got 'maybe'"]


def test_extra_columns_are_ignored_with_a_warning():
    imported = parse_results(
        results("MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,,Jan", header=HEADER + ",caller")
    )
    assert len(imported.rows) == 1
    assert [str(w) for w in imported.warnings] == ["line 1: extra column(s) ignored: 'caller'"]


# -- results import: bad files and rows ----------------------------------------------------


@pytest.mark.parametrize("data", ["", "   \n\n", b"", "\ufeff", b"\xef\xbb\xbf\r\n"])
def test_empty_file(data):
    imported = parse_results(data)
    assert imported.rows == ()
    assert imported.errors == (RowError(1, None, "the file is empty"),)
    assert not imported.ok


def test_wrong_header_stops_the_import():
    imported = parse_results("ref,datum,antwoord\nMC-0001,2025-03-04,ja\n")
    assert imported.rows == ()
    assert messages(imported) == [
        "line 1: wrong header: missing column(s) call_ref, called_at, answered, correct, "
        "waited_seconds, remarks; expected "
        "call_ref,called_at,answered,correct,waited_seconds,remarks"
    ]
    duplicated = parse_results(results(header=HEADER + ",remarks"))
    assert messages(duplicated) == ["line 1: wrong header: column(s) remarks appear more than once"]


def test_binary_file_is_refused():
    imported = parse_results(b"\x00\x01\x02\x81\x8d\x8f")
    assert messages(imported) == [
        "line 1: the file is not text (it is neither UTF-8 nor Windows-1252)"
    ]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (
            "MC-0001,04/03/2025 10:15,yes,yes,3,",
            "line 2, called_at: not an ISO 8601 date and time: '04/03/2025 10:15'",
        ),
        (
            "MC-0001,2025-03-04T10:15:00,yes,yes,3,",
            "line 2, called_at: needs a UTC offset, e.g. 2025-03-04T10:15:00+01:00: "
            "'2025-03-04T10:15:00'",
        ),
        (
            "MC-0001,2025-03-04,yes,yes,3,",
            "line 2, called_at: needs a UTC offset, e.g. 2025-03-04T10:15:00+01:00: '2025-03-04'",
        ),
        (
            "MC-0001,2025-02-30T10:15:00+01:00,yes,yes,3,",
            "line 2, called_at: not an ISO 8601 date and time: '2025-02-30T10:15:00+01:00'",
        ),
        ("MC-0001,,yes,yes,3,", "line 2, called_at: empty"),
        (",2025-03-04T10:15:00+01:00,yes,yes,3,", "line 2, call_ref: empty"),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,wrong,3,",
            "line 2, correct: expected yes, no or partial, got 'wrong'",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,,3,",
            "line 2, correct: required when the call was answered (yes, no or partial)",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,no,yes,30,",
            "line 2, correct: must be empty when the call was not answered",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,-4,",
            "line 2, waited_seconds: expected a number of seconds ≥ 0, got '-4'",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,nan,",
            "line 2, waited_seconds: expected a number of seconds ≥ 0, got 'nan'",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,,",
            "line 2, waited_seconds: required when the call was answered",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3",
            "line 2: expected 6 fields as in the header, found 5 (is a value with a ',' unquoted?)",
        ),
        (
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,Goed, maar traag",
            "line 2: expected 6 fields as in the header, found 7 (is a value with a ',' unquoted?)",
        ),
        (
            'MC-0001,2025-03-04T10:15:00+01:00,yes,"yes"x,3,',
            "line 2: the row cannot be read as CSV: ',' expected after '\"'",
        ),
    ],
)
def test_bad_rows_are_reported_with_line_and_field(line, error):
    imported = parse_results(results(line, "MC-0002,2025-03-04T10:15:00+01:00,yes,yes,3,"))
    assert messages(imported) == [error]
    assert [r.call_ref for r in imported.rows] == ["MC-0002"]  # the good row still comes


def test_all_problems_of_a_row_are_listed():
    imported = parse_results(results("MC-0001,gisteren,misschien,,-1,"))
    assert [(e.line, e.field) for e in imported.errors] == [
        (2, "called_at"),
        (2, "answered"),
        (2, "waited_seconds"),
    ]


def test_duplicate_call_ref_keeps_the_first():
    imported = parse_results(
        results(
            "MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,eerste",
            "MC-0001,2025-03-05T10:15:00+01:00,yes,no,3,tweede",
        )
    )
    assert [r.remarks for r in imported.rows] == ["eerste"]
    assert messages(imported) == [
        "line 3, call_ref: duplicate call_ref 'MC-0001': line 2 already has it and is kept"
    ]


def test_unknown_call_ref():
    imported = parse_results(
        results("MC-9999,2025-03-04T10:15:00+01:00,yes,yes,3,"), known_refs=PLAN_REFS
    )
    assert imported.rows == ()
    assert messages(imported) == [
        "line 2, call_ref: unknown call_ref 'MC-9999': it is not in the plan"
    ]


def test_huge_fields_are_capped():
    long_remarks = "bla " * 2000
    huge = "x" * 200_000
    imported = parse_results(
        results(
            f"MC-0001,2025-03-04T10:15:00+01:00,yes,yes,3,{long_remarks}",
            f'MC-0002,2025-03-04T10:15:00+01:00,yes,yes,3,"{huge}"',
            f"{'R' * 500},2025-03-04T10:15:00+01:00,yes,yes,3,",
            "MC-0003,2025-03-04T10:15:00+01:00,yes,yes,3,",
        )
    )
    assert [r.call_ref for r in imported.rows] == ["MC-0001", "MC-0003"]
    assert len(imported.rows[0].remarks) == MAX_REMARKS
    assert [str(w) for w in imported.warnings] == [
        f"line 2, remarks: cut to {MAX_REMARKS} characters"
    ]
    assert [(e.line, e.field) for e in imported.errors] == [(3, None), (4, "call_ref")]
    assert "field larger than field limit" in imported.errors[0].message
    assert imported.errors[1].message == "longer than 200 characters"
    assert all(len(str(e)) < 200 for e in imported.errors)  # no huge value echoed


def test_error_list_is_bounded():
    lines = [f"MC-{i},bad,yes,yes,3," for i in range(MAX_ERRORS + 5)]
    imported = parse_results(results(*lines))
    assert len(imported.errors) == MAX_ERRORS
    assert imported.errors_omitted == 5
    assert not imported.ok


def test_long_messages_shorten_the_echoed_value():
    imported = parse_results(results(f"MC-0001,{'9' * 150},yes,yes,3,"))
    assert messages(imported) == [
        "line 2, called_at: not an ISO 8601 date and time: '" + "9" * 40 + "…'"
    ]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_parser_never_raises(data):
    imported = parse_results(data, known_refs=PLAN_REFS)
    assert all(isinstance(e, RowError) for e in imported.errors)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["yes", "no"]),
            st.sampled_from(["yes", "no", "partial"]),
            st.integers(0, 600),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50),
        ),
        max_size=20,
    )
)
def test_written_results_round_trip(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER.split(","))
    for i, (answered, correct, waited, remarks) in enumerate(rows):
        writer.writerow(
            [
                f"MC-{i:04d}",
                "2025-03-04T10:15:00+01:00",
                answered,
                correct if answered == "yes" else "",
                waited,
                remarks,
            ]
        )
    imported = parse_results(out.getvalue())
    assert imported.errors == ()
    assert [r.call_ref for r in imported.rows] == [f"MC-{i:04d}" for i in range(len(rows))]
    assert [r.remarks for r in imported.rows] == [remarks.strip() for *_, remarks in rows]
