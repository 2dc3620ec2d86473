"""Sentence-level findings: officialese, passive, nominalisation, long sentence."""

from __future__ import annotations

from collections.abc import Sequence

from .analysis import Analysis
from .grammar import find_nominalisations, find_passives
from .officialese import Match, matcher
from .report import Finding
from .tokens import Token

_CATEGORY_LABEL = {
    "flemish": "Ambtelijke taal",
    "formal": "Ambtelijke taal",
    "legal": "Juridische taal",
    "latinate": "Moeilijk woord",
    "jargon": "Vaag modewoord",
    "impersonal": "Onpersoonlijk",
    "abbreviation": "Ambtelijke afkorting",
    "custom": "Ambtelijke taal",
}


def quote(text: str) -> str:
    return f"‘{text}’"


def match_case(suggestion: str, original: str) -> str:
    """Start a suggestion with a capital when the replaced text does."""
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def or_list(items: list[str]) -> str:
    quoted = [quote(i) for i in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " of " + quoted[-1]


def officialese_findings(analysis: Analysis) -> list[Finding]:
    options = analysis.options
    found = matcher(options.officialese_extra, options.officialese_removed)
    results = []
    for sentence in analysis.sentences:
        for match in found.find(sentence.tokens, analysis.masked):
            results.append(_officialese_finding(analysis, sentence.tokens, match))
    return results


def _officialese_finding(analysis: Analysis, tokens: Sequence[Token], match: Match) -> Finding:
    start, end = tokens[match.first].start, tokens[match.last].end
    text = analysis.text[start:end]
    entry = match.entry
    label = _CATEGORY_LABEL.get(entry.category, "Ambtelijke taal")
    alternatives = [match_case(a, text) for a in entry.alternatives]
    message = f"{label}: {quote(text)}"
    if entry.form_of:
        message += f" (van {quote(entry.form_of)})"
    message += "."
    if alternatives:
        message += f" Schrijf liever {or_list(alternatives)}"
        message += ", in de juiste vorm." if entry.form_of else "."
    if entry.hint:
        message += f" {entry.hint}"
    # A one-click replacement only fits the exact words of the row: not another verb form
    # ("verstrekte" → "geven") and not a match with other words inside it.
    suggestions: tuple[str, ...] = ()
    if not entry.form_of and not match.gapped:
        suggestions = tuple(a for a in alternatives if "..." not in a and "…" not in a)
    return Finding("officialese", start, end, text, message, suggestions)


def passive_findings(analysis: Analysis) -> list[Finding]:
    results = []
    for sentence in analysis.sentences:
        for span in find_passives(sentence.tokens, analysis.masked):
            text = analysis.text[span.start : span.end]
            results.append(
                Finding(
                    "passive",
                    span.start,
                    span.end,
                    text,
                    f"Lijdende vorm: {quote(text)}. Zeg wie iets doet, bijvoorbeeld "
                    "‘wij sturen u de brief’ in plaats van ‘de brief wordt u gestuurd’.",
                )
            )
    return results


def nominalisation_findings(analysis: Analysis) -> list[Finding]:
    results = []
    for sentence in analysis.sentences:
        for nominal in find_nominalisations(sentence.tokens, analysis.masked):
            text = analysis.text[nominal.start : nominal.end]
            message = f"Naamwoordstijl: {quote(text)}. Gebruik liever een werkwoord"
            message += f" ({quote(nominal.verb)})." if nominal.verb else "."
            suggestions = (nominal.verb,) if nominal.verb else ()
            results.append(
                Finding("nominalisation", nominal.start, nominal.end, text, message, suggestions)
            )
    return results


def long_sentence_findings(analysis: Analysis) -> list[Finding]:
    limit = analysis.options.max_sentence_words
    results = []
    for sentence in analysis.sentences:
        count = len(sentence.tokens)
        if count <= limit or sentence.kind in ("heading", "table_cell"):
            continue
        text = analysis.text[sentence.start : sentence.end]
        results.append(
            Finding(
                "long_sentence",
                sentence.start,
                sentence.end,
                text,
                f"Lange zin: {count} woorden (meer dan {limit}). Splits de zin in kortere zinnen"
                " met elk één boodschap.",
            )
        )
    return results
