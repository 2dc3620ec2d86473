"""Plain-language engine: agreement with human edits, officialese recall, speed.

Run from the repository root:

    .venv/bin/python bench/bench_plainlanguage.py [--repeats 50]

1. Agreement. On the Amsterdam before/after sentence pairs (../shared/data/plain-language/
   amsterdam-municipal-simplification, EUPL-1.2, read in place and never copied) it counts the
   pairs where the edited side scores easier: lower `difficulty` for us, higher reading ease for
   the baselines Flesch-Douma and Brouwer, computed by the same run from the same tokens. A tie
   is a miss. Our weights were fitted on 70 % of the source documents (infolijn.plainlanguage.
   calibrate, fixed seed), so the held-out 30 % is the honest figure; all pairs are shown too.
2. Our own sets (tests/plainlanguage/data): plain vs officialese passages, officialese recall on
   example sentences and false alarms on clean B1 sentences, for the in-sample (dev) files and
   for each held-out file separately.
3. Speed: median time to check a 1,000-word script (distinct scripts, lexicon loaded), the first
   call including the lexicon load, and batch throughput in words/s. Baseline in the same run:
   tokenising and counting syllables only, the cost of Flesch-Douma itself.

Figures go to bench/results-plainlanguage.md.
"""

import argparse
import csv
import html
import json
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from infolijn.plainlanguage import check
from infolijn.plainlanguage.calibrate import SEED, Pair, document_split, load_amsterdam
from infolijn.plainlanguage.lexicon import syllables
from infolijn.plainlanguage.officialese import default_entries, matcher
from infolijn.plainlanguage.tokens import split

ROOT = Path(__file__).resolve().parents[1]
AMSTERDAM = (
    ROOT.parent
    / "shared"
    / "data"
    / "plain-language"
    / "amsterdam-municipal-simplification"
    / "complex-simple-v1-anonymized.csv"
)
OWN = ROOT / "tests" / "plainlanguage" / "data"
RESULTS = Path(__file__).resolve().parent / "results-plainlanguage.md"
COMMAND = ".venv/bin/python bench/bench_plainlanguage.py"
EASY = ("A2", "B1")

# (name, score from a report dict, True if higher = harder)
Scorer = tuple[str, Callable[[dict], float], bool]
SCORERS: list[Scorer] = [
    ("infolijn `difficulty`", lambda r: r["difficulty"], True),
    ("baseline: Flesch-Douma", lambda r: r["scores"]["flesch_douma"], False),
    ("baseline: Brouwer", lambda r: r["scores"]["brouwer"], False),
]


def agreement(
    pairs: Sequence[Pair], reports: dict[str, dict], scorer: Scorer
) -> tuple[int, int, int]:
    """(edited easier, tie, edited harder), using the values the report shows."""
    _, value, higher_is_harder = scorer
    right = tie = wrong = 0
    for pair in pairs:
        before, after = value(reports[pair.original]), value(reports[pair.edited])
        if before == after:
            tie += 1
        elif (before > after) == higher_is_harder:
            right += 1
        else:
            wrong += 1
    return right, tie, wrong


def all_rows() -> list[Pair]:
    with AMSTERDAM.open(encoding="utf-8", newline="") as handle:
        return [Pair(r["Document ID"], r["Complex"], r["Simple"]) for r in csv.DictReader(handle)]


def pct(part: int | float, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def lines(name: str) -> list[str]:
    text = (OWN / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in text if line.strip() and not line.startswith("#")]


def has_officialese(text: str) -> bool:
    return any(f.kind == "officialese" for f in check(text).findings)


def scripts(sentences: Sequence[str], count: int, words: int, seed: int) -> list[str]:
    """Distinct Markdown scripts of about `words` words: a heading, paragraphs and a list."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        parts, total, paragraph = ["## Wat moet je weten?", ""], 0, []
        while total < words:
            sentence = rng.choice(sentences)
            paragraph.append(sentence)
            total += len(sentence.split())
            if len(paragraph) == 4:
                parts += [" ".join(paragraph), ""]
                paragraph = []
                if rng.random() < 0.3:
                    items = [rng.choice(sentences) for _ in range(3)]
                    total += sum(len(item.split()) for item in items)
                    parts += [f"- {item}" for item in items] + [""]
        parts.append(" ".join(paragraph))
        result.append("\n".join(parts))
    return result


def baseline_counts(text: str) -> tuple[int, int, int]:
    """Tokens, sentences and syllables only: what Flesch-Douma needs."""
    _, units = split(text)
    words = sum(len(u.tokens) for u in units)
    return words, len(units), sum(syllables(t.norm) for u in units for t in u.tokens)


def time_each(function: Callable[[str], object], texts: Sequence[str]) -> list[float]:
    timings = []
    for text in texts:
        start = time.perf_counter()
        function(text)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


# (round, recall hits, false alarms, sentences) at the first run of each held-out file.
FIRST_RUNS = [(1, 42, 0, 50), (2, 33, 0, 40), (3, 28, 1, 40), (4, 31, 0, 40), (5, 31, 0, 40)]
FIRST_RUNS += [(6, 26, 0, 40)]
# Held-out files of rounds 1-6 are named officialese_heldoutN.txt / b1_heldoutN.txt.
ROUNDS = ("", "2", "3", "4", "5", "6")
# From round 7 on: (round, officialese file, clean file, recall hits, sentences, false alarms,
# clean sentences, when), recorded at the first run of the files (never updated afterwards).
LATER_ROUNDS = [
    (
        7,
        "officialese_heldout_round7.txt",
        "b1_clean_round7.txt",
        68,
        80,
        0,
        60,
        "first run, before changes",
    ),
    (
        8,
        "officialese_heldout_round8.txt",
        "b1_clean_round8.txt",
        41,
        50,
        0,
        40,
        "first run, after the round-7 changes",
    ),
    (
        9,
        "officialese_heldout_round9.txt",
        "b1_clean_round9.txt",
        53,
        60,
        0,
        40,
        "first run, before changes",
    ),
    (
        10,
        "officialese_heldout_round10.txt",
        "b1_clean_round10.txt",
        47,
        50,
        0,
        30,
        "first run, after the round-9 changes",
    ),
]
ROUND_NOTES = {
    7: "Measured once with the list (1106 rows) and the matcher as they were before round 7 "
    "(exact word sequences, `…` gaps of four words, context guards; no verb forms). The 12 "
    "misses: *zich verbinden ertoe*, *ressorteren onder*, *hierbij* + *bevestigen* + *goede "
    "ontvangst*, *aanmanen*, *nalaten*, *de aandacht vestigen op*, *niet nalaten*, *attent "
    "maken op*, *aan een onderzoek onderwerpen*, *er goed aan doen*, *gevolg geven aan*, "
    "*na rijp beraad*. Round 7 then added verb forms and word orders to the matcher "
    "(`verbs.py`; 131 existing rows marked `+`) and 489 rows of our own (86 of them verbs), "
    "1,595 rows in all; these files are in-sample from then on.",
    8: "**The honest figure for the round-7 changes, and below the goal of 85 %.** Written "
    "after the round-7 changes were finished and measured once with them (1,595 rows, 3,254 "
    "word patterns). The 9 misses: *gunstig "
    "geadviseerd* (only the infinitive was listed), *zich … in het buitenland bevindt* (ten "
    "words between the reflexive pronoun and the verb; the matcher allows four), *zich aan te "
    "melden* (arguably not officialese), *de zorgbehoevende*, *wij zijn zo vrij*, *gesignaleerd "
    "aan*, *niet voldaan werd aan* (kept out of the list on purpose: our B1 files use "
    "*voldoen aan*), *op kosten van*, *legt … een attest voor* (the split form of "
    "*voorleggen* was not generated). Afterwards six rows were added and two rows made to "
    "conjugate (*voorleggen*, only in sentences about documents, and *gunstig adviseren*), "
    "1,601 rows in all; this file is in-sample from then on.",
}
ROUND_NOTES[9] = (
    "Written before the round-9 changes, in genres the earlier rounds under-sampled (municipal "
    "and OCMW letters, tax letters, decisions with *overwegende dat*, court language, "
    "mutualiteit and insurance letters, school letters, agency e-mail replies), and measured "
    "once with the list after round 8 (1,601 rows). The 7 misses: *volledig bevonden*, "
    "*als problematisch afwezig beschouwd*, *is gehouden tot vergoeding*, *het in ons gestelde "
    "vertrouwen*, *bij gemotiveerd besluit*, *het door de aanvrager opgegeven* (an extended "
    "participle phrase with *door*), *verklaringen aflegt*. The round-9 changes then worked on "
    "classes of officialese, not on these sentences alone; this file is in-sample from then on."
)
ROUND_NOTES[10] = (
    "**The honest figure for the round-9 changes.** Written in varied genres after the round-9 "
    "changes were finished (1,720 rows: long-gap reflexives in the matcher, extended participle "
    "phrases with *door*, *bevonden* as a verdict, legal obligation, letter openings and "
    "closings, impersonal passives, archaic reference words, formal prepositional phrases, "
    "formal verbs) and measured once; not tuned on afterwards. The 3 misses: *is gebleken dat* "
    "+ *in aanmerking komen*, *wordt op prijs gesteld*, *de burger* (arguably only mildly "
    "officialese)."
)
PUBLISHED = ROOT.parent / "shared" / "data" / "plain-language"


def published_terms() -> dict[str, list[str]]:
    """Terms of two published lists, read in place for evaluation only (never copied)."""
    terms: dict[str, list[str]] = {}
    amsterdam = PUBLISHED / "amsterdam-moeilijke-woorden" / "moeilijke-woorden.txt"
    onzetaal = PUBLISHED / "onzetaal-moeilijke-woorden-textlint" / "moeilijke-woorden.json"
    if amsterdam.exists():
        lines = [line.strip() for line in amsterdam.read_text(encoding="utf-8").splitlines()]
        found = []
        for i, line in enumerate(lines):
            tag = next((t for t in ("[o.]", "[m.]", "[p.]") if t in line), None)
            if tag is None:
                continue
            term = line.split("\t")[0] if "\t" in line else ""
            if not term:
                previous = [x for x in lines[:i] if x][-1:]
                term = previous[0] if previous else ""
            found.append((tag, term))
        for tag in ("[o.]", "[m.]", "[p.]"):
            terms[f"Amsterdam Schrijfwijzer {tag}"] = [t for g, t in found if g == tag]
    if onzetaal.exists():
        pairs = json.loads(onzetaal.read_text(encoding="utf-8"))
        terms["Onze Taal"] = [html.unescape(p[0]).replace("\xa0", " ") for p in pairs]
    return terms


def coverage_of_published_lists() -> list[str]:
    rows = []
    for name, items in published_terms().items():
        cleaned = [re.sub(r"\(.*?\)|,.*$|\.\.\.", "", t).strip() for t in items]
        cleaned = [t for t in cleaned if t]
        hits = sum(map(has_officialese, cleaned))
        rows.append(f"| {name} | {len(cleaned)} | {pct(hits, len(cleaned))} |")
    if not rows:
        return []
    return [
        "Breadth, for evaluation only: the share of the terms of two published Netherlands "
        "lists that our checker flags when the bare term is checked (context guards can keep a "
        "bare term quiet). The lists are read in place and nothing of them is in our list.",
        "",
        "| published list | terms | flagged by our list |",
        "|---|---:|---:|",
        *rows,
        "",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeats", type=int, default=50, help="1,000-word scripts to time")
    args = parser.parse_args(argv)
    out: list[str] = []

    # First call in a fresh process: includes loading the lexicon.
    probe = (
        "import time; t = time.perf_counter(); from infolijn.plainlanguage import check; "
        "check('Een eerste zin.'); print((time.perf_counter() - t) * 1000)"
    )
    first_call_ms = float(
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout
    )

    # --- 1. Amsterdam agreement --------------------------------------------------------------
    rows = all_rows()
    pairs = load_amsterdam(AMSTERDAM)
    train, test = document_split(pairs)
    texts = {text for row in rows for text in (row.original, row.edited)}
    started = time.perf_counter()
    reports = {text: check(text).to_dict() for text in texts}
    batch_seconds = time.perf_counter() - started
    batch_words = sum(r["words"] for r in reports.values())

    out += [
        "# Plain-language benchmark",
        "",
        f"Command (from the repository root): `{COMMAND}`  ",
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()} {platform.system()}  ",
        f"Officialese list: {len(default_entries())} rows (ours, "
        "`src/infolijn/plainlanguage/data/officialese.tsv`), "
        f"{len(matcher())} word patterns once verb rows are conjugated.",
        "",
        "## 1. Do we agree with human editors? (Amsterdam before/after pairs)",
        "",
        "Share of pairs where the edited sentence scores easier; **a tie counts as a miss**. "
        "Scores are compared as the report shows them (`difficulty` rounded to 2 decimals). "
        f"The weights were fitted on the training documents only ({len(train)} pairs from "
        f"{len({p.document for p in train})} documents, seed {SEED}); the held-out row uses the "
        f"other {len({p.document for p in test})} documents ({len(test)} pairs).",
        "",
        "| pairs | scorer | edited easier | tie | edited harder | agreement |",
        "|---|---|---:|---:|---:|---:|",
    ]
    identical = len(rows) - len(pairs)
    subsets = [
        (f"**held-out 30 % ({len(test)})**", test),
        (f"training 70 % ({len(train)})", train),
        (f"all with a change ({len(pairs)})", pairs),
        (f"all rows ({len(rows)}, {identical} identical)", rows),
    ]
    for label, subset in subsets:
        for scorer in SCORERS:
            right, tie, wrong = agreement(subset, reports, scorer)
            figure = pct(right, len(subset))
            if scorer is SCORERS[0] and subset is test:
                figure = f"**{figure}**"
            out.append(f"| {label} | {scorer[0]} | {right} | {tie} | {wrong} | {figure} |")
    out.append("")

    # --- 2. Our own sets --------------------------------------------------------------------
    out += [
        "## 2. Our own evaluation sets (`tests/plainlanguage/data`)",
        "",
        "Dev files were used while writing the list (sentences) or to place the B1/B2 cut "
        "(`pairs.json`): in-sample. Each held-out file was written after the list was frozen "
        "for that round; its first-run figure is recorded below the table, later runs include "
        "the entries its misses prompted.",
        "",
        "| set | items | goal | result |",
        "|---|---:|---|---:|",
    ]
    for name in ("pairs.json", "pairs_heldout.json"):
        own_pairs = json.loads((OWN / name).read_text(encoding="utf-8"))
        plain = [check(p["plain"]) for p in own_pairs]
        official = [check(p["officialese"]) for p in own_pairs]
        n = len(own_pairs)
        easier = sum(p.difficulty < o.difficulty for p, o in zip(plain, official, strict=True))
        low = sum(p.level in EASY for p in plain)
        high = sum(o.level not in EASY for o in official)
        out += [
            f"| `{name}`: plain easier than officialese | {n} | ≥ 95 % | {pct(easier, n)} |",
            f"| `{name}`: plain rated B1 or lower | {n} | ≥ 80 % | {pct(low, n)} |",
            f"| `{name}`: officialese rated B2 or higher | {n} | ≥ 80 % | {pct(high, n)} |",
        ]
    later_official = tuple(r[1] for r in LATER_ROUNDS)
    later_clean = tuple(r[2] for r in LATER_ROUNDS)
    for name in (
        "officialese_sentences.txt",
        *(f"officialese_heldout{n}.txt" for n in ROUNDS),
        *later_official,
    ):
        items = lines(name)
        hits = sum(map(has_officialese, items))
        out.append(
            f"| `{name}`: officialese recall | {len(items)} | ≥ 85 % | {pct(hits, len(items))} |"
        )
    for name in ("b1_sentences.txt", *(f"b1_heldout{n}.txt" for n in ROUNDS), *later_clean):
        items = lines(name)
        hits = sum(map(has_officialese, items))
        out.append(
            f"| `{name}`: officialese false alarms | {len(items)} | ≤ 10 % | {pct(hits, len(items))} |"
        )
    out += [
        "",
        "**Unbiased recall: the first run of each held-out file**, before its misses were "
        "added to the list (figures recorded at that run; the list grew after each):",
        "",
        "| round | officialese recall (first run) | false alarms on its B1 file (first run) |",
        "|---|---:|---:|",
        *(
            f"| {n} | {hit}/{total} = {pct(hit, total)} | {fa}/{total} |"
            for n, hit, fa, total in FIRST_RUNS
        ),
        f"| **all six** | **{sum(r[1] for r in FIRST_RUNS)}/{sum(r[3] for r in FIRST_RUNS)}"
        f" = {pct(sum(r[1] for r in FIRST_RUNS), sum(r[3] for r in FIRST_RUNS))}** | "
        f"{sum(r[2] for r in FIRST_RUNS)}/{sum(r[3] for r in FIRST_RUNS)} |",
        "",
        "The one false alarm was `ten laatste`, which the Flemish guidance lists as officialese. "
        "Held-out pairs (`pairs_heldout.json`, 20): plain easier, plain ≤ B1 and officialese "
        "≥ B2 in all 20 at the first run.",
        "",
    ]
    for number, official, clean, hits, total, alarms, clean_total, when in LATER_ROUNDS:
        out += [
            f"## Round {number} ({when})",
            "",
            f"Files written for round {number}: `tests/plainlanguage/data/{official}` "
            f"({total} sentences) and `tests/plainlanguage/data/{clean}` ({clean_total}).",
            "",
            "| file | first run |",
            "|---|---:|",
            f"| `{official}`: officialese recall | {hits}/{total} = {pct(hits, total)} |",
            f"| `{clean}`: officialese false alarms | {alarms}/{clean_total} = "
            f"{pct(alarms, clean_total)} |",
            "",
            ROUND_NOTES.get(number, ""),
            "",
        ]
    out += coverage_of_published_lists()

    # --- 3. Speed ------------------------------------------------------------------------
    sentences = [row.original for row in rows] + [row.edited for row in rows]
    timed = scripts(sentences, args.repeats, 1000, seed=7)
    check(timed[0])  # warm the word caches for this process
    ours = time_each(check, timed)
    base = time_each(baseline_counts, timed)
    words_per_script = statistics.mean(check(t).words for t in timed)
    median, baseline_median = statistics.median(ours), statistics.median(base)
    out += [
        "## 3. Speed",
        "",
        f"{args.repeats} distinct scripts of about 1,000 words (mean {words_per_script:.0f} "
        "words: a heading, paragraphs, lists), built from the Amsterdam sentences, one process, "
        "lexicon loaded.",
        "",
        "| measure | infolijn `check()` | baseline: tokenise + syllables (Flesch-Douma) | ratio |",
        "|---|---:|---:|---:|",
        f"| median ms per 1,000-word script | **{median:.1f}** | {baseline_median:.1f} | "
        f"{median / baseline_median:.1f}× |",
        f"| 90th percentile ms | {statistics.quantiles(ours, n=10)[-1]:.1f} | "
        f"{statistics.quantiles(base, n=10)[-1]:.1f} | |",
        f"| batch: {len(texts):,} Amsterdam sentences, words/s | "
        f"{batch_words / batch_seconds:,.0f} | | |",
        f"| first call in a fresh process (imports + lexicon load), ms | {first_call_ms:.0f} | | |",
        "",
        "The batch row includes every first look-up of a word (the caches start cold there).",
        "",
    ]
    RESULTS.write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
