"""The pure search engine: analysis, compounds, spelling, synonyms, ranking and scopes."""

import time

import pytest

from infolijn.search.engine.analysis import STEMMER, fold, stem, stems
from infolijn.search.engine.compounds import CompoundSplitter, base_lexicon
from infolijn.search.engine.evaluation import JudgedFileError, evaluate, ndcg_at, parse_judged
from infolijn.search.engine.index import Scope, ScriptIndex, SearchDocument
from infolijn.search.engine.spelling import Speller, damerau_levenshtein
from infolijn.search.engine.synonyms import Synonym, SynonymMap, builtin_synonyms

# Regression on the stems of the main domain terms: a stemmer upgrade must not silently
# change them (and if it must, ANALYZER_VERSION goes up and indexes are rebuilt).
DOMAIN_STEMS = {
    "kinderbijslag": "kinderbijslag",
    "kinderbijslagen": "kinderbijslag",
    "gemeente": "gemeente",
    "gemeenten": "gemeente",
    "menen": "men",
    "gezin": "gezin",
    "zin": "zin",
    "huurpremie": "huurpremie",
    "huurpremies": "huurpremie",
    "premies": "premie",
    "woning": "woning",
    "woningen": "woning",
    "aanvraag": "aanvrag",
    "aanvragen": "aanvrag",
    "studietoelage": "studietoelag",
    "studietoelagen": "studietoelag",
    "toelages": "toelag",
    "verkeersbelasting": "verkeersbelast",
    "belastingen": "belast",
    "groeipakket": "groeipakket",
    "kinderen": "kind",
    "adres": "adres",
    "adressen": "adres",
    "epc": "epc",
    "auto's": "auto",
}


def test_stemmer_is_pinned_and_domain_stems_hold():
    assert STEMMER == "dutch_porter"
    assert {word: stem(word) for word in DOMAIN_STEMS} == DOMAIN_STEMS


def test_folding_and_stop_words():
    assert fold("Geërfd CRÈCHE") == "geerfd creche"
    assert stems("Hoeveel krijg ik als mijn kind geboren is?") == ["krijg", "kind", "gebor"]
    assert stems("wat is het") == ["wat", "is", "het"]  # only stop words: keep them


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("huurpremie", ("huur", "premie")),
        ("omgevingsvergunning", ("omgeving", "vergunning")),
        ("verkeersbelasting", ("verkeer", "belasting")),
        ("werkloosheidsuitkering", ("werkloosheid", "uitkering")),
        ("verzekering", ()),
        ("gemeente", ()),
        ("belasting", ()),
    ],
)
def test_compound_splitting(word, parts):
    assert CompoundSplitter(base_lexicon()).split(word) == parts


def test_spelling_correction():
    speller = Speller({"huurpremie": 3, "premie": 10, "groeipakket": 7, "studietoelage": 2})
    assert speller.correct("huurprmie") == "huurpremie"
    assert speller.correct("groeipaket") == "groeipakket"
    assert speller.correct("studietoelgae") == "studietoelage"  # transposition
    assert speller.correct("premie") is None  # known
    assert speller.correct("xyz") is None  # too short
    assert speller.correct("fietsenstalling") is None  # nothing close
    assert damerau_levenshtein("ab", "ba") == 1


def test_synonym_phrases_longest_first():
    synonyms = SynonymMap(
        [Synonym("belasting auto", "verkeersbelasting"), Synonym("auto", "wagen")]
    )
    assert synonyms.expand(["belasting", "auto", "kopen"]) == [(0, 2, ["verkeersbelasting"])]
    assert any(s.term == "kindergeld" for s in builtin_synonyms())


@pytest.fixture(scope="module")
def index():
    idx = ScriptIndex(None, builtin_synonyms())
    idx.rebuild(
        [
            SearchDocument(
                "groeipakket-startbedrag",
                "Startbedrag van het Groeipakket",
                "Je krijgt een startbedrag bij de geboorte van je kind.",
                "Het startbedrag is een eenmalig bedrag bij de geboorte.",
                ("geboortepremie",),
            ),
            SearchDocument(
                "huurpremie",
                "Huurpremie",
                "Een premie als je huurt en lang wacht op een sociale woning.",
                "Je krijgt de huurpremie als je huurt op de private markt.",
                ("huur",),
            ),
            SearchDocument(
                "verkeersbelasting",
                "Verkeersbelasting",
                "Je betaalt elk jaar belasting voor je auto.",
                "De verkeersbelasting hangt af van je auto.",
                ("wegenbelasting",),
            ),
            SearchDocument(
                "storing",
                "Storing bij het aanvragen",
                "Tijdelijke storing.",
                "Het formulier werkt niet.",
                agent_notes="Geheim: verwijs door naar de tweede lijn.",
                public=False,
            ),
            SearchDocument(
                "later",
                "Nieuwe huurpremie 2027",
                "Komt later.",
                "Nog niet publiek.",
                public_from=time.time() + 86400,
            ),
        ]
    )
    return idx


def keys(index, query, scope=Scope.AGENT):
    return [hit.key for hit in index.search(query, scope=scope, now=time.time()).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("startbedrag", "groeipakket-startbedrag"),
        ("kindergeld", "groeipakket-startbedrag"),
        ("huur premie", "huurpremie"),
        ("huurpremies", "huurpremie"),
        ("huurprmie", "huurpremie"),
        ("wegenbelasting", "verkeersbelasting"),
        ("hoeveel krijg ik als mijn kind geboren is", "groeipakket-startbedrag"),
    ],
)
def test_the_right_script_is_first(index, query, expected):
    assert keys(index, query)[0] == expected


def test_typo_gets_a_suggestion(index):
    result = index.search("huurprmie", scope=Scope.PUBLIC, now=time.time())
    assert result.suggestion == "huurpremie"
    assert "<mark>" in result.hits[0].snippet


def test_public_scope_never_sees_agent_only_scripts_notes_or_future_scripts(index):
    assert "storing" in keys(index, "storing")
    assert "storing" not in keys(index, "storing", Scope.PUBLIC)
    assert keys(index, "geheim tweede lijn") == ["storing"]
    assert keys(index, "geheim tweede lijn", Scope.PUBLIC) == []
    assert "later" not in keys(index, "nieuwe huurpremie 2027", Scope.PUBLIC)
    assert "later" in keys(index, "nieuwe huurpremie 2027")


def test_snippets_escape_html():
    idx = ScriptIndex(None)
    idx.rebuild(
        [SearchDocument("x", "<b>X</b>", "Over <script>alert(1)</script> premie.", "Tekst.")]
    )
    hit = idx.search("premie", scope=Scope.AGENT, now=time.time()).hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_nasty_queries_do_not_break(index):
    for query in [
        "",
        "   ",
        "?!*",
        "a" * 5000,
        "' OR 1=1 --",
        "<script>",
        "ééé",
        "\x00",
        "AND OR NOT (",
        "🙂",
    ]:
        index.search(query, scope=Scope.PUBLIC, now=time.time())


def test_upsert_and_delete_keep_vocabulary_right(tmp_path):
    idx = ScriptIndex(tmp_path / "idx")
    idx.rebuild([SearchDocument("a", "Zonnepanelen", "Premie.", "Tekst.")], fingerprint="f1")
    assert idx.speller.knows("zonnepanelen")
    idx.upsert([SearchDocument("b", "Warmtepomp", "Premie.", "Tekst.")], ["a"], fingerprint="f2")
    assert not idx.speller.knows("zonnepanelen")
    reopened = ScriptIndex(tmp_path / "idx")
    assert reopened.fingerprint == "f2"
    assert reopened.speller.knows("warmtepomp")
    assert [
        h.key for h in reopened.search("warmtepomp", scope=Scope.AGENT, now=time.time()).hits
    ] == ["b"]


def test_judged_file_parsing_and_measures():
    judged = parse_judged("q1\thuurpremie\thuurpremie:3,sociale-woning:1\nq2\trijbewijs\t\n")
    assert judged[0].grades == {"huurpremie": 3, "sociale-woning": 1}
    assert ndcg_at(["huurpremie", "sociale-woning"], judged[0].grades) == pytest.approx(1.0)
    scores = evaluate(judged, lambda q: ["sociale-woning", "huurpremie"])
    assert scores.queries == 1
    assert scores.mrr == 0.5
    for bad in ["q1\tonly two", "q1\tx\tid:drie", "q1\tx\tid:3\nq1\ty\tid:3"]:
        with pytest.raises(JudgedFileError):
            parse_judged(bad)


def test_a_word_typed_as_one_finds_the_two_words_of_the_index():
    idx = ScriptIndex(None)
    idx.rebuild(
        [
            SearchDocument(
                "kids-id", "De Kids-ID aanvragen", "Een identiteitsbewijs voor kinderen.", "Tekst."
            )
        ]
    )
    assert [h.key for h in idx.search("kidsid", scope=Scope.AGENT, now=time.time()).hits] == [
        "kids-id"
    ]
