"""Tests that need a server: skipped with the reason on a machine without it, failed in CI
(`.ci/run` sets INFOLIJN_REQUIRE_SERVICES=1)."""

import os
import socket

import pytest

REQUIRE = os.environ.get("INFOLIJN_REQUIRE_SERVICES") == "1"


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def need(service: str, ok: bool, reason: str) -> None:
    if ok:
        return
    if REQUIRE:
        pytest.fail(f"{service} is required (INFOLIJN_REQUIRE_SERVICES=1) but {reason}")
    pytest.skip(f"{service}: {reason}")
