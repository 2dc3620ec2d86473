"""`infolijn import-intervals`: telephony interval statistics mapped to partners, idempotent."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from infolijn.contacts.models import QueueIntervalStat, TelephonyQueue

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "intervaldata"


def run(*args):
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("import_intervals", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_avaya_export_with_mapped_queues_imports_once(partner_a, partner_b):
    path = str(DATA / "avaya-hsplit-2025-06-02.csv")
    code, out, err = run(
        path,
        "--source",
        "avaya-cms",
        "--map",
        f"101={partner_a.code}",
        "--map",
        f"102={partner_b.name}",
    )
    assert (code, err) == (0, "")
    stored = QueueIntervalStat.objects.count()
    assert stored > 0 and f"{stored} intervals added" in out
    assert TelephonyQueue.objects.get(queue="101").partner == partner_a
    code, out, _ = run(path)
    assert code == 0 and QueueIntervalStat.objects.count() == stored
    assert f"0 intervals added, 0 updated, {stored} unchanged" in out


def test_rows_of_unmapped_queues_are_reported_not_stored(partner_a):
    code, _out, err = run(
        str(DATA / "avaya-hsplit-2025-06-02.csv"),
        "--source",
        "avaya-cms",
        "--map",
        "101=" + partner_a.code,
    )
    assert code == 1
    assert "queue '102' of avaya-cms is not mapped to a partner" in err
    assert set(QueueIntervalStat.objects.values_list("queue__queue", flat=True)) == {"101"}


def test_a_corrected_file_replaces_the_figures_of_the_same_interval(partner_a, tmp_path):
    original = DATA / "canonical-2025-06-02.csv"
    TelephonyQueue.objects.create(source="avaya-cms", queue="1700-algemeen", partner=partner_a)
    run(str(original))
    first = QueueIntervalStat.objects.order_by("interval_start").first()
    corrected = tmp_path / "corrected.csv"
    text = original.read_text(encoding="utf-8")
    corrected.write_text(text.replace(",42,38,31,", ",43,38,31,", 1), encoding="utf-8")
    _code, out, _ = run(str(corrected))
    first.refresh_from_db()
    assert first.offered == 43 and "1 updated" in out


def test_bad_files_and_options_are_named(partner_a, tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    code, out, _err = run(str(empty), "--json")
    assert code == 1
    report = json.loads(out)[0]
    assert report["ok"] is False and "empty" in report["problems"][0]
    with pytest.raises(CommandError, match="expected QUEUE=PARTNER"):
        call_command("import_intervals", str(empty), "--source", "x", "--map", "101")
    with pytest.raises(CommandError, match="no partner with that name or code"):
        call_command("import_intervals", str(empty), "--source", "x", "--map", "101=onbekend")
    with pytest.raises(CommandError, match="--map needs --source"):
        call_command("import_intervals", str(empty), "--map", f"101={partner_a.code}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leeg.csv"]
