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


@pytest.mark.django_db  # makemigrations reads which migrations the database has applied
def test_the_models_and_their_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits with 1 on a missing migration


def test_altering_fields_in_a_batch_gives_the_state_of_one_alteration_per_field():
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import AlterField

    from reader.migration_operations import AlterFields

    loader = MigrationLoader(None, ignore_no_migrations=True)
    batches = [op for op in loader.get_migration("reader", "0015_translated_labels").operations
               if isinstance(op, AlterFields)]
    assert len(batches) > 5
    # Three kinds of model: one many others point to (article), one pointing to another of ours (entitymerge) and
    # one pointing to the user model (blockedname).
    batches = [batch for batch in batches if batch.model_name in ("article", "entitymerge", "blockedname")]
    assert len(batches) == 3 and any(field.is_relation for batch in batches for _, field in batch.fields)
    one_by_one, batched = (loader.project_state(("reader", "0014_jobs")) for _ in range(2))
    for state in (one_by_one, batched):
        state.apps  # rendered, as the executor's state is: each alteration reloads the models it touches  # noqa: B018
    for batch in batches:
        for name, field in batch.fields:
            AlterField(batch.model_name, name, field).state_forwards("reader", one_by_one)
        batch.state_forwards("reader", batched)
    assert batched.models == one_by_one.models
    for model in one_by_one.apps.get_models():
        other = batched.apps.get_model(model._meta.label)
        assert [(f.name, f.verbose_name, f.help_text, f.related_model and f.related_model._meta.label)
                for f in other._meta.get_fields() if hasattr(f, "verbose_name")] == \
               [(f.name, f.verbose_name, f.help_text, f.related_model and f.related_model._meta.label)
                for f in model._meta.get_fields() if hasattr(f, "verbose_name")]
