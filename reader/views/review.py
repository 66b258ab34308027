"""The review screen: editors and curators go through the quotes no one has checked, least confident first.

Each decision is one form (confirm, not a quote, this speaker); with htmx it answers the quote's item only, in its
decided state, and the page moves on to the next one; without JavaScript it redirects back to the same place in
the queue with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from reader import actions
from reader.models import Article, Entity, Quote
from reader.permissions import editor_required
from reader.review import review_item, review_page
from reader.views import invalid, parse_id

REVIEW_SCREEN = "on the review screen"  # in the history lines of what is done here


@require_safe
@editor_required
def review_queue(request):
    try:
        article_id = parse_id(request.GET.get("article"))
        page = review_page(request.user, after=request.GET.get("after"), article_id=article_id)
    except ValueError as error:  # a cursor or id that is not one: a page that does not exist
        raise Http404(str(error)) from error
    article = get_object_or_404(Article, pk=article_id) if article_id else None
    return render(request, "reader/review.html", {"page": page, "article": article, "back": request.get_full_path()})


@require_POST
@editor_required
def review_decide(request, pk):
    quote = get_object_or_404(Quote.objects.select_related("paragraph", "article", "speaker"), pk=pk)
    decision = request.POST.get("decision", "")
    error, done = "", ""
    if decision == "confirm":
        actions.confirm_quote(quote=quote, by=request.user, where=REVIEW_SCREEN)
        done = _("Citat confirmat.")
    elif decision == "reject":
        actions.reject_quote(quote=quote, by=request.user, where=REVIEW_SCREEN)
        done = _("Marcat: nu e citat.")
    elif decision == "speaker":
        try:
            entity_id = parse_id(request.POST.get("entity"))
        except ValueError:
            return invalid("entity: not an entity id")
        name = request.POST.get("speaker", "").strip()
        entity = get_object_or_404(Entity, pk=entity_id) if entity_id else (
            actions.speaker_named(name=name, article=quote.article) if name else None)
        if entity is None and not name:
            error = _("Alegeți sau scrieți numele vorbitorului.")
        else:
            actions.correct_speaker(quote=quote, by=request.user, entity=entity, name=name)
            done = _("Vorbitor schimbat: %(name)s.") % {"name": quote.display_speaker}
    else:
        return invalid("decision: confirm, reject or speaker")
    if request.htmx:
        if done:
            messages.success(request, done)
        context = {"item": review_item(quote), "error": error, "back": request.POST.get("back", "")}
        return render(request, "reader/review.html#item", context, status=422 if error else 200)
    (messages.error if error else messages.success)(request, error or done)
    return redirect(_back(request, quote))


def _back(request, quote: Quote) -> str:
    """The queue where the editor was (the form's ``back``), at the next quote (this one, if it stays: an error)."""
    back = request.POST.get("back", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("reader:review")
    following = request.POST.get("next", "")
    if quote.status == Quote.Status.MACHINE:  # refused: stay on it
        return f"{back}#review-{quote.pk}"
    return f"{back}#review-{following}" if following.isdigit() else back
