"""What the article page shows: paragraphs with highlighted quotes, and the sidebar.

Loads an article's rows in a fixed number of queries whatever its size, then builds
everything in memory.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from html import escape

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from reader.anchoring import FRAME_ROLES, SUGGEST_SCORE, candidates_of, rank
from reader.extraction.highlight import Highlight, render_spans
from reader.models import Article, Entity, Figure, Mention, Note, Paragraph, Quote
from reader.provenance import SHOWN_MAX
from reader.roles import can_edit

PALETTE_SIZE = 8
SUGGESTIONS = 3  # paragraphs offered first for a detached note
ENTITY_TYPE_ORDER = list(Entity.Type)  # sidebar groups in the order the types are declared


@dataclass
class Speaker:
    name: str
    slug: str | None
    quote_count: int
    colour: int


@dataclass
class EntityRow:
    entity: Entity
    mention_count: int
    first_anchor: str
    roles: list[str] = field(default_factory=list)  # what this article calls the entity ("ministrul de Externe")


@dataclass
class Reading:
    article: Article
    paragraphs: list[Paragraph]
    speakers: list[Speaker]
    entity_groups: list[tuple[str, list[EntityRow]]]  # (Entity.Type value, rows), in ENTITY_TYPE_ORDER
    figures: list[Figure]
    quote_count: int
    detached_notes: list[Note] = field(default_factory=list)


def paragraphs_with_notes(article: Article, user):
    notes = Note.objects.visible_to(user).select_related("author")
    return article.paragraphs.prefetch_related(Prefetch("notes", queryset=notes, to_attr="visible_notes"))


def mark_editable(notes, user) -> None:
    """Tell the template, note by note, whether this user may change it (permissions are cached: no queries)."""
    for note in notes:
        note.editable = note.can_be_changed_by(user)


def build_reading(article: Article, user) -> Reading:
    editor = can_edit(user)
    paragraphs = list(article.paragraphs.all())
    by_id = {p.pk: p for p in paragraphs}
    # One query for every note the user may see; detached ones (no paragraph) go to their own list.
    notes = list(Note.objects.filter(article=article).visible_to(user)
                 .select_related("author", "candidate", "factcheck"))  # a verdict is published as ClaimReview
    for p in paragraphs:
        p.visible_notes = []
    detached = []
    for note in notes:
        (by_id[note.paragraph_id].visible_notes if note.paragraph_id in by_id else detached).append(note)
    # Rejected quotes are not highlighted, but editors see them listed to undo the decision.
    # The statement each quote belongs to comes in the same query (reader.provenance): its count costs nothing.
    all_quotes = list(Quote.objects.filter(paragraph__article=article)
                      .select_related("speaker", "appearance__statement"))
    quotes = [q for q in all_quotes if q.status != Quote.Status.REJECTED]
    mentions = list(Mention.objects.filter(paragraph__article=article).select_related("entity"))
    figures = list(Figure.objects.filter(paragraph__article=article))
    for item in (*all_quotes, *mentions, *figures):
        item.paragraph = by_id[item.paragraph_id]  # reuse loaded paragraphs: no query per item
    quotes_by_paragraph = defaultdict(list)
    for q in all_quotes:
        quotes_by_paragraph[q.paragraph_id].append(q)
    for p in paragraphs:
        mark_editable(p.visible_notes, user)
        p.quote_list = quotes_by_paragraph[p.pk] if editor else []
    mark_editable(detached, user)
    if editor and detached:
        suggest_paragraphs(detached, paragraphs)

    speakers = _speakers(quotes)
    colour = {s.name: s.colour for s in speakers}
    roles = _roles(mentions)
    spans = defaultdict(list)
    for q in quotes:
        q.elsewhere = _elsewhere(q, editor, article)
        spans[q.paragraph_id].append(_quote_span(q, colour.get(q.display_speaker), roles.get(q.speaker_id, [])))
    for m in mentions:
        spans[m.paragraph_id].append(_mention_span(m))
    for p in paragraphs:
        p.html = mark_safe(render_spans(p.text, spans[p.pk]))  # noqa: S308 - render_spans escapes all text
    return Reading(
        article=article,
        paragraphs=paragraphs,
        speakers=speakers,
        entity_groups=_entity_groups(mentions, roles),
        figures=figures,
        quote_count=len(quotes),
        detached_notes=detached if editor else [],
    )


def speaker_legend(article: Article) -> list[Speaker]:
    """The sidebar's speakers (names, counts, colours) alone, by one query: what a correction compares before and
    after to know which paragraphs and sidebar parts it changed."""
    quotes = Quote.objects.filter(article=article).exclude(status=Quote.Status.REJECTED).select_related("speaker")
    return _speakers(list(quotes.only("speaker_name", "speaker__name", "speaker__slug")))


def suggest_paragraphs(notes: list[Note], paragraphs: list[Paragraph]) -> None:
    """Each detached note's best paragraphs by its own selectors (``note.suggestions``: (paragraph, score)), and
    the one to preselect (``note.preselected``, a paragraph id) only when it scores SUGGEST_SCORE or more."""
    candidates = candidates_of(paragraphs)
    for note in notes:
        # Re-import proposes a title, caption or dateline only for a note that was on one: then so do we.
        was = note.candidate.role if note.candidate_id and note.candidate.role in FRAME_ROLES else ""
        ranked = rank(replace(note.selector(), role=was), candidates)[:SUGGESTIONS]
        note.suggestions = [(paragraphs[i], score) for i, score in ranked]
        note.preselected = paragraphs[ranked[0][0]].pk if ranked and ranked[0][1] >= SUGGEST_SCORE else None


def _speakers(quotes: list[Quote]) -> list[Speaker]:
    counts = Counter(q.display_speaker for q in quotes if q.display_speaker)
    slugs = {q.display_speaker: q.speaker.slug for q in quotes if q.speaker_id}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Speaker(name, slugs.get(name), n, i % PALETTE_SIZE) for i, (name, n) in enumerate(ranked)]


def _roles(mentions: list[Mention]) -> dict[int, list[str]]:
    """Each entity's roles in this article, in order of appearance, each once."""
    out: dict[int, list[str]] = defaultdict(list)
    for m in mentions:
        for role in m.roles or ():
            if role not in out[m.entity_id]:
                out[m.entity_id].append(role)
    return out


def _quote_span(q: Quote, colour: int | None, roles: list[str]) -> Highlight:
    speaker = q.display_speaker
    classes = ["quote", f"quote-{q.kind}"]
    classes.append(f"speaker-{colour}" if colour is not None else "speaker-unknown")
    if q.is_unverified:
        classes.append("unverified")
    if q.is_human_decision:
        classes.append("human")
    label = f"{speaker}" if speaker else gettext("vorbitor necunoscut")
    who = f"{label} ({', '.join(roles)})" if roles else label
    attrs = (
        f'class="{" ".join(classes)}" id="q-{q.pk}" data-speaker="{escape(speaker)}" '
        f'title="{escape(_hover_text(q, who))}"'
    )
    # Screen readers hear who speaks before the words; sighted readers see colour and hover text.
    return Highlight(q.start, q.end, f'<span {attrs}><span class="visually-hidden">{escape(label)}: </span>',
                     "</span>" + _elsewhere_link(q))


def _elsewhere(q: Quote, editor: bool, article: Article) -> int:
    """How many other visible articles' quotes carry the same statement (editors count drafts too)."""
    try:
        statement = q.appearance.statement
    except Quote.appearance.RelatedObjectDoesNotExist:
        return 0
    if editor:
        return statement.size - 1
    return statement.published - (1 if article.is_published else 0)


def _elsewhere_link(q: Quote) -> str:
    """The count after a quote reported elsewhere too; it opens the list of appearances below the paragraph (htmx),
    or their page without JavaScript."""
    n = getattr(q, "elsewhere", 0)
    if n <= 0:
        return ""
    url = reverse("reader:quote_statement", args=[q.pk])
    shown = f"{SHOWN_MAX}+" if n > SHOWN_MAX else str(n)  # past it, pages need no refresh for each new appearance
    said = ngettext("Aceleași cuvinte apar în încă %(n)s loc", "Aceleași cuvinte apar în încă %(n)s locuri", n) % {
        "n": shown}
    return (f'<a class="statement-count" href="{url}" hx-get="{url}" hx-target="#{q.paragraph.anchor}-statement" '
            f'hx-swap="innerHTML" hx-push-url="false" title="{escape(said)}" data-quote="{q.pk}">'
            f'<span aria-hidden="true">+{shown}</span><span class="visually-hidden">{escape(said)}</span></a>')


def _hover_text(q: Quote, label: str) -> str:
    """Who, how and to whom, e.g. "Vladimir Putin — i-a spus, către Kim Jong-un (încredere 0.93)"."""
    details = " — ".join(part for part in (label, q.cue) if part)
    if q.addressee:
        details += gettext(", către %(addressee)s") % {"addressee": q.addressee}
    if not q.is_human_decision:
        details += " " + gettext("(încredere %(confidence)s)") % {"confidence": number_format(q.confidence, 2)}
    return details + _status_note(q)


def _status_note(q: Quote) -> str:
    if q.is_human_decision:
        return " " + gettext("(verificat de redacție)")
    return " " + gettext("(neverificat)") if q.is_unverified else ""


def _mention_span(m: Mention) -> Highlight:
    return Highlight(m.start, m.end, f'<span class="mention" data-entity="{escape(m.entity.slug)}">', "</span>")


def _entity_groups(mentions: list[Mention], roles: dict[int, list[str]]) -> list[tuple[str, list[EntityRow]]]:
    """The sidebar's groups, by type (its value: the heading is the template's, in the page's language)."""
    rows: dict[int, EntityRow] = {}
    for m in mentions:
        row = rows.get(m.entity_id)
        if row is None:
            rows[m.entity_id] = EntityRow(m.entity, 1, m.paragraph.anchor, roles.get(m.entity_id, []))
        else:
            row.mention_count += 1
    groups = []
    for type_ in ENTITY_TYPE_ORDER:
        members = sorted(
            (r for r in rows.values() if r.entity.type == type_), key=lambda r: (-r.mention_count, r.entity.name)
        )
        if members:
            groups.append((type_.value, members))
    return groups
