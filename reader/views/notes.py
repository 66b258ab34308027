"""Editors' notes: add, edit (with version checks), delete and restore, history, re-attach, exports."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from reader import actions
from reader.anchoring import SUGGEST_SCORE
from reader.exports import notes_as_markdown, notes_as_web_annotations
from reader.forms import NoteEditForm, NoteForm
from reader.models import Article, Note, NoteConflict, NoteNotDetached, NoteRevision
from reader.permissions import check_note_owner, editor_required
from reader.reading import mark_editable, paragraphs_with_notes
from reader.roles import can_edit
from reader.views import invalid, parse_id


def _note_for(request, pk) -> Note:
    """A note the user may see: readers only live public notes, editors every note of articles they can see."""
    notes = Note.objects.select_related("article", "paragraph", "author")
    if not can_edit(request.user):
        notes = notes.alive().filter(visibility=Note.Visibility.PUBLIC)
    note = get_object_or_404(notes, pk=pk, article__in=Article.objects.visible_to(request.user))
    mark_editable([note], request.user)
    return note


def _back_to(note: Note) -> str:
    anchor = note.paragraph.anchor if note.paragraph_id else "detached-notes"
    return f"{note.article.get_absolute_url()}#{anchor}"


def _note_fragment(request, note: Note, status: int = 200) -> HttpResponse:
    return render(request, "reader/article.html#note", {"note": note, "can_edit": True}, status=status)


@require_POST
@editor_required
def add_note(request, slug, position):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraph = get_object_or_404(article.paragraphs, position=position)
    form = NoteForm(request.POST)
    if form.is_valid():
        actions.create_note(paragraph=paragraph, by=request.user, **form.cleaned_data)
        form = NoteForm()
    elif not request.htmx:
        for error in form.errors.get("body", []):
            messages.error(request, error)
    if not request.htmx:
        return redirect(f"{article.get_absolute_url()}#{paragraph.anchor}")
    paragraph = paragraphs_with_notes(article, request.user).get(pk=paragraph.pk)
    mark_editable(paragraph.visible_notes, request.user)
    context = {"paragraph": paragraph, "article": article, "can_edit": True, "note_form": form}
    # 200 even with form errors: the errors are inside the fragment that replaces the form.
    return render(request, "reader/article.html#paragraph-notes", context)


@require_safe
def note_detail(request, pk):
    """One note as a fragment (htmx: cancel an edit), or its paragraph in the article."""
    note = _note_for(request, pk)
    if request.htmx:
        return _note_fragment(request, note)
    return redirect(_back_to(note))


@require_http_methods(["GET", "POST"])
@editor_required
def edit_note(request, pk):
    note = _note_for(request, pk)
    check_note_owner(note, request.user)  # before the form is shown
    template = "reader/note_form.html#form" if request.htmx else "reader/note_form.html"
    if request.method == "GET":
        form = NoteEditForm(
            initial={"body": note.body, "kind": note.kind, "visibility": note.visibility, "base_version": note.version}
        )
        return render(request, template, {"note": note, "form": form})
    form = NoteEditForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"note": note, "form": form}, status=422)
    try:
        actions.edit_note(note=note, by=request.user, **form.cleaned_data)
    except NoteConflict as conflict:
        # Keep the editor's text; show what was saved meanwhile; the next save starts from that version.
        data = {**form.cleaned_data, "base_version": conflict.current.version}
        form = NoteEditForm(initial=data)
        latest = conflict.current.revisions.select_related("editor").order_by("-version").first()
        context = {
            "note": note,
            "form": form,
            "current": conflict.current,
            "mine": form.initial["body"],
            "saved_by": latest.editor.get_username() if latest else _("altcineva"),
        }
        return render(request, template, context, status=409)
    if request.htmx:
        mark_editable([note], request.user)
        return _note_fragment(request, note)
    return redirect(_back_to(note))


def _trash_action(request, pk, *, to_trash: bool):
    """Move a note to the trash or back: the fragment for htmx, else the article with a message."""
    note = _note_for(request, pk)
    (actions.trash_note if to_trash else actions.restore_note)(note=note, by=request.user)
    if request.htmx:
        return _note_fragment(request, note)
    done = _("Nota a fost mutată la coș; o puteți restaura.") if to_trash else _("Nota a fost restaurată.")
    messages.success(request, done)
    return redirect(_back_to(note))


@require_POST
@editor_required
def delete_note(request, pk):
    return _trash_action(request, pk, to_trash=True)


@require_POST
@editor_required
def restore_note(request, pk):
    return _trash_action(request, pk, to_trash=False)


@require_safe
@editor_required
def note_history(request, pk):
    note = _note_for(request, pk)
    revisions = note.revisions.select_related("editor").order_by("-version")
    return render(request, "reader/note_history.html", {"note": note, "revisions": revisions})


@require_POST
@editor_required
def restore_note_revision(request, pk, version):
    note = _note_for(request, pk)
    try:
        actions.restore_note_revision(note=note, by=request.user, version=version)
    except NoteRevision.DoesNotExist as missing:
        raise Http404(f"note {note.pk} has no version {version}") from missing
    messages.success(request, _("Versiunea %(old)s a fost restaurată (ca versiunea %(new)s).")
                     % {"old": version, "new": note.version})
    return redirect("reader:note_history", pk=note.pk)


@require_POST
@editor_required
def reattach_note(request, pk):
    note = _note_for(request, pk)
    check_note_owner(note, request.user)  # before the form's input is looked at
    try:
        paragraph_id = parse_id(request.POST.get("paragraph"))
    except ValueError:
        return invalid("paragraph: not a paragraph id")
    if paragraph_id is None and (note.candidate_score or 0) >= SUGGEST_SCORE:
        paragraph_id = note.candidate_id  # a confident suggestion is taken as is; a weak one is never guessed
    if paragraph_id is None:
        messages.error(request, _("Alegeți paragraful la care se atașează nota."))
        return redirect(_back_to(note))
    paragraph = get_object_or_404(note.article.paragraphs, pk=paragraph_id)
    try:
        actions.reattach_note(note=note, paragraph=paragraph, by=request.user)
    except NoteNotDetached:
        return invalid(_("Doar o notă detașată (și nu din coș) se reatașează."), status=409)
    messages.success(request, _("Nota a fost reatașată."))
    return redirect(_back_to(note))


@require_safe
@editor_required
def article_trash(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    notes = article.notes.trashed().select_related("author", "paragraph").order_by("-deleted_at")
    mark_editable(notes, request.user)
    return render(request, "reader/trash.html", {"article": article, "notes": notes})


@require_safe
def export_notes_jsonld(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    data = notes_as_web_annotations(article=article, user=request.user, base_url=request.build_absolute_uri("/"))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    return response


@require_safe
def export_notes_markdown(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    text = notes_as_markdown(article=article, user=request.user)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{article.slug}-notes.md"'
    return response
