"""The pure engines import nothing from Django or Wagtail (DESIGN §4): one check for all."""

import subprocess
import sys

import pytest

PURE_MODULES = [
    "infolijn.calendar",
    "infolijn.contacts.intervalstats",
    "infolijn.contacts.kpis",
    "infolijn.contacts.problems",
    "infolijn.contacts.mailparse",
    "infolijn.knowledge.scriptfile",
    "infolijn.plainlanguage",
    "infolijn.plainlanguage.cli",
    "infolijn.planning.engine.cli",
    "infolijn.planning.engine.forecast_cli",
    "infolijn.planning.engine.accuracy",
    "infolijn.planning.engine.backlog",
    "infolijn.planning.engine.events",
    "infolijn.planning.engine.shifts",
    "infolijn.planning.engine.simulation",
    "infolijn.planning.engine.training",
    "infolijn.quality.engine",
    "infolijn.search.engine.index",
    "infolijn.search.engine.evaluation",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_importing_loads_no_django(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'wagtail'}); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
