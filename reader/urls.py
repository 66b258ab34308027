from django.urls import path

from reader.views import archive, articles, corrections, entities, notes, review, search, statements

app_name = "reader"

urlpatterns = [
    path("", articles.index, name="index"),
    path("arhiva/", archive.archive_index, name="archive"),
    path("arhiva/<int:year>/", archive.archive_year, name="archive_year"),
    path("arhiva/<int:year>/<int:month>/", archive.archive_month, name="archive_month"),
    path("arhiva/<int:year>/<int:month>/<int:day>/", archive.archive_day, name="archive_day"),
    path("a/<slug:slug>/", articles.article_detail, name="article"),
    path("e/<slug:slug>/", entities.entity_detail, name="entity"),
    path("search/", search.search_page, name="search"),
    path("a/<slug:slug>/trash/", notes.article_trash, name="trash"),
    path("a/<slug:slug>/notes.jsonld", notes.export_notes_jsonld, name="notes_jsonld"),
    path("a/<slug:slug>/notes.md", notes.export_notes_markdown, name="notes_markdown"),
    path("a/<slug:slug>/p/<int:position>/notes/", notes.add_note, name="add_note"),
    path("a/<slug:slug>/p/<int:position>/quotes/", corrections.add_missed_quote, name="quote_add"),
    path("a/<slug:slug>/entities/<int:pk>/rename/", corrections.rename_entity, name="entity_rename"),
    path("a/<slug:slug>/entities/<int:pk>/merge/", corrections.merge_entity, name="entity_merge"),
    path("a/<slug:slug>/entities/<int:pk>/block/", corrections.block_entity, name="entity_block"),
    path("notes/<int:pk>/", notes.note_detail, name="note"),
    path("notes/<int:pk>/edit/", notes.edit_note, name="note_edit"),
    path("notes/<int:pk>/delete/", notes.delete_note, name="note_delete"),
    path("notes/<int:pk>/restore/", notes.restore_note, name="note_restore"),
    path("notes/<int:pk>/history/", notes.note_history, name="note_history"),
    path("notes/<int:pk>/history/<int:version>/restore/", notes.restore_note_revision, name="note_revision_restore"),
    path("notes/<int:pk>/reattach/", notes.reattach_note, name="note_reattach"),
    path("quotes/<int:pk>/confirm/", corrections.confirm_quote, name="quote_confirm"),
    path("quotes/<int:pk>/reject/", corrections.reject_quote, name="quote_reject"),
    path("quotes/<int:pk>/speaker/", corrections.correct_speaker, name="quote_speaker"),
    path("quotes/<int:pk>/statement/", statements.quote_statement, name="quote_statement"),
    path("statements/versions/<int:pk>/verdict/", statements.appearance_verdict, name="appearance_verdict"),
    path("notes/<int:pk>/fact-check/", statements.fact_check, name="fact_check"),
    path("revizie/", review.review_queue, name="review"),
    path("revizie/<int:pk>/", review.review_decide, name="review_decide"),
]
