"""'Wat is nieuw': scripts published or changed since an agent last confirmed, with the change."""

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import PageLogEntry

from infolijn.intake.access import active_agents
from infolijn.intake.models import BriefingRead
from infolijn.knowledge.models import ScriptPage

#: An agent who never confirmed sees what changed in this window.
FIRST_WINDOW = dt.timedelta(days=30)

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with inserted words in <ins> and removed ones in <del>; all text escaped."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(after[b1:b2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


@dataclass(frozen=True)
class BriefingItem:
    script: ScriptPage
    is_new: bool
    summary: SafeString
    body: SafeString
    title_before: str


@dataclass(frozen=True)
class Briefing:
    watermark: dt.datetime
    #: The moment the agent confirms up to: the latest publication shown (or now).
    until: dt.datetime
    items: list[BriefingItem]


def watermark_of(agent: User, now: dt.datetime) -> dt.datetime:
    read = BriefingRead.objects.filter(agent=agent).values_list("read_at", flat=True).first()
    return read if read is not None else now - FIRST_WINDOW


def changed_since(watermark: dt.datetime) -> list[ScriptPage]:
    return list(
        ScriptPage.objects.live()
        .filter(last_published_at__gt=watermark)
        .select_related("partner")
        .order_by("-last_published_at", "script_id")
    )


def _version_before(script: ScriptPage, watermark: dt.datetime) -> ScriptPage | None:
    entry = (
        PageLogEntry.objects.filter(
            page=script, action="wagtail.publish", timestamp__lte=watermark, revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-id")
        .first()
    )
    return entry.revision.as_object() if entry is not None else None


def briefing_for(agent: User, now: dt.datetime) -> Briefing:
    watermark = watermark_of(agent, now)
    items = []
    for script in changed_since(watermark):
        before = _version_before(script, watermark)
        old_summary = before.summary if before is not None else ""
        old_body = before.body if before is not None else ""
        items.append(
            BriefingItem(
                script=script,
                is_new=before is None,
                summary=word_diff(old_summary, script.summary),
                body=word_diff(old_body, script.body),
                title_before=before.title if before is not None else "",
            )
        )
    until = max((i.script.last_published_at for i in items), default=now)
    return Briefing(watermark, until, items)


@dataclass(frozen=True)
class AgentState:
    agent: User
    read_at: dt.datetime | None
    unread: int


def unread_overview(now: dt.datetime) -> list[AgentState]:
    """Per active agent: when they last confirmed and how many changes they have not read."""
    published = list(
        ScriptPage.objects.live()
        .filter(last_published_at__gt=now - FIRST_WINDOW * 12)
        .values_list("last_published_at", flat=True)
    )
    states = []
    for agent in active_agents().select_related("briefing_read"):
        read = getattr(agent, "briefing_read", None)
        watermark = read.read_at if read is not None else now - FIRST_WINDOW
        unread = sum(1 for moment in published if moment > watermark)
        states.append(AgentState(agent, read.read_at if read is not None else None, unread))
    return sorted(states, key=lambda s: (-s.unread, s.agent.get_username()))
