"""Due moments per second: infolijn.calendar against a naive day-by-day baseline.

Run from the repository root:

    .venv/bin/python bench/bench_calendar.py [--moments 100000] [--repeats 5]

Both sides compute DESIGN §8 due moments for the same random received moments over 2026–2028,
with the same extra closing days: N = 2 (the e-mail deadline) and N = 10 (a longer partner
deadline, to show how each side scales with N). The run first checks that they agree on every
moment. The baseline walks day by day and asks the `holidays` package about each day, which is
what a straightforward implementation does. Figures are medians over the repeats and go to
bench/results-calendar.md.
"""

import argparse
import datetime as dt
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import holidays

from infolijn.calendar import BRUSSELS, DUE_TIME, WorkingCalendar

RESULTS = Path(__file__).resolve().parent / "results-calendar.md"
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2029, 1, 1, tzinfo=dt.UTC)
WORKLOADS = (2, 10)  # working days N; the first is the headline
# What an administrator would typically add: the Flemish government's extra days off.
EXTRA = {
    dt.date(year, month, day): "Vlaamse overheid"
    for year in range(2026, 2030)
    for month, day in ((11, 2), (11, 15), (12, 26))
}
ONE_DAY = dt.timedelta(days=1)


def random_moments(count: int, seed: int) -> list[dt.datetime]:
    rng = random.Random(seed)
    span = int((END - START).total_seconds())
    return [START + dt.timedelta(seconds=rng.randrange(span)) for _ in range(count)]


Contender = Callable[[Sequence[dt.datetime], int], list[dt.datetime]]


def ours(moments: Sequence[dt.datetime], n: int) -> list[dt.datetime]:
    calendar = WorkingCalendar(EXTRA)  # built in the timed region: its year index is lazy
    return [calendar.due_moment(moment, n) for moment in moments]


def naive_baseline(moments: Sequence[dt.datetime], n: int) -> list[dt.datetime]:
    """Day-by-day loop asking `holidays.country_holidays("BE")` about each day."""
    belgium = holidays.country_holidays("BE")

    def is_working(day: dt.date) -> bool:
        return (
            day.weekday() < 5
            and day not in belgium
            and (day.month, day.day) != (7, 11)
            and day not in EXTRA
        )

    results = []
    for moment in moments:
        day = moment.astimezone(BRUSSELS).date()
        while not is_working(day):
            day += ONE_DAY
        remaining = n
        while remaining:
            day += ONE_DAY
            if is_working(day):
                remaining -= 1
        results.append(dt.datetime.combine(day, DUE_TIME, BRUSSELS))
    return results


def rate(function: Contender, moments: list[dt.datetime], n: int) -> float:
    began = time.perf_counter()
    function(moments, n)
    return len(moments) / (time.perf_counter() - began)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moments", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20260710)
    parser.add_argument("--no-write", action="store_true", help="do not write the results file")
    args = parser.parse_args(argv)

    moments = random_moments(args.moments, args.seed)
    contenders: dict[str, Contender] = {
        "infolijn.calendar `WorkingCalendar.due_moment`": ours,
        "baseline: naive day-by-day loop asking `holidays.country_holidays('BE')`": naive_baseline,
    }
    for n in WORKLOADS:
        if ours(moments, n) != naive_baseline(moments, n):
            print(f"N = {n}: infolijn.calendar and the baseline disagree", file=sys.stderr)
            return 1

    command = " ".join(
        [".venv/bin/python", "bench/bench_calendar.py", *(sys.argv[1:] if argv is None else argv)]
    )
    lines = [
        "# Calendar benchmark: e-mail due moments",
        "",
        f"Command (from the repository root): `{command}`  ",
        f"Run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"holidays {holidays.__version__}, {platform.machine()} {platform.system()}  ",
        f"Workload: {args.moments:,} random received moments (seed {args.seed}) between "
        f"{START:%Y-%m-%d} and {END:%Y-%m-%d} UTC, {len(EXTRA)} extra closing days; both sides "
        "agree on every due moment.  ",
        f"Median of {args.repeats} interleaved repeats, each computing all moments.",
        "",
        "| N | implementation | due moments / s (median) | min | max | speed-up |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for n in WORKLOADS:
        rates: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.repeats):  # interleaved, so drift in machine load hits both
            for name, function in contenders.items():
                rates[name].append(rate(function, moments, n))
        medians = {name: statistics.median(values) for name, values in rates.items()}
        baseline_rate = list(medians.values())[-1]
        for name, values in rates.items():
            lines.append(
                f"| {n} | {name} | {medians[name]:,.0f} | {min(values):,.0f} | "
                f"{max(values):,.0f} | {medians[name] / baseline_rate:.1f}× |"
            )
    lines.append("")
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        RESULTS.write_text(report, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
