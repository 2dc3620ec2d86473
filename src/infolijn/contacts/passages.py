"""Script passages an agent inserts into an answer: the summary and each section, as text."""

import re
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone

from infolijn.knowledge.models import ScriptPage, ScriptPageQuerySet

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_MARKUP = re.compile(r"(\*\*|__|`)")


@dataclass(frozen=True, slots=True)
class Passage:
    key: str  # "<script id>:<n>", n = 0 for the summary, 1.. for the sections
    script_id: str
    heading: str
    text: str


def markdown_to_text(markdown: str) -> str:
    """Readable plain text for an e-mail: links as "text (url)", no emphasis markers."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown)
    text = _MARKUP.sub("", text)
    lines = [
        line.removeprefix("#").strip() if line.startswith("#") else line
        for line in text.splitlines()
    ]
    return "\n".join(lines).strip()


def script_passages(script: ScriptPage, request: HttpRequest | None = None) -> list[Passage]:
    summary = script.summary
    if request is not None and script.is_public(timezone.now()):
        url = script.get_full_url(request)
        if url:
            summary = f"{summary}\nMeer info: {url}"
    passages = [Passage(f"{script.script_id}:0", script.script_id, "Samenvatting", summary)]
    for n, section in enumerate(script.sections(), start=1):
        heading = section.heading or script.title
        text = markdown_to_text(section.markdown)
        passages.append(Passage(f"{script.script_id}:{n}", script.script_id, heading, text))
    return passages


def find_passage(
    scripts: ScriptPageQuerySet, key: str, request: HttpRequest | None = None
) -> Passage | None:
    script_id, _, _ = key.partition(":")
    script = scripts.filter(script_id=script_id).first()
    if script is None:
        return None
    return next((p for p in script_passages(script, request) if p.key == key), None)
