"""Statements: the same words across the archive (reader/provenance.py), their versions, and fact-check verdicts
published as ClaimReview (reader/claims.py). Articles go through the real import, as a newsroom's would."""

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reader import actions, provenance
from reader.claims import jsonld_script
from reader.exports import notes_as_web_annotations
from reader.ingest import import_text
from reader.models import Appearance, Article, Entity, Note, Quote, Statement

WORDS = "Nu vom accepta ca bugetul pentru spitalul regional să fie amânat din nou, oamenii au așteptat destul"
OTHER = "Vom publica toate contractele pentru autostradă, ca oricine să le poată citi fără să ne ceară voie"
VOCABULARY = json.loads((Path(__file__).parent / "data" / "schemaorg-claimreview.json").read_text())


def text(date: str, source: str, quote: str, speaker: str = "Ion Popescu", n: int = 0, extra: str = "") -> str:
    return (f" date {date} {source}\nPrimarul {speaker} despre bugetul orașului {n}\n"
            f"Șapoul articolului despre buget {n}.\n\n„{quote}”, a declarat primarul, {speaker}.\n\n"
            f"Consilierii locali vor vota proiectul săptămâna viitoare.{extra}\n")


def publish(name: str, body: str, *, publish: bool = True) -> Article:
    result = import_text(name=name, text=body, publish=publish)
    assert result.status in ("imported", "updated"), result.message
    return result.article


def quote_of(article: Article) -> Quote:
    return Quote.objects.get(article=article, paragraph__revision=article.revision)


@pytest.fixture
def reported(db):
    """One statement in four outlets: word for word, in capitals without diacritics, altered, and a later copy;
    imported out of date order. Plus an unrelated quote."""
    return {
        "copy": publish("b.txt", text("2025-03-02", "digi24.ro", WORDS.upper().replace("Ă", "A"), n=1)),
        "first": publish("a.txt", text("2025-03-01", "agerpres", WORDS, n=0)),
        "altered": publish("c.txt", text("2025-03-03", "hotnews.ro", WORDS.replace("din nou", "încă o dată"), n=2)),
        "other": publish("d.txt", text("2025-03-04", "libertatea", OTHER, n=3)),
    }


def test_the_same_words_in_several_outlets_are_one_statement_with_its_first_appearance(reported):
    statement = quote_of(reported["first"]).appearance.statement
    members = {a.article_id for a in statement.appearances.all()}
    assert members == {reported["first"].pk, reported["copy"].pk, reported["altered"].pk}
    assert (statement.size, statement.published, statement.speakers_differ) == (3, 3, False)
    assert statement.first.article_id == reported["first"].pk  # the earliest date, though imported second
    assert quote_of(reported["other"]).appearance.statement_id != statement.pk
    assert Statement.objects.count() == 2


def test_normalised_words_fold_case_diacritics_cedilla_and_punctuation():
    assert provenance.words_of("„Ştiinţa, ŞTIINȚA!” — știința?") == ["stiinta", "stiinta", "stiinta"]
    a, b = provenance.words_of(WORDS), provenance.words_of(WORDS.replace("din nou", "încă o dată"))
    assert provenance.same_statement(a, b) >= provenance.SIMILAR
    assert provenance.same_statement(a, provenance.words_of(OTHER)) == 0
    # Near-duplicates share most MinHash bands; unrelated words share none.
    assert sum(x == y for x, y in zip(provenance.band_keys(a), provenance.band_keys(b), strict=True)) >= 2
    assert not set(provenance.band_keys(a)) & set(provenance.band_keys(provenance.words_of(OTHER)))


def test_word_diff_shows_removed_and_added_words_and_ignores_case_and_punctuation():
    parts = provenance.word_diff("Vom putea reduce taxele, anul viitor.", "VOM reduce taxele anul viitor sigur")
    assert [(p.op, p.text) for p in parts] == [("equal", "VOM"), ("delete", "putea"),
                                               ("equal", "reduce taxele anul viitor"), ("insert", "sigur")]


def test_the_article_page_counts_other_appearances_and_the_list_shows_each_with_its_diff(client, reported):
    page = client.get(reported["first"].get_absolute_url()).content.decode()
    quote = quote_of(reported["first"])
    link = re.search(r'<a class="statement-count" href="([^"]+)"[^>]*>(.*?)</a>', page)
    assert link and link.group(1) == f"/quotes/{quote.pk}/statement/" and "+2" in link.group(2)
    assert 'id="p-2-statement"' in page  # where htmx puts the list
    assert "statement-count" not in client.get(reported["other"].get_absolute_url()).content.decode()
    listing = client.get(link.group(1)).content.decode()
    assert listing.count('<li class="appearance') == 3
    for outlet in ("agerpres", "digi24.ro", "hotnews.ro"):
        assert outlet in listing
    assert "Prima apariție" in listing and "Ion Popescu" in listing
    assert "<del>din nou</del>" in listing and "<ins>încă o dată</ins>" in listing
    assert "Aceleași cuvinte." in listing  # the copy in capitals is the same words
    partial = client.get(link.group(1), headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section class="statement"') and "<html" not in partial


def test_readers_count_only_published_articles_editors_count_drafts_too(client, editor_client, reported):
    draft = publish("e.txt", text("2025-03-05", "g4media", WORDS, n=4), publish=False)
    statement = quote_of(draft).appearance.statement
    assert (statement.size, statement.published) == (4, 3)
    url = reported["first"].get_absolute_url()
    assert "+2" in client.get(url).content.decode() and "+3" in editor_client.get(url).content.decode()
    listing = client.get(f"/quotes/{quote_of(reported['first']).pk}/statement/").content.decode()
    assert "g4media" not in listing
    draft.publish()
    statement.refresh_from_db()
    assert statement.published == 4
    assert "+3" in client.get(url).content.decode()  # the page was made stale: the cached copy is not served


def test_the_same_words_credited_to_another_speaker_are_flagged_and_a_merge_of_the_two_clears_it(reported, editor):
    other = publish("f.txt", text("2025-03-06", "adevarul", WORDS, speaker="Ioan Popescu", n=5))
    statement = quote_of(other).appearance.statement
    assert statement.speakers_differ
    ioan = Entity.objects.get(name="Ioan Popescu")
    ion = Entity.objects.get(name="Ion Popescu")
    actions.merge_entities(source=ioan, target=ion, by=editor)
    statement.refresh_from_db()
    assert not statement.speakers_differ
    merge = ion.merges_in.get()
    actions.undo_merge(merge=merge, by=editor)
    statement.refresh_from_db()
    assert statement.speakers_differ


def test_a_rejected_quote_leaves_its_statement_and_a_corrected_speaker_is_flagged(reported, editor):
    copy = quote_of(reported["copy"])
    actions.reject_quote(quote=copy, by=editor)
    statement = quote_of(reported["first"]).appearance.statement
    assert (statement.size, Appearance.objects.filter(quote=copy).exists()) == (2, False)
    actions.correct_speaker(quote=quote_of(reported["altered"]), by=editor, name="un consilier")
    statement.refresh_from_db()
    assert statement.speakers_differ


def test_reimport_keeps_statements_right_and_verdicts_on_unchanged_words(reported, editor):
    appearance = quote_of(reported["altered"]).appearance
    actions.judge_appearance(appearance=appearance, verdict="altered", by=editor)
    # The same article again with a new paragraph: same words, a new revision, the verdict stays.
    article = publish("c.txt", text("2025-03-03", "hotnews.ro", WORDS.replace("din nou", "încă o dată"), n=2,
                                    extra="\n\nO precizare adăugată ulterior de redacție."))
    assert article.revision == 2
    again = quote_of(article).appearance
    assert (again.statement_id, again.verdict, again.verdict_by) == (appearance.statement_id, "altered", editor)
    assert Appearance.objects.filter(article=article).count() == 1
    # Now it quotes something else: it leaves the statement and starts its own.
    article = publish("c.txt", text("2025-03-03", "hotnews.ro", OTHER.replace("toate", "unele"), n=2))
    statement = Statement.objects.get(pk=appearance.statement_id)
    assert statement.size == 2
    assert quote_of(article).appearance.statement_id == quote_of(reported["other"]).appearance.statement_id


def test_indexing_an_article_costs_the_same_queries_in_a_larger_archive(db):
    def queries_for(n: int) -> int:
        article = publish(f"probe-{n}.txt", text("2025-04-01", "probe", WORDS, n=n))
        Appearance.objects.filter(article=article).delete()
        with CaptureQueriesContext(connection) as captured:
            provenance.reindex_article(article)
        return len(captured)

    small = queries_for(100)
    for k in range(8):
        publish(f"more-{k}.txt", text(f"2025-02-{k + 1:02d}", f"outlet{k}", f"{OTHER} {k} {WORDS[:30]}", n=10 + k))
        publish(f"copy-{k}.txt", text(f"2025-02-{k + 1:02d}", f"outlet{k}", WORDS, n=20 + k))
    assert queries_for(101) <= small


def test_the_api_gives_a_statement_with_its_versions_in_visible_articles(client, reported):
    quote = quote_of(reported["first"])
    detail = client.get(f"/api/articles/{reported['first'].slug}").json()
    statement_id = detail["quotes"][0]["statement"]
    assert statement_id == quote.appearance.statement_id
    body = client.get(f"/api/statements/{statement_id}").json()
    assert body["count"] == 3 and not body["speakers_differ"]
    assert [a["source"] for a in body["appearances"]] == ["agerpres", "digi24.ro", "hotnews.ro"]
    assert body["appearances"][0]["first"] and body["appearances"][0]["speaker"] == "Ion Popescu"
    assert body["appearances"][0]["url"] == f"{reported['first'].get_absolute_url()}#q-{quote.pk}"
    for article in reported.values():
        article.unpublish()
    assert client.get(f"/api/statements/{statement_id}").status_code == 404
    assert client.get(f"/api/statements/{2**63}").status_code == 404


def test_only_editors_give_verdicts(client, editor_client, reported):
    appearance = quote_of(reported["copy"]).appearance
    url = f"/statements/versions/{appearance.pk}/verdict/"
    assert client.post(url, {"verdict": "faithful"}).status_code in (302, 403)
    appearance.refresh_from_db()
    assert appearance.verdict == ""
    response = editor_client.post(url, {"verdict": "faithful", "from": quote_of(reported["first"]).pk})
    assert response.status_code == 302
    appearance.refresh_from_db()
    assert appearance.verdict == "faithful"
    assert editor_client.post(url, {"verdict": "made-up"}).status_code == 302
    appearance.refresh_from_db()
    assert appearance.verdict == "faithful"
    listing = editor_client.get(f"/quotes/{quote_of(reported['first']).pk}/statement/").content.decode()
    assert "verdict-faithful" in listing


# --- ClaimReview --------------------------------------------------------------------------------------------


def validate(node, expected_type: str | None = None, path: str = "$") -> None:
    """Check a JSON-LD node against the schema.org fixture: known types, properties used on types that have them,
    values of the declared range, and the required properties."""
    assert isinstance(node, dict), path
    type_ = node["@type"]
    assert type_ in VOCABULARY["types"], f"{path}: unknown type {type_}"
    ancestry = [type_]
    while VOCABULARY["types"][ancestry[-1]]:
        ancestry.append(VOCABULARY["types"][ancestry[-1]][0])
    if expected_type:
        assert expected_type in ancestry or expected_type == "Thing", f"{path}: {type_} is not a {expected_type}"
    for required in VOCABULARY["required"].get(type_, []):
        assert node.get(required) not in (None, ""), f"{path}: {type_} lacks {required}"
    for name, value in node.items():
        if name.startswith("@") or name == "purpose":
            continue
        prop = VOCABULARY["properties"].get(name)
        assert prop, f"{path}: unknown property {name}"
        assert set(prop["domain"]) & set(ancestry), f"{path}: {name} is not a property of {type_}"
        if isinstance(value, dict):
            assert set(prop["range"]) & (set(VOCABULARY["types"]) | {"Thing"}), f"{path}.{name}: not a node"
            validate(value, next(r for r in prop["range"] if r in VOCABULARY["types"]) if len(prop["range"]) == 1
                     else None, f"{path}.{name}")
            assert value["@type"] in prop["range"] or any(
                r in prop["range"] for r in _ancestry(value["@type"])), f"{path}.{name}: {value['@type']}"
        elif isinstance(value, bool) or value is None:
            raise AssertionError(f"{path}.{name}: {value!r}")
        elif isinstance(value, int | float):
            assert "Number" in prop["range"], f"{path}.{name}: a number"
        else:
            assert set(prop["range"]) & set(VOCABULARY["datatypes"]), f"{path}.{name}: text"
            if "URL" in prop["range"]:
                assert value.startswith("http://") or value.startswith("https://"), f"{path}.{name}"
            if prop["range"] in (["Date", "DateTime"],):
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value), f"{path}.{name}"


def _ancestry(type_: str) -> list[str]:
    out = [type_]
    while VOCABULARY["types"].get(out[-1]):
        out.append(VOCABULARY["types"][out[-1]][0])
    return out


def claim_reviews_in(page: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    reviews = []
    for block in blocks:
        data = json.loads(block)
        reviews += data if isinstance(data, list) else [data]
    return reviews


@pytest.fixture
def fact_checked(reported, editor):
    article = reported["first"]
    quote = quote_of(article)
    note = actions.create_note(paragraph=quote.paragraph, by=editor, body="Bugetul a fost **amânat** de două ori.",
                               kind=Note.Kind.FACT_CHECK, visibility=Note.Visibility.PUBLIC)
    actions.set_fact_check(note=note, quote=quote, rating_text="Parțial fals", rating_value=2, by=editor)
    return note


def test_a_fact_check_verdict_is_published_as_valid_claimreview_json_ld(client, fact_checked):
    page = client.get(fact_checked.article.get_absolute_url()).content.decode()
    [review] = claim_reviews_in(page)
    assert review["@context"] == "https://schema.org"
    validate(review)
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == WORDS
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Ion Popescu"}
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "Parțial fals"}
    assert review["url"].endswith(f"{fact_checked.article.get_absolute_url()}#note-{fact_checked.pk}")
    assert "Parțial fals" in page  # and readers see the verdict under the note


def test_claimreview_needs_a_public_live_note(client, fact_checked, editor):
    url = fact_checked.article.get_absolute_url()
    actions.edit_note(note=fact_checked, by=editor, base_version=fact_checked.version, body=fact_checked.body,
                      kind=Note.Kind.FACT_CHECK, visibility=Note.Visibility.EDITORS)
    assert claim_reviews_in(client.get(url).content.decode()) == []
    with pytest.raises(actions.Refused):
        note = actions.create_note(paragraph=fact_checked.paragraph, by=editor, body="context", kind="context",
                                   visibility="public")
        actions.set_fact_check(note=note, quote=quote_of(fact_checked.article), rating_text="Fals", rating_value=1,
                               by=editor)


def test_json_ld_cannot_end_its_script_element():
    html = str(jsonld_script({"claimReviewed": "</script><script>alert(1)</script> & <!--"}))
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner.replace("\\u0026", "")
    assert json.loads(inner)["claimReviewed"] == "</script><script>alert(1)</script> & <!--"


def test_the_web_annotation_export_carries_the_claimreview(fact_checked, rf):
    anno = notes_as_web_annotations(article=fact_checked.article, user=fact_checked.author,
                                    base_url="https://example.org/")
    [item] = anno["first"]["items"]
    textual, review = item["body"]
    assert textual["type"] == "TextualBody" and review["@type"] == "ClaimReview"
    validate(review)


def test_the_fact_check_form_sets_the_verdict(editor_client, reported, editor):
    quote = quote_of(reported["other"])
    note = actions.create_note(paragraph=quote.paragraph, by=editor, body="Contractele nu sunt publice.",
                               kind=Note.Kind.FACT_CHECK, visibility=Note.Visibility.PUBLIC)
    url = f"/notes/{note.pk}/fact-check/"
    assert "fact-check-quote" in editor_client.get(url).content.decode()
    assert editor_client.post(url, {"quote": quote.pk, "rating_text": "", "rating_value": 1}).status_code == 422
    response = editor_client.post(url, {"quote": quote.pk, "rating_text": "Fals", "rating_value": 1})
    assert response.status_code == 302
    assert note.factcheck.rating_text == "Fals" and note.factcheck.claim == quote.text


def test_a_long_quote_retold_inside_a_longer_one_is_the_same_statement_a_short_echo_is_not():
    said = ("compensarea la pompă pentru carburanți va continua pe toată perioada anunțată iar la finalul analizei "
            "guvernul va lua noi decizii pentru toți șoferii")
    retold = ("ca și în cazul altor măsuri pentru protejarea cetățenilor compensarea la pompă pentru carburanți va "
              "continua pe toată perioada anunțată iar la finalul analizei vom lua noi decizii pentru toți șoferii")
    assert provenance.same_statement(provenance.words_of(said), provenance.words_of(retold)) >= provenance.SIMILAR
    echo = "un drum scurt pentru oraș un pas uriaș pentru țară"
    longer = ("suntem bucuroși că proiectul a fost aprobat și știm că deși ar fi un drum mic pentru un oraș este "
              "un pas imens pentru țară")  # 8 of its 10 words, in order: an echo of a saying, not the quote
    assert provenance.same_statement(provenance.words_of(echo), provenance.words_of(longer)) == 0


def test_the_speakers_page_lists_each_statement_once_with_its_outlets(client, reported,
                                                                     django_assert_max_num_queries):
    publish("e.txt", text("2025-03-05", "agerpres", WORDS, n=4))
    speaker = Entity.objects.get(name="Ion Popescu")
    page = client.get(f"/e/{speaker.slug}/").content.decode()
    section = page[page.index('class="entity-statements"'):]
    section = section[:section.index("</ol>")]
    assert section.count("<li>") == 2  # the statement reported four times, and the other one
    first = section[:section.index("</li>")]
    assert "4 apariții" in first and "agerpres ×2" in first and "digi24.ro" in first and "hotnews.ro" in first
    assert re.search(r'href="/quotes/\d+/statement/"', first)
    with CaptureQueriesContext(connection) as before:
        client.get(f"/e/{speaker.slug}/")
    said = ["Școlile din cartierele noi vor primi săli de sport până în toamnă, am semnat deja contractele",
            "Transportul public devine gratuit pentru elevi și pensionari de la începutul lunii viitoare",
            "Parcul central se redeschide după renovare cu alei noi, iluminat și locuri de joacă"]
    for k, words in enumerate(said):  # more statements, more outlets: the same queries
        publish(f"x{k}.txt", text(f"2025-04-0{k + 1}", f"outlet{k}", words, n=10 + k))
    with django_assert_max_num_queries(len(before)):
        assert client.get(f"/e/{speaker.slug}/").content.decode().count("apariți") >= 3


def test_a_fact_check_verdict_survives_the_annotations_backup(fact_checked):
    from reader.backup import export_annotations, import_annotations

    data = export_annotations()
    [item] = [n for a in data["articles"] for n in a["notes"]]
    assert item["fact_check"]["rating_text"] == "Parțial fals" and item["fact_check"]["claim"] == WORDS
    Note.objects.all().delete()
    import_annotations(data=json.loads(json.dumps(data)))
    note = Note.objects.get()
    assert (note.factcheck.rating_value, note.factcheck.quote) == (2, quote_of(fact_checked.article))
    assert export_annotations()["articles"] == data["articles"]


def test_a_quote_repeated_in_one_article_is_one_statement(db):
    article = publish("twice.txt", text("2025-05-01", "agerpres", WORDS, n=30,
                                        extra=f"\n\nLa final, primarul a insistat: „{WORDS}”, a spus Ion Popescu."))
    same = [q for q in Quote.objects.filter(article=article).select_related("paragraph") if q.text == WORDS]
    assert len(same) == 2
    assert same[0].appearance.statement_id == same[1].appearance.statement_id
    assert same[0].appearance.statement.size == 1  # one article: not reported anywhere else


def test_a_band_key_common_to_many_statements_stays_a_bounded_lookup(db, monkeypatch):
    """A key made of common word pairs ("cu să") would name ever more statements as the archive grows: past
    MAX_PER_KEY it takes no more, a quote reads the wordings of its MAX_CANDIDATES best candidates only, and a
    version still finds its statement by the other keys they share."""
    from reader.models import StatementBand
    from reader.synthetic import statement_words

    monkeypatch.setattr(provenance, "MAX_PER_KEY", 3)
    monkeypatch.setattr(provenance, "MAX_CANDIDATES", 2)
    real = provenance.band_keys
    monkeypatch.setattr(provenance, "band_keys", lambda words: [42, *real(words)[1:]])
    sayings = [" ".join(statement_words(n)).capitalize() for n in range(6)]
    articles = [publish(f"common-{n}.txt", text(f"2025-06-0{n + 1}", f"outlet{n}", s, n=40 + n))
                for n, s in enumerate(sayings)]
    assert Statement.objects.count() == 6
    assert StatementBand.objects.filter(key=42).count() == 3

    with CaptureQueriesContext(connection) as captured:
        again = publish("common-again.txt", text("2025-06-09", "outlet9", sayings[5], n=49))
    read = [re.search(r'FROM "reader_statement" WHERE "reader_statement"\."id" IN \(([^)]*)\)', q["sql"])
            for q in captured]
    assert [len(m[1].split(",")) for m in read if m] == [2]  # the two best of the three candidates
    assert quote_of(again).appearance.statement_id == quote_of(articles[5]).appearance.statement_id
