"""`infolijn check FILE... [--json]`: the plain-language report of script files (DESIGN §6).

With one file the JSON output is one report object (§7.2), with several an array in the order
given; `-` reads standard input. Every file is read before anything is printed, so a missing,
unreadable or non-UTF-8 file gives a message on stderr naming it, exit code 2 and no output.
Without `--json` a short human-readable summary is printed instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .engine import check
from .report import Report

EXIT_OK = 0
EXIT_INPUT = 2


class _InputError(Exception):
    pass


def _read(name: str) -> str:
    """The text of a file (or stdin for "-"), decoded as strict UTF-8."""
    label = "standard input" if name == "-" else name
    if name == "-" and getattr(sys.stdin, "buffer", None) is None:
        return sys.stdin.read()  # already text (a test or an embedding program replaced stdin)
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise _InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise _InputError(f"{label}: is a directory, not a file") from None
    except OSError as error:
        raise _InputError(f"{label}: cannot read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _InputError(
            f"{label}: not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        ) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infolijn check",
        description="Plain-language (klare taal) report of Markdown script files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a script file, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--max-sentence-words",
        type=int,
        default=20,
        metavar="N",
        help="flag sentences longer than N words (default 20)",
    )
    return parser


def _write_stdout(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _summary(name: str, text: str, report: Report) -> str:
    lines = [
        f"{name}: level {report.level}, difficulty {report.difficulty:.1f}, "
        f"{report.words} words, {report.sentences} sentences, {len(report.findings)} findings"
    ]
    for finding in report.findings:
        line, column = _line_and_column(text, finding.start)
        lines.append(f"  {line}:{column} {finding.kind}: {finding.message}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # argparse has printed the usage error
        return int(exit_.code or 0)
    if args.max_sentence_words < 1:
        print("--max-sentence-words must be at least 1", file=sys.stderr)
        return EXIT_INPUT
    texts: list[str] = []
    errors: list[str] = []
    for name in args.files:
        try:
            texts.append(_read(name))
        except _InputError as error:
            errors.append(str(error))
    if errors:
        for message in errors:
            print(f"infolijn check: {message}", file=sys.stderr)
        return EXIT_INPUT
    options = {"max_sentence_words": args.max_sentence_words}
    reports = [check(text, options=options) for text in texts]
    if args.json:
        payload: Any = [r.to_dict() for r in reports]
        if len(reports) == 1:
            payload = payload[0]
        _write_stdout(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        _write_stdout(
            "".join(
                _summary(name, text, report)
                for name, text, report in zip(args.files, texts, reports, strict=True)
            )
        )
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
