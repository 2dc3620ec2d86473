"""The calendar engine is pure Python: importing it loads nothing from Django (DESIGN §4)."""

import subprocess
import sys


def test_importing_the_calendar_loads_no_django():
    code = (
        "import sys, infolijn.calendar; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'wagtail'}); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
