"""Script bodies are Markdown (CommonMark); this turns them into safe HTML.

Raw HTML in the source is never rendered (it is shown as text), and the output passes
through nh3 so only the tags a script may use survive. Level-1 headings are shown as
level 2: the page title is the only ``<h1>``.
"""

import html
import re
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.disable(["image", "html_block", "html_inline"])

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "br",
    "blockquote",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}

_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _shift_headings(rendered: str) -> str:
    return re.sub(r"<(/?)h1>", r"<\1h2>", rendered)


def render_markdown(source: str) -> str:
    rendered = _shift_headings(_md.render(source))
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


@dataclass(frozen=True)
class Section:
    heading: str
    markdown: str

    @property
    def html(self) -> str:
        return render_markdown(self.markdown)


def split_sections(source: str) -> list[Section]:
    """Split a body at its level-1 and level-2 headings ("Wie heeft recht?" ...).

    Text before the first heading becomes a section with an empty heading.
    """
    sections: list[Section] = []
    heading = ""
    lines: list[str] = []
    in_fence = False
    for line in source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _HEADING_RE.match(line)
        if match and len(match.group(1)) <= 2:
            if heading or "".join(lines).strip():
                sections.append(Section(heading, "\n".join(lines).strip("\n")))
            heading, lines = match.group(2).strip(), []
        else:
            lines.append(line)
    if heading or "".join(lines).strip():
        sections.append(Section(heading, "\n".join(lines).strip("\n")))
    return sections


def plain_text(source: str) -> str:
    """The body's text without Markdown syntax, for search and summaries."""
    text = nh3.clean(render_markdown(source), tags=set())
    return html.unescape(text).replace("\n\n", "\n").strip()
