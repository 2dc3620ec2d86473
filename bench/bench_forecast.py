"""Forecast benchmark: rolling-origin backtests on real call-center data, ours vs baselines.

    .venv/bin/python bench/bench_forecast.py [--origins N] [--output PATH]

Data are read by path from ``../shared/data/callcenter`` (see each PROVENANCE.md; never copied
into the repository). For each series and each of the last ``--origins`` days D of the data
(history = everything up to and including D), ``forecast_history`` forecasts the 7 days after
D. *Day-ahead* scores the first of those days that has data, *week-ahead* all of them.
Baselines in the same run: **seasonal naive** (same weekday / same slot 7 days earlier; 14 if
that day is missing) and **mean of the last 4 same weekdays** (same slot for 30 min).

Masked from scoring (still in the history the engine sees): US bank — none inside the data
(its six missing weekdays are absent); Anonymous Bank — days whose flag is not ``raw`` and the
Israeli holidays named in the PROVENANCE (Passover 04-01..07, Independence Day 04-21, Shavuot
05-21, Rosh Hashana 09-11..12, Yom Kippur 09-20, Sukkot 09-25..10-02). Metrics: WAPE (Σ|e| / Σ
actual) and MAPE of daily totals; 30-minute WAPE over all 48 slots; coverage of our 95 %
interval. Figures go to ``bench/results-forecast.md`` (and stdout).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import os
import platform
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from infolijn.planning.engine.forecast import forecast_history
from infolijn.planning.engine.forecast_io import History

COMMAND = ".venv/bin/python bench/bench_forecast.py"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "callcenter"
HORIZON = 7

Key = dt.datetime


@dataclass
class Series:
    name: str
    freq: str  # "day" or "30min"
    history: dict[Key, float]  # what the engine sees (native resolution)
    actual: dict[Key, float]  # scoring resolution (day or 30-min slot)
    masked: set[dt.date] = field(default_factory=set)
    time_format: str = "%Y-%m-%dT%H:%M"


def _slot(t: dt.datetime) -> dt.datetime:
    return t.replace(minute=t.minute - t.minute % 30, second=0)


def _day(t: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(t.date(), dt.time())


def _aggregate(values: dict[Key, float], key: Callable[[Key], Key]) -> dict[Key, float]:
    out: dict[Key, float] = defaultdict(float)
    for t, v in values.items():
        out[key(t)] += v
    return dict(out)


def _with_zero_slots(slots: dict[Key, float]) -> dict[Key, float]:
    """Every 30-minute slot of each day that has data (closed slots count 0)."""
    full = dict(slots)
    for day in {t.date() for t in slots}:
        start = dt.datetime.combine(day, dt.time())
        for s in range(48):
            full.setdefault(start + dt.timedelta(minutes=30 * s), 0.0)
    return full


def load_series() -> list[Series]:
    out: list[Series] = []
    us: dict[Key, float] = {}
    with open(DATA / "us_bank_2003" / "bank_calls.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            # the trailing Z is wrong: the value is local wall-clock time (PROVENANCE)
            us[dt.datetime.fromisoformat(row["DateTime"].rstrip("Z"))] = float(row["Calls"])
    out.append(Series("US bank 2003, daily", "day", _aggregate(us, _day), _aggregate(us, _day)))
    out.append(Series("US bank 2003, 30 min", "30min", us, _with_zero_slots(_aggregate(us, _slot))))
    tor: dict[Key, float] = {}
    with open(DATA / "toronto_central_intake" / "central_intake_calls_daily.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            tor[dt.datetime.fromisoformat(row["Date"])] = float(row["Total calls handled"])
    out.append(Series("Toronto Central Intake, daily", "day", tor, tor))
    anon: dict[Key, float] = {}
    masked: set[dt.date] = set()
    with open(DATA / "anonymous_bank_1999" / "intervals_6min.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            t = dt.datetime.fromisoformat(f"{row['date']}T{row['interval_start']}")
            anon[t] = float(row["calls"])
            if row["flag"] != "raw":
                masked.add(t.date())
    for start, end in [
        ("1999-04-01", "1999-04-07"), ("1999-04-21", "1999-04-21"), ("1999-05-21", "1999-05-21"),
        ("1999-09-11", "1999-09-12"), ("1999-09-20", "1999-09-20"), ("1999-09-25", "1999-10-02"),
    ]:  # fmt: skip
        day, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        while day <= last:
            masked.add(day)
            day += dt.timedelta(days=1)
    daily = _aggregate(anon, _day)
    out.append(Series("Anonymous Bank 1999, daily", "day", daily, daily, masked))
    out.append(
        Series("Anonymous Bank 1999, 30 min", "30min", anon,
               _with_zero_slots(_aggregate(anon, _slot)), masked)
    )  # fmt: skip
    return out


def _history(series: Series, upto: dt.date) -> History:
    items = sorted((t, v) for t, v in series.history.items() if t.date() <= upto)
    daily = series.freq == "day"
    return History(
        tuple(t for t, _ in items), tuple(v for _, v in items), daily,
        "%Y-%m-%d" if daily else series.time_format,
    )  # fmt: skip


def _baselines(series: Series, key: Key) -> tuple[float, float]:
    """(seasonal naive, mean of the last 4 same weekdays) for ``key`` from data 7+ days back."""
    week = dt.timedelta(days=7)
    earlier = [series.actual.get(key - week * k) for k in range(1, 9)]
    seen = [v for v in earlier if v is not None]
    naive = seen[0] if seen else 0.0
    return naive, float(np.mean(seen[:4])) if seen else 0.0


@dataclass
class Score:
    abs_err: float = 0.0
    total: float = 0.0
    ape: list[float] = field(default_factory=list)
    inside: int = 0
    count: int = 0
    floor: float = 0.0  # Σ E|X − λ| ≈ Σ sqrt(2λ/π) with λ = actual: the Poisson noise floor

    def add(self, forecast: float, actual: float, lower: float = 0, upper: float = 0) -> None:
        self.abs_err += abs(forecast - actual)
        self.total += actual
        if actual > 0:
            self.ape.append(abs(forecast - actual) / actual)
        self.inside += lower <= actual <= upper
        self.count += 1
        self.floor += math.sqrt(2 * actual / math.pi)

    @property
    def wape(self) -> float:
        return self.abs_err / self.total if self.total else float("nan")


def run(series: Series, origins: int) -> dict[str, object]:
    days = sorted({t.date() for t in series.actual})
    scores = {(m, h): Score() for m in ("ours", "naive", "mean4") for h in ("day", "week")}
    daily_tot = {(m, h): Score() for m in ("ours", "naive", "mean4") for h in ("day", "week")}
    timings = []
    for origin in days[-origins - 1 : -1]:
        start = time.perf_counter()
        rows = forecast_history(_history(series, origin), horizon=HORIZON, freq=series.freq)
        timings.append(time.perf_counter() - start)
        fmt = "%Y-%m-%d" if series.freq == "day" else series.time_format
        ours = {dt.datetime.strptime(r.timestamp, fmt): r for r in rows}  # noqa: DTZ007
        ahead = [d for d in days if origin < d <= origin + dt.timedelta(days=HORIZON)]
        ahead = [d for d in ahead if d not in series.masked]
        for n, day in enumerate(ahead):
            horizons = ("day", "week") if n == 0 else ("week",)
            keys = [k for k in ours if k.date() == day]
            sums = defaultdict(float)
            for key in keys:
                actual = series.actual.get(key, 0.0)
                naive, mean4 = _baselines(series, key)
                r = ours[key]
                for h in horizons:
                    scores["ours", h].add(r.forecast, actual, r.lower, r.upper)
                    scores["naive", h].add(naive, actual)
                    scores["mean4", h].add(mean4, actual)
                for name, v in (
                    ("ours", r.forecast),
                    ("naive", naive),
                    ("mean4", mean4),
                    ("a", actual),
                ):
                    sums[name] += v
            for h in horizons:
                for name in ("ours", "naive", "mean4"):
                    daily_tot[name, h].add(sums[name], sums["a"])
    return {"scores": scores, "daily": daily_tot, "seconds": statistics.median(timings)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--origins", type=int, default=100, help="rolling origins per series")
    parser.add_argument("--output", default=str(Path(__file__).with_name("results-forecast.md")))
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"data not found at {DATA}", file=sys.stderr)
        return 1
    lines = [
        "# Forecast benchmark",
        "",
        f"Command: `{COMMAND}{'' if args.origins == 100 else f' --origins {args.origins}'}` "
        f"({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs).",
        "",
        f"Rolling origins: the last {args.origins} days of each series; each origin forecasts the "
        "next 7 days from the history up to it. Day-ahead = the first following day with data; "
        "week-ahead = every day with data in the next 7. Baselines: seasonal naive (same weekday "
        "or slot a week earlier) and the mean of the last 4 same weekdays (same slot), same "
        "run. Ratio = our WAPE ÷ seasonal naive's. Poisson floor = Σ sqrt(2·actual/π) ÷ Σ actual, "
        "the WAPE even a perfect rate would get. Coverage = share of actuals inside our 95 % "
        "interval. Masked days (Anonymous Bank: non-raw and Israeli holidays) are not scored.",
        "",
        "| series | level | horizon | ours WAPE | naive WAPE | mean-4 WAPE | ratio | ours MAPE "
        "| naive MAPE | Poisson floor WAPE | coverage 95 % | s/forecast |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    ratios: dict[str, list[float]] = defaultdict(list)
    for series in load_series():
        result = run(series, args.origins)
        levels = [("slot", result["scores"]), ("day", result["daily"])]
        if series.freq == "day":  # one row per day: the slot scores carry the intervals
            levels = [("day", result["scores"])]
        for level, table in levels:
            assert isinstance(table, dict)
            for h in ("day", "week"):
                ours, naive, mean4 = table["ours", h], table["naive", h], table["mean4", h]
                ratio = ours.wape / naive.wape
                if level == "slot" or series.freq == "day":  # day totals of 30-min runs repeat
                    ratios[f"{'30 min' if level == 'slot' else 'daily'} {h}-ahead"].append(ratio)
                cover = (
                    f"{ours.inside / ours.count:.1%}"
                    if (level == "slot" or series.freq == "day")
                    else "–"
                )
                line = (
                    f"| {series.name} | {'30 min' if level == 'slot' else 'day total'} | {h}-ahead "
                    f"| {ours.wape:.2%} | {naive.wape:.2%} | {mean4.wape:.2%} | {ratio:.2f} "
                    f"| {np.mean(ours.ape):.2%} | {np.mean(naive.ape):.2%} "
                    f"| {ours.floor / ours.total:.2%} | {cover} "
                    f"| {result['seconds']:.2f} |"
                )
                lines.append(line)
                print(line, flush=True)
    lines += ["", "Mean ratio (ours ÷ seasonal naive WAPE) per level and horizon:", ""]
    lines += [f"- {name}: {np.mean(v):.2f} over {len(v)} series" for name, v in ratios.items()]
    lines.append("")
    Path(args.output).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[-len(ratios) - 2 :]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
