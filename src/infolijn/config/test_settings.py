"""Settings for the test suite: tasks run immediately, state goes to a throw-away folder."""

import os
import tempfile

os.environ["INFOLIJN_TESTING"] = "1"
os.environ.setdefault("INFOLIJN_DATA_DIR", tempfile.mkdtemp(prefix="infolijn-test-"))

from infolijn.config.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
