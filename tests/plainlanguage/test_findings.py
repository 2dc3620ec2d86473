"""Every finding kind, with examples that must and must not be flagged."""

import pytest

from infolijn.plainlanguage import check

from .conftest import found


class TestOfficialese:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Desgevallend vragen we een attest.", "Desgevallend"),
            ("Vooraleer je betaalt, krijg je een factuur.", "Vooraleer"),
            ("Je krijgt de kaart mits voorlegging van je eID.", "mits voorlegging van"),
            ("Gebeurlijke kosten zijn voor jou.", "Gebeurlijke"),
            ("Bij gebreke aan betaling volgt een boete.", "Bij gebreke aan"),
            ("Teneinde je dossier te behandelen, vragen we je nummer.", "Teneinde"),
            ("Je krijgt een brief alsook een folder.", "alsook"),
            ("U dient het formulier in te vullen.", "dient"),
            ("Inzake de premie geldt het volgende.", "Inzake"),
            ("Je betaalt middels een overschrijving.", "middels"),
            ("Onverminderd artikel 5 geldt de regel.", "Onverminderd"),
            ("Overeenkomstig het reglement betaal je 10 euro.", "Overeenkomstig"),
            ("Daar u niet op tijd betaalde, vervalt uw recht.", "Daar"),
            ("Gezien de drukte duurt het langer.", "Gezien"),
            ("De documenten welke u nodig hebt, vindt u hier.", "welke"),
            ("Gelieve te antwoorden.", "Gelieve te"),
        ],
    )
    def test_flags_officialese_with_offsets_and_suggestions(self, text, expected):
        report = check(text)
        hits = [f for f in report.findings if f.kind == "officialese"]
        assert [f.text for f in hits] == [expected]
        finding = hits[0]
        assert text[finding.start : finding.end] == expected
        assert finding.message.startswith(("Ambtelijke", "Juridische", "Moeilijk", "Onpersoonlijk"))

    @pytest.mark.parametrize(
        "text",
        [
            "Daar kun je terecht met je vragen.",
            "Welke documenten heb je nodig?",
            "Kijk welke papieren je moet meebrengen.",
            "Heb je de brief al gezien?",
            "Het attest dient als bewijs.",
            "Dat dient om je te beschermen.",
            "Je dient je aanvraag online in.",
            "Je betaalt per maand.",
            "Je kunt enkel online betalen.",
            "De prijzen stijgen steeds meer.",
            "Wij wensen je veel succes.",
            "Het schrijven van een brief is niet moeilijk.",
            "Ze is een bescheiden vrouw.",
            "Een vanwege de drukte gesloten loket.",
            "Dat is te veel.",
            "Je krijgt de bijlage op papier.",
        ],
    )
    def test_ordinary_uses_are_not_flagged(self, text):
        assert found(text, "officialese") == []

    def test_suggestions_follow_the_capital_of_the_text(self):
        (finding,) = [
            f for f in check("Indien je wil, bel ons.").findings if f.kind == "officialese"
        ]
        assert finding.suggestions == ("Als",)

    def test_longest_phrase_wins(self):
        assert found(
            "Het bedrag wordt betaald mits voorlegging van een attest.", "officialese"
        ) == ["mits voorlegging van"]

    def test_phrases_do_not_match_across_punctuation(self):
        assert found("Bij gebreke, aan de balie, wachten.", "officialese") == []

    def test_editors_can_add_and_remove_entries(self):
        options = {"officialese_extra": {"voornoemd loket": ["dat loket"]}}
        report = check("Ga naar het voornoemd loket.", options=options)
        (finding,) = [f for f in report.findings if f.kind == "officialese"]
        assert (finding.text, finding.suggestions) == ("voornoemd loket", ("dat loket",))
        removed = {"officialese_removed": ["reeds"]}
        assert found("Je hebt reeds betaald.", "officialese", options=removed) == []


class TestPassive:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Het formulier wordt door de gemeente verstuurd.", "wordt door de gemeente verstuurd"),
            ("De premie wordt in maart uitbetaald.", "wordt in maart uitbetaald"),
            ("Het formulier moet worden ingevuld.", "worden ingevuld"),
            ("Het formulier moet ingevuld worden.", "ingevuld worden"),
            ("Omdat het formulier ingevuld werd, krijg je de premie.", "ingevuld werd"),
            ("De kosten werden teruggestuurd.", "werden teruggestuurd"),
            ("Uw aanvraag is goedgekeurd.", "is goedgekeurd"),
            ("Zijn aanvraag is door de gemeente goedgekeurd.", "is door de gemeente goedgekeurd"),
            ("De brief werd gisteren verstuurd en ontvangen.", "werd gisteren verstuurd"),
        ],
    )
    def test_flags_worden_and_zijn_with_participles_including_separable_verbs(self, text, expected):
        assert found(text, "passive") == [expected]

    @pytest.mark.parametrize(
        "text",
        [
            "Ik ben gisteren verhuisd.",
            "Hij is naar huis gegaan.",
            "Wat is er gebeurd?",
            "Het loket is gesloten op zondag.",
            "Het is verplicht om een helm te dragen.",
            "Hij heeft zijn formulier ingevuld.",
            "Je wordt lid van de bibliotheek.",
            "Het wordt een mooie dag.",
            "Dit is nog een makkelijk voorbeeld.",
            "Dat is een mooi gebied.",
            "Het is verrassend.",
            "De termijn is verstreken.",
            "We sturen je de brief.",
        ],
    )
    def test_active_sentences_and_adjectives_are_not_flagged(self, text):
        assert found(text, "passive") == []


class TestNominalisation:
    def test_verb_derived_nouns_with_van_are_flagged_with_the_verb(self):
        report = check("De behandeling van uw aanvraag duurt lang.")
        (finding,) = [f for f in report.findings if f.kind == "nominalisation"]
        assert (finding.text, finding.suggestions) == ("behandeling", ("behandelen",))

    def test_nominalised_infinitives(self):
        assert found("Bij het indienen van de aanvraag betaal je.", "nominalisation") == [
            "het indienen"
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "De woning van je ouders.",
            "Het leven van een kind.",
            "De informatie van de gemeente.",
            "De rekening van je bank.",
            "We behandelen je aanvraag snel.",
        ],
    )
    def test_lexicalised_nouns_and_verbs_are_not_flagged(self, text):
        assert found(text, "nominalisation") == []


class TestLongSentence:
    LONG = (
        "Als je een premie wil aanvragen voor het isoleren van je dak, dan moet je eerst een "
        "offerte vragen aan een aannemer en daarna het formulier invullen."
    )

    def test_more_than_twenty_words_is_flagged_as_a_whole(self):
        report = check(self.LONG)
        (finding,) = [f for f in report.findings if f.kind == "long_sentence"]
        assert (finding.start, finding.end, finding.text) == (0, len(self.LONG), self.LONG)
        assert "27 woorden" in finding.message

    def test_twenty_words_is_fine_and_the_limit_is_configurable(self):
        twenty = " ".join(["woord"] * 19) + " einde."
        assert found(twenty, "long_sentence") == []
        assert found(twenty, "long_sentence", options={"max_sentence_words": 15}) == [twenty]

    def test_a_list_without_full_stops_is_not_one_long_sentence(self):
        items = "\n".join(f"- item nummer {n} van de lijst" for n in range(10))
        assert found("Je hebt nodig:\n\n" + items, "long_sentence") == []


class TestAbbreviation:
    def test_unexplained_acronym_is_flagged_once(self):
        assert found("Vraag een EPC aan. Het EPC is tien jaar geldig.", "abbreviation") == ["EPC"]

    @pytest.mark.parametrize(
        "text",
        [
            "Vraag een energieprestatiecertificaat (EPC) aan. Het EPC is tien jaar geldig.",
            "Het EPC (energieprestatiecertificaat) is tien jaar geldig.",
            "LET OP: dit is belangrijk.",
            "De EU en de VS werken samen.",
            "Log in met je eID.",
            "Dit staat in hoofdstuk II.",
        ],
    )
    def test_explained_well_known_and_shouted_words_are_not_flagged(self, text):
        assert found(text, "abbreviation") == []

    def test_glossary_terms_count_as_explained(self):
        glossary = {"EPC": "energieprestatiecertificaat"}
        assert found("Vraag een EPC aan.", "abbreviation", glossary=glossary) == []

    def test_dotted_abbreviations_get_their_full_form(self):
        report = check("Breng o.a. je kaart mee, bv. je eID.")
        hits = [(f.text, f.suggestions) for f in report.findings if f.kind == "abbreviation"]
        assert hits == [("o.a.", ("onder andere",)), ("bv.", ("bijvoorbeeld",))]


class TestFormalAddress:
    def test_the_minority_form_is_flagged_with_the_other_form_as_suggestion(self):
        report = check("U kunt je aanvraag online doen. U krijgt een brief.")
        hits = [(f.text, f.suggestions) for f in report.findings if f.kind == "formal_address"]
        assert hits == [("je", ("u",))]

    def test_consistent_texts_and_time_of_day_are_not_flagged(self):
        assert found("Je kunt bellen. Jij krijgt een brief.", "formal_address") == []
        assert found("U kunt bellen tot 17 u. Uw brief komt later.", "formal_address") == []


class TestLongCompound:
    def test_long_compounds_are_flagged_with_a_hyphenated_suggestion(self):
        report = check("Vraag een energieprestatiecertificaat aan.")
        (finding,) = [f for f in report.findings if f.kind == "long_compound"]
        assert finding.text == "energieprestatiecertificaat"
        assert finding.suggestions == ("energieprestatie-certificaat",)

    def test_ordinary_compounds_and_glossary_terms_are_not_flagged(self):
        assert found("Breng je identiteitskaart mee.", "long_compound") == []
        glossary = {"energieprestatiecertificaat": "attest over het energieverbruik"}
        text = "Vraag een energieprestatiecertificaat aan."
        assert found(text, "long_compound", glossary=glossary) == []


class TestRareWord:
    def test_rare_words_are_flagged(self):
        assert found("De aanvraag werd geïnstigeerd door de commissie.", "rare_word") == [
            "geïnstigeerd"
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Je krijgt het geld op je rekening.",
            "Het kleefbriefje zit in de envelop.",  # a compound of known words
            "Je krijgt het Groeipakket van Jan Peeters.",  # names
            "Je rijdt 30 km/u in de zone.",
        ],
    )
    def test_common_words_compounds_and_names_are_not_flagged(self, text):
        assert found(text, "rare_word") == []

    def test_glossary_terms_and_their_inflections_are_allowed(self):
        glossary = {"itsme": "app om in te loggen"}
        assert found("Log in met itsme.", "rare_word") == ["itsme"]
        assert found("Log in met itsme.", "rare_word", glossary=glossary) == []


def test_camel_case_names_are_not_abbreviations():
    assert found("Doe je aangifte via MyMinfin.", "abbreviation") == []


def test_a_large_glossary_is_honoured_everywhere():
    glossary = {f"term{n}": "uitleg" for n in range(500)}
    glossary |= {"EPC": "energieprestatiecertificaat", "rijksregisternummer": "nummer"}
    report = check("Vraag een EPC aan met je rijksregisternummer.", glossary=glossary)
    assert [f.kind for f in report.findings] == []
