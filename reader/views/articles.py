"""Reading: the list of articles and the article page."""

from __future__ import annotations

from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from reader import archive, page_cache
from reader.forms import MissedQuoteForm, NoteForm
from reader.models import Article
from reader.paging import LEGACY_PAGES, PER_PAGE, ArticleKey, key_at, keyset_page
from reader.reading import build_reading
from reader.review import unverified_by_article
from reader.roles import can_edit


def listed_articles(user):
    """What a list of articles loads: the visible ones, no text."""
    return Article.objects.visible_to(user).only("slug", "title", "source", "published_on", "status")


@require_safe
def index(request):
    """Newest first, 30 a page, "newer / older" by cursor; the archive jumps far back."""
    articles = listed_articles(request.user)
    if "page" in request.GET:
        return _old_page_link(request, articles)
    page = keyset_page(articles, **cursors(request), per_page=PER_PAGE)
    if can_edit(request.user):  # what is left to check, per article: one query for the page
        to_check = unverified_by_article(article.pk for article in page.object_list)
        for article in page.object_list:
            article.unverified = to_check.get(article.pk, 0)
    return render_list(request, {"page": page, "total": archive.total(request.user)})


def cursors(request) -> dict:
    """?before= / ?after= of a list page; a cursor that is not one is a page that does not exist."""
    try:
        return {"before": ArticleKey.parse(request.GET.get("before")),
                "after": ArticleKey.parse(request.GET.get("after"))}
    except ValueError as error:
        raise Http404(str(error)) from error


def render_list(request, context: dict):
    """The list page, or only its ``articles`` partial for htmx (pager links swap the list in place)."""
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(request, "reader/index.html" + ("#articles" if partial else ""), context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _old_page_link(request, articles):
    """``?page=N`` from before cursors: the same rows by key (up to page LEGACY_PAGES), else the archive."""
    try:
        number = int(request.GET["page"])
    except ValueError:
        number = 1
    if number <= 1:
        return redirect(reverse("reader:index"), permanent=True)
    if number > LEGACY_PAGES:
        return redirect("reader:archive")
    key = key_at(articles, (number - 1) * PER_PAGE - 1)
    return redirect(reverse("reader:index") + (f"?before={key}" if key else ""))


@require_safe
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    etag = page_cache.etag_for(request, article)
    if not page_cache.has_pending_messages(request) and page_cache.not_modified(request, etag, article.updated_at):
        return page_cache.add_validators(HttpResponseNotModified(), etag=etag, article=article)
    response = page_cache.add_validators(render_article(request, article), etag=etag, article=article)
    if not request.user.is_authenticated and not request.htmx:
        page_cache.share(response, article)  # SharedPageMiddleware replays it to the next anonymous reader
    return response


def render_article(request, article: Article, *, partial: str = ""):
    """The article page, or one named partial of it for htmx."""
    context = article_context(request, article, build_reading(article, request.user))
    template = "reader/article.html" + (f"#{partial}" if partial else "")
    return render(request, template, context)


def article_context(request, article: Article, reading) -> dict:
    """What every part of the article page reads (the whole page, or the parts an htmx correction re-renders)."""
    editor = can_edit(request.user)
    return {
        "reading": reading,
        "article": article,
        "can_edit": editor,
        "note_form": NoteForm() if editor else None,
        "quote_form": MissedQuoteForm() if editor else None,
    }
