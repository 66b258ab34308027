import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("reader", "0007_mention_quote_article")
AFTER = ("reader", "0008_entity_type_facility")


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
