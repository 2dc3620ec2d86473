"""What several benchmarks share: the machine's CPU name, and the demo site under gunicorn."""

import http.client
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def prepare_demo_site(cli: list[str], env: dict) -> None:
    """Migrate, load the demo and collect static files into the data dir of ``env``."""
    for command in (
        ["migrate", "-v", "0"],
        ["shell", "-c", "from infolijn.demo.loader import load_demo; load_demo()"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        result = subprocess.run([*cli, *command], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")


def start_site(env: dict, port: int) -> subprocess.Popen:
    """The site under gunicorn (2 workers) on 127.0.0.1:``port``, once it answers."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "infolijn.config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/robots.txt")
            conn.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("server did not start")


def write_results(
    output: Path, *, title: str, command: str, started: float, sections: list[list[str]]
) -> None:
    """A results file: a heading naming the command, when and where it ran, then the sections."""
    elapsed = time.perf_counter() - started
    header = [
        f"# {title}",
        "",
        f"Command (from the repository root): `{command}`  ",
        f"Run {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC on Python {platform.python_version()}, "
        f"{cpu_name()} ({os.cpu_count()} CPUs, shared with other work: timings are "
        f"indicative); took {elapsed:.0f} s.",
        "",
    ]
    output.write_text("\n".join(header + [line for s in sections for line in s]), encoding="utf-8")
    print(f"wrote {output}")
