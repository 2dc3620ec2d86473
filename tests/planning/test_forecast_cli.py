"""`infolijn forecast` as DESIGN §6 specifies it (called as the `infolijn` command will)."""

import datetime as dt
import itertools
import json

import pytest

from infolijn.planning.engine.forecast_cli import main
from tests.planning.test_forecast import daily_csv, intraday_csv, weekly

KEYS = {"timestamp", "forecast", "lower", "upper"}


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, text, name="history.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def check_rows(rows, first, step, count, fmt):
    assert len(rows) == count
    stamps = []
    for row in rows:
        assert set(row) == KEYS
        assert 0 <= row["lower"] <= row["forecast"] <= row["upper"]
        stamps.append(dt.datetime.strptime(row["timestamp"], fmt))  # noqa: DTZ007 - local
        assert stamps[-1].strftime(fmt) == row["timestamp"]
    assert stamps[0] == first
    assert all(b - a == step for a, b in itertools.pairwise(stamps))


def test_daily_json_contract(capsys, tmp_path):
    path = write(tmp_path, daily_csv(weekly(9)))
    code, out, err = run(capsys, ["--history", path, "--horizon", "10", "--json"])
    assert (code, err) == (0, "")
    check_rows(
        json.loads(out),
        dt.datetime.fromisoformat("2026-03-09"),
        dt.timedelta(days=1),
        10,
        "%Y-%m-%d",
    )


@pytest.mark.parametrize(
    ("seconds", "fmt"), [(False, "%Y-%m-%dT%H:%M"), (True, "%Y-%m-%dT%H:%M:%S")]
)
def test_30min_json_contract_keeps_the_input_form(capsys, tmp_path, seconds, fmt):
    path = write(tmp_path, intraday_csv(weekly(6), seconds=seconds))
    code, out, err = run(capsys, ["--history", path, "--horizon", "3", "--freq", "30min", "--json"])
    assert (code, err) == (0, "")
    rows = json.loads(out)
    check_rows(rows, dt.datetime.fromisoformat("2026-02-16"), dt.timedelta(minutes=30), 3 * 48, fmt)
    assert rows[0]["timestamp"] == ("2026-02-16T00:00:00" if seconds else "2026-02-16T00:00")
    assert sum(row["forecast"] for row in rows[:48]) > 0


def test_day_freq_on_intraday_history_gives_dates(capsys, tmp_path):
    path = write(tmp_path, intraday_csv(weekly(6)))
    code, out, _ = run(capsys, ["--history", path, "--horizon", "2", "--freq", "day", "--json"])
    assert code == 0
    assert [row["timestamp"] for row in json.loads(out)] == ["2026-02-16", "2026-02-17"]


def test_human_readable_lines(capsys, tmp_path):
    path = write(tmp_path, daily_csv(weekly(9)))
    code, out, _ = run(capsys, ["--history", path, "--horizon", "1"])
    assert code == 0
    assert out.startswith("2026-03-09\t500.0\t[")


@pytest.mark.parametrize("horizon", ["0", "367", "twee", "1.5"])
def test_horizon_must_be_1_to_366(capsys, tmp_path, horizon):
    path = write(tmp_path, daily_csv(weekly(3)))
    code, out, err = run(capsys, ["--history", path, "--horizon", horizon, "--json"])
    assert (code, out) == (2, "")
    assert "--horizon" in err


def test_bad_file_names_file_and_line(capsys, tmp_path):
    path = write(tmp_path, "timestamp,count\n2026-01-05,3\n2026-01-06,-2\n", "bad.csv")
    code, out, err = run(capsys, ["--history", path, "--horizon", "7", "--json"])
    assert (code, out) == (2, "")
    assert f"{path}, line 3: count '-2' is negative" in err


def test_30min_on_daily_history_is_refused(capsys, tmp_path):
    path = write(tmp_path, daily_csv(weekly(3)))
    code, out, err = run(capsys, ["--history", path, "--horizon", "1", "--freq", "30min", "--json"])
    assert (code, out) == (2, "")
    assert "needs an intraday history" in err


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, ["--history", str(tmp_path / "x.csv"), "--horizon", "1"])
    assert code == 2
    assert "x.csv: cannot read the file" in err


def test_short_history_still_answers(capsys, tmp_path):
    path = write(tmp_path, daily_csv([12, 15, 11]))
    code, out, _ = run(capsys, ["--history", path, "--horizon", "3", "--json"])
    rows = json.loads(out)
    assert code == 0
    check_rows(rows, dt.datetime.fromisoformat("2026-01-08"), dt.timedelta(days=1), 3, "%Y-%m-%d")


def test_history_without_calls_forecasts_zero(capsys, tmp_path):
    path = write(tmp_path, daily_csv([0] * 20))
    code, out, _ = run(capsys, ["--history", path, "--horizon", "2", "--freq", "day", "--json"])
    assert code == 0
    assert json.loads(out) == [
        {"timestamp": "2026-01-25", "forecast": 0.0, "lower": 0.0, "upper": 0.0},
        {"timestamp": "2026-01-26", "forecast": 0.0, "lower": 0.0, "upper": 0.0},
    ]


def test_intervals_never_collapse_on_an_error_free_history(tmp_path, capsys):
    import datetime as dt
    import json

    from infolijn.planning.engine.forecast_cli import main

    rows = ["timestamp,count"]
    for i in range(70):
        day = dt.date(2026, 9, 1) + dt.timedelta(days=i)
        rows.append(f"{day.isoformat()},{0 if day.weekday() > 4 else 100 + 10 * day.weekday()}")
    history = tmp_path / "h.csv"
    history.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--history", str(history), "--horizon", "3", "--json"]) == 0
    for row in json.loads(capsys.readouterr().out):
        if row["forecast"] > 0:
            assert row["lower"] < row["forecast"] < row["upper"]
