"""Editors correct the machine while reading: quotes (speaker, not a quote, confirm, missed) and entities."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from reader import actions
from reader.forms import MissedQuoteForm
from reader.models import Article, Entity, Quote
from reader.permissions import editor_required
from reader.views import invalid, parse_id
from reader.views.articles import render_article

READING_PAGE = "on the reading page"  # in the history lines of what is done here


def _quote_for(request, pk) -> Quote:
    visible = Article.objects.visible_to(request.user)
    return get_object_or_404(Quote.objects.select_related("paragraph__article"), pk=pk, paragraph__article__in=visible)


def _after(request, article: Article, anchor: str = ""):
    """htmx: the re-rendered reading area (colours and sidebar change with a speaker); else a redirect."""
    if request.htmx:
        return render_article(request, article, partial="reading")
    return redirect(f"{article.get_absolute_url()}{'#' + anchor if anchor else ''}")


@require_POST
@editor_required
def confirm_quote(request, pk):
    quote = _quote_for(request, pk)
    actions.confirm_quote(quote=quote, by=request.user, where=READING_PAGE)
    return _after(request, quote.paragraph.article, f"q-{quote.pk}")


@require_POST
@editor_required
def reject_quote(request, pk):
    quote = _quote_for(request, pk)
    actions.reject_quote(quote=quote, by=request.user, where=READING_PAGE)
    return _after(request, quote.paragraph.article, quote.paragraph.anchor)


@require_POST
@editor_required
def correct_speaker(request, pk):
    quote = _quote_for(request, pk)
    try:
        entity_id = parse_id(request.POST.get("entity"))
    except ValueError:
        return invalid("entity: not an entity id")
    name = request.POST.get("speaker", "").strip()
    if entity_id:
        entity = get_object_or_404(Entity, pk=entity_id)
    elif name:
        entity = actions.speaker_named(name=name, article=quote.paragraph.article)
    else:
        messages.error(request, "Alegeți sau scrieți numele vorbitorului.")
        return _after(request, quote.paragraph.article, f"q-{quote.pk}")
    actions.correct_speaker(quote=quote, by=request.user, entity=entity, name=name)
    return _after(request, quote.paragraph.article, f"q-{quote.pk}")


@require_POST
@editor_required
def add_missed_quote(request, slug, position):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraph = get_object_or_404(article.paragraphs, position=position)
    form = MissedQuoteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(e for errors in form.errors.values() for e in errors))
        start, end = form.span_in(paragraph.text)
        name = form.cleaned_data["speaker"].strip()
        speaker = actions.speaker_named(name=name, article=article) if name else None
        quote = actions.add_missed_quote(paragraph=paragraph, start=start, end=end, kind=form.cleaned_data["kind"],
                                         by=request.user, entity=speaker, name=name)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _after(request, article, paragraph.anchor)
    except actions.QuoteOverlaps:
        messages.error(request, "Textul se suprapune cu un citat existent; corectați-l pe acela.")
        return _after(request, article, paragraph.anchor)
    return _after(request, article, f"q-{quote.pk}")


def _entity_in_article(request, slug, pk) -> tuple[Article, Entity]:
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    in_article = Entity.objects.filter(mentions__paragraph__article=article).distinct()
    return article, get_object_or_404(in_article, pk=pk)


@require_POST
@editor_required
def rename_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    name = " ".join(request.POST.get("name", "").split())[:200]
    if not name:
        messages.error(request, "Numele nu poate fi gol.")
        return _after(request, article)
    try:
        actions.rename_entity(entity=entity, name=name, by=request.user)
    except actions.EntityExists:
        messages.error(request, f"Există deja „{name}”: folosiți „unește cu”.")
    return _after(request, article)


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
    try:
        actions.merge_entities(source=entity, target=target, by=request.user)
    except actions.Refused:
        messages.error(request, "O entitate nu se poate uni cu ea însăși.")
    return _after(request, article)


@require_POST
@editor_required
def block_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    actions.block_entity(entity=entity, by=request.user)
    messages.success(request, f"„{entity.name}” nu va mai fi marcat ca entitate.")
    return _after(request, article)
