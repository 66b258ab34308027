"""Reading: the list of articles and the article page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from reader import page_cache
from reader.forms import MissedQuoteForm, NoteForm
from reader.models import Article, can_edit
from reader.reading import build_reading


@require_GET
def index(request):
    articles = Article.objects.visible_to(request.user).only(
        "slug", "title", "source", "published_on", "status", "imported_at"
    )
    page = Paginator(articles, 30).get_page(request.GET.get("page"))
    return render(request, "reader/index.html", {"page": page})


@require_GET
def article_detail(request, slug):
    anonymous = not request.user.is_authenticated and not request.htmx
    articles = Article.objects.visible_to(request.user)
    # Anonymous readers: first only what the ETag needs, since most of their requests end at the cache.
    lean = articles.only("pk", "revision", "updated_at", "status") if anonymous else articles
    article = get_object_or_404(lean, slug=slug)
    etag = page_cache.etag_for(request, article)
    if page_cache.not_modified(request, etag):
        return page_cache.add_validators(HttpResponseNotModified(), etag=etag, article=article)
    html = page_cache.cached_page(article) if anonymous else None
    if html is None:
        if anonymous:
            article = Article.objects.get(pk=article.pk)  # all fields, for the page itself
        response = render_article(request, article)
        if anonymous:
            page_cache.store_page(request, article, response.content.decode())
    else:
        response = HttpResponse(html)
    return page_cache.add_validators(response, etag=etag, article=article)


def render_article(request, article: Article, *, partial: str = ""):
    """The article page, or one named partial of it for htmx."""
    editor = can_edit(request.user)
    context = {
        "reading": build_reading(article, request.user),
        "article": article,
        "can_edit": editor,
        "note_form": NoteForm() if editor else None,
        "quote_form": MissedQuoteForm() if editor else None,
    }
    template = "reader/article.html" + (f"#{partial}" if partial else "")
    return render(request, template, context)
