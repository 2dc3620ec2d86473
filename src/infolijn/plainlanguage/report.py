"""The result types of a check and their JSON form (DESIGN §7.2)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

KINDS: Final = (
    "officialese",
    "rare_word",
    "long_sentence",
    "passive",
    "nominalisation",
    "abbreviation",
    "formal_address",
    "long_compound",
)
LEVELS: Final = ("A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged passage. `start`/`end` are offsets into the checked text (code points)."""

    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """A plain-language report.

    `difficulty` runs from 0 to 100, higher is harder (see ``measures`` for how it is computed
    and calibrated); `level` is the CEFR indication derived from it.
    """

    words: int
    sentences: int
    difficulty: float
    level: str
    scores: Mapping[str, float]
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "sentences": self.sentences,
            "difficulty": round(self.difficulty, 2),
            "level": self.level,
            "scores": {name: round(float(value), 4) for name, value in self.scores.items()},
            "findings": [finding.to_dict() for finding in self.findings],
        }
