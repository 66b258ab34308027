"""A curator merges two entities from the admin, in Chromium."""

import pytest

from reader.models import Entity, Mention

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_curator_merges_entities_from_the_admin(page, live_server, seed_article, make_user):
    make_user("curator", password="parola-lunga-de-test-7", is_staff=True, is_superuser=True)
    putin = Entity.objects.get(name="Vladimir Putin")
    stray = Entity.objects.create(name="Putin V.", type="PERSON", key="putin v.", slug="putin-v")
    Mention.objects.create(entity=stray, paragraph=seed_article.paragraphs.get(position=4), start=0, end=5)
    total = Mention.objects.filter(entity__in=[putin, stray]).count()

    page.goto(f"{live_server.url}/admin/login/?next=/admin/reader/entity/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", "parola-lunga-de-test-7")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/reader/entity/")

    for entity in (putin, stray):
        page.check(f"input[name=_selected_action][value='{entity.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("text=Unește în")
    page.select_option("select[name=target]", str(putin.pk))
    page.click("input[type=submit][value=Unește]")
    page.wait_for_selector("text=Unite în")

    assert not Entity.objects.filter(pk=stray.pk).exists()
    assert Mention.objects.filter(entity=putin).count() == total
    putin.refresh_from_db()
    assert "Putin V." in putin.aliases
