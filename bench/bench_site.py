"""Public site throughput: cached Wagtail pages vs the same HTML served as static files.

Run:  .venv/bin/python bench/bench_site.py [--seconds 8] [--clients 8]
Builds a throw-away data directory with the demo, serves it with gunicorn (2 sync workers,
as `infolijn serve`), and measures requests/s with concurrent keep-alive clients on loopback:
the home, a theme and a script page (anonymous, so from the page cache) against the same
HTML saved as files and served by the same server through WhiteNoise. Rounds alternate
dynamic/static; medians are reported. Writes bench/results-site.md.
"""

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchlib import prepare_demo_site, start_site

ROOT = Path(__file__).resolve().parents[1]
PORT = 8097
PAGES = ["/", "/themas/gezin-en-kinderen/", "/info/groeipakket-startbedrag/"]


def load(paths: list[str], seconds: float, clients: int) -> float:
    done = [0] * clients
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
        n = 0
        while time.monotonic() < stop:
            try:
                conn.request("GET", paths[n % len(paths)])
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[i] += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="infolijn-bench-site-"))
    env = {**os.environ, "INFOLIJN_DATA_DIR": str(data), "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    cli = [sys.executable, "-m", "infolijn.cli"]
    prepare_demo_site(cli, env)
    server = start_site(env, PORT)
    static_dir = data / "static" / "benchpages"
    static_dir.mkdir(parents=True, exist_ok=True)
    static_paths = []
    try:
        for i, path in enumerate(PAGES):
            conn = http.client.HTTPConnection("127.0.0.1", PORT)
            conn.request("GET", path)
            (static_dir / f"page{i}.html").write_bytes(conn.getresponse().read())
            static_paths.append(f"/static/benchpages/page{i}.html")
    finally:
        server.terminate()
        server.wait()
    server = start_site(env, PORT)  # WhiteNoise indexes the new files at start
    dynamic, static = [], []
    try:
        load(PAGES, 1.0, args.clients)  # warm the page cache
        for _ in range(args.rounds):
            dynamic.append(load(PAGES, args.seconds, args.clients))
            static.append(load(static_paths, args.seconds, args.clients))
    finally:
        server.terminate()
        server.wait()
    d, s = statistics.median(dynamic), statistics.median(static)
    lines = [
        "# Public site throughput",
        "",
        f"Command: `.venv/bin/python bench/bench_site.py --seconds {args.seconds:g} --clients {args.clients} --rounds {args.rounds}`",
        "",
        f"gunicorn with 2 sync workers (as `infolijn serve`), SQLite demo data, {args.clients} concurrent keep-alive clients on loopback, "
        f"{args.rounds} alternating rounds of {args.seconds:g} s; home, theme and script page (anonymous: from the page cache) "
        "vs the same HTML saved as files and served by the same server through WhiteNoise. The load generator runs on the same 2 cores.",
        "",
        "| served as | requests/s (median) | rounds |",
        "|---|---|---|",
        f"| Wagtail pages, page cache | {d:,.0f} | {', '.join(f'{x:,.0f}' for x in dynamic)} |",
        f"| static files (baseline) | {s:,.0f} | {', '.join(f'{x:,.0f}' for x in static)} |",
        "",
        f"Ratio pages ÷ static: **{d / s:.2f}** (goal ≥ 0.5).",
    ]
    (ROOT / "bench" / "results-site.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
