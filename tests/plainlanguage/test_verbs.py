"""Verb forms of the officialese list: the conjugation rules and the word orders they match."""

import pytest

from infolijn.plainlanguage import check
from infolijn.plainlanguage.officialese import Matcher, parse_rows
from infolijn.plainlanguage.tokens import split
from infolijn.plainlanguage.verbs import conjugate

from .conftest import found


@pytest.mark.parametrize(
    ("infinitive", "third", "past", "participle"),
    [
        ("verstrekken", "verstrekt", "verstrekte", "verstrekt"),  # kofschip, no ge- after ver-
        ("verwittigen", "verwittigt", "verwittigde", "verwittigd"),
        ("maken", "maakt", "maakte", "gemaakt"),  # long vowel doubled
        ("verklaren", "verklaart", "verklaarde", "verklaard"),
        ("rekenen", "rekent", "rekende", "gerekend"),  # unstressed -en: no doubling
        ("verzekeren", "verzekert", "verzekerde", "verzekerd"),
        ("beheren", "beheert", "beheerde", "beheerd"),  # be- is a prefix, -eer stressed
        ("leven", "leeft", "leefde", "geleefd"),  # v → f, past after the v: -de
        ("behelzen", "behelst", "behelsde", "behelsd"),
        ("wenden", "wendt", "wendde", "gewend"),
        ("verrichten", "verricht", "verrichtte", "verricht"),
        ("innen", "int", "inde", "geïnd"),  # diaeresis after ge-
        ("beogen", "beoogt", "beoogde", "beoogd"),  # e-o is no digraph
        ("voeren", "voert", "voerde", "gevoerd"),  # oe is
    ],
)
def test_weak_verbs_follow_the_spelling_rules(infinitive, third, past, participle):
    forms = conjugate(infinitive)
    assert (forms.third, forms.past[0], forms.participle) == (third, past, participle)
    assert forms.past[1] == past + "n"


def test_latinate_verbs_have_a_stressed_eer_and_always_ge():
    forms = conjugate("genereren", latinate=True)
    assert (forms.third, forms.participle) == ("genereert", "gegenereerd")
    assert conjugate("informeren", latinate=True).participle == "geïnformeerd"


def test_strong_verbs_take_their_forms_from_the_list():
    forms = conjugate("bekomen", "bekom/bekwam,bekwamen/bekomen")
    assert forms.finite == ("bekomt", "bekomen", "bekwam", "bekwamen")
    assert forms.participles == ("bekomen",)
    assert conjugate("overhandigen", "overhandig//overhandigd").participle == "overhandigd"


def test_the_bare_stem_is_not_a_finite_form():
    # "verzuim" and "kaart" are nouns more often than forms of verzuimen and aankaarten
    assert "verzuim" not in conjugate("verzuimen").all


@pytest.mark.parametrize("bad", ["bekom/bekwam", "/x/y", "a/b,c,d/e"])
def test_a_bad_verb_column_is_an_error(bad):
    with pytest.raises(ValueError, match="line 1"):
        parse_rows([f"bekomen+\tkrijgen\tflemish\tverb={bad}"])


def test_a_verb_column_needs_a_marked_verb_and_one_verb_only():
    with pytest.raises(ValueError, match="verb marked"):
        parse_rows(["bekomen\tkrijgen\tflemish\tverb=bekom"])
    with pytest.raises(ValueError, match="only one verb"):
        parse_rows(["maken+ over|maken+\tx\tformal"])


def _hits(row: str, text: str) -> list[str]:
    masked, sentences = split(text)
    matcher = Matcher(parse_rows([row]))
    return [
        text[s.tokens[m.first].start : s.tokens[m.last].end]
        for s in sentences
        for m in matcher.find(s.tokens, masked)
    ]


class TestWordOrders:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Wij hebben het bedrag overgemaakt.", "overgemaakt"),
            ("Gelieve het bedrag over te maken.", "over te maken"),
            ("Omdat u het bedrag overmaakt, ...", "overmaakt"),
            ("Wij maken het bedrag binnen de week over.", "maken het bedrag binnen de week over"),
            ("U maakte het bedrag over, dank u.", "maakte het bedrag over"),
            ("Maak het bedrag over voor 1 mei.", None),  # the imperative is not matched
        ],
    )
    def test_separable_verb_joined_and_split(self, text, expected):
        assert _hits("over|maken+\tsturen\tflemish", text) == ([expected] if expected else [])

    @pytest.mark.parametrize(
        "text",
        [
            "We maken ons zorgen over de kosten.",  # "over" is a preposition here
            "Daar maken we ons geen zorgen over.",  # stranded after "daar"
            "Waar maken jullie je druk over?",
            "Ze maken afspraken over:",  # a colon opens a list
            "De maken over.",  # an article: "maken" is no verb
        ],
    )
    def test_a_split_particle_must_end_the_clause(self, text):
        assert _hits("over|maken+\tsturen\tflemish", text) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("U kunt zich wenden tot het loket.", "zich wenden tot"),
            ("U dient zich te wenden tot het loket.", "zich te wenden tot"),
            ("Wendt u zich tot het loket.", "Wendt u zich tot"),
            ("Wend u tot het loket.", "Wend u tot"),
            ("Hij wendde zich meteen tot de ombudsman.", "wendde zich meteen tot"),
            ("Gelieve u tot de balie te wenden.", "u tot de balie te wenden"),
            ("Wij hebben ons tot de rechter gewend.", "ons tot de rechter gewend"),
        ],
    )
    def test_reflexive_verb_in_every_order(self, text, expected):
        assert _hits("zich wenden+ tot\tcontact opnemen met\tflemish", text) == [expected]

    def test_a_subject_pronoun_before_a_participle_is_not_reflexive(self):
        row = "zich verzekeren+ van\tnagaan\tformal"
        assert _hits(row, "U bent verzekerd van een plaats.") == []
        assert _hits(row, "Hij heeft zich verzekerd van een plaats.") == ["zich verzekerd van"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Wij stellen u hiervan graag in kennis.", "stellen u hiervan graag in kennis"),
            ("U werd hiervan in kennis gesteld.", "in kennis gesteld"),
            ("Wij vragen u ons in kennis te stellen.", "in kennis te stellen"),
        ],
    )
    def test_phrase_verb_forms(self, text, expected):
        assert _hits("in kennis stellen+\tlaten weten\tformal", text) == [expected]


class TestFindings:
    def test_an_inflected_form_names_its_row_and_offers_no_one_click_fix(self):
        (finding,) = [
            f
            for f in check("De bode overhandigde ons de brief.").findings
            if f.kind == "officialese"
        ]
        assert finding.text == "overhandigde"
        assert "‘overhandigen’" in finding.message and "in de juiste vorm" in finding.message
        assert finding.suggestions == ()

    def test_a_gapped_match_offers_no_one_click_fix(self):
        (finding,) = [
            f for f in check("Wij kennen u de premie toe.").findings if f.kind == "officialese"
        ]
        assert finding.text == "kennen u de premie toe"
        assert finding.suggestions == ()

    def test_the_row_itself_keeps_its_suggestions(self):
        (finding,) = [
            f for f in check("U moet ons verwittigen.").findings if f.kind == "officialese"
        ]
        assert finding.suggestions == ("laten weten", "waarschuwen")

    def test_officialese_inside_a_gap_is_found_too(self):
        assert found("Wij maken het bedrag onverwijld over.", "officialese") == [
            "maken het bedrag onverwijld over",
            "onverwijld",
        ]

    def test_editor_entries_can_mark_a_verb(self):
        options = {"officialese_extra": {"door|sturen+": ["sturen naar"]}}
        assert found("Wij stuurden uw brief gisteren door.", "officialese", options=options) == [
            "stuurden uw brief gisteren door"
        ]
