"""Property tests: the checker never crashes and its offsets always point into the input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infolijn.plainlanguage import check
from infolijn.plainlanguage.tokens import split

FRAGMENTS = st.sampled_from(
    [
        "De premie wordt uitbetaald. ", "Desgevallend ", "dient u ", "te betalen", "bv. ",
        "o.a.", " enz. ", "EPC ", "(EPC)", "u ", "je ", "## ", "\n- ", "\n1. ", "\n\n", "**",
        "[link](https://x.be)", "`code`", "| a | b |\n", "---\n", "\r\n", "?", "!", "…", ". ",
        "energieprestatiecertificaat ", "behandeling van ", "het indienen van ", "Daar ",
        "welke ", "é", "ï", "\u00ad", "\u200d", "’s ", "1.200,50 ", "<b>", "&amp;",
    ]
)  # fmt: skip
MARKDOWNISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes_and_offsets_are_valid(text):
    _assert_valid(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWNISH)
def test_markdown_like_text_never_crashes_and_offsets_are_valid(text):
    _assert_valid(text)


def _assert_valid(text: str) -> None:
    report = check(text)
    data = report.to_dict()
    assert data["words"] >= 0 and data["sentences"] >= 0
    assert 0.0 <= data["difficulty"] <= 100.0
    for finding in data["findings"]:
        assert 0 <= finding["start"] < finding["end"] <= len(text)
        assert text[finding["start"] : finding["end"]] == finding["text"]
    previous_end = 0
    for sentence in split(text)[1]:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        previous_end = sentence.end
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start : token.end] == token.text
