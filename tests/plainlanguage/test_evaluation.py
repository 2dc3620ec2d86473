"""The goals of issue 3, measured on our own evaluation sets (tests/plainlanguage/data).

`pairs.json` placed the B1/B2 cut and the dev sentence files were used while writing the
officialese list, so they are in-sample. Each `*_heldout*` / `*_round*` file was written after
the list was frozen for that round and measured once before its misses were added; those
first-run figures (the unbiased ones) are in bench/results-plainlanguage.md. Here every file must
meet the goals of issue 3 with the list as it is now.
"""

import pytest

from infolijn.plainlanguage import check
from infolijn.plainlanguage.officialese import default_entries

from .conftest import read_json, read_lines

EASY = ("A2", "B1")
PAIR_FILES = ["pairs.json", "pairs_heldout.json"]
HELD_OUT_ROUNDS = ["", "2", "3", "4", "5", "6"]
LATER_ROUNDS = ["7", "8", "9", "10"]  # from round 7 on the files are named *_roundN.txt
OFFICIALESE_FILES = (
    ["officialese_sentences.txt"]
    + [f"officialese_heldout{n}.txt" for n in HELD_OUT_ROUNDS]
    + [f"officialese_heldout_round{n}.txt" for n in LATER_ROUNDS]
)
B1_FILES = (
    ["b1_sentences.txt"]
    + [f"b1_heldout{n}.txt" for n in HELD_OUT_ROUNDS]
    + [f"b1_clean_round{n}.txt" for n in LATER_ROUNDS]
)


def has_officialese(text: str) -> bool:
    return any(f.kind == "officialese" for f in check(text).findings)


def test_the_list_has_at_least_400_entries():
    assert len(default_entries()) >= 400


def test_the_evaluation_set_has_at_least_40_pairs():
    assert len(read_json("pairs.json")) >= 40


@pytest.mark.parametrize("name", PAIR_FILES)
def test_plain_passages_are_easier_than_their_officialese_originals(name):
    pairs = read_json(name)
    easier = [check(p["plain"]).difficulty < check(p["officialese"]).difficulty for p in pairs]
    assert sum(easier) / len(pairs) >= 0.95


@pytest.mark.parametrize("name", PAIR_FILES)
def test_plain_passages_rate_b1_or_lower_and_officialese_b2_or_higher(name):
    pairs = read_json(name)
    plain = [check(p["plain"]).level in EASY for p in pairs]
    official = [check(p["officialese"]).level not in EASY for p in pairs]
    assert sum(plain) / len(pairs) >= 0.80
    assert sum(official) / len(pairs) >= 0.80


@pytest.mark.parametrize("name", OFFICIALESE_FILES)
def test_officialese_recall_is_at_least_85_percent(name):
    sentences = read_lines(name)
    recall = sum(map(has_officialese, sentences)) / len(sentences)
    assert recall >= 0.85


@pytest.mark.parametrize("name", B1_FILES)
def test_false_alarms_on_clean_b1_sentences_are_at_most_10_percent(name):
    sentences = read_lines(name)
    false_alarms = sum(map(has_officialese, sentences)) / len(sentences)
    assert false_alarms <= 0.10


def test_level_anchors_are_ordered():
    anchors = read_json("level_anchors.json")
    easy = [check(t).difficulty for t in anchors["A2"]]
    legal = [check(t).difficulty for t in anchors["C"]]
    assert max(easy) < 40 < min(legal)
    assert all(check(t).level in ("C1", "C2") for t in anchors["C"])
