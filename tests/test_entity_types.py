from django.utils import translation

from reader.models import Entity
from reader.templatetags.reading_charts import entity_type_label


def test_every_entity_type_has_a_sidebar_heading_in_both_languages():
    for code in Entity.Type.values:
        with translation.override("ro"):
            romanian = str(entity_type_label(code))
        with translation.override("en"):
            english = str(entity_type_label(code))
        assert romanian != code and english != code, code
    with translation.override("ro"):
        assert str(entity_type_label("EVENT")) == "Evenimente"
    with translation.override("en"):
        assert str(entity_type_label("EVENT")) == "Events"
