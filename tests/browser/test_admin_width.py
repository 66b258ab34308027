"""The admin's lists fit a laptop's screen: no horizontal scrollbar at 1,400 or 1,280 px, with long titles, names,
addresses and result lines in the rows."""

import pytest
from django.utils import timezone

from reader.models import Article, Batch, Entity, Feed, Job, Mention, Note

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "parola-lunga-de-test-7"
LONG = ("Consiliul Local a aprobat bugetul pe anul viitor după o ședință de nouă ore în care opoziția a cerut "
        "amânarea votului de trei ori")
OVERFLOW = """() => {
    const wide = {};
    for (const [name, el] of [["page", document.documentElement], ["results", document.querySelector(".results")]]) {
        if (el && el.scrollWidth > el.clientWidth) wide[name] = [el.scrollWidth, el.clientWidth];
    }
    return Object.keys(wide).length ? wide : null;
}"""
CHANGELISTS = ["article", "quote", "entity", "note", "batch", "feed", "paragraph", "figure"]


@pytest.fixture
def long_rows(seed_article, make_user):
    """Rows whose every text column is as long as the newsroom's get."""
    curator = make_user("curator", password=PASSWORD, is_staff=True, is_superuser=True)
    Article.objects.filter(pk=seed_article.pk).update(title=LONG, source="Agenția de presă a Consiliului Județean")
    paragraph = seed_article.paragraphs.get(position=4)
    entity = Entity.objects.create(name="Asociația Proprietarilor din Cartierul Tineretului Nord-Est", type="ORG",
                                   key="asociatia proprietarilor", slug="asociatia-proprietarilor",
                                   aliases=[f"Asociația Proprietarilor {n} din Cartierul Tineretului"
                                            for n in range(8)])
    Mention.objects.create(entity=entity, paragraph=paragraph, start=0, end=5)
    Note.create(paragraph=paragraph, author=curator, body=LONG * 2, kind=Note.Kind.CONTEXT,
                visibility=Note.Visibility.PUBLIC)
    Feed.objects.create(url="https://stiri.example.org/categorii/administratie-locala/consiliul-judetean/" + "a" * 120
                        + "/feed.xml", title=LONG, last_polled_at=timezone.now(), last_result=LONG)
    batch = Batch.objects.create(kind=Batch.Kind.IMPORT, label=f"Încărcare: {LONG}.txt, {LONG}.txt, {LONG}.txt"[:300],
                                 created_by=curator, finished_at=timezone.now())
    Job.objects.create(batch=batch, name=f"{LONG}.txt", status=Job.Status.DONE, outcome="imported",
                       message=LONG, finished_at=timezone.now())
    return curator


WIDTHS = (1280, 1400)


def test_admin_lists_have_no_horizontal_scrollbar(page, live_server, long_rows):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    wide = {}
    for model in CHANGELISTS:
        for prefix in ("", "/en"):
            url = f"{prefix}/admin/reader/{model}/"
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto(live_server.url + url)
            assert page.locator("#result_list tbody tr").count() > 0, f"{url} is empty"
            for width in WIDTHS:  # the same page laid out again at each width: a window resized
                page.set_viewport_size({"width": width, "height": 900})
                # The page, and the results' own box (Django's admin scrolls a wide table inside it).
                sizes = page.evaluate(OVERFLOW)
                if sizes:
                    wide[f"{url} at {width} px"] = sizes
    assert not wide, f"wider than the window: {wide}"
