"""From what someone typed to a Tantivy query: one group per word or synonym phrase.

Each group is a dis-max over its alternatives (the word's stem in every field, its synonyms'
stems, its compound parts, its spelling correction), so a word counts once however many
ways it matches; groups add up, so scripts matching more of the question rank higher.
"""

import html
import re
from dataclasses import dataclass, field

import tantivy

from infolijn.search.engine.analysis import STOPWORDS, stem, word_spans, words
from infolijn.search.engine.compounds import CompoundSplitter
from infolijn.search.engine.spelling import Speller
from infolijn.search.engine.synonyms import SynonymMap

BOOSTS = {
    "title": 5.0,
    "title_word": 3.0,
    "keywords": 4.0,
    "summary": 2.0,
    "body": 1.0,
    "parts": 1.2,
}
NOTES_BOOST = 1.0
SYNONYM_WEIGHT = 0.9
CORRECTION_WEIGHT = 0.8
PART_WEIGHT = 0.5
TIE_BREAKER = 0.2


@dataclass
class QueryPlan:
    """The analysed query: what to look for, and what to tell the person."""

    groups: list[list[tuple[list[str], float]]] = field(
        default_factory=list
    )  # alternatives: (stems, weight)
    highlight: set[str] = field(default_factory=set)  # stems worth marking in snippets
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → known word


def plan_query(
    text: str, *, synonyms: SynonymMap, splitter: CompoundSplitter, speller: Speller
) -> QueryPlan:
    tokens = words(text)
    content = [token for token in tokens if token not in STOPWORDS] or tokens
    plan = QueryPlan()
    matched: dict[int, tuple[int, list[str]]] = {
        start: (end, repl) for start, end, repl in synonyms.expand(content)
    }
    i = 0
    while i < len(content):
        if i in matched:
            end, replacements = matched[i]
            phrase = content[i:end]
            alternatives: list[tuple[list[str], float]] = [([stem(t) for t in phrase], 1.0)]
            for replacement in replacements:
                stems = [stem(t) for t in words(replacement) if t not in STOPWORDS]
                if stems:
                    alternatives.append((stems, SYNONYM_WEIGHT))
            plan.groups.append(alternatives)
            i = end
            continue
        token = content[i]
        alternatives = [([stem(token)], 1.0)]
        if not speller.knows(token) and (correction := speller.correct(token)):
            plan.corrections[token] = correction
            alternatives.append(([stem(correction)], CORRECTION_WEIGHT))
            for _start, _end, replacements in synonyms.expand([correction]):
                alternatives.extend(
                    ([stem(t) for t in words(r)], SYNONYM_WEIGHT * CORRECTION_WEIGHT)
                    for r in replacements
                )
        parts = splitter.split(token) or _known_halves(token, speller)
        if parts:
            alternatives.append(([stem(part) for part in parts], 1.0))
            alternatives.extend(([stem(part)], PART_WEIGHT) for part in parts)
        for variant in _inflection_variants(token, speller):
            alternatives.append(([stem(variant)], CORRECTION_WEIGHT))
        plan.groups.append(alternatives)
        if i + 1 < len(content) and (joined := _joined(token, content[i + 1], speller)):
            # "huur premie" → also "huurpremie", and whatever that word stands for.
            joined_alternatives = [([stem(joined)], 1.0)]
            for _start, _end, replacements in synonyms.expand([joined]):
                joined_alternatives.extend(
                    ([stem(t) for t in words(r)], SYNONYM_WEIGHT) for r in replacements
                )
            plan.groups.append(joined_alternatives)
        i += 1
    for alternatives in plan.groups:
        for stems, _weight in alternatives:
            plan.highlight.update(stems)
    return plan


def _known_halves(token: str, speller: Speller) -> tuple[str, ...]:
    """An unknown word typed as one that the index knows as two: "kidsid" → kids + id."""
    if speller.knows(token) or len(token) < 5:
        return ()
    for i in range(2, len(token) - 1):
        head, tail = token[:i], token[i:]
        if speller.knows(head) and speller.knows(tail) and min(len(head), len(tail)) >= 2:
            return (head, tail)
    return ()


def _joined(first: str, second: str, speller: Speller) -> str | None:
    for linker in ("", "s"):
        if speller.knows(candidate := f"{first}{linker}{second}"):
            return candidate
    return None


_PARTICIPLE_SUFFIXES = ("d", "t", "en", "de", "te", "den", "ten")


def _inflection_variants(token: str, speller: Speller) -> list[str]:
    """Words of the index that a verb form points to: geërfd → erf, geadopteerd → adopteer."""
    if len(token) < 5 or speller.knows(token):
        return []
    bases = {token}
    if token.startswith("ge") and len(token) > 6:
        bases.add(token[2:])
    roots = set(bases)
    for base in bases:
        roots.update(
            base[: -len(s)]
            for s in _PARTICIPLE_SUFFIXES
            if base.endswith(s) and len(base) - len(s) >= 3
        )
    variants: list[str] = []
    for root in sorted(roots):
        candidates = [root, root + "en", root + "ing", root + "enis"]
        if root.endswith("eer"):  # adopteer → adoptie, isoleer → isolatie, renoveer → renovatie
            candidates += [root[:-3] + "ie", root[:-3] + "atie", root[:-3] + "tie"]
        for candidate in candidates:
            if candidate != token and speller.knows(candidate) and candidate not in variants:
                variants.append(candidate)
    return variants[:4]


def _all_of(schema: tantivy.Schema, field_name: str, stems: list[str]) -> tantivy.Query:
    terms = [tantivy.Query.term_query(schema, field_name, s) for s in stems]
    if len(terms) == 1:
        return terms[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, term) for term in terms])


def to_tantivy(
    plan: QueryPlan, schema: tantivy.Schema, *, with_notes: bool
) -> tantivy.Query | None:
    boosts = dict(BOOSTS, notes=NOTES_BOOST) if with_notes else BOOSTS
    groups: list[tuple[tantivy.Occur, tantivy.Query]] = []
    for alternatives in plan.groups:
        subqueries = []
        for stems, weight in alternatives:
            for field_name, boost in boosts.items():
                if field_name == "title_word":
                    continue
                subqueries.append(
                    tantivy.Query.boost_query(_all_of(schema, field_name, stems), boost * weight)
                )
            if len(stems) == 1 and weight == 1.0:
                subqueries.append(
                    tantivy.Query.boost_query(
                        _all_of(schema, "title_word", stems), boosts["title_word"]
                    )
                )
        groups.append(
            (
                tantivy.Occur.Should,
                tantivy.Query.disjunction_max_query(subqueries, tie_breaker=TIE_BREAKER),
            )
        )
    if not groups:
        return None
    return tantivy.Query.boolean_query(groups)


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def snippet(text: str, highlight: set[str], *, max_chars: int = 220) -> str:
    """The sentence of ``text`` with most matched words, escaped, matches in <mark>.

    Sentences are ranked by a fast regular-expression scan for the stems (they are word
    prefixes); only the chosen sentence is tokenised to mark exactly the matching words.
    """
    stems = sorted((s for s in highlight if len(s) >= 2), key=len, reverse=True)
    finder = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")") if stems else None
    hits = [m.start() for m in finder.finditer(text.casefold())] if finder else []
    best: tuple[int, int] = (0, 0)
    best_count, i = -1, 0
    for match in _SENTENCE.finditer(text):
        while i < len(hits) and hits[i] < match.start():
            i += 1
        j = i
        while j < len(hits) and hits[j] < match.end():
            j += 1
        if j - i > best_count and match.group().strip():
            best, best_count = (match.start(), match.end()), j - i
    start, end = best
    while start < end and text[start] in " \t#-*0123456789.":
        start += 1
    end = min(end, start + max_chars)
    cut = end < best[1]
    out, last = [], start
    for m_start, m_end, token in word_spans(text[start:end]):
        if stem(token) in highlight:
            out.append(html.escape(text[last : start + m_start]))
            out.append(f"<mark>{html.escape(text[start + m_start : start + m_end])}</mark>")
            last = start + m_end
    tail = text[last:end]
    out.append(html.escape(tail.rsplit(" ", 1)[0] if cut else tail))
    return "".join(out).strip() + ("…" if cut else "")
