"""Words citizens use for official terms, and abbreviations.

``SynonymMap`` maps a citizen's word or phrase (folded) to the terms our scripts use. The
curated list in ``data/synonyms.tsv`` is ours; editors add their own in the admin, and a
script's keywords act as synonyms for that script (they are indexed with it).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from infolijn.search.engine.analysis import STOPWORDS, words


@dataclass(frozen=True)
class Synonym:
    term: str  # what people type: "kindergeld", "premie voor isolatie", "epc"
    replacement: str  # what our scripts say: "groeipakket", "energieprestatiecertificaat"


def builtin_synonyms() -> list[Synonym]:
    text = (
        files("infolijn.search.engine").joinpath("data", "synonyms.tsv").read_text(encoding="utf-8")
    )
    pairs: list[Synonym] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _, replacements = line.partition("\t")
        for replacement in replacements.split("|"):
            if replacement.strip():
                pairs.append(Synonym(term.strip(), replacement.strip()))
    return pairs


class SynonymMap:
    """Finds synonym phrases in a query (longest match first) and gives their replacements."""

    def __init__(self, synonyms: Iterable[Synonym]) -> None:
        self._map: dict[tuple[str, ...], list[str]] = {}
        for synonym in synonyms:
            # Queries are matched without their stop words, so keys are built the same way.
            key = tuple(t for t in words(synonym.term) if t not in STOPWORDS) or tuple(
                words(synonym.term)
            )
            if key:
                self._map.setdefault(key, [])
                if synonym.replacement not in self._map[key]:
                    self._map[key].append(synonym.replacement)
        self._longest = max((len(key) for key in self._map), default=0)

    def expand(self, tokens: list[str]) -> list[tuple[int, int, list[str]]]:
        """(start, end, replacements) for each synonym phrase found in ``tokens``."""
        found: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(tokens):
            for length in range(min(self._longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + length])
                if key in self._map:
                    found.append((i, i + length, self._map[key]))
                    i += length
                    break
            else:
                i += 1
        return found
