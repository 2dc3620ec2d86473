"""Settings for the test suite: tasks run immediately, state goes to a throw-away folder."""

import os
import tempfile

os.environ["INFOLIJN_TESTING"] = "1"
os.environ.setdefault("INFOLIJN_DATA_DIR", tempfile.mkdtemp(prefix="infolijn-test-"))

from infolijn.config.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

if REDIS_URL:  # noqa: F405
    # Each test worker its own Redis database: tests clear the cache, and must not clear another's.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{15 - _worker}"  # noqa: F405
