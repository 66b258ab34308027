"""Build paragraph HTML from text and spans, escaping every piece of text.

Pure Python: callers pass the opening and closing tags (already escaped by them); the text
between tags is always escaped here, so article text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Highlight:
    """A stretch ``text[start:end]`` of a paragraph and the tags that wrap it (escaped by the caller)."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def render_spans(text: str, spans: list[Highlight]) -> str:
    """Wrap ``text[start:end]`` of each span in its tags; nested spans nest, crossing ones are clipped."""
    spans = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end)
    )
    out: list[str] = []
    stack: list[Highlight] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(escape(text[pos : top.end], quote=False))
            out.append(top.close_tag)
            pos = top.end

    for span in spans:
        close_until(span.start)
        if span.start < pos:  # starts inside text already emitted past: overlapping duplicate
            continue
        end = min(span.end, stack[-1].end) if stack else span.end  # clip a span that crosses its parent
        out.append(escape(text[pos : span.start], quote=False))
        out.append(span.open_tag)
        pos = span.start
        stack.append(Highlight(span.start, end, span.open_tag, span.close_tag))
    close_until(len(text))
    out.append(escape(text[pos:], quote=False))
    return "".join(out)
