"""`infolijn check FILE... --json` (DESIGN §6), called through main() directly."""

import io
import json
import sys

from infolijn.plainlanguage.cli import main


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_one_file_gives_one_object(tmp_path, capsys):
    path = write(tmp_path, "a.md", "## Titel\n\nDesgevallend betaal je later.\n")
    assert main([path, "--json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert isinstance(report, dict) and err == ""
    assert report["words"] == 5
    (finding,) = report["findings"]
    assert finding["kind"] == "officialese" and finding["text"] == "Desgevallend"
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == "Desgevallend"


def test_several_files_give_an_array_in_order(tmp_path, capsys):
    first = write(tmp_path, "b.md", "Een zin.")
    second = write(tmp_path, "a.md", "Nog een zin met meer woorden.")
    assert main(["--json", first, second]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["words"] for r in reports] == [2, 6]


def test_dash_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Vooraleer je gaat.")))
    assert main(["-", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"][0]["text"] == "Vooraleer"


def test_dash_reads_a_text_stdin_too(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Gelieve te bellen."))
    assert main(["--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"][0]["text"] == "Gelieve te"


def test_non_utf8_stdin_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9")))
    assert main(["-", "--json"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_output_is_utf8_json(tmp_path, capsysbinary):
    path = write(tmp_path, "a.md", "Gelieve één formulier in te vullen.")
    assert main([path, "--json"]) == 0
    raw = capsysbinary.readouterr().out
    assert "‘Gelieve’".encode() in raw  # not \u-escaped
    assert json.loads(raw.decode("utf-8"))["findings"][0]["text"] == "Gelieve"


def test_missing_file_exits_2_naming_it_and_prints_nothing(tmp_path, capsys):
    good = write(tmp_path, "good.md", "Een zin.")
    missing = str(tmp_path / "missing.md")
    assert main([good, missing, "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "missing.md" in err and "no such file" in err


def test_non_utf8_file_exits_2(tmp_path, capsys):
    path = tmp_path / "latin1.md"
    path.write_bytes("Één zin.".encode("latin-1"))
    assert main([str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert "latin1.md" in err and "UTF-8" in err


def test_directory_exits_2(tmp_path, capsys):
    assert main([str(tmp_path), "--json"]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert main(["--json"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_without_json_a_summary_is_printed(tmp_path, capsys):
    path = write(tmp_path, "a.md", "Desgevallend betaal je later.")
    assert main([path]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: level ") and "1:1 officialese" in out


def test_max_sentence_words_option(tmp_path, capsys):
    path = write(tmp_path, "a.md", "Een zin met zes woorden hier.")
    assert main([path, "--json", "--max-sentence-words", "3"]) == 0
    kinds = [f["kind"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert kinds == ["long_sentence"]
