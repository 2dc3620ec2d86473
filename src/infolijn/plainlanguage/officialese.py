"""Officialese ("ambtelijke taal"): a token n-gram dictionary with gaps, verb forms and guards.

The list lives in ``data/officialese.tsv`` (our own, see its header). Matching is on lower-case
surface forms: the text is never lemmatised, because lemmatising globally turns harmless words
into hits (``gehouden`` → ``houden``). Instead a row can mark its verb (``verstrekken+``,
``zich wenden+ tot``, ``over|maken+``) and the matcher generates that verb's forms and word
orders from the row (:mod:`.verbs`):

- every form: present, past, participle, inflected participle ("verstrekt", "verstrekte",
  "toegekende"), also inside the phrase ("in kennis gesteld", "kennis nam van");
- a separable verb, joined ("overmaakt", "overgemaakt", "over te maken") and split in a main
  clause ("maakt het bedrag … over"), the particle then at the end of the clause;
- a phrase verb in a main clause: the verb first, its phrase later ("stellen u hiervan in
  kennis");
- a reflexive verb (``zich``) with any reflexive pronoun (zich, u, je, me, ons, …), in the
  orders "zich … wenden tot", "zich … tot … wenden" and "wendt u (zich) tot"; when the verb
  closes its clause, up to ten words may stand between the pronoun and the verb ("die zich
  op het ogenblik van de opname in het buitenland bevindt,").

A ``…`` in a term stands for up to four other words, ``…N`` for up to N. An n-gram dictionary
keyed on the first word costs one dict look-up per token, against tens of milliseconds for
hundreds of regular expressions; a candidate is only tried when all its fixed words occur in
the sentence.

Context guards keep ordinary uses quiet, for example ``daar`` only at the start of a sentence
before a subject ("Daar u ..." is *omdat*, "Daar kunt u ..." is a place), ``welke`` only as a
relative pronoun, ``dienen`` only with a ``te`` that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Final

from .lexicon import wordset
from .text import MASK
from .tokens import Token
from .verbs import VerbForms, conjugate

DETERMINERS: Final = wordset(
    "de het een uw je jouw zijn haar hun onze ons deze dit die dat mijn elke ieder iedere"
)
REFLEXIVE: Final = wordset(
    "zich zichzelf u uzelf je jezelf me mij mezelf mijzelf ons onszelf jullie julliezelf"
)
# Before a participle "u", "je" and "jullie" are mostly the subject ("U bent verzekerd van").
REFLEXIVE_PERFECT: Final = REFLEXIVE - {"u", "je", "jullie"}
# What may follow the particle of a split separable verb at the end of its clause: nothing,
# punctuation, a conjunction, a preposition that opens an extraposed phrase, or "te".
CLAUSE_END: Final = wordset("""
    en of maar want dus dat omdat zodat als dan wanneer zodra tenzij indien nadat voordat
    vooraleer alvorens zoals waardoor waarna terwijl opdat mits om te op aan in naar voor
    vóór met bij vanaf binnen tegen na via per tot uiterlijk ten ter tijdens zonder volgens
    """)
_MAX_WINDOW: Final = 16
GAP: Final = "…"
GAP_WORDS: Final = 4
SPLIT_GAP: Final = 8  # words between a finite verb and the rest of its phrase in a main clause
# A reflexive verb that closes its clause may stand far from its pronoun ("die zich op het
# ogenblik van de opname in het buitenland bevindt,"): up to this many words in between.
LONG_REFLEXIVE_GAP: Final = 10
REFLEXIVE_SLOT: Final = "#refl"
REFLEXIVE_PERFECT_SLOT: Final = "#reflp"
_RULE_START: Final = re.compile(r"^!?\w+=\S")
_STOPS: Final = frozenset(",.;!?)")  # #close: punctuation that closes a clause (not ":")
_GAP_TERM: Final = re.compile(r"^…(\d*)$")

Slot = str | frozenset[str] | int  # a word, any of some words, or a gap of up to N words


@dataclass(frozen=True, slots=True)
class Condition:
    """One context guard: `where` is next/prev/after/before/within/sent; `negated` flips it."""

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
        if "#close" in self.words and _STOPS.intersection(masked[gap_start : token.start]):
            return True
        return token.norm in self.words or token.norm.startswith(self.prefixes or ("\x01",))

    def holds(self, tokens: Sequence[Token], first: int, last: int, masked: str) -> bool:
        """Whether the guard holds for a match of tokens[first:last + 1]."""
        if self.where == "next":
            nxt = tokens[last + 1] if last + 1 < len(tokens) else None
            found = self._word_matches(nxt, masked, tokens[last].end)
            if nxt is None:
                found = "#end" in self.words
                if "#close" in self.words:  # the sentence ends here, not in a colon
                    after = masked[tokens[last].end : tokens[last].end + 8].lstrip(" " + MASK)
                    found = found or not after.startswith(":")
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
        elif self.where == "within":  # the words before the match and inside it
            window = tokens[max(0, first - self.window) : last]
            found = any(self._word_matches(t, masked, t.start) for t in window)
        else:  # sent
            found = any(self._word_matches(t, masked, t.start) for t in tokens)
        return found != self.negated


# The particle of a split separable verb must close its clause ("maakt het bedrag over.").
_PARTICLE_AT_CLAUSE_END: Final = Condition("next", CLAUSE_END | {"#close"}, (), 1, negated=False)
# "Daar maken we ons geen zorgen over": a particle after daar/waar/hier/er is a preposition.
_NO_STRANDED_PREPOSITION: Final = Condition(
    "within", wordset("daar waar hier er"), (), 2, negated=True
)
# A finite verb that opens a split phrase is no noun: no article, number or preposition before
# it ("deze kaart", "binnen drie maanden aan" is no form of "aanmanen").
# The verb of a long-gap reflexive closes its clause (subordinate order: the verb comes last).
_VERB_CLOSES_CLAUSE: Final = Condition("next", CLAUSE_END | {"#close"}, (), 1, negated=False)
_NOT_AFTER_ARTICLE: Final = Condition(
    "prev",
    wordset("""
        de het een uw jouw onze mijn elke iedere geen deze #num twee drie vier vijf zes zeven
        acht negen tien elf twaalf twintig dertig veertig vijftig zestig honderd enkele
        binnen na voor per tot over van in op aan met bij zonder tijdens vanaf sinds
        """),
    (),
    1,
    negated=True,
)


@dataclass(frozen=True, slots=True)
class Verb:
    """The verb of a row: which word of the term, its separable particle and its forms."""

    index: int
    particle: str
    forms: VerbForms


@dataclass(frozen=True, slots=True)
class Entry:
    term: tuple[str, ...]
    alternatives: tuple[str, ...]
    category: str
    conditions: tuple[Condition, ...] = ()
    hint: str = ""
    verb: Verb | None = None  # the row conjugates its verb (a "+" in the list)
    form_of: str = ""  # set on a form generated from a verb row: that row's term


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # index of the first token in the sentence
    last: int
    gapped: bool = False  # other words lie inside the match ("dient … zich … te wenden tot")


def _parse_condition(text: str) -> Condition:
    negated = text.startswith("!")
    body = text[1:] if negated else text
    where, _, spec = body.partition("=")
    if where not in {"next", "prev", "after", "before", "within", "sent"}:
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


def make_entry(
    term: str,
    alternatives: Iterable[str],
    category: str,
    rules: Iterable[str] = (),
    hint: str = "",
    verb_spec: str = "",
) -> Entry:
    """One entry from the columns of a row; a verb marked with `+` (or `a|b`) is conjugated."""
    words: list[str] = []
    verb: tuple[int, str, str] | None = None
    for index, raw in enumerate(term.lower().split()):
        if raw.endswith("+") or "|" in raw:
            if verb is not None:
                raise ValueError(f"{term!r}: only one verb can be marked")
            particle, _, infinitive = raw.rstrip("+").rpartition("|")
            verb = (index, particle, infinitive)
            words.append(particle + infinitive)
        else:
            words.append(raw)
    if verb_spec and verb is None:
        raise ValueError(f"{term!r}: a verb= column needs a verb marked with +")
    conjugated = None
    if verb is not None:
        index, particle, infinitive = verb
        forms = conjugate(infinitive, verb_spec, latinate=category == "latinate")
        conjugated = Verb(index, particle, forms)
    return Entry(
        tuple(words),
        tuple(a.strip() for a in alternatives if a.strip()),
        category,
        tuple(map(_parse_condition, rules)),
        hint,
        conjugated,
    )


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
        rule: list[str] = []
        hint = verb_spec = ""
        for column in columns[3:]:
            if column.strip().startswith("verb="):
                verb_spec = column.strip().removeprefix("verb=")
            elif _RULE_START.match(column.strip()):
                rule.extend(column.split())
            elif column.strip():
                hint = column.strip()
        try:
            entry = make_entry(
                columns[0], columns[1].split(";"), columns[2].strip(), rule, hint, verb_spec
            )
        except ValueError as error:
            if "officialese rule" in str(error):
                raise
            raise ValueError(f"officialese.tsv line {number}: {error}") from error
        entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def default_entries() -> tuple[Entry, ...]:
    """The rows of our list (a verb row counts once; its forms are made by the matcher)."""
    source = resources.files("infolijn.plainlanguage").joinpath("data/officialese.tsv")
    return tuple(parse_rows(source.read_text(encoding="utf-8").splitlines()))


def verb_forms(entry: Entry) -> list[Entry]:
    """The forms and word orders of a verb row, each as an entry of its own (see the module)."""
    verb = entry.verb
    if verb is None:
        return [entry]
    term = " ".join(entry.term)
    pre, post = list(entry.term[: verb.index]), list(entry.term[verb.index + 1 :])
    reflexive = bool(pre) and pre[0] == "zich"
    if reflexive:
        pre = pre[1:]
    forms, particle = verb.forms, verb.particle
    group = [particle + form for form in forms.all]
    te_group = [[particle, "te", forms.infinitive]] if particle else []
    if pre and not particle and not reflexive:
        te_group = [["te", forms.infinitive]]  # in kennis te stellen
    gap, split_gap = f"{GAP}{GAP_WORDS}", f"{GAP}{SPLIT_GAP}"
    long_gap = f"{GAP}{LONG_REFLEXIVE_GAP}"
    # the clause-final part of a main clause: the phrase, the particle and the preposition
    tail = [*pre, *([particle] if particle else []), *post]
    guard: tuple[Condition, ...] = ()
    if particle and not post:
        guard = (_NOT_AFTER_ARTICLE, _PARTICLE_AT_CLAUSE_END, _NO_STRANDED_PREPOSITION)
    patterns: list[tuple[list[str], tuple[Condition, ...]]] = []
    if reflexive:
        patterns.append((list(entry.term), ()))  # the row itself, for its one-click suggestion
        perfect = {particle + p for p in forms.participles}
        for words in [[f] for f in group] + te_group:
            slot = REFLEXIVE_PERFECT_SLOT if words[-1] in perfect else REFLEXIVE_SLOT
            patterns.append(([slot, gap, *pre, *words, *post], ()))  # zich … wenden tot
            if post:
                patterns.append(([slot, gap, *post, gap, *pre, *words], ()))  # zich tot … wenden
                # zich met het hele gezin tot de dienst … wenden,
                long = [slot, long_gap, *post, f"{GAP}6", *pre, *words]
            else:  # die zich op het ogenblik van de opname in het buitenland bevindt,
                long = [slot, long_gap, *pre, *words]
            patterns.append((long, (_VERB_CLOSES_CLAUSE,)))
        for finite in _unique_words((forms.stem, *forms.finite)):  # wend u tot; wendt u zich tot
            if tail:
                patterns.append(([finite, REFLEXIVE_SLOT, gap, *tail], guard))
            else:  # beraadt zich
                patterns.append(([finite, REFLEXIVE_SLOT], ()))
    else:
        for words in [[f] for f in group] + te_group:
            patterns.append(([*pre, *words, *post], ()))  # in kennis gesteld; over te maken
        if pre or particle:
            for finite in forms.finite:  # stellen u … in kennis; maakt het bedrag … over
                patterns.append(([finite, split_gap, *tail], guard))
        elif post:
            for finite in forms.finite:  # beschikt u niet over
                patterns.append(([finite, f"{GAP}2", *post], ()))
            for form in forms.all:  # (dat u) over een attest beschikt; aan … onderworpen
                patterns.append(([*post, f"{GAP}3", form], ()))
    result = []
    for words, extra in patterns:
        form_of = "" if tuple(words) == entry.term else term
        result.append(
            replace(
                entry,
                term=tuple(words),
                conditions=entry.conditions + extra,
                verb=None,
                form_of=form_of,
            )
        )
    return result


def _unique_words(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


def compile_term(term: Sequence[str]) -> tuple[Slot, ...]:
    """The slots of a term: words, gaps (…, …N) and the reflexive pronoun slot."""
    slots: list[Slot] = []
    for word in term:
        gap = _GAP_TERM.match(word)
        if gap:
            slots.append(int(gap.group(1) or GAP_WORDS))
        elif word == REFLEXIVE_SLOT:
            slots.append(REFLEXIVE)
        elif word == REFLEXIVE_PERFECT_SLOT:
            slots.append(REFLEXIVE_PERFECT)
        else:
            slots.append(word)
    return tuple(slots)


@dataclass(frozen=True, slots=True)
class _Candidate:
    entry: Entry
    pattern: tuple[Slot, ...]
    required: frozenset[str]  # fixed words that must occur in the sentence
    generated: bool

    @property
    def order(self) -> tuple[int, bool, int]:
        words = sum(not isinstance(s, int) for s in self.pattern)
        gaps = sum(isinstance(s, int) for s in self.pattern)
        return (-words, self.generated, gaps)


class Matcher:
    """Finds officialese in the tokens of one sentence. Longest match wins, left to right."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        written = list(entries)
        seen = {compile_term(e.term) for e in written if e.verb is None}
        index: dict[str, list[_Candidate]] = {}
        count = 0
        for entry in written:
            for form in verb_forms(entry):
                pattern = compile_term(form.term)
                generated = entry.verb is not None
                if not pattern or isinstance(pattern[0], int):
                    continue
                if generated:
                    if pattern in seen:
                        continue  # a row of its own spells this form out, with its own guards
                    seen.add(pattern)
                required = frozenset(s for s in pattern if isinstance(s, str))
                candidate = _Candidate(form, pattern, required, generated)
                count += 1
                first = pattern[0]
                for key in [first] if isinstance(first, str) else sorted(first):
                    index.setdefault(key, []).append(candidate)
        for candidates in index.values():
            candidates.sort(key=lambda c: c.order)
        self._index = index
        self._count = count

    def __len__(self) -> int:
        """The number of forms matched (a verb row gives several)."""
        return self._count

    def find(self, tokens: Sequence[Token], masked: str) -> list[Match]:
        matches: list[Match] = []
        norms = {t.norm for t in tokens}
        used: set[int] = set()  # tokens that are part of an earlier match
        i = 0
        count = len(tokens)
        while i < count:
            candidates = None if i in used else self._index.get(tokens[i].norm)
            found = None
            anchors: tuple[int, ...] = ()
            if candidates:
                for candidate in candidates:
                    if not candidate.required <= norms:
                        continue
                    hit = _match_at(tokens, i, candidate.pattern, masked)
                    if hit is None or used.intersection(hit):
                        continue
                    last = hit[-1]
                    if all(c.holds(tokens, i, last, masked) for c in candidate.entry.conditions):
                        found = Match(candidate.entry, i, last, len(hit) != last - i + 1)
                        anchors = hit
                        break
            if found is None:
                i += 1
            else:
                matches.append(found)
                used.update(anchors)
                # words inside a gap may hold officialese of their own
                i = found.first + 1 if found.gapped else found.last + 1
        return matches


def _joined(tokens: Sequence[Token], k: int, masked: str) -> bool:
    """Whether tokens[k] follows tokens[k - 1] without punctuation in between."""
    return not masked[tokens[k - 1].end : tokens[k].start].strip(" \t\r\n" + MASK)


def _slot_matches(slot: Slot, word: str) -> bool:
    if isinstance(slot, str):
        return word == slot
    return not isinstance(slot, int) and word in slot


def _match_at(
    tokens: Sequence[Token], first: int, pattern: tuple[Slot, ...], masked: str
) -> tuple[int, ...] | None:
    """The indices of the tokens that match the words of `pattern` from tokens[first], or None.

    A gap (…N) lets up to N other words stand before the next word; the shortest gap wins.
    If a word inside the first gap could also fill the first slot, a tighter match starts
    later ("U dient zich te wenden tot": the match starts at "zich", not at "U"), so this one
    is refused. Punctuation never lies inside a match.
    """
    position = first
    anchors: list[int] = []
    gap = 0
    previous: Slot = ""
    for slot in pattern:
        if isinstance(slot, int):
            gap = slot
            continue
        limit = position + gap
        while True:
            if position > limit or position >= len(tokens):
                return None
            if position > first and not _joined(tokens, position, masked):
                return None
            word = tokens[position].norm
            if _slot_matches(slot, word):
                break
            if not gap or (len(anchors) == 1 and _slot_matches(previous, word)):
                return None
            position += 1
        anchors.append(position)
        previous = slot
        gap = 0
        position += 1
    return tuple(anchors)


@lru_cache(maxsize=32)
def _matcher(extra: tuple[tuple[str, tuple[str, ...]], ...], removed: frozenset[str]) -> Matcher:
    entries = [e for e in default_entries() if " ".join(e.term) not in removed]
    entries.extend(make_entry(term, alternatives, "custom") for term, alternatives in extra)
    return Matcher(entries)


def matcher(
    extra: Mapping[str, Sequence[str]] | None = None, removed: Iterable[str] = ()
) -> Matcher:
    """The matcher for the default list plus editor-managed additions and removals (cached)."""
    extra_key = tuple(sorted((k.lower(), tuple(v)) for k, v in (extra or {}).items()))
    return _matcher(extra_key, frozenset(r.lower() for r in removed))
