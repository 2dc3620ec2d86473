"""`import_contacts_csv` (DESIGN §7.3): streamed, idempotent, every bad row named."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infolijn.contacts import actions
from infolijn.contacts.actions import import_contacts_csv
from infolijn.contacts.models import Contact, SlaState
from infolijn.partners.models import ClosingDay
from tests.contacts.csvdata import GOOD, GOOD_ROW, HEADER, at, snapshot, write
from tests.factories import make_agreement


@pytest.mark.django_db
def test_happy_path(tmp_path, partners):
    partner_a, partner_b = partners
    report = import_contacts_csv(path_or_file=write(tmp_path, *GOOD))
    assert report.problems == []
    assert (report.rows, report.created, report.updated, report.unchanged, report.rejected) == (
        5,
        5,
        0,
        0,
        0,
    )
    assert (
        report.summary()
        == f"{tmp_path / 'contacts.csv'}: 5 rows: 5 created, 0 updated, 0 unchanged, 0 rejected"
    )
    c1 = Contact.objects.get(external_id="c1")
    assert (c1.source, c1.channel, c1.partner, c1.outcome, c1.topic) == (
        "csv",
        "phone",
        partner_a,
        "answered",
        "groeipakket-startbedrag",
    )
    assert c1.answered_at == at("2026-06-15T09:00:12+02:00")
    assert c1.due_at is None
    assert Contact.objects.get(external_id="c2").partner == partner_b  # named by code
    # Friday 18:00 → Tuesday 23:59:59; Saturday → Wednesday 23:59:59 (DESIGN §8).
    assert Contact.objects.get(external_id="c3").due_at == at("2026-06-16T23:59:59+02:00")
    assert Contact.objects.get(external_id="c4").due_at == at("2026-06-17T23:59:59+02:00")
    assert Contact.objects.get(external_id="c5").due_at is None
    assert set(Contact.objects.values_list("sla_state", flat=True)) == {SlaState.OK}


@pytest.mark.django_db
def test_due_moments_follow_the_agreement_and_the_closing_days(tmp_path, partners):
    partner_a, _ = partners
    make_agreement(partner_a, email_deadline_working_days=3)
    ClosingDay.objects.create(date=dt.date(2026, 6, 17), reason="Brugdag")
    import_contacts_csv(path_or_file=write(tmp_path, *GOOD))
    # Friday evening: Mon, Tue, (Wed closed), Thu.
    assert Contact.objects.get(external_id="c3").due_at == at("2026-06-18T23:59:59+02:00")


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(tmp_path, partners):
    path = write(tmp_path, *GOOD)
    import_contacts_csv(path_or_file=path)
    before = snapshot()
    report = import_contacts_csv(path_or_file=path)
    assert (report.rows, report.created, report.updated, report.unchanged, report.rejected) == (
        5,
        0,
        0,
        5,
        0,
    )
    assert report.ok
    assert snapshot() == before


@pytest.mark.django_db
def test_a_changed_row_updates_the_contact_it_names(tmp_path, partners):
    import_contacts_csv(path_or_file=write(tmp_path, *GOOD))
    before = {row[0]: row for row in snapshot()}
    answered = GOOD[2].replace(
        ",,,open,", ",2026-06-15T11:00:00+02:00,2026-06-15T11:00:00+02:00,answered,"
    )
    report = import_contacts_csv(
        path_or_file=write(tmp_path, *GOOD[:2], answered, *GOOD[3:], name="later.csv")
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    c3 = Contact.objects.get(external_id="c3")
    assert (c3.outcome, c3.answered_at) == ("answered", at("2026-06-15T11:00:00+02:00"))
    assert c3.due_at == at("2026-06-16T23:59:59+02:00")  # the deadline given stays
    after = {row[0]: row for row in snapshot()}
    assert [key for key in before if before[key] != after[key]] == ["c3"]
    assert Contact.objects.count() == 5


@pytest.mark.django_db
def test_a_deadline_given_is_kept_when_the_agreement_changes_later(tmp_path, partners):
    path = write(tmp_path, *GOOD)
    import_contacts_csv(path_or_file=path)
    make_agreement(partners[0], email_deadline_working_days=5)
    before = snapshot()
    assert import_contacts_csv(path_or_file=path).unchanged == 5
    assert snapshot() == before


@pytest.mark.django_db
def test_rows_are_stored_in_batches_with_a_constant_number_of_queries(
    tmp_path, partners, monkeypatch
):
    def rows(n: int) -> list[str]:
        return [
            f"b{i},phone,Agentschap Opgroeien,2026-06-15T09:00:00+02:00,,,open," for i in range(n)
        ]

    def reads(queries: CaptureQueriesContext) -> int:
        return sum(not query["sql"].startswith("INSERT") for query in queries.captured_queries)

    monkeypatch.setattr(actions, "BATCH_SIZE", 1000)
    with CaptureQueriesContext(connection) as small:
        import_contacts_csv(path_or_file=write(tmp_path, *rows(10), name="small.csv"))
    with CaptureQueriesContext(connection) as large:
        import_contacts_csv(path_or_file=write(tmp_path, *rows(300), name="large.csv"))
    assert reads(large) == reads(small)  # no query per row
    assert Contact.objects.count() == 300
    monkeypatch.setattr(actions, "BATCH_SIZE", 7)
    report = import_contacts_csv(path_or_file=write(tmp_path, *rows(30), name="again.csv"))
    assert (report.created, report.unchanged) == (0, 30)


@pytest.mark.django_db
def test_a_file_object_bom_and_crlf_are_accepted(partners):
    data = ("\ufeff" + HEADER + "\r\n" + "\r\n".join(GOOD) + "\r\n").encode("utf-8")
    report = import_contacts_csv(path_or_file=io.BytesIO(data))
    assert (report.filename, report.created, report.ok) == ("<stream>", 5, True)
    text = io.StringIO("\ufeff" + HEADER + "\n" + GOOD[0] + "\n")
    assert import_contacts_csv(path_or_file=text).unchanged == 1


@pytest.mark.django_db
def test_html_in_the_topic_is_stored_as_plain_text(tmp_path, partners):
    hostile = '<script>alert("x")</script><b>vet</b>'
    quoted = '"' + hostile.replace('"', '""') + '"'
    import_contacts_csv(path_or_file=write(tmp_path, GOOD_ROW.removesuffix(",") + "," + quoted))
    assert Contact.objects.get(external_id="ok1").topic == hostile


@pytest.mark.django_db
def test_line_numbers_count_physical_lines(tmp_path, partners):
    multi_line_topic = GOOD_ROW.replace("ok1", "m1").removesuffix(",") + ',"twee\nregels"'
    bad = "m2,fax,Agentschap Opgroeien,2026-06-15T09:00:00+02:00,,,open,"
    path = write(tmp_path, "", multi_line_topic, bad)
    report = import_contacts_csv(path_or_file=path)
    assert report.error_lines() == [
        f"{path}:5: channel: 'fax' is not one of phone, email, webform, chat"
    ]
    assert Contact.objects.get(external_id="m1").topic == "twee\nregels"


@pytest.mark.django_db
def test_blank_and_separator_only_lines_are_skipped(tmp_path, partners):
    path = write(tmp_path, "", GOOD_ROW, ",,,,,,,", "   ", "")
    report = import_contacts_csv(path_or_file=path)
    assert (report.rows, report.created, report.problems) == (1, 1, [])
