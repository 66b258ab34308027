"""Saved article pages: trafilatura finds the main text and the metadata (title, date, author, site, canonical
URL); this module only lays what it found out in the text format, paragraph for paragraph, plus the photo caption
and dateline where the page marks them (``<figcaption>``, ``<time>``) inside its article.
"""

from __future__ import annotations

import codecs
import logging
from urllib.parse import urlsplit

from lxml import etree

from . import ArticleText, Unreadable
from .text import is_caption, is_dateline, one_line, to_text

log = logging.getLogger(__name__)

# Classes a page gives its standfirst; trafilatura keeps the class of the paragraphs it returns.
_LEAD_CLASSES = ("lead", "standfirst", "intro", "summary", "excerpt", "deck", "subtitle")
_CREDIT_XPATH = ".//*[self::cite or self::small or contains(@class, 'credit') or contains(@class, 'source')" \
                " or contains(@class, 'author')]"


def read_html(name: str, data: bytes | str, *, fetched_from: str | None = None) -> ArticleText | Unreadable:
    """One saved page as an article. ``fetched_from`` is the URL it was downloaded from: its canonical URL is
    then believed only on the same site (a page must not claim another site's article, or overwrite it)."""
    if isinstance(data, bytes) and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace")  # the one encoding whose text has NUL bytes
    if not data or not data.strip():
        return Unreadable(name, "The file is empty.")
    if (b"\x00" if isinstance(data, bytes) else "\x00") in data:
        return Unreadable(name, "The file contains a NUL character: it is binary data, not a web page.")
    import trafilatura  # a tenth of a second to import: only processes that read pages pay for it

    try:
        doc = trafilatura.bare_extraction(
            data, url=fetched_from, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_formatting=False, include_links=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura parses anything, but a bug must fail this page alone
        log.exception("trafilatura failed on %s", name)
        return Unreadable(name, f"The page could not be read ({type(error).__name__}: {error}).")
    if doc is None or doc.body is None:
        return Unreadable(name, "No article text found in the page.")
    title = one_line(doc.title)
    blocks = list(_blocks(doc.body))
    if blocks and blocks[0][0] == "head" and one_line(blocks[0][1]) == title:
        blocks = blocks[1:]  # the page's <h1> is the title
    if not title and blocks and blocks[0][0] == "head":
        title, blocks = one_line(blocks[0][1]), blocks[1:]
    paragraphs = [text for _, text in blocks]
    if not title:
        return Unreadable(name, "The page has no title (no <title>, <h1> or og:title).")
    if not paragraphs:
        return Unreadable(name, "No article text found in the page (only its title).")
    lead = None
    first_kind, first_text = blocks[0]
    if len(paragraphs) > 1 and (first_kind == "lead" or _same(first_text, doc.description)):
        lead, paragraphs = first_text, paragraphs[1:]
    caption, dateline = _marked_caption_and_dateline(data)
    text = to_text(title=title, paragraphs=paragraphs, date=doc.date, source=doc.sitename or doc.hostname,
                   lead=lead, caption=caption, dateline=dateline)
    return ArticleText(name, text, url=_original_url(doc.url, fetched_from), author=one_line(doc.author)[:300])


def _blocks(body: etree._Element):
    """(kind, text) per paragraph of trafilatura's output tree, in page order: kind is head, lead or p."""
    for element in body:
        tag = element.tag
        if tag in ("graphic", "ref"):
            continue
        if tag == "quote" and len(element):
            yield from _blocks(element)
        elif tag == "list":
            for item in element.iter("item"):
                yield "p", _text(item)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row.iter("cell")]
                yield "p", " | ".join(c for c in cells if c)
        else:
            kind = "head" if tag == "head" else "p"
            classes = (element.get("class") or "").lower()
            if tag == "p" and any(c in classes for c in _LEAD_CLASSES):
                kind = "lead"
            yield kind, _text(element)


def _text(element: etree._Element) -> str:
    # <lb/> is a line break inside a paragraph: the paragraph stays one line of the text format.
    return one_line(" ".join(element.itertext()))


def _same(paragraph: str, description: str | None) -> bool:
    """The page's description (meta/og) is its lead when the first paragraph says the same."""
    description = one_line(description)
    if len(description) < 30:
        return False
    return paragraph == description or (description.endswith(("...", "…"))
                                        and paragraph.startswith(description.rstrip(".… ")))


def _marked_caption_and_dateline(data: bytes | str) -> tuple[str | None, str | None]:
    """The first <figcaption> and <time> inside the page's <article> (or <main>): trafilatura drops both."""
    from trafilatura.utils import load_html

    tree = load_html(data)  # trafilatura's decoding: the page's charset, else detected
    if tree is None:
        return None, None
    containers = tree.xpath("//article") or tree.xpath("//main")
    if not containers:
        return None, None
    article = containers[0]
    caption = None
    for figcaption in article.iter("figcaption"):
        caption = _caption_of(figcaption)
        if caption:
            break
    dateline = None
    for time in article.iter("time"):
        candidate = one_line(time.text_content())
        if is_dateline(candidate):
            dateline = candidate
            break
    return caption, dateline


def _caption_of(figcaption) -> str | None:
    text = one_line(figcaption.text_content())
    if not text or is_caption(text):
        return text or None
    credits = figcaption.xpath(_CREDIT_XPATH)
    if credits:
        credit = one_line(credits[0].text_content())
        rest = one_line(text[: text.rfind(credit)] if credit and credit in text else text)
        candidate = f"{rest} / {credit}" if rest and credit else ""
        if is_caption(candidate):
            return candidate
    return None


def _original_url(found: str | None, fetched_from: str | None) -> str:
    found = (found or "").strip()
    if not _is_web_url(found):
        found = ""
    if fetched_from is None:
        return found[:2000]
    if found and _site(found) == _site(fetched_from):
        return found[:2000]
    return fetched_from[:2000]


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
