"""`check()`: run every detector and measure over one text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import Any

from .analysis import Analysis
from .findings import (
    long_sentence_findings,
    nominalisation_findings,
    officialese_findings,
    passive_findings,
)
from .measures import Counts, difficulty_of, features_of, level_of, scores_of
from .options import Options
from .report import Finding, Report
from .wordfindings import (
    abbreviation_findings,
    formal_address_findings,
    long_compound_findings,
    rare_word_findings,
)


def analyse(
    text: str,
    *,
    glossary: Mapping[str, str] | None = None,
    options: Options | Mapping[str, Any] | None = None,
) -> tuple[Analysis, list[Finding]]:
    """Split the text and collect all findings (sorted by position), before scoring."""
    opts = Options.coerce(options)
    analysis = Analysis.of(text, glossary, opts)
    officialese = officialese_findings(analysis)
    abbreviations = abbreviation_findings(analysis)
    starts = [t.start for t in analysis.tokens]
    flagged: set[int] = set()
    for f in officialese:
        flagged.update(starts[bisect_left(starts, f.start) : bisect_left(starts, f.end)])
    abbreviations = [a for a in abbreviations if a.start not in flagged]
    flagged.update(a.start for a in abbreviations)
    compounds = long_compound_findings(analysis)
    nominalisations = [n for n in nominalisation_findings(analysis) if n.start not in flagged]
    findings = [
        *officialese,
        *abbreviations,
        *passive_findings(analysis),
        *nominalisations,
        *long_sentence_findings(analysis),
        *formal_address_findings(analysis),
        *compounds,
        *rare_word_findings(analysis, flagged | {c.start for c in compounds}),
    ]
    findings.sort(key=lambda f: (f.start, -f.end, f.kind))
    return analysis, findings


def check(
    text: str,
    *,
    glossary: Mapping[str, str] | None = None,
    options: Options | Mapping[str, Any] | None = None,
) -> Report:
    """Check a Markdown script body for plain Dutch (DESIGN §7.2).

    `glossary` maps domain terms editors allow to their plain explanation; those terms are
    never flagged as rare words, long compounds or unexplained abbreviations. `options` is an
    :class:`Options` or a mapping of its fields.
    """
    analysis, findings = analyse(text, glossary=glossary, options=options)
    counts = Counts.of(analysis, findings)
    features = features_of(counts)
    difficulty = difficulty_of(features) if counts.words else 0.0
    kinds = analysis.options.kinds
    return Report(
        words=counts.words,
        sentences=counts.sentences,
        difficulty=difficulty,
        level=level_of(difficulty),
        scores=scores_of(counts, difficulty),
        findings=tuple(f for f in findings if f.kind in kinds),
    )
