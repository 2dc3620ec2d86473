"""Conjugating the verbs of the officialese list, so one row covers all its forms.

A row of ``data/officialese.tsv`` marks its verb with ``+`` ("verstrekken+", "zich wenden+ tot",
"in kennis stellen+"); a separable verb also marks its particle with ``|`` ("over|maken+").
Weak verbs are conjugated by the spelling rules below; strong and irregular verbs give their
forms in a ``verb=`` column (see :func:`parse_spec`). Only the verbs of our own list are
conjugated: the text itself is never lemmatised, so "gehouden" never turns into "houden".

The rules (regular weak verbs, Dutch spelling):

- stem = infinitive minus -en; a doubled consonant is undoubled (verstrekk → verstrek); a
  single long vowel in an open syllable is doubled (maken → maak, verklaren → verklaar) except
  for an unstressed -el/-en/-er (rekenen → reken, verzekeren → verzeker); Latinate -eren verbs
  are stressed (informeren → informeer); a final v/z becomes f/s (leven → leef).
- past: stem + -te(n) after a voiceless consonant of the infinitive ('t kofschip), else -de(n).
- participle: ge- + stem + -t/-d, no ge- after an unstressed prefix (be-, ge-, her-, er-, ver-,
  ont-) except on a Latinate -eren verb (gegenereerd), no extra -t/-d after a stem in t or d;
  ge- takes a diaeresis before e/i/u (geïnd).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .lexicon import wordset

_VOWELS: Final = frozenset("aeiouyäëïöüéèáóúâêîôû")
_VOICELESS: Final = frozenset("tkfschpx")
_UNSTRESSED: Final = ("be", "ge", "her", "ver", "ont", "er")
_DIAERESIS: Final = {"e": "ë", "i": "ï", "u": "ü"}
_DIGRAPHS: Final = wordset("aa ee oo uu ei ie oe ou au eu ui ij")


@dataclass(frozen=True, slots=True)
class VerbForms:
    """The forms of one verb (without a separable particle)."""

    infinitive: str
    stem: str  # ik-form and imperative
    third: str  # hij/u-form
    past: tuple[str, ...]  # singular, plural
    participle: str

    @property
    def finite(self) -> tuple[str, ...]:
        """Finite forms of officialese: u/hij-form, plural (= infinitive) and past.

        The ik-form and imperative (the bare stem) is left out: officialese rarely uses it,
        and as a stem it is often a noun as well ("verzuim", "kaart" of "aankaarten").
        """
        return _unique((self.third, self.infinitive, *self.past))

    @property
    def participles(self) -> tuple[str, ...]:
        """The participle and, for a -d/-t participle, its inflected form ("toegekende")."""
        if self.participle.endswith(("d", "t")):
            return (self.participle, self.participle + "e")
        return (self.participle,)

    @property
    def all(self) -> tuple[str, ...]:
        return _unique((*self.finite, *self.participles))


def _unique(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in words if w))


def _has_unstressed_prefix(verb: str) -> bool:
    return any(verb.startswith(p) and len(verb) > len(p) + 3 for p in _UNSTRESSED)


def _vowel_groups(word: str) -> int:
    groups, previous = 0, False
    for char in word:
        vowel = char in _VOWELS
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups


def _core(base: str) -> str:
    """A stem without an unstressed prefix (to tell a stressed -eren from a schwa)."""
    for prefix in _UNSTRESSED:
        if base.startswith(prefix) and len(base) > len(prefix) + 1:
            return base[len(prefix) :]
    return base


def weak_stem(infinitive: str, *, latinate: bool = False) -> tuple[str, str]:
    """(stem, last consonant of the infinitive's stem before devoicing)."""
    if not infinitive.endswith("en") or len(infinitive) < 4:
        raise ValueError(f"cannot conjugate {infinitive!r}: give its forms in a verb= column")
    base = infinitive[:-2]
    last = base[-1]
    if len(base) >= 2 and base[-1] == base[-2] and last not in _VOWELS:
        base = base[:-1]
    elif (
        len(base) >= 2
        and last not in _VOWELS
        and base[-2] in "aeou"
        and base[-3:-1] not in _DIGRAPHS  # "voeren" → voer; "beogen" → beoog
    ):
        core = _core(base)
        schwa = (
            base[-2] == "e"
            and last in "lnr"
            and _vowel_groups(core[:-2]) >= 1
            and not (latinate and last == "r")
        )
        if not schwa:
            base = base[:-1] + base[-2] + last
    if base.endswith("v"):
        base = base[:-1] + "f"
    elif base.endswith("z"):
        base = base[:-1] + "s"
    return base, last


def conjugate(infinitive: str, spec: str = "", *, latinate: bool = False) -> VerbForms:
    """All forms of a verb; `spec` overrides the weak rules (see :func:`parse_spec`)."""
    stem, past, participle = parse_spec(spec) if spec else ("", (), "")
    if not stem or not past or not participle:
        weak, last = weak_stem(infinitive, latinate=latinate) if not stem else (stem, stem[-1])
        stem = stem or weak
        voiceless = last in _VOICELESS
        if not past:
            ending = "te" if voiceless else "de"
            past = (stem + ending, stem + ending + "n")
        if not participle:
            # a stressed Latinate -eren verb always takes ge- ("gegenereerd", "geverbaliseerd")
            stressed = latinate and stem.endswith("eer")
            prefix = "" if _has_unstressed_prefix(infinitive) and not stressed else "ge"
            if prefix and stem[0] in _DIAERESIS:
                participle = prefix + _DIAERESIS[stem[0]] + stem[1:]
            else:
                participle = prefix + stem
            if not stem.endswith(("t", "d")):
                participle += "t" if voiceless else "d"
    third = stem if stem.endswith("t") else stem + "t"
    return VerbForms(infinitive, stem, third, past, participle)


def parse_spec(spec: str) -> tuple[str, tuple[str, ...], str]:
    """``STEM`` or ``STEM/PAST,PASTPLURAL/PARTICIPLE`` (e.g. ``bekom/bekwam,bekwamen/bekomen``).

    Parts left empty follow the weak rules from the stem given.
    """
    parts = spec.split("/")
    if len(parts) not in (1, 3) or not parts[0]:
        raise ValueError(f"bad verb= column {spec!r}: STEM or STEM/PAST,PLURAL/PARTICIPLE")
    stem = parts[0]
    past: tuple[str, ...] = ()
    participle = ""
    if len(parts) == 3:
        past = tuple(p for p in parts[1].split(",") if p)
        if len(past) == 1 and past[0].endswith(("de", "te")):
            past = (past[0], past[0] + "n")
        elif len(past) not in (0, 2):
            raise ValueError(f"bad verb= column {spec!r}: give the past singular and plural")
        participle = parts[2]
    return stem, past, participle
