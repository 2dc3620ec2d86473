"""Parser-free detectors for the passive voice and for nominalisations ("naamwoordstijl").

Passive: a form of *worden* (or *zijn*) and a past participle in the same clause. Dutch puts the
participle at the end of the main clause ("wordt ... door de gemeente betaald") and before the
auxiliary in a subordinate clause ("omdat het formulier ingevuld wordt"), so both directions are
searched, up to the next clause boundary. A participle is recognised by shape: ge-…-d/t/en,
a separable particle before ge- ("ingevuld", "teruggestuurd"), or an unstressed prefix
(be-, ver-, ont-, her-, er-) with or without a particle ("betaald", "uitbetaald").

*zijn* + participle is also the perfect tense of verbs of motion and change ("is verhuisd"),
and many participles are adjectives ("is verplicht", "is gesloten"): those are listed and
never flagged. The possessive *zijn* ("zijn formulier ingevuld") only counts when it stands
right next to the participle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .lexicon import word_zipf, wordset, zipf
from .tokens import Token

WORDEN: Final = wordset("word wordt worden werd werden")
ZIJN: Final = wordset("is ben bent zijn was waren")
HEBBEN: Final = wordset("heb hebt heeft hebben had hadden")
_PARTICLES: Final = sorted(
    wordset(
        "aan af bij binnen door in mee na neer om onder op over terug toe uit vast voor weg samen"
        " tegen rond los vrij dicht open goed kwijt bekend stop tot teweeg deel achter bloot"
        " thuis gelijk tegemoet vooruit voort weer klaar schoon kapot bijeen"
    ),
    key=lambda w: (-len(w), w),
)
_PARTICIPLE = re.compile(
    rf"^(?:(?:{'|'.join(_PARTICLES)})?ge[a-zäëïöüéè]{{2,}}(?:d|t|en|n)"
    rf"|(?:{'|'.join(_PARTICLES)})?(?:be|ver|ont|her|er)[a-zäëïöüéè]{{2,}}(?:d|t|en))$"
)
# Nouns and adjectives that look like participles.
_NOT_PARTICIPLES: Final = wordset("""
    geld gebied gebieden gezicht gewicht gedicht gerecht gevecht geluid gezond gemeenten
    geheugen gebit gelijk geleden gemiddeld geschikt gewend gewoon genoeg gepast gerust
    geslacht gehucht gebed gevolgen gebouwen gezinnen gebergten gedachten gerechten
    getuigen gewoonten geboorten geschiedenis gezondheid genoegen gebruiken gewesten
    bericht berichten bestand bestanden beleid verband verstand verbod bedrijven verhalen
    besturen bewijzen belet bezit bezoekt vervoert verkeert verwacht verleden eerst
    bedoeld gericht betrokken verschillend voortgezet gelegen gegevens geval gevallen
    erg ergens verdient bent best beste beroemd bekend verplicht gesloten geopend
    voorbeeld voorbeelden beeld beelden gezin geweld geest besluit gesprekken ervaringen
    ontbijt erfgoed belangen verdriet geduld gemeenteraad gevangenen herfst ontvangst
    gedichten gezichten geruchten gevechten geluiden belastingen herkomst beloften getallen
    bewind bevelen geheimen behoeften gelovigen bedrijfsleven nabestaanden beesten beest
    ernst vermogen gemeen bergen uiteraard eruit beneden ingewikkeld bescheiden gereed
    bewust gewonden verdachten afgevaardigden betrokkenen verkiezingen besluiten begroting
    gebeurtenis bedrijf gebouw geschenk gedrag gebed gerucht geheim gesprek gevoel gevaar
    verhaal verlof verleden verschil vermogen vervoer verzet vertrouwen verkeer verstand
    belang bestuur beroep bewijs ontwerp ervaren bereid bewoners gebruikers
    """)
_NOT_PARTICIPLE_ENDINGS: Final = ("ingen", "heid", "heden", "nissen", "schap", "schappen", "isme")
# Participles that with *zijn* are perfect tense (motion, change) or adjectives: not passive.
_ZIJN_NOT_PASSIVE: Final = wordset("""
    gebeurd geweest geworden gestorven overleden verhuisd vertrokken begonnen gestopt geslaagd
    gelukt mislukt gegroeid gestegen gedaald verdwenen verschenen ontstaan veranderd
    toegenomen afgenomen opgegroeid gevlucht gereisd gevlogen gerend gezwommen gefietst
    vergeten opgehouden geëindigd afgelopen verlopen vervallen verstreken gebleken genezen
    geland gestart verongelukt geboren getrouwd gehuwd gescheiden gepensioneerd
    geïnteresseerd gemotiveerd gespecialiseerd geschokt verbaasd teleurgesteld opgelucht
    verheugd bezorgd benieuwd verliefd gewend gerechtigd verplicht bekend gesloten geopend
    gelegen gevestigd verzekerd gedekt gehandicapt beperkt bedoeld gebaseerd gericht
    verboden toegestaan inbegrepen ingeschreven verbonden gebonden verwant bereid bevoegd
    bezet betrokken geschikt gekend opgeleid gekwalificeerd verslaafd gehecht uitgerust
    tevreden ontevreden verantwoordelijk bewust verschuldigd gerust voldaan
    """)
_ZIJN_PERFECT_ENDINGS: Final = (
    "gekomen",
    "gegaan",
    "gebleven",
    "gevallen",
    "gelopen",
    "gereden",
    "gestapt",
    "gestaan",
    "geraakt",
    "gevlogen",
    "gestegen",
    "gedaald",
    "gegroeid",
    "gestorven",
)
_ZIJN_ADVERBS: Final = wordset(
    "al nog niet ook reeds inmiddels intussen pas opnieuw automatisch correct goed volledig"
    " tijdig zopas onlangs gisteren vandaag nu toen er daarom dan wel"
)
CLAUSE_WORDS: Final = wordset("""
    en of maar want dus dat die omdat als wanneer terwijl zodat nadat voordat om hoewel
    indien doordat zodra toen tenzij mits waar waarin waarop waarmee waarvoor waardoor wie
    wat welke zoals sinds totdat alvorens opdat ofwel dewelke hetgeen
    """)
_DETERMINERS: Final = wordset(
    "de het een uw je jouw zijn haar hun onze ons deze dit die dat mijn elke geen veel"
)
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\[\]–—\"“”]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def is_participle(token: Token) -> bool:
    word = token.norm
    if len(word) < 5 or word in _NOT_PARTICIPLES or not word.isalpha():
        return False
    if word in WORDEN or word in ZIJN or word == "geworden":
        return False
    if word.endswith(_NOT_PARTICIPLE_ENDINGS) or _PARTICIPLE.match(word) is None:
        return False
    # a present participle ("verrassend", "vervelend") is an infinitive plus -d
    return not (word.endswith("end") and zipf(word[:-1]) >= 3.0)


def _clause_break(tokens: Sequence[Token], left: int, right: int, masked: str) -> bool:
    """Whether a clause boundary lies between tokens[left] and tokens[right] (left < right)."""
    for k in range(left + 1, right + 1):
        if _CLAUSE_PUNCTUATION.search(masked[tokens[k - 1].end : tokens[k].start]):
            return True
        if k < right and tokens[k].norm in CLAUSE_WORDS:
            return True
    return False


def _zijn_ok(tokens: Sequence[Token], aux: int, part: int) -> bool:
    word = tokens[part].norm
    if word in _ZIJN_NOT_PASSIVE or word.endswith(_ZIJN_PERFECT_ENDINGS):
        return False
    low, high = min(aux, part), max(aux, part)
    if any(tokens[k].norm in HEBBEN for k in range(max(0, low - 3), high + 1)):
        return False
    if tokens[aux].norm == "zijn" and abs(aux - part) > 1:
        # possessive "zijn" unless only adverbs stand between it and the participle
        return all(tokens[k].norm in _ZIJN_ADVERBS for k in range(low + 1, high))
    return True


def _participle_at(tokens: Sequence[Token], k: int) -> bool:
    if not is_participle(tokens[k]):
        return False
    previous = tokens[k - 1].norm if k else ""
    if previous in _DETERMINERS or previous == "te":
        return False
    return not (tokens[k].text[:1].isupper() and k > 0)


def find_passives(tokens: Sequence[Token], masked: str) -> list[Span]:
    """Spans from the auxiliary to the participle (in text order) of every passive."""
    spans: list[Span] = []
    used: set[int] = set()
    for aux, token in enumerate(tokens):
        is_worden = token.norm in WORDEN
        if not (is_worden or token.norm in ZIJN):
            continue
        found = None
        # participle before the auxiliary (subordinate clause, "ingevuld wordt/moet worden")
        for k in range(aux - 1, max(-1, aux - 3), -1):
            if tokens[k].norm in WORDEN or tokens[k].norm in ZIJN:
                continue
            if _clause_break(tokens, k, aux, masked):
                break
            if _participle_at(tokens, k) and k not in used:
                found = k
                break
        if found is None:
            # participle after the auxiliary: the last one before the clause ends
            for k in range(aux + 1, min(len(tokens), aux + 10)):
                if _clause_break(tokens, aux, k, masked) or tokens[k].norm in CLAUSE_WORDS:
                    break
                if tokens[k].norm in WORDEN and k > aux + 1:
                    break
                if _participle_at(tokens, k) and k not in used:
                    found = k
        if found is None or (not is_worden and not _zijn_ok(tokens, aux, found)):
            continue
        used.add(found)
        low, high = min(aux, found), max(aux, found)
        spans.append(Span(tokens[low].start, tokens[high].end))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    """ "moet ingevuld worden" can be found from two auxiliaries: keep one span per construction."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


# --- nominalisations -------------------------------------------------------------------------

_NOMINAL_SUFFIX = re.compile(r"^[a-zäëïöüé]{4,}(?:ing|ingen|atie|aties|ering|eringen)$")
_LEXICALISED: Final = wordset("""
    woning woningen rekening rekeningen regering vereniging verenigingen leerling leerlingen
    opleiding opleidingen verzekering verzekeringen omgeving ervaring ervaringen richting
    uitnodiging tekening vergadering vergaderingen verwarming verlichting afdeling afdelingen
    instelling instellingen stichting uitkering uitkeringen voorziening voorzieningen mening
    oefening kleding koning haring kring zitting planning training parking camping meeting
    marketing timing vergunning vergunningen handleiding inleiding oplossing oplossingen
    woonomgeving verpakking aanwijzing aanwijzingen verklaring verbinding verbouwing
    bedoeling vreemdeling uitzending begeleiding opvang tegemoetkoming tegemoetkomingen
    informatie organisatie organisaties administratie relatie relaties locatie locaties
    generatie combinatie documentatie situatie situaties operatie publicatie applicatie
    installatie renovatie isolatie ventilatie vaccinatie medicatie motivatie educatie
    presentatie demonstratie federatie associatie delegatie populatie communicatie
    verjaardag gemeente vakantie
    """)
_NOMINAL_INFINITIVE_BEFORE: Final = wordset("het")
_NOT_INFINITIVES: Final = wordset(
    "leven examen teken wapen verleden wezen eten laken deken keuken bestaan wonen welzijn"
    " vertrouwen noorden zuiden oosten westen midden begin ongeveer volgen"
)


@dataclass(frozen=True, slots=True)
class Nominal:
    start: int
    end: int
    verb: str | None


def _verb_for(noun: str) -> str | None:
    """The verb a nominalisation comes from, when frequency confirms it exists."""
    candidates = []
    if noun.endswith("ingen"):
        noun = noun[:-2]
    if noun.endswith("ing"):
        candidates.append(noun[:-3] + "en")
    if noun.endswith("aties"):
        noun = noun[:-1]
    if noun.endswith("atie"):
        candidates.append(noun[:-4] + "eren")
        candidates.append(noun[:-4] + "iëren")
    for verb in candidates:
        if word_zipf(verb) >= 2.5:
            return verb
    return None


def find_nominalisations(tokens: Sequence[Token], masked: str) -> list[Nominal]:
    """Verb-derived nouns followed by "van": "de betaling van", "het indienen van"."""
    found = []
    for k in range(len(tokens) - 1):
        token = tokens[k]
        if tokens[k + 1].norm != "van" or _CLAUSE_PUNCTUATION.search(
            masked[token.end : tokens[k + 1].start]
        ):
            continue
        word = token.norm
        if token.text[:1].isupper() and k > 0:
            continue
        if _NOMINAL_SUFFIX.match(word) and word not in _LEXICALISED:
            found.append(Nominal(token.start, token.end, _verb_for(word)))
        elif (
            k > 0
            and tokens[k - 1].norm in _NOMINAL_INFINITIVE_BEFORE
            and word.endswith("en")
            and len(word) >= 6
            and word not in _NOT_INFINITIVES
            and word_zipf(word) >= 2.0
        ):
            found.append(Nominal(tokens[k - 1].start, token.end, word))
    return found
