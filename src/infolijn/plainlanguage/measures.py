"""Readability measures, the calibrated `difficulty` and the CEFR `level` indication.

`difficulty` (0–100, higher = harder) is 100 · σ((w · f − CENTRE) / SCALE), where f are the
text features of `features_of` (rates per sentence and per word, counted over the body of the
text, headings left out) and w the weights below.

How the numbers were obtained (details and figures: CALIBRATION.md; code: calibrate.py):

- w was fitted, not chosen: a pairwise logistic (Bradley–Terry) model on the City of
  Amsterdam's before/after sentence pairs, trained on 70 % of the source documents, with an
  L2 penalty and a sign constraint per feature (`FEATURE_SIGNS`). Features the constraint sets
  to 0 (syllables and letters per word, nominalisations) carried no independent signal once
  word frequency was in the model. On the held-out 30 % of the documents the edited side
  scores easier in 78.5 % of the pairs, against 59 % for Flesch-Douma and 62 % for Brouwer.
- CENTRE and SCALE place the B1/B2 border (difficulty 40) in the middle of the gap between our
  own plain passages and their officialese originals (tests/plainlanguage/data/pairs.json), and
  the median plain passage at 30, the middle of B1.
- `level` cuts the scale at 20 / 40 / 60 / 80 into A2 / B1 / B2 / C1 / C2. No validated
  text-level CEFR estimator exists for Dutch: the level is an indication, a policy choice
  anchored on our own passages, not a measurement. A2 is given only to very short texts of
  the commonest words; the engine does not claim to tell A2 from B1.

Flesch-Douma and Brouwer are reported as familiar secondary numbers (higher = easier).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .analysis import Analysis
from .grammar import CLAUSE_WORDS
from .lexicon import FREQUENT_ZIPF, is_function_word, syllables, word_zipf, wordset
from .report import Finding
from .wordfindings import is_rare

RARE_ZIPF_FOR_SCORE: Final = 2.5
LONG_SENTENCE_FOR_SCORE: Final = 20
LONG_WORD_SYLLABLES: Final = 4
LEXICAL_LOAD_ZIPF: Final = 6.0
PRONOUNS: Final = wordset("ik je jij u we wij jullie mij me jou ons uw jouw onze mijn")


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts; features and scores are ratios of these.

    `words` and `sentences` count every unit (headings, list items and table cells included),
    as the report does. Everything else is counted over the *body*: headings are left out, as
    they are not running text and would make a text look easier the more headings it has
    (a text of only headings is its own body).
    """

    words: int
    sentences: int
    body_words: int
    body_sentences: int
    syllables: int
    letters: int
    long_words: int
    frequent_words: int
    rare_words: int
    content_words: int
    content_difficulty: float  # sum over content words of max(0, 6 - Zipf)
    lexical_load: float  # sum over content words of max(0, 6 - Zipf) (see CALIBRATION.md)
    long_sentences: int
    words_in_long_sentences: int
    clause_words: int
    commas: int
    pronouns: int
    officialese: int
    passives: int
    nominalisations: int
    abbreviations: int
    long_compounds: int

    @classmethod
    def of(cls, analysis: Analysis, findings: Sequence[Finding]) -> Counts:
        syll = letters = long_words = frequent = rare = content = 0
        content_difficulty = lexical_load = 0.0
        long_sentences = words_in_long = clause_words = commas = 0
        pronouns = 0
        body = [s for s in analysis.sentences if s.kind != "heading"] or list(analysis.sentences)
        words = sum(len(s.tokens) for s in body)
        for sentence in body:
            tokens = sentence.tokens
            n = len(tokens)
            if n > LONG_SENTENCE_FOR_SCORE and sentence.kind not in ("heading", "table_cell"):
                long_sentences += 1
                words_in_long += n
            commas += analysis.masked.count(",", sentence.start, sentence.end)
            for k, token in enumerate(tokens):
                word = token.norm
                s = syllables(word)
                syll += s
                letters += len(word)
                if s >= LONG_WORD_SYLLABLES:
                    long_words += 1
                value = word_zipf(word)
                if value >= FREQUENT_ZIPF:
                    frequent += 1
                if word in CLAUSE_WORDS and k > 0:
                    clause_words += 1
                if word in PRONOUNS:
                    pronouns += 1
                if token.is_number or is_function_word(word):
                    continue
                if token.text[:1].isupper() and k > 0:
                    continue  # names
                content += 1
                content_difficulty += max(0.0, 6.0 - value)
                lexical_load += max(0.0, LEXICAL_LOAD_ZIPF - value)
                if is_rare(token, k, RARE_ZIPF_FOR_SCORE):
                    rare += 1
        by_kind: dict[str, int] = {}
        starts = [s.start for s in body]
        for finding in findings:
            index = bisect_right(starts, finding.start) - 1
            if index >= 0 and finding.start < body[index].end:
                by_kind[finding.kind] = by_kind.get(finding.kind, 0) + 1
        return cls(
            words=sum(len(s.tokens) for s in analysis.sentences),
            sentences=len(analysis.sentences),
            body_words=words,
            body_sentences=len(body),
            syllables=syll,
            letters=letters,
            long_words=long_words,
            frequent_words=frequent,
            rare_words=rare,
            content_words=content,
            content_difficulty=content_difficulty,
            lexical_load=lexical_load,
            long_sentences=long_sentences,
            words_in_long_sentences=words_in_long,
            clause_words=clause_words,
            commas=commas,
            pronouns=pronouns,
            officialese=by_kind.get("officialese", 0),
            passives=by_kind.get("passive", 0),
            nominalisations=by_kind.get("nominalisation", 0),
            abbreviations=by_kind.get("abbreviation", 0),
            long_compounds=by_kind.get("long_compound", 0),
        )


# Each feature with the sign its weight must have: +1 harder, -1 easier (a monotonicity prior).
FEATURE_SIGNS: Final[dict[str, int]] = {
    "words_per_sentence": 1,
    "log_words_per_sentence": 1,
    "syllables_per_word": 1,
    "letters_per_word": 1,
    "lexical_load_per_sentence": 1,
    "content_words_per_sentence": 1,
    "content_difficulty": 1,
    "rare_per_sentence": 1,
    "frequent_share": -1,
    "long_sentence_share": 1,
    "commas_per_sentence": 1,
    "clause_words_per_sentence": 1,
    "officialese_per_sentence": 1,
    "passives_per_sentence": 1,
    "nominalisations_per_sentence": 1,
    "abbreviations_per_sentence": 1,
    "pronoun_share": -1,
}
FEATURES: Final = tuple(FEATURE_SIGNS)


def features_of(c: Counts) -> dict[str, float]:
    sentences = max(1, c.body_sentences)
    words = max(1, c.body_words)
    return {
        "words_per_sentence": c.body_words / sentences,
        "log_words_per_sentence": math.log1p(c.body_words / sentences),
        "syllables_per_word": c.syllables / words,
        "letters_per_word": c.letters / words,
        "lexical_load_per_sentence": c.lexical_load / sentences,
        "content_words_per_sentence": c.content_words / sentences,
        "content_difficulty": c.content_difficulty / max(1, c.content_words),
        "rare_per_sentence": c.rare_words / sentences,
        "frequent_share": c.frequent_words / words,
        "long_sentence_share": c.words_in_long_sentences / words,
        "commas_per_sentence": c.commas / sentences,
        "clause_words_per_sentence": c.clause_words / sentences,
        "officialese_per_sentence": c.officialese / sentences,
        "passives_per_sentence": c.passives / sentences,
        "nominalisations_per_sentence": c.nominalisations / sentences,
        "abbreviations_per_sentence": c.abbreviations / sentences,
        "pronoun_share": c.pronouns / words,
    }


def flesch_douma(c: Counts) -> float:
    """Flesch-Douma reading ease (1960): higher is easier, 60–70 is "normal"."""
    if not c.body_words:
        return 0.0
    words_per_sentence = c.body_words / max(1, c.body_sentences)
    return 206.835 - 0.93 * words_per_sentence - 77.0 * (c.syllables / c.body_words)


def brouwer(c: Counts) -> float:
    """Brouwer's Leesindex A (1963): higher is easier, 50–75 is "normal"."""
    if not c.body_words:
        return 0.0
    words_per_sentence = c.body_words / max(1, c.body_sentences)
    return 195.0 - 2.0 * words_per_sentence - 66.7 * (c.syllables / c.body_words)


WEIGHTS: Final[dict[str, float]] = {
    "words_per_sentence": 0.0572844,
    "log_words_per_sentence": 0,
    "syllables_per_word": 0,
    "letters_per_word": 0,
    "lexical_load_per_sentence": 0.125442,
    "content_words_per_sentence": 0.122479,
    "content_difficulty": 0.557076,
    "rare_per_sentence": 0.0316899,
    "frequent_share": -3.92825,
    "long_sentence_share": 0.584118,
    "commas_per_sentence": 0.610692,
    "clause_words_per_sentence": 0.0852032,
    "officialese_per_sentence": 4.21575,
    "passives_per_sentence": 3.51072,
    "nominalisations_per_sentence": 0,
    "abbreviations_per_sentence": 3.4857,
    "pronoun_share": -10.3553,
}
CENTRE: Final = 6.8208
SCALE: Final = 11.6396
LEVEL_CUTS: Final = ((20.0, "A2"), (40.0, "B1"), (60.0, "B2"), (80.0, "C1"))


def linear_score(features: dict[str, float]) -> float:
    return sum(WEIGHTS[name] * features[name] for name in FEATURES)


def difficulty_of(features: dict[str, float]) -> float:
    z = (linear_score(features) - CENTRE) / SCALE
    return 100.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def level_of(difficulty: float) -> str:
    for cut, level in LEVEL_CUTS:
        if difficulty < cut:
            return level
    return "C2"


def scores_of(c: Counts, difficulty: float) -> dict[str, float]:
    words = max(1, c.body_words)
    return {
        "difficulty": difficulty,
        "flesch_douma": flesch_douma(c),
        "brouwer": brouwer(c),
        "syllables": float(c.syllables),
        "words_per_sentence": c.body_words / max(1, c.body_sentences),
        "syllables_per_word": c.syllables / words,
        "long_words": float(c.long_words),
        "long_word_share": c.long_words / words,
        "frequent_word_share": c.frequent_words / words,
        "rare_words": float(c.rare_words),
        "long_sentences": float(c.long_sentences),
        "officialese": float(c.officialese),
        "passives": float(c.passives),
        "nominalisations": float(c.nominalisations),
        "abbreviations": float(c.abbreviations),
        "long_compounds": float(c.long_compounds),
    }
