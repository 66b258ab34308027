"""Reading: the list of articles and the article page."""

from __future__ import annotations

from django.http import HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from reader import page_cache
from reader.forms import MissedQuoteForm, NoteForm
from reader.models import Article, can_edit
from reader.paging import DeferredJoinPaginator
from reader.reading import build_reading


@require_GET
def index(request):
    articles = Article.objects.visible_to(request.user).only(
        "slug", "title", "source", "published_on", "status", "imported_at"
    )
    page = DeferredJoinPaginator(articles, 30).get_page(request.GET.get("page"))
    return render(request, "reader/index.html", {"page": page})


@require_GET
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    etag = page_cache.etag_for(request, article)
    if page_cache.not_modified(request, etag, article.updated_at):
        return page_cache.add_validators(HttpResponseNotModified(), etag=etag, article=article)
    response = page_cache.add_validators(render_article(request, article), etag=etag, article=article)
    if not request.user.is_authenticated and not request.htmx:
        page_cache.share(response, article)  # SharedPageMiddleware replays it to the next anonymous reader
    return response


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
