"""Bad rows and bad files: every problem named with line and field, never half-applied."""

import pytest

from infolijn.calendar import FIRST_YEAR, LAST_YEAR
from infolijn.contacts import actions
from infolijn.contacts.actions import import_contacts_csv
from infolijn.contacts.models import Contact
from infolijn.partners.roles import Role
from tests.contacts.csvdata import GOOD, GOOD_ROW, HEADER, snapshot, write
from tests.factories import make_user

# -- bad rows: reported with line and field; the row is not stored, the good rows are ---------

T = "2026-06-15T09:00:00+02:00"
BAD_ROWS = [
    pytest.param(
        "x,phone,Agentschap Opgroeien,2026-06-15T09:00:00,,,open,",
        [
            "received_at: '2026-06-15T09:00:00' has no UTC offset, so the moment is ambiguous; add one (e.g. 2026-06-12T09:30:00+02:00, or Z for UTC)"
        ],
        id="naive-time",
    ),
    pytest.param(
        "x,phone,Agentschap Opgroeien,2026-02-30T09:00:00+01:00,,,open,",
        [
            "received_at: '2026-02-30T09:00:00+01:00' is not an ISO 8601 date and time (e.g. 2026-06-12T09:30:00+02:00)"
        ],
        id="malformed-date",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},gisteren,,answered,",
        [
            "answered_at: 'gisteren' is not an ISO 8601 date and time (e.g. 2026-06-12T09:30:00+02:00)"
        ],
        id="malformed-answered",
    ),
    pytest.param(
        "x,phone,Agentschap Opgroeien,,,,open,",
        ["received_at: required, but empty"],
        id="no-received",
    ),
    pytest.param(
        f",phone,Agentschap Opgroeien,{T},,,open,", ["id: required, but empty"], id="no-id"
    ),
    pytest.param(
        f"x,fax,Agentschap Opgroeien,{T},,,open,",
        ["channel: 'fax' is not one of phone, email, webform, chat"],
        id="unknown-channel",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},,,lost,",
        ["outcome: 'lost' is not one of answered, abandoned, forwarded, open"],
        id="unknown-outcome",
    ),
    pytest.param(
        f"x,phone,Onbekend Agentschap,{T},,,open,",
        ["partner: 'Onbekend Agentschap' is not the name or code of a partner"],
        id="unknown-partner",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},2026-06-15T08:59:59+02:00,,answered,",
        ["answered_at: 2026-06-15T08:59:59+02:00 is before received_at"],
        id="answered-before-received",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},{T},2026-06-15T06:00:00Z,answered,",
        ["closed_at: 2026-06-15T06:00:00+00:00 is before received_at"],
        id="closed-before-received",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},{T},,abandoned,",
        [
            "answered_at: must be empty for an abandoned contact",
            "closed_at: required for an abandoned call (when the caller hung up)",
        ],
        id="abandoned-but-answered",
    ),
    pytest.param(
        f"x,email,Agentschap Opgroeien,{T},{T},,open,",
        ["answered_at: must be empty while an e-mail or web form is open (outcome open)"],
        id="open-email-with-reply",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},,,answered,",
        ["answered_at: required when the outcome is answered"],
        id="answered-without-moment",
    ),
    pytest.param(
        "x,email,Agentschap Opgroeien,2200-01-05T09:00:00+01:00,,,open,",
        [
            f"received_at: 2200 is outside the years with Belgian holiday data ({FIRST_YEAR}–{LAST_YEAR})"
        ],
        id="outside-calendar",
    ),
    pytest.param(
        f"x,phone,Agentschap Opgroeien,{T},,,open",
        ["row: expected 8 fields, found 7"],
        id="too-few-fields",
    ),
    pytest.param(
        f"ok1,phone,Agentschap Opgroeien,{T},,,open,",
        ["id: 'ok1' is also on line 2; ids must be unique"],
        id="duplicate-id",
    ),
    pytest.param(
        "x,Fax,Nergens,maandag,,,,",
        [
            "channel: 'Fax' is not one of phone, email, webform, chat",
            "received_at: 'maandag' is not an ISO 8601 date and time (e.g. 2026-06-12T09:30:00+02:00)",
            "outcome: required, but empty",
            "partner: 'Nergens' is not the name or code of a partner",
        ],
        id="every-field-named",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("row", "problems"), BAD_ROWS)
def test_a_bad_row_is_named_and_skipped_and_the_good_rows_kept(tmp_path, partners, row, problems):
    path = write(tmp_path, GOOD_ROW, row)
    report = import_contacts_csv(path_or_file=path)
    assert report.error_lines() == [f"{path}:3: {problem}" for problem in problems]
    assert (report.rows, report.created, report.rejected, report.applied) == (2, 1, 1, True)
    assert list(Contact.objects.values_list("external_id", flat=True)) == ["ok1"]


@pytest.mark.django_db
@pytest.mark.parametrize(("row", "problems"), BAD_ROWS)
def test_all_or_nothing_stores_nothing_when_a_row_is_bad(tmp_path, partners, row, problems):
    path = write(tmp_path, GOOD_ROW, row)
    report = import_contacts_csv(path_or_file=path, all_or_nothing=True)
    assert report.error_lines() == [f"{path}:3: {problem}" for problem in problems]
    assert (report.created, report.applied) == (0, False)
    assert "nothing imported" in report.summary()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_a_bad_row_never_touches_the_stored_contact(tmp_path, partners):
    import_contacts_csv(path_or_file=write(tmp_path, *GOOD))
    before = snapshot()
    broken = GOOD[2].replace(",,,open,", ",2026-06-11T11:00:00+02:00,,answered,")  # before received
    report = import_contacts_csv(path_or_file=write(tmp_path, broken, name="broken.csv"))
    assert report.error_lines()[0].endswith(
        "answered_at: 2026-06-11T11:00:00+02:00 is before received_at"
    )
    assert snapshot() == before


# -- bad files: nothing is imported ---------------------------------------------------------


BAD_FILES = [
    pytest.param(
        b"",
        "1: header: missing: the file is empty; its first line must be " + HEADER,
        id="empty-file",
    ),
    pytest.param(
        (GOOD_ROW + "\n").encode(),
        "1: header: missing: the first line must be " + HEADER,
        id="missing-header",
    ),
    pytest.param(
        (HEADER + ",agent\n" + GOOD_ROW + ",yasmine\n").encode(),
        "1: header: unknown column(s) 'agent' (expected " + HEADER + ")",
        id="extra-column",
    ),
    pytest.param(
        (HEADER.replace(",topic", "") + "\n").encode(),
        "1: header: missing column(s) topic (expected " + HEADER + ")",
        id="missing-column",
    ),
    pytest.param(
        (HEADER.replace("topic", "Topic") + "\n").encode(),
        "1: header: missing column(s) topic; unknown column(s) 'Topic' (expected " + HEADER + ")",
        id="misspelt-column",
    ),
    pytest.param(
        (
            HEADER
            + "\n"
            + GOOD_ROW
            + "\n"
            + GOOD_ROW.replace("ok1", "ok2").removesuffix(",")
            + ",café\n"
        ).encode("latin-1"),
        f"3: file: not UTF-8 text (byte 0xe9 at column {len(GOOD_ROW) + 4}); save the file as UTF-8 and try again",
        id="latin-1",
    ),
    pytest.param(
        (HEADER + "\n" + GOOD_ROW + "\n").encode("utf-16"),
        "1: file: the file is UTF-16 text; save it as UTF-8 and try again",
        id="utf-16",
    ),
    pytest.param(
        (HEADER + "\n" + GOOD_ROW + '\nok2,"phone\n' + GOOD_ROW + "\n").encode(),
        "3: file: not valid CSV in the row starting here: unexpected end of data",
        id="unclosed-quote",
    ),
    pytest.param(
        (HEADER + "\n" + '"ok2"x,phone\n' + GOOD_ROW + "\n").encode(),
        "2: file: not valid CSV in the row starting here: ',' expected after '\"'",
        id="stray-quote",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "problem"), BAD_FILES)
def test_a_bad_file_imports_nothing(tmp_path, partners, data, problem):
    path = tmp_path / "contacts.csv"
    path.write_bytes(data)
    report = import_contacts_csv(path_or_file=path)
    assert report.error_lines() == [f"{path}:{problem}"]
    assert (report.created, report.applied) == (0, False)
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_a_bad_file_after_many_batches_rolls_everything_back(tmp_path, partners, monkeypatch):
    monkeypatch.setattr(actions, "BATCH_SIZE", 2)
    rows = [GOOD_ROW.replace("ok1", f"r{i}") for i in range(9)]
    path = tmp_path / "contacts.csv"
    path.write_bytes(("\n".join([HEADER, *rows]) + "\n").encode() + b"r9,\xff\n")
    report = import_contacts_csv(path_or_file=path)
    assert report.error_lines() == [
        f"{path}:11: file: not UTF-8 text (byte 0xff at column 4); save the file as UTF-8 and try again"
    ]
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_reported(tmp_path):
    report = import_contacts_csv(path_or_file=tmp_path / "nergens.csv")
    assert report.error_lines() == [
        f"{tmp_path / 'nergens.csv'}: file: cannot read: No such file or directory"
    ]


@pytest.mark.django_db
def test_only_team_leads_and_administrators_import(tmp_path, partners, agent):
    from infolijn.contacts.errors import ContactError

    with pytest.raises(ContactError):
        import_contacts_csv(path_or_file=write(tmp_path, *GOOD), actor=agent)
    lead = make_user(Role.TEAM_LEAD, username="tom-teamleider")
    assert import_contacts_csv(path_or_file=write(tmp_path, *GOOD), actor=lead).created == 5
