"""One module per rule family; importing this package registers every rule."""

from csdesign.lint.rules import kpis, meta, reporting, responsibilities, schema, structure  # noqa: F401
