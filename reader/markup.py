"""Markdown-lite for editors' notes: **bold**, *italic*, [links](https://…), `code`, lists and > quotes.

Parsed by markdown-it-py (CommonMark) with every other construct switched off: no raw HTML (it stays text), no
headings, rules, images, tables, reference links, code blocks or HTML entities. So a code span is code all the way
(nothing inside it becomes a link or emphasis), and a URL is a URL (its underscores never become emphasis). Links
are http(s) or mailto only. A line break inside a paragraph is kept (<br>), as editors type it. sanitize.py has
the last word on the HTML.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML

from reader.sanitize import sanitize_html

LINK_SCHEMES = ("https://", "http://", "mailto:")


class _CompactRenderer(RendererHTML):
    """markdown-it's HTML without the newlines it puts between blocks, and <br> for a line break."""

    def renderToken(self, tokens, idx, options, env) -> str:  # noqa: N802 (markdown-it's name)
        return super().renderToken(tokens, idx, options, env).strip("\n")

    def softbreak(self, tokens, idx, options, env) -> str:
        return "<br>"

    hardbreak = softbreak


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True}, renderer_cls=_CompactRenderer)
    md.disable(["code", "fence", "hr", "reference", "html_block", "heading", "lheading"])  # block constructs
    md.disable(["image", "autolink", "html_inline", "entity"])  # inline constructs
    # Bare URLs are read as links while parsing, so emphasis never reaches inside them; only those with a scheme
    # (https://…): the rest of linkifying is bleach's, in sanitize.py.
    md.inline.ruler.enable(["linkify"])
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    md.validateLink = lambda url: url.lower().startswith(LINK_SCHEMES)
    return md


_md = _parser()


def render_markdown_lite(source: str) -> str:
    """Return sanitised HTML for a note body."""
    return sanitize_html(_md.render(source or ""))
