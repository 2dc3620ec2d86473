"""Staffing benchmark: speed against a textbook Erlang C, and SimPy validation of the targets.

    .venv/bin/python bench/bench_staffing.py [--calls N] [--output PATH]

(a) Speed. `required_agents` (Erlang-B recursion, one O(1) step per candidate) against the
    named baseline **naive-factorial Erlang C**: the textbook formula with ``A**k`` and
    ``math.factorial(k)`` in floats, searching upwards from the same start ``floor(A) + 1``.
    Medians of repeated timings per load; ratios baseline ÷ ours where the baseline still
    answers, and where it overflows. Plus a year of 15-minute intervals staffed at once.
(b) Validation. For several scenarios, a long SimPy run at the recommended staffing and at
    one agent fewer: simulated service level with a 95 % batch-means confidence interval,
    next to the formula and the target.

Figures go to ``bench/results-staffing.md`` (and stdout).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from benchlib import write_results

from infolijn.planning.engine.erlang import erlang_a_metrics, erlang_c_metrics, offered_load
from infolijn.planning.engine.simulation import simulate
from infolijn.planning.engine.staffing import required_agents

COMMAND = ".venv/bin/python bench/bench_staffing.py"
TARGET, THRESHOLD = 0.8, 20.0
SPEED_GRID = [3, 10, 30, 100, 300, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000]  # calls/hour
AHTS = [180.0, 300.0]


def naive_erlang_c(agents: int, load: float) -> float:
    """Baseline: P(W>0) straight from the textbook formula, with factorials and powers."""
    top = load**agents / math.factorial(agents) * agents / (agents - load)
    bottom = sum(load**k / math.factorial(k) for k in range(agents)) + top
    return top / bottom


def naive_required_agents(
    calls_per_hour: float, aht: float, target: float, threshold: float
) -> int:
    load = offered_load(calls_per_hour, aht)
    agents = math.floor(load) + 1
    while True:
        wait = naive_erlang_c(agents, load)
        if 1 - wait * math.exp(-(agents - load) * threshold / aht) >= target:
            return agents
        agents += 1


def median_seconds(solve: Callable[[], object], budget: float = 0.2, repeats: int = 7) -> float:
    """Median time of one call: ``repeats`` timings of a loop sized to about ``budget``/7 s."""
    start = time.perf_counter()
    solve()
    once = max(time.perf_counter() - start, 1e-7)
    loops = max(1, int(budget / repeats / once))
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            solve()
        timings.append((time.perf_counter() - start) / loops)
    return statistics.median(timings)


def speed_section() -> list[str]:
    lines = [
        "## (a) Speed: microseconds per `required_agents` solve",
        "",
        f"Target {TARGET:.0%} within {THRESHOLD:g} s; median of 7 timed loops per cell (solves per",
        "second = 10⁶ ÷ µs). Baseline: naive-factorial Erlang C (textbook formula,",
        "`A**k / math.factorial(k)` in floats), same upward search from `floor(A) + 1`.",
        "",
        "| calls/h | AHT s | load (Erl) | agents | ours µs | baseline µs | baseline ÷ ours |"
        " Erlang A µs (patience 180 s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ratios: list[tuple[float, float]] = []  # (load, baseline ÷ ours)
    overflow_loads: list[float] = []
    for aht in AHTS:
        for calls in SPEED_GRID:
            load = offered_load(calls, aht)
            ours = required_agents(calls, aht, TARGET, THRESHOLD)
            ours_s = median_seconds(partial(required_agents, calls, aht, TARGET, THRESHOLD))
            erlang_a_s = median_seconds(
                partial(required_agents, calls, aht, TARGET, THRESHOLD, 180.0)
            )
            try:
                naive = naive_required_agents(calls, aht, TARGET, THRESHOLD)
            except OverflowError:
                base_cell, ratio_cell = "overflow", "—"
                overflow_loads.append(load)
            else:
                if naive != ours.agents:
                    raise AssertionError(f"baseline {naive} != ours {ours.agents} at {calls}/h")
                base_s = median_seconds(
                    partial(naive_required_agents, calls, aht, TARGET, THRESHOLD)
                )
                ratios.append((load, base_s / ours_s))
                base_cell, ratio_cell = f"{base_s * 1e6:,.1f}", f"{base_s / ours_s:,.1f}×"
            lines.append(
                f"| {calls:,} | {aht:g} | {load:,.1f} | {ours.agents:,} | {ours_s * 1e6:,.1f} "
                f"| {base_cell} | {ratio_cell} | {erlang_a_s * 1e6:,.1f} |"
            )
    lines += [
        "",
        *ratio_summary(ratios, overflow_loads),
        *year_of_intervals(),
        "",
    ]
    return lines


def ratio_summary(ratios: list[tuple[float, float]], overflow_loads: list[float]) -> list[str]:
    values = [ratio for _, ratio in ratios]
    slowest = min(ratios, key=lambda pair: pair[1])
    fastest = max(ratios, key=lambda pair: pair[1])
    faster_from = min((load for load, ratio in ratios if ratio > 1), default=math.inf)
    return [
        "- Where both answer they give the same number of agents.",
        f"- Baseline ÷ ours, median over the {len(ratios)} loads where the baseline answers: "
        f"**{statistics.median(values):.2f}×**, from {slowest[1]:.2f}× at {slowest[0]:,.1f} "
        f"Erlangs to {fastest[1]:.1f}× at {fastest[0]:,.1f} Erlangs. Ours is faster from "
        f"{faster_from:,.1f} Erlangs on; below that the textbook formula is a handful of "
        "multiplications and ours pays for argument checks and result objects (both take "
        "microseconds).",
        f"- The baseline raises OverflowError from {min(overflow_loads):,.1f} Erlangs on "
        "(`171!` and `A**n` no longer fit in a float); ours answers every load in the grid, "
        "in at most a few hundred microseconds.",
    ]


def year_of_intervals() -> list[str]:
    """A year of 15-minute intervals (35,040), open 08:00–18:00 on weekdays, ~2,000 calls a
    weekday with a midday peak; closed intervals have no calls."""
    rng = np.random.default_rng(2026)
    slot = np.arange(96)
    shape = np.where((slot >= 32) & (slot < 72), np.exp(-(((slot - 50) / 14.0) ** 2)), 0.0)
    shape /= shape.sum()
    rows: list[float] = []
    for day in range(365):
        daily = 0.0 if day % 7 >= 5 else 2000 * rng.uniform(0.7, 1.4)
        rows.extend(float(v) for v in daily * shape * 4)  # calls per hour in each slot
    timings = {}
    for label, patience in (("Erlang C", None), ("Erlang A (patience 180 s)", 180.0)):
        start = time.perf_counter()
        for calls in rows:
            required_agents(calls, 300.0, TARGET, THRESHOLD, patience, shrinkage=0.3)
        timings[label] = time.perf_counter() - start
    busiest = max(rows)
    return [
        f"- A year of 15-minute intervals ({len(rows):,}; busiest {busiest:,.0f} calls/h, "
        "AHT 300 s, 30 % shrinkage) staffed in "
        + ", ".join(f"**{seconds:.2f} s** ({label})" for label, seconds in timings.items())
        + "."
    ]


SCENARIOS = [
    # name, calls/h, AHT s, target, threshold s, patience s
    ("small line", 60, 300, 0.8, 20, None),
    ("Call Centre Helper example", 200, 180, 0.8, 20, None),
    ("large line", 1_000, 240, 0.9, 30, None),
    ("with abandonment", 200, 180, 0.8, 20, 120),
    ("large, impatient callers", 1_500, 300, 0.8, 20, 180),
]


def validation_section(calls: int) -> list[str]:
    lines = [
        "## (b) Validation: SimPy against the formulas",
        "",
        f"{calls:,} measured calls per run (warm-up {max(500, calls // 10):,} more), 50 batches;",
        "95 % confidence interval from batch means; every run has its own seed. `agents` is the",
        "recommendation; `agents − 1` shows it is the smallest (its formula service level is below",
        "target). The verdict compares the whole interval with the target.",
        "",
        "| scenario | model | target | agents | formula SL | simulated SL (95 % CI) |"
        " simulated vs target | formula ASA s | simulated ASA s | abandonment formula / sim |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    inside = total = 0
    for number, (name, cph, aht, target, threshold, patience) in enumerate(SCENARIOS):
        result = required_agents(cph, aht, target, threshold, patience)
        load = offered_load(cph, aht)
        for fewer, agents in enumerate((result.agents, result.agents - 1)):
            if patience is None:
                formula = erlang_c_metrics(agents, load, aht, threshold)
            else:
                formula = erlang_a_metrics(agents, load, aht, threshold, patience)
            if not math.isfinite(formula.asa):
                continue  # agents − 1 ≤ load: unstable in Erlang C, nothing to simulate
            run = simulate(
                agents,
                cph,
                aht,
                threshold,
                patience,
                calls=calls,
                batches=50,
                seed=2 * number + fewer,
            )
            low, high = run.service_level_interval()
            total += 1
            inside += low <= formula.service_level <= high
            lines.append(
                f"| {name} | {result.model} | {target:.0%} in {threshold:g} s | {agents} "
                f"| {formula.service_level:.4f} | {run.service_level:.4f} "
                f"({low:.4f} – {high:.4f}) | {verdict(low, high, target)} "
                f"| {formula.asa:.2f} | {run.asa:.2f} ± "
                f"{1.96 * run.asa_se:.2f} | {formula.abandonment:.4f} / {run.abandonment:.4f} |"
            )
            print(lines[-1], flush=True)
    lines += [
        "",
        f"- The formula's service level lies inside the simulated 95 % interval in {inside} of "
        f"{total} runs.",
        "",
    ]
    return lines


def verdict(low: float, high: float, target: float) -> str:
    if low >= target:
        return "above target"
    if high < target:
        return "below target"
    return "target inside CI"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=200_000, help="measured calls per run")
    parser.add_argument(
        "--output", type=Path, default=Path(__file__).with_name("results-staffing.md")
    )
    args = parser.parse_args(argv)
    command = COMMAND + (" " + " ".join(argv) if argv else "")
    started = time.perf_counter()
    speed = speed_section()
    print("\n".join(speed), flush=True)
    validation = validation_section(args.calls)
    write_results(
        args.output,
        title="Staffing benchmark (Erlang C / Erlang A)",
        command=command,
        started=started,
        sections=[speed, validation],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
