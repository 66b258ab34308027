"""Migration operations of the project's own (imported by reader/migrations; keep their behaviour stable)."""

from django.db.migrations.operations import AlterField
from django.db.migrations.operations.base import Operation


class AlterFields(Operation):
    """Several ``AlterField`` on one model as one operation: the same state and schema changes, but the model is
    re-rendered once for the batch. Django re-renders a model and every model related to it after each
    ``AlterField``, so a migration relabelling a hundred fields spent most of a full migrate rendering models, and
    every test database and deployment paid for it."""

    def __init__(self, model_name: str, fields: list):
        self.model_name = model_name
        self.fields = list(fields)  # (name, field) pairs, as AlterField's name and field
        super().__init__()

    @property
    def model_name_lower(self) -> str:
        return self.model_name.lower()

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name, "fields": self.fields}

    def _each(self) -> list[AlterField]:
        return [AlterField(self.model_name, name, field) for name, field in self.fields]

    def state_forwards(self, app_label, state):
        # ProjectState.alter_field reloads a rendered state each time (it checks for a rendered "apps", as
        # reload_model does): alter every field on the unrendered state, then reload the model and its relations
        # once, never delayed, as for a relational field.
        rendered = state.__dict__.pop("apps", None)
        try:
            for operation in self._each():
                operation.state_forwards(app_label, state)
        finally:
            if rendered is not None:
                state.__dict__["apps"] = rendered
        state.reload_model(app_label, self.model_name_lower, delay=False)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for operation in self._each():
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for operation in self._each():
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def references_model(self, name, app_label):
        return any(operation.references_model(name, app_label) for operation in self._each())

    def references_field(self, model_name, name, app_label):
        return any(operation.references_field(model_name, name, app_label) for operation in self._each())

    def describe(self):
        return f"Alter fields {', '.join(name for name, _ in self.fields)} on {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"alter_{self.model_name_lower}_fields"
