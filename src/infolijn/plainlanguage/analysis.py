"""One pass over the text that every detector and measure shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .options import Options
from .tokens import Sentence, Token, split


@dataclass(frozen=True, slots=True)
class Glossary:
    """Domain terms editors allow ("Groeipakket", "EPC"), matched case-insensitively.

    A one-word term also covers its plural and possessive forms and compounds that start or
    end with it ("huurpremie" covers "huurpremies" and "huurpremieaanvraag").
    """

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def build(cls, glossary: Mapping[str, str] | None) -> Glossary:
        words: set[str] = set()
        phrases = []
        for term in glossary or {}:
            parts = tuple(term.lower().replace("’", "'").split())
            if len(parts) == 1:
                words.add(parts[0])
            elif parts:
                phrases.append(parts)
        return cls(frozenset(words), tuple(phrases))

    def covers_word(self, norm: str) -> bool:
        return bool(self.words) and _covers(self.words, norm)

    def covered_tokens(self, tokens: tuple[Token, ...]) -> set[int]:
        if not self.words and not self.phrases:
            return set()
        covered = {i for i, t in enumerate(tokens) if self.covers_word(t.norm.rstrip("."))}
        for phrase in self.phrases:
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                if all(tokens[i + k].norm == phrase[k] for k in range(n)):
                    covered.update(range(i, i + n))
        return covered


@lru_cache(maxsize=65536)
def _covers(words: frozenset[str], norm: str) -> bool:
    if norm in words:
        return True
    for suffix in ("s", "'s", "en", "n", "e", "es"):
        if norm.endswith(suffix) and norm[: -len(suffix)] in words:
            return True
    return any(
        len(term) >= 5 and len(norm) > len(term) and (norm.startswith(term) or norm.endswith(term))
        for term in words
    )


@dataclass(frozen=True, slots=True)
class Analysis:
    """The split text; `covered[i]` holds the indexes of glossary tokens of sentence i."""

    text: str
    masked: str
    sentences: tuple[Sentence, ...]
    glossary: Glossary
    options: Options
    covered: tuple[frozenset[int], ...]

    @classmethod
    def of(cls, text: str, glossary: Mapping[str, str] | None, options: Options) -> Analysis:
        masked, sentences = split(text)
        terms = Glossary.build(glossary)
        covered = tuple(frozenset(terms.covered_tokens(s.tokens)) for s in sentences)
        return cls(text, masked, tuple(sentences), terms, options, covered)

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]
