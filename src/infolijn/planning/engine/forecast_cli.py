"""`infolijn forecast`: contact volumes for the days after a history (DESIGN §6).

    infolijn forecast --history CSV --horizon N [--freq day|30min] [--json]

Prints ``[{"timestamp", "forecast", "lower", "upper"}]`` for every day (``--freq day``) or every
30-minute interval, closed hours included (``--freq 30min``), of the N days after the last day
in the history. ``lower``/``upper`` bound a 95 % prediction interval. Timestamps have the
history's own form. Problems go to stderr, naming the file and line, with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from infolijn.planning.engine.forecast import MAX_HORIZON, forecast_history
from infolijn.planning.engine.forecast_io import HistoryError, read_history


def main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the message (or --help)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        history = read_history(args.history)
        rows = forecast_history(history, horizon=args.horizon, freq=args.freq)
    except (HistoryError, ValueError) as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([asdict(row) for row in rows], allow_nan=False))
    else:
        for row in rows:
            print(f"{row.timestamp}\t{row.forecast:.1f}\t[{row.lower:.1f}, {row.upper:.1f}]")
    return 0


def _horizon(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, got {text!r}") from None
    if not 1 <= value <= MAX_HORIZON:
        raise argparse.ArgumentTypeError(f"must be 1..{MAX_HORIZON} days, got {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infolijn forecast",
        allow_abbrev=False,
        description="Forecast contact volumes per day or per 30 minutes from a volume history "
        "(CSV 'timestamp,count'), with 95 %% prediction intervals.",
    )
    add = parser.add_argument
    add("--history", required=True, metavar="CSV", help="volume history, header timestamp,count")
    add("--horizon", required=True, type=_horizon, metavar="N", help="days to forecast (1..366)")
    add("--freq", choices=("day", "30min"), default="day", help="one row per day or per 30 min")
    add("--json", action="store_true", help="print the forecast as a JSON array")
    return parser
