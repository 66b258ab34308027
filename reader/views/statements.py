"""The same words elsewhere: a quote's other appearances with their wording differences, editors' verdicts on
each version, and a fact-check note's verdict (published as ClaimReview)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from reader import actions, provenance
from reader.models import Appearance, Article, FactCheck, Note, Quote
from reader.permissions import editor_required
from reader.roles import can_edit


def _quote_for(request, pk) -> Quote:
    visible = Article.objects.visible_to(request.user)
    return get_object_or_404(
        Quote.objects.select_related("paragraph", "article", "speaker", "appearance__statement")
        .exclude(status=Quote.Status.REJECTED), pk=pk, article__in=visible)


def statement_context(request, quote: Quote) -> dict:
    try:
        statement = quote.appearance.statement
    except Quote.appearance.RelatedObjectDoesNotExist:
        raise Http404("this quote is not reported anywhere else") from None
    rows = list(provenance.visible_appearances(statement, request.user)[:provenance.MAX_LISTED + 1])
    more = len(rows) > provenance.MAX_LISTED
    rows = rows[:provenance.MAX_LISTED]
    this_text = quote.text
    for row in rows:
        row.is_this = row.quote_id == quote.pk
        row.is_first = row.pk == statement.first_id
        row.text = row.quote.text
        row.diff = [] if row.is_this else provenance.word_diff(this_text, row.text)
        row.same_words = row.words == quote.appearance.words
    return {"quote": quote, "statement": statement, "appearances": rows, "more": more,
            "can_edit": can_edit(request.user), "verdicts": Appearance.Verdict.choices}


@require_safe
def quote_statement(request, pk):
    """Where else this quote's words appear: the list (an htmx panel under the paragraph, or a page)."""
    quote = _quote_for(request, pk)
    context = statement_context(request, quote)
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(request, "reader/statement.html" + ("#panel" if partial else ""), context)
    response["Vary"] = "HX-Request, Cookie"
    return response


@require_POST
@editor_required
def appearance_verdict(request, pk):
    """An editor marks one version faithful, altered or misattributed."""
    appearance = get_object_or_404(
        Appearance.objects.select_related("quote", "statement"),
        pk=pk, article__in=Article.objects.visible_to(request.user))
    try:
        actions.judge_appearance(appearance=appearance, verdict=request.POST.get("verdict", ""), by=request.user)
    except actions.Refused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Verdictul a fost salvat."))
    quote = _quote_for(request, parse_quote(request) or appearance.quote_id)
    if request.htmx:
        return render(request, "reader/statement.html#panel", statement_context(request, quote))
    return redirect(reverse("reader:quote_statement", args=[quote.pk]))


def parse_quote(request) -> int | None:
    value = request.POST.get("from", "")
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 2**63 else None


@require_http_methods(["GET", "HEAD", "POST"])
@editor_required
def fact_check(request, pk):
    """A fact-check note's verdict: which quote of its paragraph it rates, a short rating and a place on a scale."""
    note = get_object_or_404(Note.objects.alive().select_related("article", "paragraph"), pk=pk,
                             article__in=Article.objects.visible_to(request.user))
    if note.kind != Note.Kind.FACT_CHECK or note.paragraph_id is None:
        raise Http404("only a placed fact-check note has a verdict")
    quotes = list(note.paragraph.quotes.exclude(status=Quote.Status.REJECTED).select_related("speaker"))
    current = FactCheck.objects.filter(note=note).first()
    error = ""
    if request.method == "POST":
        chosen = next((q for q in quotes if str(q.pk) == request.POST.get("quote")), None)
        try:
            value = int(request.POST.get("rating_value", ""))
        except ValueError:
            value = 0
        if chosen is None:
            error = _("Alegeți citatul verificat.")
        else:
            try:
                actions.set_fact_check(note=note, quote=chosen, rating_text=request.POST.get("rating_text", ""),
                                       rating_value=value, by=request.user)
            except actions.Refused as refused:
                error = str(refused)
            else:
                messages.success(request, _("Verdictul a fost salvat."))
                return redirect(f"{note.article.get_absolute_url()}#note-{note.pk}")
    return render(request, "reader/fact_check.html", {"note": note, "quotes": quotes, "current": current,
                                                      "error": error, "scale": range(1, 6)},
                  status=422 if error else 200)
