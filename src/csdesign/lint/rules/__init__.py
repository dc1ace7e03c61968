"""One module per rule family; importing this package registers every rule."""

from csdesign.lint.rules import capacity, jobs, kpis, meta, reporting, responsibilities, schema, spans, structure  # noqa: F401
