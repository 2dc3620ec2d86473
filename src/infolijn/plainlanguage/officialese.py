"""Officialese ("ambtelijke taal"): a token n-gram dictionary with context guards.

The list lives in ``data/officialese.tsv`` (our own, see its header). Matching is on lower-case
surface forms: entries spell out the inflected forms they cover, because lemmatising globally
turns harmless words into hits (``gehouden`` → ``houden``). An n-gram dictionary keyed on the
first word costs one dict look-up per token, against tens of milliseconds for hundreds of
regular expressions.

Context guards keep ordinary uses quiet, for example ``daar`` only at the start of a sentence
before a subject ("Daar u ..." is *omdat*, "Daar kunt u ..." is a place), ``welke`` only as a
relative pronoun, ``dienen`` only with a ``te`` that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from .lexicon import wordset
from .text import MASK
from .tokens import Token

DETERMINERS: Final = wordset(
    "de het een uw je jouw zijn haar hun onze ons deze dit die dat mijn elke ieder iedere"
)
_MAX_WINDOW: Final = 16
GAP: Final = "…"
GAP_WORDS: Final = 4
_RULE_START: Final = re.compile(r"^!?\w+=\S")


@dataclass(frozen=True, slots=True)
class Condition:
    """One context guard: `where` is next/prev/after/before/sent; `negated` flips it."""

    where: str
    words: frozenset[str]
    prefixes: tuple[str, ...]
    window: int
    negated: bool
    barriers: frozenset[str] = frozenset()

    def _word_matches(self, token: Token | None, masked: str, gap_start: int) -> bool:
        if token is None:
            return "#start" in self.words or "#end" in self.words
        if "#any" in self.words:
            return True
        if "#cap" in self.words and token.text[:1].isupper():
            return True
        if "#num" in self.words and token.text[:1].isdigit():
            return True
        if "#det" in self.words and token.norm in DETERMINERS:
            return True
        if "#comma" in self.words and "," in masked[gap_start : token.start]:
            return True
        return token.norm in self.words or token.norm.startswith(self.prefixes or ("\x01",))

    def holds(self, tokens: Sequence[Token], first: int, last: int, masked: str) -> bool:
        """Whether the guard holds for a match of tokens[first:last + 1]."""
        if self.where == "next":
            nxt = tokens[last + 1] if last + 1 < len(tokens) else None
            found = self._word_matches(nxt, masked, tokens[last].end)
            if nxt is None:
                found = "#end" in self.words
        elif self.where == "prev":
            if first == 0:
                found = "#start" in self.words
            else:
                previous = tokens[first - 1]
                found = self._word_matches(previous, masked, previous.end)
                if "#comma" in self.words and "," in masked[previous.end : tokens[first].start]:
                    found = True
        elif self.where == "after":
            found = False
            for t in tokens[last + 1 : last + 1 + self.window]:
                if t.norm in self.barriers:
                    break  # "dient ... in om ... te": the "te" belongs to "om"
                if self._word_matches(t, masked, t.start):
                    found = True
                    break
        elif self.where == "before":
            window = tokens[max(0, first - self.window) : first]
            found = any(self._word_matches(t, masked, t.start) for t in window)
        else:  # sent
            found = any(self._word_matches(t, masked, t.start) for t in tokens)
        return found != self.negated


@dataclass(frozen=True, slots=True)
class Entry:
    term: tuple[str, ...]
    alternatives: tuple[str, ...]
    category: str
    conditions: tuple[Condition, ...] = ()
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # index of the first token in the sentence
    last: int


def _parse_condition(text: str) -> Condition:
    negated = text.startswith("!")
    body = text[1:] if negated else text
    where, _, spec = body.partition("=")
    if where not in {"next", "prev", "after", "before", "sent"}:
        raise ValueError(f"unknown officialese rule {text!r}")
    window = 1
    barriers: frozenset[str] = frozenset()
    if "|" in spec:
        spec, _, stop = spec.partition("|")
        barriers = frozenset(stop.split(","))
    if "/" in spec:
        spec, _, size = spec.rpartition("/")
        window = int(size)
    items = [item for item in spec.split(",") if item]
    words = frozenset(item for item in items if not item.endswith("*"))
    prefixes = tuple(item[:-1] for item in items if item.endswith("*"))
    return Condition(where, words, prefixes, min(window, _MAX_WINDOW), negated, barriers)


def parse_rows(lines: Iterable[str]) -> list[Entry]:
    """Parse TSV lines (see the header of data/officialese.tsv)."""
    entries = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 3:
            raise ValueError(f"officialese.tsv line {number}: expected at least 3 columns")
        term = tuple(columns[0].lower().split())
        alternatives = tuple(a.strip() for a in columns[1].split(";") if a.strip())
        rule: list[str] = []
        hint = ""
        for column in columns[3:]:
            if _RULE_START.match(column.strip()):
                rule.extend(column.split())
            elif column.strip():
                hint = column.strip()
        entries.append(
            Entry(term, alternatives, columns[2].strip(), tuple(map(_parse_condition, rule)), hint)
        )
    return entries


@lru_cache(maxsize=1)
def default_entries() -> tuple[Entry, ...]:
    source = resources.files("infolijn.plainlanguage").joinpath("data/officialese.tsv")
    return tuple(parse_rows(source.read_text(encoding="utf-8").splitlines()))


class Matcher:
    """Finds officialese in the tokens of one sentence. Longest match wins, left to right."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        index: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.term:
                index.setdefault(entry.term[0], []).append(entry)
        for candidates in index.values():
            candidates.sort(key=lambda e: -len(e.term))
        self._index = index

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def find(self, tokens: Sequence[Token], masked: str) -> list[Match]:
        matches = []
        i = 0
        count = len(tokens)
        while i < count:
            candidates = self._index.get(tokens[i].norm)
            found = None
            if candidates:
                for entry in candidates:
                    last = _match_at(tokens, i, entry.term, masked)
                    if last is None:
                        continue
                    if all(c.holds(tokens, i, last, masked) for c in entry.conditions):
                        found = Match(entry, i, last)
                        break
            if found is None:
                i += 1
            else:
                matches.append(found)
                i = found.last + 1
        return matches


def _joined(tokens: Sequence[Token], k: int, masked: str) -> bool:
    """Whether tokens[k] follows tokens[k - 1] without punctuation in between."""
    return not masked[tokens[k - 1].end : tokens[k].start].strip(" \t\r\n" + MASK)


def _match_at(
    tokens: Sequence[Token], first: int, term: tuple[str, ...], masked: str
) -> int | None:
    """Index of the last token if `term` matches from tokens[first], else None.

    A `…` in a term stands for up to GAP_WORDS other words ("zich … richten tot" matches
    "zich steeds richten tot"); the shortest gap wins. Punctuation never lies inside a match.
    """
    position = first
    for k, word in enumerate(term):
        if word == GAP:
            continue
        gap = k > 0 and term[k - 1] == GAP
        limit = position + (GAP_WORDS if gap else 0)
        while position <= limit and position < len(tokens):
            if position > first and not _joined(tokens, position, masked):
                return None
            if tokens[position].norm == word:
                break
            if not gap:
                return None
            position += 1
        else:
            return None
        position += 1
    return position - 1


@lru_cache(maxsize=32)
def _matcher(extra: tuple[tuple[str, tuple[str, ...]], ...], removed: frozenset[str]) -> Matcher:
    entries = [e for e in default_entries() if " ".join(e.term) not in removed]
    entries.extend(
        Entry(tuple(term.lower().split()), alternatives, "custom") for term, alternatives in extra
    )
    return Matcher(entries)


def matcher(
    extra: Mapping[str, Sequence[str]] | None = None, removed: Iterable[str] = ()
) -> Matcher:
    """The matcher for the default list plus editor-managed additions and removals (cached)."""
    extra_key = tuple(sorted((k.lower(), tuple(v)) for k, v in (extra or {}).items()))
    return _matcher(extra_key, frozenset(r.lower() for r in removed))
