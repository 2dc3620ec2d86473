"""Markdown-aware segmentation of a script body into blocks.

The checker reads the Markdown an editor writes, and every offset it reports must point into
that exact text. Rather than render the Markdown, we *mask* it: markup characters (heading
hashes, list markers, emphasis, link targets, code, HTML, front matter) are replaced by
``MASK``, a character that is neither a letter nor whitespace. The masked string has the same
length as the input, so an offset in one is an offset in the other, and the tokenizer can run on
the masked text without ever seeing a URL or a ``**``.

Blocks are the units Markdown itself separates: paragraphs, headings, list items, table cells
and block quotes. A sentence never crosses a block boundary, which is why a list of items
without full stops is not one run-on sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MASK: Final = "\x00"

BLOCK_PARAGRAPH: Final = "paragraph"
BLOCK_HEADING: Final = "heading"
BLOCK_LIST_ITEM: Final = "list_item"
BLOCK_TABLE_CELL: Final = "table_cell"


@dataclass(frozen=True, slots=True)
class Block:
    """A span of the (masked) text that Markdown treats as one unit."""

    start: int
    end: int
    kind: str


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])(?=[ \t]+\S)[ \t]*")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S.*$")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

# Inline markup. Each pattern's *groups* are the parts that are masked.
_INLINE_CODE = re.compile(r"(`+)[^`]*?\1")
_IMAGE_OR_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:[ \t]+\"[^\"]*\")?\)")
_REF_TARGET = re.compile(r"\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>|<[^@\s<>]+@[^@\s<>]+>")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]\"']*[^\s<>()\[\]\"'.,;:!?]")
_DOMAIN = re.compile(
    r"(?<![\w.-])(?:[a-z0-9-]+\.)+(?:be|nl|com|org|eu|net|info|vlaanderen|brussels|gent|fr|de|io)\b"
    r"(?:/[^\s<>()\[\]\"']*[^\s<>()\[\]\"'.,;:!?])?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_])|~~|\\(?=[^\s\w])|!(?=\[)")
_BRACKET = re.compile(r"[\[\]]")


def _mask_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = MASK


def _mask_inline(chars: list[str], text: str, start: int, end: int) -> None:
    """Mask inline markup between start and end (one line or one block)."""
    segment = text[start:end]
    for pattern in (
        _INLINE_CODE,
        _IMAGE_OR_LINK_TARGET,
        _REF_TARGET,
        _AUTOLINK,
        _URL,
        _EMAIL,
        _DOMAIN,
        _HTML_TAG,
        _ENTITY,
    ):
        for m in pattern.finditer(segment):
            _mask_span(chars, start + m.start(), start + m.end())
    masked_segment = "".join(chars[start:end])
    for pattern in (_EMPHASIS, _BRACKET):
        for m in pattern.finditer(masked_segment):
            _mask_span(chars, start + m.start(), start + m.end())


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    spans = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _is_table_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def segment(text: str) -> tuple[str, list[Block]]:
    """Return the masked text and its blocks, in order.

    Front matter, fenced code, HTML comments, link definitions and thematic breaks produce no
    block at all; their characters are masked.
    """
    chars = list(text)
    blocks: list[Block] = []
    skip_until = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        _mask_span(chars, 0, fm.end())
        skip_until = fm.end()
    for m in _HTML_COMMENT.finditer(text, skip_until):
        _mask_span(chars, m.start(), m.end())

    current: list[int] | None = None  # [start, end] of the paragraph or list item being built
    current_kind = BLOCK_PARAGRAPH
    fence: str | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(current[0], current[1], current_kind))
            current = None

    for line_start, line_end in _lines(text):
        if line_end < skip_until:
            continue
        line_start = max(line_start, skip_until)
        line = text[line_start:line_end]
        if fence is not None:
            _mask_span(chars, line_start, line_end)
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) <= set(fence[0]):
                fence = None
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            close()
            fence = fence_match.group(1)
            _mask_span(chars, line_start, line_end)
            continue
        masked_line = "".join(chars[line_start:line_end])
        if not masked_line.strip(" \t" + MASK):
            close()
            continue
        if current is not None and current_kind == BLOCK_PARAGRAPH and _SETEXT.match(line):
            # the paragraph just read was a heading
            blocks.append(Block(current[0], current[1], BLOCK_HEADING))
            current = None
            _mask_span(chars, line_start, line_end)
            continue
        if _THEMATIC.match(line) or _LINK_DEF.match(line):
            close()
            _mask_span(chars, line_start, line_end)
            continue
        atx = _ATX.match(line)
        if atx:
            close()
            _mask_span(chars, line_start, line_start + atx.end())
            closing = _ATX_CLOSE.search(line)
            if closing and closing.start() >= atx.end():
                _mask_span(chars, line_start + closing.start(), line_end)
            _mask_inline(chars, text, line_start, line_end)
            blocks.append(Block(line_start, line_end, BLOCK_HEADING))
            continue
        if _is_table_row(line):
            close()
            if _TABLE_DELIM.match(line):
                _mask_span(chars, line_start, line_end)
                continue
            _mask_inline(chars, text, line_start, line_end)
            cell_start = line_start
            for i in range(line_start, line_end + 1):
                if i == line_end or (text[i] == "|" and (i == 0 or text[i - 1] != "\\")):
                    if i < line_end:
                        chars[i] = MASK
                    if "".join(chars[cell_start:i]).strip(" \t" + MASK):
                        blocks.append(Block(cell_start, i, BLOCK_TABLE_CELL))
                    cell_start = i + 1
            continue
        quote = _QUOTE.match(line)
        content_start = line_start
        if quote:
            _mask_span(chars, line_start, line_start + quote.end())
            content_start = line_start + quote.end()
        list_marker = _LIST.match(text, content_start, line_end)
        if list_marker:
            close()
            _mask_span(chars, content_start, list_marker.end())
            _mask_inline(chars, text, content_start, line_end)
            current = [content_start, line_end]
            current_kind = BLOCK_LIST_ITEM
            continue
        _mask_inline(chars, text, content_start, line_end)
        if current is None:
            current = [content_start, line_end]
            current_kind = BLOCK_PARAGRAPH
        else:
            current[1] = line_end
    close()
    return "".join(chars), blocks
