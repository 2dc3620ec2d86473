"""The plain-language check as the product uses it: with the editors' glossary and
officialese entries, and the rule that a script above the target level needs a reason."""

from typing import Any

from infolijn.knowledge.language_models import GlossaryTerm, OfficialeseEntry
from infolijn.plainlanguage import LEVELS, check

TARGET_LEVEL = "B1"
MAX_TEXT_CHARS = 200_000


def check_options() -> tuple[dict[str, str], dict[str, Any]]:
    glossary = dict(GlossaryTerm.objects.values_list("term", "explanation"))
    entries = list(OfficialeseEntry.objects.all())
    options = {
        "officialese_extra": {
            e.phrase: e.suggestion_list()
            for e in entries
            if e.action == OfficialeseEntry.Action.ADD
        },
        "officialese_removed": {
            e.phrase for e in entries if e.action == OfficialeseEntry.Action.REMOVE
        },
    }
    return glossary, options


def plain_language_report(text: str) -> dict[str, Any]:
    """The DESIGN §7.2 report of ``text`` with today's glossary and officialese list."""
    glossary, options = check_options()
    return check(text[:MAX_TEXT_CHARS], glossary=glossary, options=options).to_dict()


def above_target(level: str) -> bool:
    return LEVELS.index(level) > LEVELS.index(TARGET_LEVEL)


def level_needing_reason(body: str) -> str | None:
    """The body's level when it is above the target (B1), else None."""
    level = plain_language_report(body)["level"]
    return level if above_target(level) else None
