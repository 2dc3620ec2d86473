"""Dutch text analysis shared by indexing and querying.

The stemmer is pinned (see ``STEMMER``) because Snowball 3 changed what ``dutch`` means: the
new Kraaij-Pohlmann stemmer conflates gemeente/menen and gezin/zin, the old Porter one misses
plural -s. We use Porter plus our own rules (plural -s, protected domain terms) — chosen by
measurement on our judged queries (bench/RESULTS.md). Changing anything here changes the index:
bump ``ANALYZER_VERSION`` so every server rebuilds its index.
"""

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

import Stemmer

ANALYZER_VERSION = 3
STEMMER = "dutch_porter"

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_stemmer = Stemmer.Stemmer(STEMMER)


def _data_lines(name: str) -> list[str]:
    text = files("infolijn.search.engine").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


STOPWORDS = frozenset(_data_lines("stopwords.txt"))
# "word" keeps the word as its own stem; "word stem" maps it (gemeenten → gemeente).
STEM_OVERRIDES: dict[str, str] = {
    parts[0]: parts[-1] for parts in (line.split() for line in _data_lines("stem_overrides.txt"))
}


def fold(text: str) -> str:
    """Lower case without accents: 'Geërfd' → 'geerfd', 'crèche' → 'creche'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=300_000)
def _fold_word(word: str) -> str:
    return fold(word).replace("’", "'")


def words(text: str) -> list[str]:
    """Folded word tokens in order (apostrophes kept inside words: auto's)."""
    return [_fold_word(match.group()) for match in _TOKEN.finditer(text)]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word, for highlighting."""
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one folded word."""
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("'s"):
        word = word[:-2]
    elif len(word) > 5 and word.endswith("es"):
        # premies → premie, toelages → toelage: Porter leaves this plural -s in place.
        word = word[:-1]
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    return _stemmer.stemWord(word)


def content_words(text: str, *, keep_stopwords: bool = False) -> list[str]:
    tokens = words(text)
    if keep_stopwords:
        return tokens
    kept = [token for token in tokens if token not in STOPWORDS]
    return kept or tokens


def stems(text: str) -> list[str]:
    return [stem(token) for token in content_words(text)]
