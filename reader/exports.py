"""Notes of one article as W3C Web Annotations (JSON-LD) and as Markdown.

Positions in TextPositionSelector count characters in the article's text as stored: its
paragraphs joined by a blank line, the same text the importer hashes.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from reader.claims import claim_review
from reader.models import Article, Note
from reader.people import display_name

PARAGRAPH_SEPARATOR = "\n\n"
MOTIVATION = {"context": "commenting", "fact-check": "assessing", "correction": "editing", "internal": "commenting"}


def _notes(article: Article, user):
    return Note.objects.filter(article=article).visible_to(user).select_related("author", "paragraph", "factcheck")


def _paragraph_offsets(article: Article) -> dict[int, int]:
    offsets, at = {}, 0
    for pk, text in article.paragraphs.order_by("position").values_list("pk", "text"):
        offsets[pk] = at
        at += len(text) + len(PARAGRAPH_SEPARATOR)
    return offsets


def notes_as_web_annotations(*, article: Article, user, base_url: str) -> dict:
    base = base_url.rstrip("/")
    source = base + article.get_absolute_url()
    offsets = _paragraph_offsets(article)
    items = []
    for note in _notes(article, user):
        target: dict = {"source": source}
        selectors = [{"type": "TextQuoteSelector", "exact": note.anchor_exact, "prefix": note.anchor_prefix,
                      "suffix": note.anchor_suffix}]
        if note.paragraph_id:
            at = offsets[note.paragraph_id]
            selectors.append({"type": "TextPositionSelector", "start": at + note.anchor_start,
                              "end": at + note.anchor_end})
        target["selector"] = selectors
        body = {"type": "TextualBody", "value": note.body, "format": "text/markdown", "language": "ro",
                "purpose": MOTIVATION.get(note.kind, "commenting")}
        note.article = article
        review = claim_review(note, article_url=source, note_url=f"{source}#note-{note.pk}")
        if review:  # a fact-check verdict travels as its schema.org ClaimReview, a second body in its own context
            body = [body, {**review, "purpose": "assessing"}]
        items.append({
            "id": base + reverse("reader:note", args=[note.pk]),
            "type": "Annotation",
            "motivation": MOTIVATION.get(note.kind, "commenting"),
            "created": note.created_at.isoformat(),
            "modified": (note.edited_at or note.created_at).isoformat(),
            "creator": {"type": "Person", "name": display_name(note.author)},
            "body": body,
            "target": target,
            "audience": note.visibility,
            "detached": note.is_detached,
        })
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": base + reverse("reader:notes_jsonld", args=[article.slug]),
        "type": "AnnotationCollection",
        "label": f"Note: {article.title}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


def notes_as_markdown(*, article: Article, user) -> str:
    lines = ["# " + gettext("Note: %(title)s") % {"title": article.title}, ""]
    if article.source or article.published_on:
        lines += [f"{article.source} {article.published_on or ''}".strip(), ""]
    for note in _notes(article, user):
        where = (f"¶{note.paragraph.position} ({note.paragraph.get_role_display()})" if note.paragraph_id
                 else gettext("detașată"))
        quoted = note.anchor_exact if len(note.anchor_exact) <= 200 else note.anchor_exact[:197] + "…"
        lines += [
            f"## {where} — {note.get_kind_display()}, {display_name(note.author)}, "
            f"{note.created_at:%Y-%m-%d %H:%M}"
            + (f" ({note.get_visibility_display()})" if note.visibility == "editors" else ""),
            "",
            *(f"> {line}" for line in quoted.splitlines() or [""]),
            "",
            note.body,
            "",
        ]
    return "\n".join(lines)
