"""Editors correct the machine while reading: quotes (speaker, not a quote, confirm, missed) and entities."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from reader.curation import record
from reader.extraction.normalize import match_key
from reader.forms import MissedQuoteForm
from reader.models import Article, Entity, Quote
from reader.permissions import editor_required
from reader.views import invalid, parse_id
from reader.views.articles import render_article


def _quote_for(request, pk) -> Quote:
    visible = Article.objects.visible_to(request.user)
    return get_object_or_404(Quote.objects.select_related("paragraph__article"), pk=pk, paragraph__article__in=visible)


def _after(request, article: Article, anchor: str = ""):
    """htmx: the re-rendered reading area (colours and sidebar change with a speaker); else a redirect."""
    if request.htmx:
        return render_article(request, article, partial="reading")
    return redirect(f"{article.get_absolute_url()}{'#' + anchor if anchor else ''}")


SPEAKER_TYPES = [Entity.Type.PERSON, Entity.Type.ORGANIZATION]


def _speaker_entity(name: str, article: Article) -> Entity | None:
    """The person or organisation with this name, or with it as an alias in this article, if any."""
    key = match_key(name)
    entity = Entity.objects.filter(key=key, type__in=SPEAKER_TYPES).first()
    if entity:
        return entity
    in_article = Entity.objects.filter(mentions__paragraph__article=article, type__in=SPEAKER_TYPES).distinct()
    return next((e for e in in_article if key in {match_key(a) for a in e.aliases}), None)


@require_POST
@editor_required
def confirm_quote(request, pk):
    quote = _quote_for(request, pk)
    quote.confirm(by=request.user)
    record(user=request.user, obj=quote, message="confirmed on the reading page")
    return _after(request, quote.paragraph.article, f"q-{quote.pk}")


@require_POST
@editor_required
def reject_quote(request, pk):
    quote = _quote_for(request, pk)
    quote.reject(by=request.user)
    record(user=request.user, obj=quote, message="rejected on the reading page: not a quote")
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
        entity = _speaker_entity(name, quote.paragraph.article)
    else:
        messages.error(request, "Alegeți sau scrieți numele vorbitorului.")
        return _after(request, quote.paragraph.article, f"q-{quote.pk}")
    quote.correct_speaker(by=request.user, entity=entity, name=name)
    record(user=request.user, obj=quote, message=f"speaker set to “{quote.display_speaker}”")
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
        overlapping = paragraph.quotes.exclude(status=Quote.Status.REJECTED).filter(start__lt=end, end__gt=start)
        if overlapping.exists():
            raise ValidationError("Textul se suprapune cu un citat existent; corectați-l pe acela.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _after(request, article, paragraph.anchor)
    name = form.cleaned_data["speaker"].strip()
    quote = Quote(paragraph=paragraph, start=start, end=end, kind=form.cleaned_data["kind"], added_by_human=True)
    quote.correct_speaker(by=request.user, entity=_speaker_entity(name, article) if name else None, name=name)
    record(user=request.user, obj=quote, message="added: a quote the machine missed")
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
    elif Entity.objects.filter(key=match_key(name), type=entity.type).exclude(pk=entity.pk).exists():
        messages.error(request, f"Există deja „{name}”: folosiți „unește cu”.")
    else:
        old = entity.name
        entity.rename(name)
        record(user=request.user, obj=entity, message=f"renamed from “{old}”")
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
    if target.pk == entity.pk:
        messages.error(request, "O entitate nu se poate uni cu ea însăși.")
    else:
        with transaction.atomic():
            record(user=request.user, obj=target, message=f"merged “{entity.name}” (id {entity.pk}) into this")
            entity.merge_into(target, by=request.user)
    return _after(request, article)


@require_POST
@editor_required
def block_entity(request, slug, pk):
    article, entity = _entity_in_article(request, slug, pk)
    with transaction.atomic():
        record(user=request.user, obj=entity, message=f"blocked “{entity.name}”")
        entity.block(by=request.user)
    messages.success(request, f"„{entity.name}” nu va mai fi marcat ca entitate.")
    return _after(request, article)
