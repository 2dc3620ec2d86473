"""Word-level knowledge: frequency, syllables, compound splitting and function words.

Frequencies come from `wordfreq` (Dutch, shipped with the package; nothing is downloaded),
expressed on the Zipf scale: log10 of occurrences per billion words, so `de` ≈ 7.7, an everyday
word ≈ 4–5 and a word most readers never meet < 2. The dictionary is loaded once, on first use
(about 0.2 s), after which a look-up is a dict access.

Syllables use pyphen's `nl_NL` hyphenation patterns. Hyphenation never splits off a single
letter ("even", "idee" come back whole), so the count is the larger of pyphen's parts and the
number of vowel groups.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Final

import pyphen
import wordfreq


def wordset(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a (multi-line) string."""
    return frozenset(text.split())


FREQUENT_ZIPF: Final = 4.0
"""A word at or above this Zipf value counts as frequent (about the 6,000 most common words)."""

MIN_PART_ZIPF: Final = 3.0
"""Each part of a split compound must be at least this common."""

FUNCTION_WORDS: Final = wordset("""
    de het een 'n 't der des den ik jij je u hij zij ze wij we jullie men het mij me jou
    hem haar ons hen hun mijn jouw uw zijn onze ons jullie hun dit dat deze die wie wat
    welk welke waar wanneer hoe waarom er hier daar in op aan bij met voor van naar uit
    over onder tussen door om tot tegen na zonder sinds tijdens binnen buiten achter
    naast boven langs rond per vanaf via en of maar want dus toch ook niet geen wel al
    nog nu dan als dat omdat zodat terwijl toen of zo te is ben bent zijn was waren
    wordt worden word werd werden heb hebt heeft hebben had hadden kan kun kunt kunnen
    kon konden moet moeten moest moesten mag mogen mocht mochten wil wilt willen wou wilde
    wilden zal zult zullen zou zouden ga gaat gaan ging gingen doe doet doen deed deden
    er erin erop eraan ermee ervoor ervan zich zelf elkaar iets niets niks iemand niemand
    alles alle elk elke ieder iedere veel weinig meer minst meest enkele sommige andere
    ander zeer heel erg echt hoe waar daar hier waarin waarop waarmee waarvoor daarna
    daarom daarmee daarvoor eerst dan ja nee ook alleen maar even wel
    """)

_VOWEL_GROUP = re.compile(r"[aeiouyàáâèéêëìíîòóôöùúû]+|[äëïöü]", re.IGNORECASE)
_DIAERESIS_START = re.compile(r"(?<=[aeiou])[äëïöü]", re.IGNORECASE)
_HYPHENATOR = pyphen.Pyphen(lang="nl_NL", left=1, right=1)
_LINKS: Final = ("", "s", "e", "en", "n")
MAX_COMPOUND_LETTERS: Final = 60  # longer "words" are not split (and cost O(n²) if they were)
MAX_PART_LETTERS: Final = 24
MIN_SHORT_PART_ZIPF: Final = 4.2  # three-letter parts ("dag", "weg") must be very common
_NOT_A_PART: Final = wordset("ver ont her ach tig gade")
_NOT_A_HEAD: Final = wordset(
    "lijk heid ing baar achtig schap loos isch tje je ster aar erd ling nis sel dom"
    " ig ie iek ist atie tie ieën en er ers heden igheid"
)

_frequencies: dict[str, float] | None = None


def _load() -> dict[str, float]:
    global _frequencies
    if _frequencies is None:
        _frequencies = wordfreq.get_frequency_dict("nl")
    return _frequencies


def preload() -> None:
    """Load the frequency list now (servers call this at start-up)."""
    _load()


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word; 0.0 when wordfreq has never seen it."""
    frequency = _load().get(word)
    if not frequency:
        return 0.0
    return math.log10(frequency) + 9.0


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    """Zipf frequency of a token as a reader meets it.

    Hyphenated words take their rarest part ("e-mail" → min(e, mail)); a compound unknown as a
    whole takes the frequency of its rarest part, because a reader who knows "huur" and "premie"
    can read "huurpremie".
    """
    value = zipf(word)
    if value >= MIN_PART_ZIPF or not word:
        return value
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if parts:
            return max(value, min(word_zipf(p) for p in parts))
    found = _split(word)
    return max(value, found[1]) if found else value


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Number of syllables of one word (at least 1 for anything with a letter or digit)."""
    letters = re.sub(r"[^\w]", "", word)
    if not letters:
        return 0
    if letters.isdigit():
        return max(1, len(letters) // 2)  # "18" → 1, "1700" → 2: rough, numbers are short
    by_hyphen = len(_HYPHENATOR.positions(letters)) + 1
    groups = len(_VOWEL_GROUP.findall(letters)) + len(_DIAERESIS_START.findall(letters))
    return max(1, by_hyphen, groups)


@lru_cache(maxsize=65536)
def _split(word: str) -> tuple[tuple[str, ...], float] | None:
    if not 7 <= len(word) <= MAX_COMPOUND_LETTERS or not word.isalpha():
        return None
    n = len(word)
    # best[i] = (number of parts, Zipf of the rarest part, parts, ends in a linking letter)
    best: list[tuple[int, float, tuple[str, ...], bool] | None] = [None] * (n + 1)
    best[0] = (0, 99.0, (), True)

    def offer(i: int, entry: tuple[int, float, tuple[str, ...], bool]) -> None:
        current = best[i]
        if current is None or (entry[0], -entry[1]) < (current[0], -current[1]):
            best[i] = entry

    for end in range(3, n + 1):
        for start in range(max(0, end - MAX_PART_LETTERS), end - 2):
            previous = best[start]
            if previous is None or previous[0] >= 4 or (start == 0 and end == n):
                continue
            part = word[start:end]
            if end == n and part in _NOT_A_HEAD:
                continue
            if part in _NOT_A_PART:
                continue
            value = zipf(part)
            if value < (MIN_SHORT_PART_ZIPF if len(part) == 3 else MIN_PART_ZIPF):
                continue
            offer(end, (previous[0] + 1, min(previous[1], value), (*previous[2], part), False))
        entry = best[end]
        if entry is not None and not entry[3] and end < n:
            for link in _LINKS[1:]:
                stop = end + len(link)
                if stop < n and word[end:stop] == link:
                    offer(stop, (entry[0], entry[1], (*entry[2][:-1], entry[2][-1] + link), True))
    result = best[n]
    if result is None or result[0] < 2:
        return None
    return result[2], result[1]


def split_compound(word: str) -> tuple[str, ...] | None:
    """Split a Dutch compound into known parts, or return None.

    Dynamic programming over split points: every part is a word with Zipf ≥ MIN_PART_ZIPF and at
    least three letters, optionally followed by a linking -s-, -e- or -en- (kept on the part, so
    the parts join back into the word); the head may not be a derivational suffix such as -lijk
    or -heid. The split with the fewest parts wins, then the one whose rarest part is commonest.
    """
    found = _split(word)
    return found[0] if found else None


def is_function_word(word: str) -> bool:
    return word in FUNCTION_WORDS
