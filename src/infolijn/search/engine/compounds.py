"""Dictionary-based splitting of Dutch compounds (huurpremie → huur + premie).

Koehn & Knight style: a split is kept when its parts are, on average, at least about as
frequent as the whole word, so frequent words (verzekering, gemeente) stay whole while
compounds of frequent parts are split. Linking -s- and -e(n)- are allowed between parts
(omgevingsvergunning → omgeving + vergunning). The lexicon is wordfreq's Dutch list plus the
knowledge base's own vocabulary, so new domain words split into parts we actually use.
"""

from collections.abc import Mapping
from functools import lru_cache

from wordfreq import top_n_list, zipf_frequency

MIN_WORD = 7
MIN_PART = 3
MIN_SHORT_PART_ZIPF = 3.3  # three-letter parts only when very common (gas, tol, bus ...)
MIN_PART_ZIPF = 2.0
LINKERS = ("", "s", "e", "en", "er")
# Prefixes and function words that are words on their own but never a useful compound part.
NOT_PARTS = frozenset(
    [
        "aan",
        "af",
        "bij",
        "toe",
        "ver",
        "uit",
        "man",
        "tel",
        "op",
        "erop",
        "over",
        "voor",
        "door",
        "mee",
        "tegen",
        "onder",
        "na",
        "be",
        "ge",
        "ont",
        "her",
        "in",
        "om",
        "te",
        "los",
        "weg",
        "heen",
        "rond",
        "erbij",
        "ende",
        "erin",
        "eruit",
    ]
)
PART_PENALTY = 0.8
TOLERANCE = 0.6


@lru_cache(maxsize=1)
def base_lexicon(size: int = 60_000) -> dict[str, float]:
    """The most frequent Dutch words with their Zipf frequency (wordfreq ships the data)."""
    return {word: zipf_frequency(word, "nl") for word in top_n_list("nl", size) if word.isalpha()}


def _rank(total: float, parts: tuple[str, ...]) -> float:
    """Mean part score with a penalty per part: fewer, more frequent parts win."""
    return total / len(parts) - PART_PENALTY * len(parts)


class CompoundSplitter:
    def __init__(self, lexicon: Mapping[str, float]) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, tuple[str, ...]] = {}

    def _part_score(self, part: str) -> float | None:
        zipf = self.lexicon.get(part)
        if zipf is None or len(part) < MIN_PART or part in NOT_PARTS:
            return None
        if len(part) == MIN_PART and zipf < MIN_SHORT_PART_ZIPF:
            return None
        return zipf if zipf >= MIN_PART_ZIPF else None

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of ``word``, or ``()`` when it is not (worth treating as) a compound."""
        if word in self._cache:
            return self._cache[word]
        parts: tuple[str, ...] = ()
        if len(word) >= MIN_WORD and word.isalpha():
            best = self._best(word, 0, 3)
            if best is not None:
                score, candidate = best
                whole = self.lexicon.get(word, 0.0)
                if len(candidate) > 1 and score / len(candidate) >= whole - TOLERANCE:
                    parts = candidate
        self._cache[word] = parts
        return parts

    def _best(self, word: str, start: int, max_parts: int) -> tuple[float, tuple[str, ...]] | None:
        """Best (total part score, parts) for ``word[start:]`` in at most ``max_parts`` parts."""
        rest = word[start:]
        whole = self._part_score(rest)
        best: tuple[float, tuple[str, ...]] | None = (whole, (rest,)) if whole is not None else None
        if max_parts == 1:
            return best
        for end in range(start + MIN_PART, len(word) - MIN_PART + 1):
            head_score = self._part_score(word[start:end])
            if head_score is None:
                continue
            for linker in LINKERS:
                tail_start = end + len(linker)
                if word[end:tail_start] != linker or len(word) - tail_start < MIN_PART:
                    continue
                tail = self._best(word, tail_start, max_parts - 1)
                if tail is None:
                    continue
                total, parts = head_score + tail[0], (word[start:end], *tail[1])
                # Prefer fewer parts: compare mean scores, penalising each extra part.
                if best is None or _rank(total, parts) > _rank(*best):
                    best = (total, parts)
        return best
