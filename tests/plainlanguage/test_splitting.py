"""Sentence and word splitting on Markdown script bodies."""

import pytest

from infolijn.plainlanguage.tokens import split


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text)[1]]


def words(text: str) -> list[str]:
    return [t.text for s in split(text)[1] for t in s.tokens]


@pytest.mark.parametrize(
    "text",
    [
        "Breng bv. je identiteitskaart mee.",
        "Je hebt o.a. een attest nodig.",
        "Je betaalt huur, water enz. en ook de elektriciteit.",
        "Dat staat in art. 5 van het decreet.",
        "Het gaat om dossier nr. 12345 van vorig jaar.",
        "Je spreekt met dhr. Peeters van de dienst.",
        "Je spreekt met mevr. Janssens van de dienst.",
        "Je moet m.a.w. zelf niets doen.",
        "Stuur een mail i.p.v. een brief.",
        "Je krijgt boeken, films e.d. in de bibliotheek.",
        "Je spreekt met J. Claes van het loket.",
        "Het kost 1.250,50 euro per jaar.",
        "Zie blz. 4 en p. 7 van de brochure.",
    ],
)
def test_abbreviations_and_numbers_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    text = "Wie heeft recht? Iedereen! Je vraagt het aan in 2025. Daarna wacht je."
    assert sentences(text) == [
        "Wie heeft recht?",
        "Iedereen!",
        "Je vraagt het aan in 2025.",
        "Daarna wacht je.",
    ]


def test_a_list_closing_abbreviation_before_a_capital_ends_the_sentence():
    assert sentences("We vragen je naam, adres enz. De aanvraag duurt een week.") == [
        "We vragen je naam, adres enz.",
        "De aanvraag duurt een week.",
    ]


def test_words_that_look_like_abbreviations_still_end_a_sentence():
    assert sentences("Ik ben Jan. Dat is zo. Daarna gaan we.") == [
        "Ik ben Jan.",
        "Dat is zo.",
        "Daarna gaan we.",
    ]


def test_headings_and_list_items_are_their_own_units():
    text = (
        "## Wie heeft recht op de premie\n"
        "Je hebt recht als je:\n\n"
        "- in Vlaanderen woont\n"
        "- minstens 18 jaar bent\n"
        "* een laag inkomen hebt\n"
        "1. het formulier invult\n"
        "2) het terugstuurt\n"
    )
    units = split(text)[1]
    assert [text[u.start : u.end] for u in units] == [
        "Wie heeft recht op de premie",
        "Je hebt recht als je:",
        "in Vlaanderen woont",
        "minstens 18 jaar bent",
        "een laag inkomen hebt",
        "het formulier invult",
        "het terugstuurt",
    ]
    assert [u.kind for u in units] == ["heading", "sentence"] + ["list_item"] * 5


def test_setext_headings_tables_and_quotes():
    text = (
        "Titel\n=====\n\n| Wie | Bedrag |\n|---|---|\n| Kind | 100 euro |\n\n> Een citaat hier.\n"
    )
    units = split(text)[1]
    assert [(text[u.start : u.end], u.kind) for u in units] == [
        ("Titel", "heading"),
        ("Wie", "table_cell"),
        ("Bedrag", "table_cell"),
        ("Kind", "table_cell"),
        ("100 euro", "table_cell"),
        ("Een citaat hier.", "sentence"),
    ]


def test_soft_line_breaks_continue_the_sentence():
    text = "Je krijgt het geld\nop je rekening.\n\nNieuwe alinea."
    assert sentences(text) == ["Je krijgt het geld\nop je rekening.", "Nieuwe alinea."]


def test_markup_links_code_and_front_matter_are_not_words():
    text = (
        "---\nid: premie\ntitle: De premie\n---\n"
        'Lees **de brochure** op [onze site](https://www.vlaanderen.be/premie "uitleg").\n\n'
        "```\ncode die niet telt\n```\n"
        "Mail naar info@vlaanderen.be of kijk op www.vlaanderen.be/nl.\n"
        "<!-- opmerking voor de redactie -->\n"
    )
    assert words(text) == [
        "Lees", "de", "brochure", "op", "onze", "site",
        "Mail", "naar", "of", "kijk", "op",
    ]  # fmt: skip


def test_words_keep_hyphens_apostrophes_and_dotted_abbreviations():
    assert words("Zo'n e-mail over auto's en 's avonds, o.a. COVID-19.") == [
        "Zo'n", "e-mail", "over", "auto's", "en", "'s", "avonds", "o.a.", "COVID-19",
    ]  # fmt: skip


def test_windows_line_endings_and_offsets():
    text = "Eerste zin.\r\n\r\n- item een\r\n- item twee\r\n"
    masked, units = split(text)
    assert len(masked) == len(text)
    assert [text[u.start : u.end] for u in units] == ["Eerste zin.", "item een", "item twee"]


def test_opening_quotes_belong_to_the_sentence():
    assert sentences('"Kom binnen." Hij zei het. (Zie hieronder.)') == [
        '"Kom binnen."',
        "Hij zei het.",
        "(Zie hieronder.)",
    ]


def test_offsets_of_every_token_slice_to_its_text():
    text = "## Kop\n\nDe premie (zie **art. 5**) bedraagt € 1.200!\n\n- één\n- twee"
    for unit in split(text)[1]:
        for token in unit.tokens:
            assert text[token.start : token.end] == token.text


def test_empty_and_markup_only_input():
    assert split("")[1] == []
    assert split("---\n\n***\n\n```\nx\n```\n")[1] == []
