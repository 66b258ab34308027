"""Thin views: find the object, check who asks, hand over to model methods and helpers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from reader.forms import NoteForm
from reader.models import Article, Note, can_edit
from reader.reading import build_reading, paragraphs_with_notes


@require_GET
def index(request):
    articles = Article.objects.visible_to(request.user).only(
        "slug", "title", "source", "published_on", "status", "imported_at"
    )
    page = Paginator(articles, 30).get_page(request.GET.get("page"))
    return render(request, "reader/index.html", {"page": page})


@require_GET
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    reading = build_reading(article, request.user)
    return render(
        request,
        "reader/article.html",
        {"reading": reading, "article": article, "can_edit": can_edit(request.user), "note_form": NoteForm()},
    )


@require_POST
def add_note(request, slug, position):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user):
        raise PermissionDenied("Only editors can add notes.")
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraph = get_object_or_404(article.paragraphs, position=position)
    form = NoteForm(request.POST)
    if form.is_valid():
        note: Note = form.save(commit=False)
        note.paragraph, note.author = paragraph, request.user
        note.save()
        form = NoteForm()
    elif not request.htmx:
        for error in form.errors.get("body", []):
            messages.error(request, error)
    if not request.htmx:
        return redirect(f"{article.get_absolute_url()}#{paragraph.anchor}")
    paragraph = paragraphs_with_notes(article, request.user).get(pk=paragraph.pk)
    context = {"paragraph": paragraph, "article": article, "can_edit": True, "note_form": form}
    # 200 even with form errors: htmx swaps only successful responses, and the errors are in the fragment.
    return render(request, "reader/article.html#paragraph-notes", context)
