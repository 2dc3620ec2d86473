"""`infolijn staffing` as DESIGN §6 specifies it (called as the `infolijn` command will)."""

import json
import subprocess
import sys

import pytest

from infolijn.planning.engine.cli import main

KEYS = {"agents", "service_level", "asa", "occupancy", "model", "agents_scheduled"}
BASE = ["--calls-per-hour", "200", "--aht", "180", "--target", "0.8", "--within", "20"]


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_erlang_c(capsys):
    code, out, err = run(capsys, [*BASE, "--shrinkage", "0.3", "--json"])
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) == KEYS
    assert result["model"] == "erlang_c"
    assert (result["agents"], result["agents_scheduled"]) == (14, 20)
    assert result["service_level"] == pytest.approx(0.88835, abs=1e-5)
    assert isinstance(result["asa"], float)
    assert result["occupancy"] == pytest.approx(10 / 14)


def test_patience_switches_to_erlang_a(capsys):
    code, out, _ = run(capsys, [*BASE, "--patience", "120", "--json"])
    result = json.loads(out)
    assert code == 0
    assert result["model"] == "erlang_a"
    assert result["agents"] == result["agents_scheduled"] == 12


def test_zero_calls(capsys):
    code, out, _ = run(
        capsys,
        ["--calls-per-hour", "0", "--aht", "180", "--target", "0.8", "--within", "20", "--json"],
    )
    assert code == 0
    assert json.loads(out) == {
        "agents": 0,
        "service_level": 1.0,
        "asa": 0.0,
        "occupancy": 0.0,
        "model": "erlang_c",
        "agents_scheduled": 0,
    }


def test_human_readable_line(capsys):
    code, out, _ = run(capsys, [*BASE, "--shrinkage", "0.3"])
    assert code == 0
    assert out.splitlines() == [
        "Erlang C: 14 agents on the phone (20 scheduled at 30% shrinkage); "
        "service level 88.8% within 20 s, ASA 7.8 s, occupancy 71.4%"
    ]


@pytest.mark.parametrize(
    ("change", "option"),
    [
        (["--calls-per-hour", "-5"], "--calls-per-hour"),
        (["--aht", "0"], "--aht"),
        (["--aht", "three minutes"], "--aht"),
        (["--target", "80"], "--target"),
        (["--target", "0"], "--target"),
        (["--within", "-1"], "--within"),
        (["--within", "nan"], "--within"),
        (["--patience", "0"], "--patience"),
        (["--shrinkage", "1"], "--shrinkage"),
        (["--shrinkage", "inf"], "--shrinkage"),
    ],
)
def test_a_bad_option_is_named_on_stderr_with_exit_code_2(capsys, change, option):
    code, out, err = run(capsys, [*BASE, *change, "--json"])
    assert (code, out) == (2, "")
    assert f"argument {option}:" in err


def test_a_missing_option_is_named(capsys):
    code, out, err = run(
        capsys, ["--calls-per-hour", "200", "--aht", "180", "--target", "0.8", "--json"]
    )
    assert (code, out) == (2, "")
    assert "--within" in err


def test_unknown_and_abbreviated_options_are_refused(capsys):
    assert run(capsys, [*BASE, "--max-occupancy", "0.8"])[0] == 2
    assert run(capsys, [*BASE, "--shrink", "0.3"])[0] == 2


def test_help_exits_zero(capsys):
    code, out, _ = run(capsys, ["--help"])
    assert code == 0
    assert "--calls-per-hour" in out


def test_runs_without_django_and_writes_utf8_json():
    # A fresh interpreter: the engine must not pull in Django (DESIGN §4), stdout is UTF-8 JSON.
    script = (
        "import sys; from infolijn.planning.engine.cli import main; "
        "import infolijn.planning.engine.simulation; "
        "code = main(sys.argv[1:]); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'; "
        "sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *BASE, "--json"], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    assert set(json.loads(done.stdout.decode("utf-8"))) == KEYS
