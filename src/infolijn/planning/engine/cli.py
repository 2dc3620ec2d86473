"""`infolijn staffing`: agents needed for one interval (DESIGN §6).

    infolijn staffing --calls-per-hour X --aht S --target P --within S
                      [--patience S] [--shrinkage F] [--json]

With ``--patience`` callers hang up after an exponential time with that mean (Erlang A),
otherwise they wait forever (Erlang C). Bad options are reported on stderr, naming the
option, with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import asdict

from infolijn.planning.engine.staffing import StaffingResult, required_agents


def main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the message (or --help)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        result = required_agents(
            calls_per_hour=args.calls_per_hour,
            aht_seconds=args.aht,
            target_service_level=args.target,
            threshold_seconds=args.within,
            patience_seconds=args.patience,
            shrinkage=args.shrinkage,
        )
    except ValueError as exc:  # the options are checked above; this is a safety net
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(asdict(result), allow_nan=False))
    else:
        print(_describe(result, args.within, args.shrinkage))
    return 0


def _describe(result: StaffingResult, within: float, shrinkage: float) -> str:
    model = "Erlang C" if result.model == "erlang_c" else "Erlang A"
    return (
        f"{model}: {result.agents} agents on the phone "
        f"({result.agents_scheduled} scheduled at {shrinkage:.0%} shrinkage); "
        f"service level {result.service_level:.1%} within {within:g} s, "
        f"ASA {result.asa:.1f} s, occupancy {result.occupancy:.1%}"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infolijn staffing",
        allow_abbrev=False,
        description="Smallest number of agents that meets a service-level target "
        "(Erlang C, or Erlang A with --patience).",
    )
    add = parser.add_argument
    add(
        "--calls-per-hour",
        type=_number(">= 0", lambda v: v >= 0),
        required=True,
        metavar="X",
        help="expected calls per hour",
    )
    add(
        "--aht",
        type=_number("> 0", lambda v: v > 0),
        required=True,
        metavar="S",
        help="average handling time, seconds",
    )
    add(
        "--target",
        type=_number("in (0, 1], e.g. 0.8", lambda v: 0 < v <= 1),
        required=True,
        metavar="P",
        help="share of calls to answer within --within, e.g. 0.8",
    )
    add(
        "--within",
        type=_number(">= 0", lambda v: v >= 0),
        required=True,
        metavar="S",
        help="service-level threshold, seconds",
    )
    add(
        "--patience",
        type=_number("> 0", lambda v: v > 0),
        metavar="S",
        help="mean patience before callers hang up, seconds (Erlang A)",
    )
    add(
        "--shrinkage",
        type=_number("in [0, 1), e.g. 0.3", lambda v: 0 <= v < 1),
        default=0.0,
        metavar="F",
        help="share of paid time not on the phone",
    )
    add("--json", action="store_true", help="print the result as JSON")
    return parser


def _number(rule: str, valid: Callable[[float], bool]) -> Callable[[str], float]:
    """argparse type: a finite float obeying ``valid``; argparse names the option on error."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
        if not (math.isfinite(value) and valid(value)):
            raise argparse.ArgumentTypeError(f"must be a finite number {rule}, got {text!r}")
        return value

    return parse
