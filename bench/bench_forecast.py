"""Forecast benchmark: rolling-origin backtests on real call-center data, ours vs baselines.

    .venv/bin/python bench/bench_forecast.py [--origins N] [--sf-every K] [--output PATH]

Data are read by path from ``../shared/data/callcenter`` (see each PROVENANCE.md; never copied
into the repository). For each series and each of the last ``--origins`` days D of the data
(history = everything up to and including D), ``forecast_history`` forecasts the 7 days after
D. *Day-ahead* scores the first of those days that has data, *week-ahead* all of them.
Baselines in the same run: **seasonal naive** (same weekday / same slot 7 days earlier; 14 if
that day is missing), **mean of the last 4 same weekdays** (same slot for 30 min) and, when
statsforecast is installed (``pip install -e ".[bench]"``), **AutoETS** on daily series (season
length = open weekdays, i.e. one week of open days) and **MSTL** on 30-minute series (seasons:
open slots per day and per week, trend by AutoETS ``ZZN``, the statsforecast default). Both
see the same history as ours, reduced to open days (weekdays with data) and open slots (slots
with calls); an open day missing from the data takes the values of a week earlier; forecasts
below 0 become 0; closed days and slots are forecast 0. Fitting MSTL on a year of half-hours
takes seconds, so statsforecast runs on every ``--sf-every``-th origin of the 30-minute series
(every origin of the daily ones), in a process pool, and its table scores *all* methods on
exactly those origins.

Masked from scoring (still in the history every method sees): US bank — none inside the data
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
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from infolijn.planning.engine.forecast import forecast_history
from infolijn.planning.engine.forecast_io import History

SF_VERSION: str | None
try:
    import statsforecast
    from statsforecast.models import MSTL, AutoETS

    SF_VERSION = statsforecast.__version__
except ImportError:  # bench-only dependency (optional group "bench")
    SF_VERSION = None

COMMAND = ".venv/bin/python bench/bench_forecast.py"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "callcenter"
HORIZON = 7
SF_EVERY = 4
METHODS = ("ours", "naive", "mean4")
SF_METHOD = {"day": "AutoETS", "30min": "MSTL"}

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


def _open_input(series: Series, upto: dt.date) -> tuple[np.ndarray, list[Key], tuple[int, ...]]:
    """The statsforecast input: open days (× open slots) up to ``upto``, keys to forecast, seasons.

    Open weekdays are those with data, open slots those with calls; an open day missing from
    the data takes the values of the same weekday a week earlier.
    """
    past = {t: v for t, v in series.actual.items() if t.date() <= upto}
    dates = {t.date() for t in past}
    open_weekdays = {d.weekday() for d in dates}
    m = len(open_weekdays)
    offsets = [dt.timedelta(0)]
    if series.freq == "30min":
        per_slot: dict[dt.timedelta, float] = defaultdict(float)
        for t, v in past.items():
            per_slot[t - _day(t)] += v
        offsets = sorted(o for o, v in per_slot.items() if v > 0)
    first = min(dates)
    rows: list[list[float]] = []
    for i in range((upto - first).days + 1):
        day = first + dt.timedelta(days=i)
        if day.weekday() not in open_weekdays:
            continue
        start = dt.datetime.combine(day, dt.time())
        if day in dates:
            rows.append([past.get(start + o, 0.0) for o in offsets])
        else:
            rows.append(rows[-m] if len(rows) >= m else rows[-1])
    ahead = [upto + dt.timedelta(days=k) for k in range(1, HORIZON + 1)]
    keys = [
        dt.datetime.combine(day, dt.time()) + o
        for day in ahead
        if day.weekday() in open_weekdays
        for o in offsets
    ]
    seasons = (m,) if series.freq == "day" else (len(offsets), len(offsets) * m)
    return np.asarray(rows, float).ravel(), keys, seasons


def _sf_fit(y: np.ndarray, h: int, seasons: tuple[int, ...]) -> tuple[np.ndarray, float]:
    """AutoETS (one season) or MSTL (two seasons, AutoETS ZZN trend); forecast and seconds."""
    start = time.perf_counter()
    if len(seasons) == 1:
        model = AutoETS(season_length=seasons[0])
    else:
        model = MSTL(season_length=list(seasons), trend_forecaster=AutoETS(model="ZZN"))
    mean = np.clip(np.asarray(model.forecast(y=y, h=h)["mean"], float), 0.0, None)
    return mean, time.perf_counter() - start


@dataclass
class Result:
    scores: dict[tuple[str, str, str], Score]  # (subset, method, horizon) at the native level
    daily: dict[tuple[str, str, str], Score]  # the same for day totals
    sf_origins: int
    seconds: float  # median per forecast of ours
    sf_seconds: float  # median per statsforecast fit (nan: not run)


def run(series: Series, origins: int, sf_every: int, pool: ProcessPoolExecutor | None) -> Result:
    """Score every method; subset "all" = every origin, "sf" = the statsforecast origins."""
    days = sorted({t.date() for t in series.actual})
    chosen = days[-origins - 1 : -1]
    every = sf_every if series.freq == "30min" else 1
    sf_chosen = set(chosen[::-1][::every])
    pending: dict[dt.date, tuple[list[Key], Future[tuple[np.ndarray, float]]]] = {}
    if pool is not None:
        for origin in sorted(sf_chosen):
            y, keys, seasons = _open_input(series, origin)
            pending[origin] = keys, pool.submit(_sf_fit, y, len(keys), seasons)
    sf_name = SF_METHOD[series.freq]
    scores: dict[tuple[str, str, str], Score] = defaultdict(Score)
    daily_tot: dict[tuple[str, str, str], Score] = defaultdict(Score)
    timings, sf_timings = [], []
    for origin in chosen:
        start = time.perf_counter()
        rows = forecast_history(_history(series, origin), horizon=HORIZON, freq=series.freq)
        timings.append(time.perf_counter() - start)
        fmt = "%Y-%m-%d" if series.freq == "day" else series.time_format
        ours = {dt.datetime.strptime(r.timestamp, fmt): r for r in rows}  # noqa: DTZ007
        sf: dict[Key, float] | None = None
        if origin in pending:
            keys, future = pending.pop(origin)
            mean, seconds = future.result()
            sf = dict(zip(keys, mean.tolist(), strict=True))
            sf_timings.append(seconds)
        subsets = ("all", "sf") if origin in sf_chosen else ("all",)
        ahead = [d for d in days if origin < d <= origin + dt.timedelta(days=HORIZON)]
        ahead = [d for d in ahead if d not in series.masked]
        for n, day in enumerate(ahead):
            horizons = ("day", "week") if n == 0 else ("week",)
            sums: dict[str, float] = defaultdict(float)
            for key in (k for k in ours if k.date() == day):
                actual = series.actual.get(key, 0.0)
                naive, mean4 = _baselines(series, key)
                r = ours[key]
                values = {"ours": r.forecast, "naive": naive, "mean4": mean4}
                if sf is not None:
                    values[sf_name] = sf.get(key, 0.0)
                for name, v in values.items():
                    bounds = (r.lower, r.upper) if name == "ours" else (0.0, 0.0)
                    for h in horizons:
                        for sub in subsets:
                            if sub == "all" and name == sf_name:
                                continue
                            scores[sub, name, h].add(v, actual, *bounds)
                    sums[name] += v
                sums["actual"] += actual
            for method in (m for m in sums if m != "actual"):
                for h in horizons:
                    for sub in subsets:
                        if not (sub == "all" and method == sf_name):
                            daily_tot[sub, method, h].add(sums[method], sums["actual"])
    return Result(
        scores,
        daily_tot,
        len(sf_chosen),
        statistics.median(timings),
        statistics.median(sf_timings) if sf_timings else float("nan"),
    )


def _levels(series: Series, result: Result) -> list[tuple[str, dict[tuple[str, str, str], Score]]]:
    if series.freq == "day":  # one row per day: the native scores carry the intervals
        return [("day", result.scores)]
    return [("slot", result.scores), ("day", result.daily)]


def _summary_key(series: Series, level: str, h: str) -> str | None:
    """Summary line of a row; day totals of 30-min series repeat the daily series for ours."""
    if level == "slot":
        return f"30 min {h}-ahead"
    return f"daily {h}-ahead" if series.freq == "day" else None


def _pct(score: Score | None) -> str:
    return f"{score.wape:.2%}" if score is not None and score.count else "–"


def _ratio(score: Score | None, naive: Score) -> float | None:
    return score.wape / naive.wape if score is not None and score.count else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--origins", type=int, default=100, help="rolling origins per series")
    parser.add_argument(
        "--sf-every", type=int, default=SF_EVERY,
        help="statsforecast on every K-th origin of the 30-minute series",
    )  # fmt: skip
    parser.add_argument("--output", default=str(Path(__file__).with_name("results-forecast.md")))
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"data not found at {DATA}", file=sys.stderr)
        return 1
    if SF_VERSION is None:
        print(
            "note: statsforecast is not installed, so the AutoETS and MSTL columns stay '–' "
            '(install the bench extra: .venv/bin/pip install -e ".[bench]")',
            file=sys.stderr,
        )
    options = "".join(
        f" --{name} {value}"
        for name, value, default in (
            ("origins", args.origins, 100),
            ("sf-every", args.sf_every, SF_EVERY),
        )
        if value != default
    )
    started = time.perf_counter()
    lines = [
        "# Forecast benchmark",
        "",
        f"Command: `{COMMAND}{options}` ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, statsforecast "
        f"{SF_VERSION or 'not installed'}).",
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
    sf_lines = [
        "| series | level | horizon | origins | ours WAPE | naive WAPE | mean-4 WAPE "
        "| AutoETS WAPE | MSTL WAPE | ours ratio | mean-4 ratio | AutoETS ratio | MSTL ratio "
        "| s/statsforecast fit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    ratios: dict[str, list[float]] = defaultdict(list)
    sf_ratios: dict[tuple[str, str], list[float]] = defaultdict(list)
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) if SF_VERSION else _NoPool() as pool:
        for series in load_series():
            result = run(series, args.origins, args.sf_every, pool)
            for level, table in _levels(series, result):
                name = f"{series.name} | {'30 min' if level == 'slot' else 'day total'}"
                for h in ("day", "week"):
                    summary = _summary_key(series, level, h)
                    ours, naive, mean4 = (table["all", m, h] for m in METHODS)
                    ratio = ours.wape / naive.wape
                    if summary is not None:
                        ratios[summary].append(ratio)
                    cover = f"{ours.inside / ours.count:.1%}" if summary is not None else "–"
                    line = (
                        f"| {name} | {h}-ahead | {ours.wape:.2%} | {naive.wape:.2%} "
                        f"| {mean4.wape:.2%} | {ratio:.2f} | {np.mean(ours.ape):.2%} "
                        f"| {np.mean(naive.ape):.2%} | {ours.floor / ours.total:.2%} | {cover} "
                        f"| {result.seconds:.2f} |"
                    )
                    lines.append(line)
                    print(line, flush=True)
                    sf_lines.append(
                        _sf_line(result, table, f"{name} | {h}-ahead", h, summary, sf_ratios)
                    )
    lines += ["", "Mean ratio (ours ÷ seasonal naive WAPE) per level and horizon:", ""]
    lines += [f"- {name}: {np.mean(v):.2f} over {len(v)} series" for name, v in ratios.items()]
    lines += _sf_section(args.sf_every, sf_lines, sf_ratios, time.perf_counter() - started)
    Path(args.output).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[lines.index("## Ours against statsforecast") :]))
    return 0


class _NoPool:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


SF_COLUMNS = ("ours", "mean4", "AutoETS", "MSTL")


def _sf_line(
    result: Result,
    table: dict[tuple[str, str, str], Score],
    name: str,
    h: str,
    summary: str | None,
    sf_ratios: dict[tuple[str, str], list[float]],
) -> str:
    """A row of the statsforecast table: every method on the statsforecast origins only."""
    naive = table.get(("sf", "naive", h))
    if naive is None:
        return f"| {name} | 0 |" + " – |" * 10
    cells = {m: table.get(("sf", m, h)) for m in SF_COLUMNS}
    ratio_cells = []
    for m in SF_COLUMNS:
        r = _ratio(cells[m], naive)
        ratio_cells.append("–" if r is None else f"{r:.2f}")
        if r is not None and summary is not None:
            sf_ratios[summary, m].append(r)
    sf_seconds = "–" if math.isnan(result.sf_seconds) else f"{result.sf_seconds:.2f}"
    return (
        f"| {name} | {result.sf_origins} | {_pct(cells['ours'])} | {_pct(naive)} "
        f"| {_pct(cells['mean4'])} | {_pct(cells['AutoETS'])} | {_pct(cells['MSTL'])} "
        f"| {' | '.join(ratio_cells)} | {sf_seconds} |"
    )


def _sf_section(
    sf_every: int, sf_lines: list[str], sf_ratios: dict[tuple[str, str], list[float]], took: float
) -> list[str]:
    labels = {"ours": "ours", "mean4": "mean-4", "AutoETS": "AutoETS", "MSTL": "MSTL"}
    out = [
        "",
        "## Ours against statsforecast",
        "",
        "Same run, same masked days and scoring. AutoETS (season length = open weekdays) runs "
        "on the daily series, MSTL (seasons = open 30-minute slots per day and per week, "
        "AutoETS `ZZN` trend) on the 30-minute series; both see the same history as ours, "
        "reduced to open days and slots (a missing open day takes the values of a week "
        "earlier), and are clipped at 0. Fitting MSTL on months of half-hours is slow, so it "
        f"runs on every {sf_every}th origin of the 30-minute series (counted back from the "
        "last), AutoETS on every origin of the daily series; **every method in this table is "
        "scored on exactly those origins**, so its ours / naive / mean-4 figures differ "
        "slightly from the table above for the 30-minute series. Ratio = WAPE ÷ seasonal "
        "naive's WAPE on the same origins.",
        "",
        *(
            []
            if SF_VERSION
            else [
                "**statsforecast is not installed: AutoETS and MSTL did not run (–). Install "
                'the bench extra: `.venv/bin/pip install -e ".[bench]"`.**',
                "",
            ]
        ),
        *sf_lines,
        "",
        "Mean ratio (WAPE ÷ seasonal naive WAPE) per level and horizon, statsforecast origins "
        "(daily: the 3 daily series; 30 min: the 2 half-hour series; lowest = best):",
        "",
        "| level, horizon | ours | mean-4 | AutoETS | MSTL | best |",
        "|---|---|---|---|---|---|",
    ]
    for key in ("daily day-ahead", "daily week-ahead", "30 min day-ahead", "30 min week-ahead"):
        means = {m: float(np.mean(v)) for m in labels if (v := sf_ratios.get((key, m)))}
        if not means:
            continue
        best = labels[min(means, key=means.__getitem__)]
        cells = " | ".join(f"{means[m]:.2f}" if m in means else "–" for m in labels)
        out.append(f"| {key} | {cells} | {best} |")
    out += ["", f"Whole run (all methods, all series): {took:.0f} s.", ""]
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
