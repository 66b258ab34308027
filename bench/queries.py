"""Queries per page, on the seed and on a long generated article (200 paragraphs, 300 quotes, 500 notes).

    .venv/bin/python bench/queries.py

The counts must not grow with the article (the test suite asserts the same bounds). The page cache is
cleared before each request, so these are the costs of a full render.
"""

from __future__ import annotations

from _setup import ROOT, django_with_fresh_database, table


def main() -> None:
    django_with_fresh_database("queries")
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from reader.ingest import import_article
    from reader.models import Entity
    from reader.roles import EDITORS_GROUP
    from reader.sample_data import build_large_article

    editor = User.objects.create_user("bench-editor", password="bench-password-123")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    seed = import_article(name="article-0.txt", data=(ROOT / "samples/article-0.txt").read_bytes(),
                          publish=True).article
    large = build_large_article(author=editor)
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(editor)
    putin = Entity.objects.filter(name="Vladimir Putin").first() or Entity.objects.first()

    pages = [("list /", anonymous, reverse("reader:index")),
             ("seed article, reader", anonymous, seed.get_absolute_url()),
             ("seed article, editor", signed_in, seed.get_absolute_url()),
             ("long article, reader", anonymous, large.get_absolute_url()),
             ("long article, editor", signed_in, large.get_absolute_url()),
             ("entity page", anonymous, reverse("reader:entity", args=[putin.slug]))]
    try:
        pages.append(("search", anonymous, reverse("reader:search") + "?q=putin"))
    except NoReverseMatch:
        pass
    rows = []
    for label, client, url in pages:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        rows.append([label, status, len(queries)])
    print(table(["page", "status", "queries"], rows))


if __name__ == "__main__":
    main()
