"""`infolijn import-contacts` and `infolijn kpis` (DESIGN §6): output, messages, exit codes."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from infolijn.contacts.models import Contact
from tests.factories import make_agreement

HEADER = "id,channel,partner,received_at,answered_at,closed_at,outcome,topic"
ROWS = [
    # Agentschap Opgroeien (agreement: 30 s), Monday 15 June 2026.
    "a1,phone,Agentschap Opgroeien,2026-06-15T09:00:00+02:00,2026-06-15T09:00:10+02:00,2026-06-15T09:04:00+02:00,answered,",
    "a2,phone,agentschap-opgroeien,2026-06-15T09:10:00+02:00,2026-06-15T09:10:25+02:00,,forwarded,",
    "a3,phone,Agentschap Opgroeien,2026-06-15T09:20:00+02:00,,2026-06-15T09:20:03+02:00,abandoned,",  # short
    "a4,phone,Agentschap Opgroeien,2026-06-15T09:30:00+02:00,,2026-06-15T09:31:00+02:00,abandoned,",
    "a5,email,Agentschap Opgroeien,2026-06-12T18:00:00+02:00,2026-06-15T10:00:00+02:00,,answered,",  # due Tue 16
    "a6,email,Agentschap Opgroeien,2026-06-13T10:00:00+02:00,,,open,",  # due Wed 17: late
    # Vlaamse Belastingdienst (no agreement: 20 s).
    "b1,phone,Vlaamse Belastingdienst,2026-06-15T07:00:00Z,2026-06-15T07:00:40Z,,answered,",
    "b2,webform,Vlaamse Belastingdienst,2026-06-12T16:00:00Z,2026-06-17T08:00:00Z,,answered,",  # due Tue 16
    # Outside the range: received Sunday 14 June, due Thursday 18 June.
    "a7,phone,Agentschap Opgroeien,2026-06-14T21:59:59Z,2026-06-14T22:00:05Z,,answered,",
    "a8,email,Agentschap Opgroeien,2026-06-16T08:00:00+02:00,,,open,",
]
RANGE = ["--from", "2026-06-15", "--to", "2026-06-17", "--json"]


@pytest.fixture
def export(tmp_path, partner_a, partner_b):
    make_agreement(partner_a, service_level_threshold_seconds=30)
    path = tmp_path / "export.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    call_command("import_contacts", str(path), stdout=StringIO(), stderr=StringIO())
    return path


def kpis(*args: str) -> dict:
    out = StringIO()
    call_command("kpis", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_import_prints_a_summary_and_nothing_on_stderr(tmp_path, partner_a, partner_b):
    path = tmp_path / "export.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_contacts", str(path), stdout=out, stderr=err)
    assert out.getvalue() == f"{path}: 10 rows: 10 created, 0 updated, 0 unchanged, 0 rejected\n"
    assert err.getvalue() == ""
    call_command("import_contacts", str(path), stdout=out, stderr=err)
    assert out.getvalue().endswith(": 10 rows: 0 created, 0 updated, 10 unchanged, 0 rejected\n")
    assert Contact.objects.count() == 10


@pytest.mark.django_db
def test_import_reports_every_bad_row_on_stderr_and_exits_1(tmp_path, partner_a):
    path = tmp_path / "export.csv"
    path.write_text(
        "\n".join(
            [HEADER, ROWS[0], "z1,fax,Agentschap Opgroeien,2026-06-15T09:00:00,,,open,", ROWS[0]]
        )
        + "\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import_contacts", str(path), stdout=out, stderr=err)
    assert exited.value.code == 1
    assert err.getvalue().splitlines() == [
        f"{path}:3: channel: 'fax' is not one of phone, email, webform, chat",
        f"{path}:3: received_at: '2026-06-15T09:00:00' has no UTC offset, so the moment is ambiguous; add one (e.g. 2026-06-12T09:30:00+02:00, or Z for UTC)",
        f"{path}:4: id: 'a1' is also on line 2; ids must be unique",
    ]
    assert out.getvalue() == f"{path}: 3 rows: 1 created, 0 updated, 0 unchanged, 2 rejected\n"
    assert list(Contact.objects.values_list("external_id", flat=True)) == ["a1"]


@pytest.mark.django_db
def test_import_all_or_nothing(tmp_path, partner_a):
    path = tmp_path / "export.csv"
    path.write_text("\n".join([HEADER, ROWS[0], ROWS[0]]) + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit):
        call_command("import_contacts", str(path), "--all-or-nothing", stdout=out, stderr=err)
    assert out.getvalue() == f"{path}: 2 rows, 1 rejected; nothing imported (1 problem)\n"
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_kpis_of_all_partners_use_20_seconds(export):
    assert kpis(*RANGE) == {
        "calls_offered": 4,  # a1, a2, a4, b1 (a3 is a short abandon)
        "calls_answered": 3,
        "service_level": 1 / 4,  # a1 only: a2 waited 25 s, b1 40 s
        "abandonment_rate": 1 / 4,
        "asa": (10 + 25 + 40) / 3,
        "emails_due": 3,  # a5, a6, b2
        "emails_on_time": 1 / 3,  # a5
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["Agentschap Opgroeien", "agentschap-opgroeien", " AGENTSCHAP OPGROEIEN "]
)
def test_kpis_of_one_partner_use_its_agreement_threshold(export, name):
    assert kpis("--partner", name, *RANGE) == {
        "calls_offered": 3,
        "calls_answered": 2,
        "service_level": 2 / 3,  # 25 s is within the agreement's 30 s
        "abandonment_rate": 1 / 3,
        "asa": 17.5,
        "emails_due": 2,
        "emails_on_time": 0.5,
    }


@pytest.mark.django_db
def test_kpis_of_a_partner_without_agreement(export):
    result = kpis("--partner", "Vlaamse Belastingdienst", *RANGE)
    assert result == {
        "calls_offered": 1,
        "calls_answered": 1,
        "service_level": 0.0,
        "abandonment_rate": 0.0,
        "asa": 40.0,
        "emails_due": 1,
        "emails_on_time": 0.0,
    }


@pytest.mark.django_db
def test_kpis_json_text_of_an_empty_range(export):
    out = StringIO()
    call_command("kpis", "--from", "2026-07-01", "--to", "2026-07-31", "--json", stdout=out)
    assert out.getvalue() == (
        '{"calls_offered": 0, "calls_answered": 0, "service_level": null, '
        '"abandonment_rate": null, "asa": null, "emails_due": 0, "emails_on_time": null}\n'
    )


@pytest.mark.django_db
def test_kpis_after_a_second_import_are_the_same(export):
    before = kpis(*RANGE)
    call_command("import_contacts", str(export), stdout=StringIO(), stderr=StringIO())
    assert kpis(*RANGE) == before


@pytest.mark.django_db
def test_kpis_without_json_print_one_line_each(export):
    out = StringIO()
    call_command("kpis", "--from", "2026-07-01", "--to", "2026-07-01", stdout=out)
    assert out.getvalue().splitlines()[:3] == [
        "calls_offered     0",
        "calls_answered    0",
        "service_level     -",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--partner", "Onbekend", *RANGE],
            "--partner 'Onbekend': no partner with that name or code",
        ),
        (
            ["--from", "2026-06-17", "--to", "2026-06-15"],
            "--from 2026-06-17 is after --to 2026-06-15",
        ),
        (
            ["--from", "15-06-2026", "--to", "2026-06-15"],
            "--from '15-06-2026': not a date (YYYY-MM-DD)",
        ),
        (
            ["--from", "2026-02-30", "--to", "2026-03-01"],
            "--from '2026-02-30': not a date (YYYY-MM-DD)",
        ),
        (["--to", "2026-06-15"], "--from DATE is required (YYYY-MM-DD)"),
        (
            ["--from", "0001-01-01", "--to", "2026-06-15"],
            "--from '0001-01-01': outside 1900-01-01 to 9998-12-31",
        ),
    ],
)
def test_kpis_usage_errors_exit_2_and_print_nothing(export, args, message):
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("kpis", *args, stdout=out)
    assert raised.value.returncode == 2
    assert str(raised.value) == message
    assert out.getvalue() == ""


def test_the_real_cli_exit_codes(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "INFOLIJN_TESTING"}
    }
    env["INFOLIJN_DATA_DIR"] = str(tmp_path)
    cli = [sys.executable, "-m", "infolijn.cli"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*cli, *args], capture_output=True, text=True, env=env, check=False)

    bad_range = run("kpis", "--from", "2026-06-17", "--to", "2026-06-15", "--json")
    assert (bad_range.returncode, bad_range.stdout) == (2, "")
    assert "--from 2026-06-17 is after --to 2026-06-15" in bad_range.stderr

    missing = run("import-contacts", str(tmp_path / "nergens.csv"))
    assert missing.returncode == 1
    assert (
        missing.stderr
        == f"{tmp_path / 'nergens.csv'}: file: cannot read: No such file or directory\n"
    )
    assert (
        missing.stdout
        == f"{tmp_path / 'nergens.csv'}: 0 rows, 0 rejected; nothing imported (1 problem)\n"
    )
