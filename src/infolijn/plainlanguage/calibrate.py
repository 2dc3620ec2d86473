"""Fit the `difficulty` weights and the CEFR cuts on data (a developer tool; needs numpy/scipy).

    python -m infolijn.plainlanguage.calibrate \\
        --amsterdam ../shared/data/plain-language/amsterdam-municipal-simplification/\\
complex-simple-v1-anonymized.csv --own tests/plainlanguage/data

Step 1, weights. The Amsterdam set holds sentences before and after editing by the city's
communication staff. A pairwise logistic model (Bradley–Terry without intercept) learns weights
w such that P(original harder than edit) = σ(w · (f_original − f_edit)), f being the features of
`measures.features_of`. Features are standardised; an L2 penalty (λ = 1) and a sign constraint
per feature (`FEATURE_SIGNS`: a longer sentence or an extra passive can never make a text
easier) keep the model from fitting noise. Only the documents of the *training* split are used:
70 % of the 48 source documents, drawn with a fixed seed, so all sentences of one document stay
on one side and the held-out 30 % measures generalisation to unseen documents.

Step 2, scale and levels. The linear score s = w · f is mapped onto 0–100 with
difficulty = 100 · σ((s − CENTRE) / SCALE). Two anchors written by us fix CENTRE and SCALE:
the cut between our plain passages and their officialese originals (`pairs.json`; the middle of
the widest error-free interval) becomes difficulty 40, the B1/B2 border, and the median plain
passage becomes 30, the middle of B1. The other borders (20, 60, 80) follow from the logistic
shape. `pairs_heldout.json`, written after this was fixed, is not used here.

Prints the constants to paste into measures.py; the numbers live in code, not in a data file.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from .engine import analyse
from .measures import FEATURE_SIGNS, FEATURES, Counts, features_of

SEED = 20240601
TRAIN_FRACTION = 0.7
L2 = 1.0


@dataclass(frozen=True)
class Pair:
    document: str
    original: str
    edited: str


def load_amsterdam(path: Path) -> list[Pair]:
    """All pairs whose two sides differ (identical sides can only tie)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Pair(r["Document ID"], r["Complex"], r["Simple"])
        for r in rows
        if r["Complex"].strip() != r["Simple"].strip()
    ]


def document_split(pairs: Sequence[Pair], seed: int = SEED) -> tuple[list[Pair], list[Pair]]:
    documents = sorted({p.document for p in pairs}, key=lambda d: (len(d), d))
    random.Random(seed).shuffle(documents)
    train_docs = set(documents[: round(TRAIN_FRACTION * len(documents))])
    train = [p for p in pairs if p.document in train_docs]
    test = [p for p in pairs if p.document not in train_docs]
    return train, test


def feature_vector(text: str) -> list[float]:
    analysis, findings = analyse(text)
    features = features_of(Counts.of(analysis, findings))
    return [features[name] for name in FEATURES]


def fit_pairwise(
    harder: np.ndarray, easier: np.ndarray, l2: float = L2
) -> tuple[np.ndarray, np.ndarray]:
    """Weights in standardised units and the standard deviations used."""
    scale = np.concatenate([harder, easier]).std(axis=0)
    scale[scale == 0] = 1.0
    diff = (harder - easier) / scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = diff @ w
        value = float(np.logaddexp(0.0, -z).sum() + 0.5 * l2 * (w @ w))
        grad = -(diff.T @ (1.0 / (1.0 + np.exp(z)))) + l2 * w
        return value, grad

    bounds = [(0.0, None) if FEATURE_SIGNS[n] > 0 else (None, 0.0) for n in FEATURES]
    result = minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x, scale


def agreement(weights: np.ndarray, harder: np.ndarray, easier: np.ndarray) -> float:
    """Share of pairs where the harder side scores strictly higher (a tie is a miss)."""
    margin = (harder - easier) @ weights
    return float((margin > 1e-12).mean())


def best_cut(low: Sequence[float], high: Sequence[float]) -> float:
    """The threshold with the fewest misplaced items; the middle of the best interval."""
    points = sorted(set(low) | set(high))
    candidates = [points[0] - 1.0]
    candidates += [(a + b) / 2 for a, b in itertools.pairwise(points)]
    candidates.append(points[-1] + 1.0)
    errors = [sum(x >= c for x in low) + sum(x < c for x in high) for c in candidates]
    fewest = min(errors)
    best = [c for c, e in zip(candidates, errors, strict=True) if e == fewest]
    return (best[0] + best[-1]) / 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--amsterdam", type=Path, required=True)
    parser.add_argument("--own", type=Path, required=True, help="tests/plainlanguage/data")
    args = parser.parse_args(argv)

    pairs = load_amsterdam(args.amsterdam)
    train, test = document_split(pairs)

    def matrices(items: Sequence[Pair]) -> tuple[np.ndarray, np.ndarray]:
        return (
            np.array([feature_vector(p.original) for p in items]),
            np.array([feature_vector(p.edited) for p in items]),
        )

    train_h, train_e = matrices(train)
    test_h, test_e = matrices(test)
    w_std, scale = fit_pairwise(train_h, train_e)
    weights = w_std / scale
    print(f"# pairs: {len(pairs)}, train {len(train)}, held-out {len(test)}")
    print(f"# train agreement {agreement(weights, train_h, train_e):.4f}")
    print(f"# held-out agreement {agreement(weights, test_h, test_e):.4f}")

    own = json.loads((args.own / "pairs.json").read_text(encoding="utf-8"))

    def score(text: str) -> float:
        return float(np.dot(weights, feature_vector(text)))

    plain = [score(p["plain"]) for p in own]
    official = [score(p["officialese"]) for p in own]
    cut = best_cut(plain, official)
    logit_40, logit_30 = math.log(0.4 / 0.6), math.log(0.3 / 0.7)
    scale_out = (cut - float(np.median(plain))) / (logit_40 - logit_30)
    centre = cut - logit_40 * scale_out
    print(f"# B1/B2 cut at s = {cut:.3f}; plain median {np.median(plain):.3f}")
    print("WEIGHTS: Final[dict[str, float]] = {")
    for name, value in zip(FEATURES, weights, strict=True):
        print(f'    "{name}": {value:.6g},')
    print("}")
    print(f"CENTRE: Final = {centre:.6g}")
    print(f"SCALE: Final = {scale_out:.6g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
