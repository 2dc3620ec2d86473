"""`infolijn demo` and `infolijn serve`: migrate, (load the demo,) start a task worker and serve."""

import argparse
import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command


def _parse(argv: list[str], *, demo: bool) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=f"infolijn {'demo' if demo else 'serve'}")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start a background task worker"
    )
    return parser.parse_args(argv)


def run(*, demo: bool, argv: list[str]) -> int:
    options = _parse(argv, demo=demo)
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if demo:
        from infolijn.demo.loader import load_demo, print_logins

        created = load_demo()
        print("Demo data loaded." if created else "Demo data already present: reusing it.")
        print_logins(port=options.port)
    workers: list[subprocess.Popen] = []
    if not options.no_worker:
        worker_log = (settings.DATA_DIR / "worker.log").open("a", encoding="utf-8")
        print(f"Task worker and periodic jobs started; output and demo mail: {worker_log.name}")
        workers = [
            subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
                [sys.executable, "-m", "infolijn.cli", *command],
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
            for command in (["db_worker", "--interval", "2"], ["periodic", "--every", "60"])
        ]
    print(f"infolijn serves on http://{options.host}:{options.port}/ (Ctrl+C stops)", flush=True)
    try:
        return subprocess.call(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "infolijn.config.wsgi:application",
                "--bind",
                f"{options.host}:{options.port}",
                "--workers",
                str(options.workers),
                "--access-logfile",
                "-",
            ]
        )
    except KeyboardInterrupt:
        return 0
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=10)
