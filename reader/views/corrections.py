"""Editors correct the machine while reading: quotes (speaker, not a quote, confirm, missed) and entities.

Without JavaScript each form posts and is redirected back to its place on the page, with a message. With htmx the
answer is only what changed: the paragraph acted on (or the sidebar, for an entity), the other paragraphs and
sidebar parts the change reached swapped out of band, and a refusal written next to the control (422).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reader import actions
from reader.forms import MissedQuoteForm
from reader.models import Article, Entity, Mention, Quote
from reader.permissions import editor_required
from reader.reading import build_reading, speaker_legend
from reader.views import invalid, parse_id
from reader.views.articles import article_context

READING_PAGE = "on the reading page"  # in the history lines of what is done here


def _quote_for(request, pk) -> Quote:
    visible = Article.objects.visible_to(request.user)
    return get_object_or_404(Quote.objects.select_related("paragraph__article"), pk=pk, paragraph__article__in=visible)


def _changed(request, article: Article, *, legend_before, paragraph_ids=(), acted_on=None, entity=None,
             error: str = "", error_for=None):
    """The htmx answer: the paragraph ``acted_on`` (its quote tools open) or, for an entity, the sidebar (its tools
    open) as the swap target; out of band the other paragraphs in ``paragraph_ids`` or whose quote colours moved,
    and the sidebar when its speakers changed."""
    reading = build_reading(article, request.user)
    legend_after = {s.name: s.colour for s in reading.speakers}
    moved = {name for name, colour in legend_after.items() if legend_before.get(name) != colour}
    sidebar_changed = entity is not None or [(s.name, s.quote_count, s.colour) for s in reading.speakers] != [
        (s.name, s.quote_count, s.colour) for s in legend_before.values_list]
    changed = []
    for p in reading.paragraphs:
        if p.pk == acted_on:
            p.oob = False
            changed.insert(0, p)
        elif p.pk in paragraph_ids or any(q.display_speaker in moved for q in p.quote_list):
            p.oob = True
            changed.append(p)
    context = article_context(request, article, reading)
    context.update(changed_paragraphs=changed, sidebar_changed=sidebar_changed, sidebar_oob=entity is None,
                   open_tools=acted_on, open_entity=getattr(entity, "pk", None), error=error, error_for=error_for)
    return render(request, "reader/article.html#changed", context, status=422 if error else 200)


class _Legend(dict):
    """Speaker name → colour before a change, with the rows themselves to compare counts."""

    def __init__(self, article: Article):
        speakers = speaker_legend(article)
        super().__init__((s.name, s.colour) for s in speakers)
        self.values_list = speakers


def _back(article: Article, anchor: str = ""):
    return redirect(f"{article.get_absolute_url()}{'#' + anchor if anchor else ''}")


def _quote_answer(request, quote: Quote, legend, *, done: str = "", error: str = ""):
    """After a quote tool: its paragraph (htmx) or the page at the quote, with what happened."""
    article, paragraph = quote.paragraph.article, quote.paragraph
    if request.htmx:
        if done:
            messages.success(request, done)
        return _changed(request, article, legend_before=legend, acted_on=paragraph.pk, error=error,
                        error_for=quote.pk)
    if error or done:
        (messages.error if error else messages.success)(request, error or done)
    return _back(article, f"q-{quote.pk}" if quote.status != Quote.Status.REJECTED else paragraph.anchor)


@require_POST
@editor_required
def confirm_quote(request, pk):
    quote = _quote_for(request, pk)
    legend = _Legend(quote.paragraph.article)
    actions.confirm_quote(quote=quote, by=request.user, where=READING_PAGE)
    return _quote_answer(request, quote, legend, done=_("Citat confirmat."))


@require_POST
@editor_required
def reject_quote(request, pk):
    quote = _quote_for(request, pk)
    legend = _Legend(quote.paragraph.article)
    actions.reject_quote(quote=quote, by=request.user, where=READING_PAGE)
    return _quote_answer(request, quote, legend, done=_("Marcat: nu e citat."))


@require_POST
@editor_required
def correct_speaker(request, pk):
    quote = _quote_for(request, pk)
    try:
        entity_id = parse_id(request.POST.get("entity"))
    except ValueError:
        return invalid("entity: not an entity id")
    legend = _Legend(quote.paragraph.article)
    name = request.POST.get("speaker", "").strip()
    if entity_id:
        entity = get_object_or_404(Entity, pk=entity_id)
    elif name:
        entity = actions.speaker_named(name=name, article=quote.paragraph.article)
    else:
        return _quote_answer(request, quote, legend, error=_("Alegeți sau scrieți numele vorbitorului."))
    actions.correct_speaker(quote=quote, by=request.user, entity=entity, name=name)
    return _quote_answer(request, quote, legend,
                         done=_("Vorbitor schimbat: %(name)s.") % {"name": quote.display_speaker})


@require_POST
@editor_required
def add_missed_quote(request, slug, position):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraph = get_object_or_404(article.paragraphs, position=position)
    legend = _Legend(article)
    form = MissedQuoteForm(request.POST)
    error = ""
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(e for errors in form.errors.values() for e in errors))
        start, end = form.span_in(paragraph.text)
        name = form.cleaned_data["speaker"].strip()
        speaker = actions.speaker_named(name=name, article=article) if name else None
        quote = actions.add_missed_quote(paragraph=paragraph, start=start, end=end, kind=form.cleaned_data["kind"],
                                         by=request.user, entity=speaker, name=name)
    except ValidationError as refused:
        error = " ".join(refused.messages)
    except actions.QuoteOverlaps:
        error = _("Textul se suprapune cu un citat existent; corectați-l pe acela.")
    if request.htmx:
        if not error:
            messages.success(request, _("Citat adăugat."))
        return _changed(request, article, legend_before=legend, acted_on=paragraph.pk, error=error,
                        error_for=paragraph.anchor)
    if error:
        messages.error(request, error)
        return _back(article, paragraph.anchor)
    messages.success(request, _("Citat adăugat."))
    return _back(article, f"q-{quote.pk}")


def _entity_in_article(request, slug, pk) -> tuple[Article, Entity]:
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    in_article = Entity.objects.filter(mentions__paragraph__article=article).distinct()
    return article, get_object_or_404(in_article, pk=pk)


def _reached_by(entity: Entity, article: Article) -> set[int]:
    """The article's paragraphs that show the entity (mentions, quotes): an entity change re-renders them."""
    mentioned = Mention.objects.filter(article=article, entity=entity).values_list("paragraph_id", flat=True)
    quoted = Quote.objects.filter(article=article, speaker=entity).values_list("paragraph_id", flat=True)
    return set(mentioned) | set(quoted)


def _entity_answer(request, article: Article, entity: Entity, legend, reached: set[int], *, done: str = "",
                   error: str = "", open_entity: Entity | None = None):
    """After an entity tool: the sidebar with the paragraphs it reached (htmx), or the page, with what happened."""
    if request.htmx:
        if done:
            messages.success(request, done)
        return _changed(request, article, legend_before=legend, paragraph_ids=reached,
                        entity=open_entity or entity, error=error, error_for=entity.pk)
    if error or done:
        (messages.error if error else messages.success)(request, error or done)
    return _back(article, "sidebar")


@require_POST
@editor_required
def rename_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    legend, reached = _Legend(article), _reached_by(entity, article)
    name = " ".join(request.POST.get("name", "").split())[:200]
    if not name:
        return _entity_answer(request, article, entity, legend, set(), error=_("Numele nu poate fi gol."))
    old = entity.name
    try:
        actions.rename_entity(entity=entity, name=name, by=request.user)
    except actions.EntityExists:
        return _entity_answer(request, article, entity, legend, set(),
                              error=_("Există deja „%(name)s”: folosiți „unește cu”.") % {"name": name})
    return _entity_answer(request, article, entity, legend, reached,
                          done=_("„%(old)s” se numește acum „%(name)s”.") % {"old": old, "name": entity.name})


@require_POST
@editor_required
def merge_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    try:
        target_id = parse_id(request.POST.get("into"))
    except ValueError:
        return invalid("into: not an entity id")
    if target_id is None:
        return invalid("into: choose the entity to merge into")
    target = get_object_or_404(Entity, pk=target_id)
    legend, reached = _Legend(article), _reached_by(entity, article)
    try:
        actions.merge_entities(source=entity, target=target, by=request.user)
    except actions.Refused:
        return _entity_answer(request, article, entity, legend, set(),
                              error=_("O entitate nu se poate uni cu ea însăși."))
    return _entity_answer(request, article, entity, legend, reached, open_entity=target,
                          done=_("„%(name)s” a fost unit cu „%(target)s”.") % {"name": entity.name,
                                                                               "target": target.name})


@require_POST
@editor_required
def block_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    legend, reached = _Legend(article), _reached_by(entity, article)
    name = entity.name
    actions.block_entity(entity=entity, by=request.user)
    return _entity_answer(request, article, entity, legend, reached,
                          done=_("„%(name)s” nu va mai fi marcat ca entitate.") % {"name": name})
