"""Gather every benchmark's figures (bench/results-*.md) into bench/RESULTS.md.

Run: .venv/bin/python bench/collect_results.py   (after running the benchmarks you changed)
Each benchmark writes its own results file with the command that produced it; this file
keeps them together in one place, newest run of each.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parts = [
        "# Benchmark results",
        "",
        "Each section is written by one benchmark in `bench/`, which also names the command that",
        "produced it; baselines run in the same process and run. Machine: 2 cores (shared), Python 3.11.",
        "",
    ]
    for path in sorted(HERE.glob("results-*.md")):
        text = path.read_text(encoding="utf-8").strip()
        lines = text.splitlines()
        if lines and lines[0].startswith("# "):
            lines[0] = "#" + lines[0]
        parts += [*("#" + line if line.startswith("## ") else line for line in lines), ""]
        parts[-1:] = ["", f"(from `bench/{path.name}`)", ""]
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
