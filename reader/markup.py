"""Markdown-lite for editors' notes: **bold**, *italic*, [links](https://…), `code`, lists and > quotes.

Text is escaped first and the few tags are built by us; sanitize.py then has the last word.
"""

from __future__ import annotations

import re
from html import escape

from reader.sanitize import sanitize_html

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\*\w])\*(?=\S)(.+?)(?<=\S)\*(?![\*\w])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
# After escaping, "&" in a URL is "&amp;": allow it; quotes are escaped so they cannot end the attribute.
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^\s)]+)\)")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s*&gt;\s?(.*)$")


def _inline(text: str) -> str:
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _LINK.sub(r'<a href="\2">\1</a>', text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _ITALIC.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", text)


def _line_kind(line: str) -> tuple[str, str]:
    """A line's block kind and its text without the list or quote marker."""
    for kind, pattern in (("ul", _BULLET), ("ol", _NUMBERED), ("blockquote", _QUOTE)):
        match = pattern.match(line)
        if match:
            return kind, match.group(1)
    return "p", line.strip()


def _blocks(lines: list[str]):
    """Group lines into (kind, [lines]) blocks: paragraphs, lists and quotes."""
    kind, current = None, []
    for line in lines:
        if not line.strip():
            if current:
                yield kind, current
            kind, current = None, []
            continue
        line_kind, text = _line_kind(line)
        if line_kind != kind and current:
            yield kind, current
            current = []
        kind = line_kind
        current.append(text)
    if current:
        yield kind, current


def render_markdown_lite(source: str) -> str:
    """Return sanitised HTML for a note body."""
    escaped = escape(source or "", quote=True)
    parts = []
    for kind, lines in _blocks(escaped.splitlines()):
        if kind in ("ul", "ol"):
            items = "".join(f"<li>{_inline(line)}</li>" for line in lines)
            parts.append(f"<{kind}>{items}</{kind}>")
        elif kind == "blockquote":
            parts.append(f"<blockquote><p>{'<br>'.join(_inline(line) for line in lines)}</p></blockquote>")
        else:
            parts.append(f"<p>{'<br>'.join(_inline(line) for line in lines)}</p>")
    return sanitize_html("".join(parts))
