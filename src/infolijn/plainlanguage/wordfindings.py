"""Word-level findings: rare words, abbreviations, u/je mixing and long compounds."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .analysis import Analysis
from .findings import match_case, quote
from .lexicon import is_function_word, split_compound, word_zipf, wordset, zipf
from .report import Finding
from .tokens import KNOWN_ABBREVIATIONS, Token

# Acronyms every reader knows: never asked to be explained.
WELL_KNOWN_ACRONYMS: Final = wordset("""
    eu vs usa vk tv wc gsm sms usb pdf ok btw ict dna qr id eid pc cd dvd covid aids hiv
    wifi gps atm bv nv vzw cv ps nb iban bic
    """)
FULL_FORMS: Final = {
    "bv.": "bijvoorbeeld",
    "bvb.": "bijvoorbeeld",
    "bijv.": "bijvoorbeeld",
    "vb.": "voorbeeld",
    "o.a.": "onder andere",
    "enz.": "enzovoort",
    "etc.": "enzovoort",
    "e.d.": "en dergelijke",
    "e.a.": "en anderen",
    "m.a.w.": "met andere woorden",
    "i.p.v.": "in plaats van",
    "art.": "artikel",
    "nr.": "nummer",
    "nrs.": "nummers",
    "dhr.": "meneer",
    "mevr.": "mevrouw",
    "evt.": "eventueel",
    "incl.": "inclusief",
    "excl.": "exclusief",
    "ca.": "ongeveer",
    "ong.": "ongeveer",
    "vnl.": "vooral",
    "tel.": "telefoon",
    "blz.": "bladzijde",
    "pag.": "pagina",
    "max.": "maximaal",
    "a.u.b.": "alstublieft",
    "s.v.p.": "alstublieft",
    "z.o.z.": "kijk op de achterkant",
    "t.e.m.": "tot en met",
    "d.w.z.": "dat wil zeggen",
    "o.b.v.": "op basis van",
    "vgl.": "vergelijk",
    "zgn.": "zogenaamd",
    "afd.": "afdeling",
    "gem.": "gemiddeld",
    "nl.": "namelijk",
    "m.i.": "volgens mij",
    "n.b.": "let op",
    "resp.": "respectievelijk",
    "i.s.m.": "samen met",
    "t.g.v.": "door",
    "i.t.t.": "anders dan",
    "p.m.": "nog niet bekend",
}
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9&]{1,7}$")
_ROMAN = re.compile(r"^[IVXLC]{1,5}$")
_HEAD_SPLIT = re.compile(r"[-'’/]")
U_FORMS: Final = {"u": "je", "uw": "je", "uzelf": "jezelf"}
JE_FORMS: Final = {
    "je": "u",
    "jij": "u",
    "jou": "u",
    "jouw": "uw",
    "jezelf": "uzelf",
    "jullie": "u",
}


def _acronym_of(token: Token) -> str | None:
    """The acronym in a token ("EPC", "EPC's", "EPC-attest"), or None."""
    text = token.text
    if text[1:].islower() or text.islower() or text[0].isdigit():
        return None
    head = _HEAD_SPLIT.split(text, maxsplit=1)[0]
    if not _ACRONYM.match(head) or _ROMAN.match(head):
        return None
    if 2 * sum(c.isupper() for c in head) < sum(c.isalpha() for c in head):
        return None  # a name in camel case ("MyMinfin"), not an abbreviation
    return head


def _is_shouting(tokens: tuple[Token, ...], k: int, acronym: str) -> bool:
    """Capitals used for emphasis ("LET OP", "GRATIS") rather than an abbreviation."""
    if not acronym.isupper():
        return False
    if zipf(acronym.lower()) >= 4.5:
        return True
    for j in (k - 1, k + 1):
        if 0 <= j < len(tokens):
            neighbour = tokens[j].text
            if len(neighbour) > 1 and neighbour.isupper() and neighbour.isalpha():
                return True
    return False


def _explained(analysis: Analysis, token: Token) -> bool:
    """Explained in place: "... (EPC)", "EPC (energieprestatie...)" or "EPC staat voor"."""
    masked = analysis.masked
    before = masked[max(0, token.start - 3) : token.start].replace("\x00", "")
    after = masked[token.end : token.end + 3].replace("\x00", "").lstrip(" ")
    if before.rstrip().endswith("(") and after.startswith(")"):
        return token.start > 1 and bool(masked[: token.start - 1].strip(" (\x00"))
    if after.startswith("(") or after.startswith(":") or after.startswith("="):
        return True
    rest = masked[token.end : token.end + 20].replace("\x00", "").lower().lstrip(" ,")
    return rest.startswith(("staat voor", "betekent", "is de afkorting van", "of voluit"))


def abbreviation_findings(analysis: Analysis) -> list[Finding]:
    seen: set[str] = set()
    results = []
    for sentence, covered in zip(analysis.sentences, analysis.covered, strict=True):
        tokens = sentence.tokens
        for k, token in enumerate(tokens):
            if k in covered:
                continue
            if token.text.endswith(".") and (
                token.norm in FULL_FORMS or token.norm.count(".") >= 2
            ):
                full = FULL_FORMS.get(token.norm)
                message = f"Afkorting {quote(token.text)}: schrijf ze voluit"
                message += f" ({quote(full)})." if full else "."
                suggestion = (match_case(full, token.text),) if full else ()
                results.append(
                    Finding("abbreviation", token.start, token.end, token.text, message, suggestion)
                )
                continue
            acronym = _acronym_of(token)
            if acronym is None:
                continue
            key = acronym.lower()
            if key in seen or key in WELL_KNOWN_ACRONYMS or key.rstrip(".") in KNOWN_ABBREVIATIONS:
                continue
            seen.add(key)
            if _is_shouting(tokens, k, acronym) or _explained(analysis, token):
                continue
            start = token.start
            results.append(
                Finding(
                    "abbreviation",
                    start,
                    start + len(acronym),
                    acronym,
                    f"Afkorting {quote(acronym)} wordt niet uitgelegd. Schrijf de eerste keer het"
                    f" woord voluit met de afkorting tussen haakjes, of leg {quote(acronym)} uit.",
                )
            )
    return results


def rare_word_findings(analysis: Analysis, skip: set[int]) -> list[Finding]:
    """Content words below the rarity threshold; `skip` holds offsets already flagged."""
    threshold = analysis.options.rare_zipf
    results = []
    seen: set[str] = set()
    for sentence, covered in zip(analysis.sentences, analysis.covered, strict=True):
        tokens = sentence.tokens
        for k, token in enumerate(tokens):
            if k in covered or token.start in skip or token.norm in seen:
                continue
            if not is_rare(token, k, threshold):
                continue
            seen.add(token.norm)  # once per word: the first use is where to explain it
            results.append(
                Finding(
                    "rare_word",
                    token.start,
                    token.end,
                    token.text,
                    f"Weinig gebruikt woord: {quote(token.text)}. Kies een gewoner woord of leg"
                    " het uit.",
                )
            )
    return results


def is_rare(token: Token, index_in_sentence: int, threshold: float) -> bool:
    if token.text[:1].isupper() and index_in_sentence > 0:
        return False  # a name
    if _acronym_of(token):
        return False
    return _rare_word(token.norm, threshold)


@lru_cache(maxsize=65536)
def _rare_word(word: str, threshold: float) -> bool:
    if len(word) < 3 or not word[0].isalpha() or "/" in word or any(c.isdigit() for c in word):
        return False
    if word.endswith(".") or is_function_word(word):
        return False
    return word_zipf(word) < threshold


def formal_address_findings(analysis: Analysis) -> list[Finding]:
    u_tokens: list[Token] = []
    je_tokens: list[Token] = []
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for k, token in enumerate(tokens):
            if token.norm in U_FORMS:
                if token.norm == "u" and k > 0 and tokens[k - 1].is_number:
                    continue  # "om 9 u": uur
                u_tokens.append(token)
            elif token.norm in JE_FORMS:
                je_tokens.append(token)
    if not u_tokens or not je_tokens:
        return []
    if len(u_tokens) != len(je_tokens):
        minority, majority = (
            (u_tokens, "je") if len(u_tokens) < len(je_tokens) else (je_tokens, "u")
        )
    else:  # as many of each: the form used first sets the tone
        minority, majority = (
            (je_tokens, "u") if u_tokens[0].start < je_tokens[0].start else (u_tokens, "je")
        )
    table = U_FORMS if majority == "je" else JE_FORMS
    results = []
    for token in minority:
        replacement = match_case(table[token.norm], token.text)
        results.append(
            Finding(
                "formal_address",
                token.start,
                token.end,
                token.text,
                "U en je door elkaar: deze tekst spreekt de lezer vooral aan met"
                f" {quote(majority)}. Kies één aanspreekvorm.",
                (replacement,),
            )
        )
    return results


def long_compound_findings(analysis: Analysis) -> list[Finding]:
    options = analysis.options
    results = []
    seen: set[str] = set()
    for sentence, covered in zip(analysis.sentences, analysis.covered, strict=True):
        tokens = sentence.tokens
        for k, token in enumerate(tokens):
            word = token.norm
            if k in covered or len(word) < options.long_compound_min_letters or word in seen:
                continue
            if (token.text[:1].isupper() and k > 0) or not word.replace("-", "").isalpha():
                continue
            parts = split_compound(word) if "-" not in word else tuple(word.split("-"))
            long_enough = len(word) >= options.long_compound_letters
            many_parts = parts is not None and len(parts) >= options.long_compound_parts
            if not (long_enough or many_parts) or "-" in word:
                continue
            seen.add(word)
            suggestions: tuple[str, ...] = ()
            if parts:
                cut = len("".join(parts[:-1]))
                suggestions = (f"{token.text[:cut]}-{token.text[cut:]}",)
            results.append(
                Finding(
                    "long_compound",
                    token.start,
                    token.end,
                    token.text,
                    f"Lang samengesteld woord: {quote(token.text)}. Leg het uit, herschrijf het"
                    " (bijvoorbeeld ‘nummer van het rijksregister’) of zet er een streepje in.",
                    suggestions,
                )
            )
    return results
