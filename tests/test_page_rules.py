"""Templates show what Python decided: speaker types, the missed-quote form, plurals and sidebar headings."""

import re

import pytest
from django.urls import reverse

from reader.models import Entity
from reader.templatetags.reading_charts import entity_type_label

pytestmark = pytest.mark.django_db


def test_the_speaker_list_offers_people_and_organisations_only(editor_client, seed_article):
    page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    datalist = page.split('<datalist id="people">')[1].split("</datalist>")[0]
    offered = set(re.findall(r'<option value="([^"]+)">', datalist))
    speakers = Entity.objects.filter(mentions__article=seed_article, type__in=Entity.SPEAKER_TYPES)
    assert offered == set(speakers.values_list("name", flat=True))
    assert "Seul" not in offered  # a place


def test_the_missed_quote_form_is_the_form_with_ids_of_its_own(editor_client, seed_article):
    page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    first = seed_article.paragraphs.order_by("position").first().anchor
    form = page.split(f'id="{first}"')[1].split('class="missed-quote"')[1].split("</form>")[0]
    assert f'id="{first}-quote-text"' in form and f'for="{first}-quote-text"' in form
    assert re.search(r'<input type="text" name="text" class="missed-text"', form)
    assert re.search(r'<input type="hidden" name="start" class="missed-start"', form)
    assert re.search(r'<input type="text" name="speaker"[^>]* list="people"', form)
    assert '<option value="indirect">indirect</option>' in form
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_entity_counts_are_pluralised_by_gettext(client, seed_article):
    putin = Entity.objects.get(name="Vladimir Putin")
    url = reverse("reader:entity", args=[putin.slug])
    romanian = client.get(url).content.decode()
    assert re.search(r"· \d+ mențiuni · \d+ citate", romanian)
    english = client.get("/en" + url).content.decode()
    assert re.search(r"· \d+ mentions · \d+ quotes", english)


def test_sidebar_headings_are_found_by_type_not_by_its_label(client, seed_article, monkeypatch):
    monkeypatch.setattr(Entity.Type.PERSON, "_label_", "persoană")  # a translated label changes no heading
    assert str(entity_type_label(Entity.Type.PERSON)) == "Persoane"
    page = client.get(seed_article.get_absolute_url()).content.decode()
    assert "<h3>Persoane</h3>" in page and "<h3>Locuri</h3>" in page
