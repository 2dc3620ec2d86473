"""Plain-language (klare taal) engine for Dutch: pure Python, no Django.

    from infolijn.plainlanguage import check
    report = check(markdown_text, glossary={"EPC": "energieprestatiecertificaat"})
    report.to_dict()  # DESIGN §7.2

See CALIBRATION.md for how `difficulty` and `level` were fitted.
"""

from .engine import analyse, check
from .lexicon import preload
from .options import Options
from .report import KINDS, LEVELS, Finding, Report

__all__ = ["KINDS", "LEVELS", "Finding", "Options", "Report", "analyse", "check", "preload"]
