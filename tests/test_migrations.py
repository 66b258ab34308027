import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("reader", "0007_mention_quote_article")
AFTER = ("reader", "0008_entity_type_facility")

# Each unapplies a run of migrations and applies them again: several seconds.
pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=True)
def test_facilities_stored_as_other_become_facilities_but_a_curators_other_stays():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    Entity = executor.loader.project_state([BEFORE]).apps.get_model("reader", "Entity")
    Entity.objects.create(name="Sala Palatului", type="OTHER", key="sala palatului", slug="sala-palatului")
    Entity.objects.create(name="Zilele Clujului", type="OTHER", key="zilele clujului", slug="zilele", confirmed=True)
    Entity.objects.create(name="Ion Pop", type="PERSON", key="ion pop", slug="ion-pop")

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    Entity = executor.loader.project_state([AFTER]).apps.get_model("reader", "Entity")
    assert dict(Entity.objects.values_list("name", "type")) == {
        "Sala Palatului": "FACILITY", "Zilele Clujului": "OTHER", "Ion Pop": "PERSON",
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


EVENT_BEFORE = ("reader", "0010_article_count")
EVENT_AFTER = ("reader", "0011_entity_type_event")


@pytest.mark.django_db(transaction=True)
def test_events_are_a_type_of_their_own_and_stored_entities_keep_theirs():
    from django.core.exceptions import ValidationError

    executor = MigrationExecutor(connection)
    executor.migrate([EVENT_BEFORE])
    Entity = executor.loader.project_state([EVENT_BEFORE]).apps.get_model("reader", "Entity")
    with pytest.raises(ValidationError):
        Entity(name="Festivalul Florilor", type="EVENT", key="festivalul florilor", slug="ff").full_clean()
    Entity.objects.create(name="Zilele Orașului", type="OTHER", key="zilele orasului", slug="zilele")

    executor = MigrationExecutor(connection)
    executor.migrate([EVENT_AFTER])
    Entity = executor.loader.project_state([EVENT_AFTER]).apps.get_model("reader", "Entity")
    Entity(name="Festivalul Florilor", type="EVENT", key="festivalul florilor", slug="ff").full_clean()
    assert Entity.objects.get(slug="zilele").type == "OTHER"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
