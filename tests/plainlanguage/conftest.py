"""Shared helpers for the plain-language tests (no database needed)."""

import json
from pathlib import Path

import pytest

from infolijn.plainlanguage import Report, check

DATA = Path(__file__).parent / "data"


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def kinds(report: Report, kind: str) -> list[str]:
    """The texts of the findings of one kind."""
    return [f.text for f in report.findings if f.kind == kind]


def found(text: str, kind: str, **kwargs) -> list[str]:
    return kinds(check(text, **kwargs), kind)


@pytest.fixture(scope="session", autouse=True)
def _warm_lexicon():
    """Load wordfreq once for the whole session."""
    check("Opwarmen.")
