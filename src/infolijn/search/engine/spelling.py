"""Typo tolerance: the closest word the index knows ("huurprmie" → "huurpremie").

Symmetric deletion (as in SymSpell) with one deletion on each side finds every word within
one edit and many within two; candidates are then checked with the real Damerau-Levenshtein
distance and ranked by distance, then by how many scripts use the word.
"""

from collections import defaultdict
from collections.abc import Mapping


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def damerau_levenshtein(a: str, b: str) -> int:
    """Optimal string alignment distance (a transposition counts as one edit)."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


class Speller:
    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        """``vocabulary`` maps each indexed word to the number of scripts using it."""
        self.vocabulary = dict(vocabulary)
        self._by_delete: dict[str, set[str]] = defaultdict(set)
        for word in self.vocabulary:
            if len(word) >= 4:
                for variant in _deletes(word) | {word}:
                    self._by_delete[variant].add(word)

    def knows(self, word: str) -> bool:
        return word in self.vocabulary

    def correct(self, word: str) -> str | None:
        """The best known word within reach of ``word``, or None (known or hopeless words)."""
        if len(word) < 4 or word in self.vocabulary or not word.isalpha():
            return None
        max_distance = 1 if len(word) <= 5 else 2
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates |= self._by_delete.get(variant, set())
        scored = [
            (distance, -self.vocabulary[candidate], candidate)
            for candidate in candidates
            if (distance := damerau_levenshtein(word, candidate)) <= max_distance
        ]
        return min(scored)[2] if scored else None
