"""The public API and the JSON form of DESIGN §7.2."""

import pytest

from infolijn.plainlanguage import KINDS, LEVELS, Options, check

TEXT = (
    "## Wie heeft recht?\n\n"
    "Desgevallend dient u het formulier in te vullen. Het formulier wordt door de gemeente "
    "verstuurd. Vraag een EPC aan. Je kunt ook bellen.\n"
)


def test_to_dict_has_exactly_the_keys_of_the_design():
    report = check(TEXT).to_dict()
    assert list(report) == ["words", "sentences", "difficulty", "level", "scores", "findings"]
    assert isinstance(report["words"], int) and isinstance(report["sentences"], int)
    assert isinstance(report["difficulty"], float) and 0 <= report["difficulty"] <= 100
    assert report["level"] in LEVELS
    assert all(isinstance(v, float) for v in report["scores"].values())
    for name in ("flesch_douma", "brouwer", "words_per_sentence", "syllables_per_word"):
        assert name in report["scores"]
    for finding in report["findings"]:
        assert list(finding) == ["kind", "start", "end", "text", "message", "suggestions"]
        assert finding["kind"] in KINDS
        assert TEXT[finding["start"] : finding["end"]] == finding["text"]
        assert isinstance(finding["suggestions"], list)


def test_counts_and_kinds_of_a_small_script():
    report = check(TEXT)
    assert (report.words, report.sentences) == (26, 5)
    assert {f.kind for f in report.findings} == {
        "officialese",
        "passive",
        "abbreviation",
        "formal_address",
    }
    assert report.findings == tuple(
        sorted(report.findings, key=lambda f: (f.start, -f.end, f.kind))
    )


def test_harder_text_scores_higher():
    plain = check("Je krijgt het geld op je rekening. Je hoeft niets te doen.")
    official = check(
        "De uitbetaling van de tegemoetkoming geschiedt op het door de rechthebbende "
        "opgegeven rekeningnummer, zonder dat hiertoe een aanvraag dient te worden ingediend."
    )
    assert plain.difficulty < official.difficulty
    assert plain.level in ("A2", "B1") and official.level in ("B2", "C1", "C2")


def test_empty_text():
    assert check("").to_dict() == {
        "words": 0,
        "sentences": 0,
        "difficulty": 0.0,
        "level": "A2",
        "scores": check("").to_dict()["scores"],
        "findings": [],
    }


def test_options_select_kinds_and_reject_unknown_names():
    report = check(TEXT, options=Options(kinds=frozenset({"passive"})))
    assert {f.kind for f in report.findings} == {"passive"}
    assert check(TEXT, options={"kinds": ["passive"]}).findings == report.findings
    with pytest.raises(TypeError, match="unknown option"):
        check(TEXT, options={"colour": "red"})


def test_options_do_not_change_the_difficulty():
    assert check(TEXT).difficulty == check(TEXT, options={"max_sentence_words": 5}).difficulty
