"""Hygiene of our officialese list (src/infolijn/plainlanguage/data/officialese.tsv)."""

from collections import Counter

import pytest

from infolijn.plainlanguage.officialese import Matcher, default_entries, parse_rows
from infolijn.plainlanguage.tokens import split

CATEGORIES = {"formal", "flemish", "latinate", "jargon", "legal", "impersonal", "abbreviation"}
FLEMISH_MUST_HAVE = [
    "desgevallend", "vooraleer", "mits voorlegging van", "gebeurlijk", "bij gebreke aan",
    "teneinde", "alsook", "dienen", "inzake", "middels", "onverminderd", "overeenkomstig",
    "vermits", "overmaken", "aanrekenen", "verwittigen", "hogervermeld", "ten belope van",
    "in functie van", "zich wenden tot", "in voorkomend geval", "ten laatste", "gelieve",
    "bekomen", "indien", "alvorens", "derhalve", "reeds", "trachten", "tevens", "eveneens",
]  # fmt: skip


def test_entries_are_well_formed():
    entries = default_entries()
    assert len(entries) >= 400
    for entry in entries:
        assert entry.term and all(word == word.lower() for word in entry.term), entry
        assert entry.category in CATEGORIES, entry
        assert entry.alternatives, entry
        assert " ".join(entry.term) not in [a.lower() for a in entry.alternatives], entry


def test_no_term_is_listed_twice():
    counts = Counter(" ".join(e.term) for e in default_entries())
    assert [term for term, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("term", FLEMISH_MUST_HAVE)
def test_flemish_and_heerlijk_helder_terms_are_covered(term):
    assert any(" ".join(e.term) == term for e in default_entries())


def test_rules_are_parsed_and_applied():
    (entry,) = parse_rows(["daar\tomdat\tformal\tprev=#start\tnext=u,je\tLet op."])
    assert [c.where for c in entry.conditions] == ["prev", "next"]
    assert entry.hint == "Let op."
    matcher = Matcher([entry])
    for text, hits in [("Daar u niet kwam, wachten we.", 1), ("Daar kunt u terecht.", 0)]:
        masked, (sentence,) = split(text)
        assert len(matcher.find(sentence.tokens, masked)) == hits


def test_a_bad_rule_is_an_error():
    with pytest.raises(ValueError, match="unknown officialese rule"):
        parse_rows(["woord\tander\tformal\tsomewhere=x"])
    with pytest.raises(ValueError, match="line 1"):
        parse_rows(["alleen een kolom"])
