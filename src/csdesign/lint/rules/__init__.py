"""One module per rule family; importing this package registers every rule."""

from csdesign.lint.rules import meta, reporting, schema, structure  # noqa: F401
