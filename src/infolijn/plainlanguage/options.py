"""Settings of a check, with defaults chosen on data (see CALIBRATION.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .report import KINDS


@dataclass(frozen=True, slots=True)
class Options:
    """What the checker flags.

    - `max_sentence_words`: a sentence with more words than this is a `long_sentence`
      (Wablieft and the Flemish government advise 15–20).
    - `rare_zipf`: a content word below this wordfreq Zipf value is a `rare_word`.
    - `long_compound_letters`: a word at least this long is a `long_compound`; so is one of
      `long_compound_parts` or more parts and at least `long_compound_min_letters` letters.
    - `officialese_extra` / `officialese_removed`: editor-managed additions to and removals from
      the built-in officialese list (term → plain alternatives).
    - `kinds`: the finding kinds to report (all by default).
    """

    max_sentence_words: int = 20
    rare_zipf: float = 2.5
    long_compound_letters: int = 20
    long_compound_parts: int = 3
    long_compound_min_letters: int = 16
    officialese_extra: Mapping[str, Sequence[str]] = field(default_factory=dict)
    officialese_removed: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset(KINDS)

    @classmethod
    def coerce(cls, value: Options | Mapping[str, Any] | None) -> Options:
        """Accept an Options, a mapping of its field names (unknown names are an error) or None."""
        if value is None:
            return cls()
        if isinstance(value, Options):
            return value
        known = {f.name for f in fields(cls)}
        unknown = set(value) - known
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        updates = dict(value)
        for name in ("officialese_removed", "kinds"):
            if name in updates:
                updates[name] = frozenset(updates[name])
        return replace(cls(), **updates)
